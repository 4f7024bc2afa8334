"""rect diff and rect textconv (commands/history.py), on real git repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Invoke

MINI = FIXTURES / "mini"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINI, tmp_path / "data")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def test_cli_diff_head_against_files_and_between_commits(invoke: Invoke, repo: Path) -> None:
    assert invoke("diff").stdout == "任务清单没有实质变化。\n"
    assert (
        invoke("mark", "1.3", "doing", "--note", "开始", "--by", "x", as_of="2024-06-01").exit_code
        == 0
    )
    result = invoke("diff")
    assert (result.exit_code, result.stdout) == (
        0,
        "1.3 未启动 → 推进中 (x, 2024-06-01: 开始)\n共 1 处变化。\n",
    )
    _git(repo.parent.parent, "commit", "-qam", "mark")
    repo.write_text(repo.read_text(encoding="utf-8").replace("2024年6月底", "2024年9月底"))
    _git(repo.parent.parent, "commit", "-qam", "extend")
    assert invoke("diff", "HEAD~2", "HEAD~1").stdout == invoke(
        "diff", "HEAD~1", "HEAD~1"
    ).stdout.replace(
        "任务清单没有实质变化。\n", "1.3 未启动 → 推进中 (x, 2024-06-01: 开始)\n共 1 处变化。\n"
    )
    result = invoke("diff", "HEAD~1", "HEAD", "--format", "json")
    assert json.loads(result.stdout) == [
        {
            "id": "2",
            "level": "task",
            "kind": "deadline",
            "field": "deadline",
            "old": "2024年6月底",
            "new": "2024年9月底",
            "old_due": "2024-06-30",
            "new_due": "2024-09-30",
            "extended": True,
        }
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_cli_diff_errors(
    invoke: Invoke, repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    result = invoke("diff", "nosuch")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown git revision 'nosuch'; name a commit, branch or tag (e.g. HEAD~1)\n",
    )
    outside = tmp_path_factory.mktemp("outside") / "data"
    shutil.copytree(MINI, outside)
    result = invoke("diff", file=outside / "tasks.yaml")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "tasks.yaml: error: not in a git repository; rect diff compares git revisions\n"
    )


def test_cli_diff_when_the_file_is_new(invoke: Invoke, repo: Path) -> None:
    other = repo.parent / "other"
    shutil.copytree(MINI, other)
    result = invoke("diff", file=other / "tasks.yaml")
    assert result.stdout.splitlines()[:2] == [
        "方案 标题 — → 测试整改方案",
        "方案 印发日期 — → 2024-04-12",
    ]
    assert "+ 2 新增问题 (1 项措施): 渗滤液积存" in result.stdout


def test_textconv_as_git_diff_driver(invoke: Invoke, repo: Path) -> None:
    root = repo.parent.parent
    (root / ".gitattributes").write_text("data/*.yaml diff=rect\n", encoding="utf-8")
    _git(root, "config", "diff.rect.textconv", f"{sys.executable} -m rectcli textconv")
    assert invoke("mark", "1.3", "doing", "--by", "x", as_of="2024-06-01").exit_code == 0
    out = _git(root, "diff", "--no-color")
    assert (
        "\n-1.3 status: todo\n+1.3 status: doing\n"
        "+1.3 progress: {date: 2024-06-01, status: doing, by: x}\n"
    ) in out
