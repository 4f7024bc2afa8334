"""rect undo: the last uncommitted mark, taken back byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import Invoke

NOTHING = "error: 没有可撤销的记录（rect undo 只撤销本机最近一次未提交的 rect mark）\n"


def test_undo_takes_back_the_last_mark_only(shipped: Path, invoke: Invoke) -> None:
    before = shipped.read_bytes()
    assert invoke("mark", "3.2", "doing", "--by", "x", file=shipped).exit_code == 0
    after_first = shipped.read_bytes()
    args = ["mark", "3.5", "done", "--unit", "池南区", "--note", "ok", "--by", "x"]
    assert invoke(*args, file=shipped).exit_code == 0
    result = invoke("undo", file=shipped)
    assert (result.exit_code, result.stdout) == (0, "已撤销 3.5：推进中 → 未启动\n")
    assert shipped.read_bytes() == after_first
    result = invoke("undo", file=shipped)
    assert (result.exit_code, result.stderr) == (2, NOTHING)
    assert shipped.read_bytes() != before  # one step: the first mark stays
    rows = invoke("list", "--task", "3", "--format", "json", file=shipped).stdout
    assert '"status": "doing"' in rows  # the cache follows the file


def test_undo_refuses_after_a_hand_edit(shipped: Path, invoke: Invoke) -> None:
    assert invoke("mark", "3.2", "doing", "--by", "x", file=shipped).exit_code == 0
    text = shipped.read_text(encoding="utf-8")
    shipped.write_text(text.replace("status: doing, by: x", "status: doing, by: y"), "utf-8")
    result = invoke("undo", file=shipped)
    assert result.exit_code == 2
    assert "在上次记录后已被修改，不能撤销" in result.stderr


def test_undo_refuses_a_committed_mark(shipped: Path, invoke: Invoke) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=shipped.parent, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@e", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "base")
    assert invoke("mark", "3.2", "doing", "--by", "x", file=shipped).exit_code == 0
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qam", "mark")
    result = invoke("undo", file=shipped, lang="en")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: the last mark is committed to git; undo it with git revert\n",
    )
