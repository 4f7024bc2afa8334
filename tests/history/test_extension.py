"""An approved extension (延期) is an entry; rect diff shows the move as approved."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke


def _git(path: Path, *args: str) -> None:
    who = ["-c", "user.name=t", "-c", "user.email=t@e"]
    subprocess.run(["git", *who, *args], cwd=path.parent, check=True, capture_output=True)


def test_an_extension_moves_the_deadline_approved(shipped: Path, invoke: Invoke) -> None:
    _git(shipped, "init", "-q")
    _git(shipped, "add", ".")
    _git(shipped, "commit", "-qm", "base")
    args = ["extend", "3.2", "2024年9月底前", "--evidence", "长管办〔2024〕12号", "--by", "管委会"]
    result = invoke(*args, file=shipped, as_of="2024-03-10")
    assert (result.exit_code, result.stdout) == (
        0,
        "已记录 3.2 延期至 2024年9月底前（2024-09-30）\n",
    )
    entry = (
        "{date: 2024-03-10, status: todo, action: 延期, deadline: 2024年9月底前, by: 管委会, "
        "evidence: 长管办〔2024〕12号}"
    )
    assert f"        progress:\n          - {entry}\n" in shipped.read_text(encoding="utf-8")
    rows = json.loads(invoke("list", "--format", "json", file=shipped, as_of="2024-07-01").stdout)
    row = next(r for r in rows if r["id"] == "3.2")
    assert (row["deadline"], row["due"], row["overdue"]) == ("2024年9月底前", "2024-09-30", False)
    result = invoke("diff", "--format", "json", file=shipped, as_of="2024-07-01")
    moved = [c for c in json.loads(result.stdout) if c["kind"] == "deadline"]
    assert [(c["id"], c["new"], c["extended"], c.get("approved")) for c in moved] == [
        ("3.2", "2024年9月底前", True, True)
    ]


@pytest.mark.usefixtures("english")
def test_an_extension_needs_its_deadline(shipped: Path, invoke: Invoke) -> None:
    result = invoke("extend", "3.2", "2024年13月底", "--evidence", "x", file=shipped)
    assert result.exit_code == 2 and result.stderr.startswith("error: DEADLINE: ")
    text = shipped.read_text(encoding="utf-8")
    at = text.index('      - id: "4.1"')
    at = text.index("status: todo\n", at)
    bad = "status: todo\n        progress:\n"
    bad += "          - {date: 2024-05-01, status: todo, action: 延期}\n"
    shipped.write_text(text[:at] + bad + text[at + len("status: todo\n") :], encoding="utf-8")
    result = invoke("check", file=shipped, as_of="2024-06-01")
    assert result.exit_code == 2
    assert (
        "4.1: an extension (延期) entry has action: 延期 and the approved deadline: together"
        in (result.stderr)
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["extend", "3", "2024年9月底前", "--evidence", "批复"], "延期"),
        (["escalate", "3", "督办", "--note", "督办函"], "督办"),
    ],
)
def test_an_action_on_a_problem_names_its_measures(
    shipped: Path, invoke: Invoke, args: list[str], said: str
) -> None:
    before = shipped.read_text(encoding="utf-8")
    result = invoke(*args, file=shipped, as_of="2024-03-10")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"error: “3”是问题，不是措施；{said}请记在其中一项措施上（3.1 … 3.8）\n"
    )  # no "or add --all": escalate and extend take no --all
    assert shipped.read_text(encoding="utf-8") == before
