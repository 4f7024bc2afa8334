"""A list kept in several files in git: rect diff compares the whole list between
revisions (files added and removed included); textconv, the merge driver and init-git
work on each file of it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from rectcli.history.revisions import checklist_at
from tests.helpers import FIXTURES, MAIN, SHARD, Invoke, Repo, git_environment

HOUSING = """tasks:
  - id: "3"
    title: 新问题
    units: [住建局]
    deadline: 2024年9月底
    measures:
      - id: "3.1"
        text: 住建局新措施。
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        check=True,
    )


@pytest.fixture
def sharded_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds data/tasks.yaml (plan, task 1) and
    data/tasks/池南区.yaml (task 2); cwd = its root. Returns the data directory."""
    data = tmp_path / "data"
    (data / "tasks").mkdir(parents=True)
    shutil.copy(FIXTURES / "mini" / "units.yaml", data / "units.yaml")
    (data / "tasks.yaml").write_text(MAIN, encoding="utf-8")
    (data / "tasks" / "池南区.yaml").write_text(SHARD, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    return data


def test_diff_sees_a_change_in_a_shard(invoke: Invoke, sharded_repo: Path) -> None:
    assert invoke("diff").stdout == "任务清单没有实质变化。\n"
    result = invoke("mark", "2.1", "doing", "--note", "开工", "--by", "x", as_of="2024-06-01")
    assert result.exit_code == 0, result.output
    result = invoke("diff")
    assert (result.exit_code, result.stdout) == (
        0,
        "2.1 未启动 → 推进中 (x, 2024-06-01: 开工)\n共 1 处变化。\n",
    )


def test_diff_between_revisions_with_shards_added_and_removed(
    invoke: Invoke, sharded_repo: Path
) -> None:
    root = sharded_repo.parent
    (sharded_repo / "tasks" / "住建局.yaml").write_text(HOUSING, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "a shard added")
    _git(root, "rm", "-q", "data/tasks/池南区.yaml")
    _git(root, "commit", "-qm", "a shard removed")
    assert invoke("diff", "HEAD~2", "HEAD~1").stdout == (
        "+ 3 新增问题 (1 项措施): 新问题\n共 1 处变化。\n"
    )
    assert invoke("diff", "HEAD~1", "HEAD").stdout == (
        "- 2 删除问题 (1 项措施): 渗滤液积存\n共 1 处变化。\n"
    )
    # the same from inside data/, and between a revision and the files on disk
    assert invoke("diff", "HEAD~2", file=sharded_repo).stdout == (
        "- 2 删除问题 (1 项措施): 渗滤液积存\n+ 3 新增问题 (1 项措施): 新问题\n共 2 处变化。\n"
    )


def test_a_list_split_into_shards_is_no_change(invoke: Invoke, sharded_repo: Path) -> None:
    root = sharded_repo.parent
    shutil.rmtree(sharded_repo / "tasks")
    (sharded_repo / "tasks.yaml").write_text(
        (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "joined")
    assert invoke("diff", "HEAD~1", "HEAD").stdout == "任务清单没有实质变化。\n"
    checklist = checklist_at(sharded_repo / "tasks.yaml", "HEAD~1")
    assert checklist.ids() == ["1", "1.1", "1.2", "1.3", "2", "2.1"]
    assert checklist.path == "HEAD~1:data/tasks.yaml"


def test_diff_of_a_directory_of_files(invoke: Invoke, tmp_path: Path) -> None:
    bureaus = tmp_path / "bureaus"
    bureaus.mkdir()
    shutil.copy(FIXTURES / "mini" / "units.yaml", bureaus / "units.yaml")
    (bureaus / "a.yaml").write_text(MAIN, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    (bureaus / "b.yaml").write_text(SHARD, encoding="utf-8")
    result = invoke("diff", file=bureaus)
    assert (result.exit_code, result.stdout) == (
        0,
        "+ 2 新增问题 (1 项措施): 渗滤液积存\n共 1 处变化。\n",
    )


def test_diff_names_a_problem_in_a_shard_at_its_revision(
    invoke: Invoke, sharded_repo: Path
) -> None:
    shard = sharded_repo / "tasks" / "池南区.yaml"
    shard.write_text(SHARD.replace("status: todo", "status: started"), encoding="utf-8")
    _git(sharded_repo.parent, "commit", "-qam", "broken")
    result = invoke("diff", "HEAD", "HEAD~1")
    assert result.exit_code == 2
    assert result.stderr.startswith("HEAD:data/tasks/池南区.yaml:")


# ---- textconv, the merge driver and init-git on a shard ---------------------------


@pytest.fixture
def git_repo(tmp_path: Path) -> Repo:
    """The sharded list in a repository set up with rect init-git (the real rect)."""
    root = tmp_path / "repo"
    data = root / "data"
    (data / "tasks").mkdir(parents=True)
    shutil.copy(FIXTURES / "mini" / "units.yaml", data / "units.yaml")
    (data / "tasks.yaml").write_text(MAIN, encoding="utf-8")
    (data / "tasks" / "池南区.yaml").write_text(SHARD, encoding="utf-8")
    repo = Repo(root, git_environment(tmp_path))
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "测试")
    repo.git("config", "user.email", "test@example.org")
    result = repo.rect("init-git")
    assert result.stdout.splitlines()[:2] == [
        "added to .gitattributes: data/*.yaml merge=rect diff=rect",
        "added to .gitattributes: data/tasks/*.yaml merge=rect diff=rect",
    ]
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "base")
    return repo


def test_init_git_covers_the_shards_once(git_repo: Repo) -> None:
    again = git_repo.rect("init-git").stdout.splitlines()[:2]
    assert again == [
        ".gitattributes already has: data/*.yaml merge=rect diff=rect",
        ".gitattributes already has: data/tasks/*.yaml merge=rect diff=rect",
    ]
    shard = "data/tasks/池南区.yaml"
    out = git_repo.git(
        "-c", "core.quotepath=off", "check-attr", "merge", "diff", "--", shard
    ).stdout
    assert out == f"{shard}: merge: rect\n{shard}: diff: rect\n"


def test_git_diff_of_a_shard_in_facts(git_repo: Repo) -> None:
    git_repo.rect("mark", "2.1", "doing", "--by", "x", "--date", "2024-05-01")
    out = git_repo.git("-c", "core.quotepath=off", "diff", "--no-color").stdout
    assert "\n-2.1 status: todo\n+2.1 status: doing\n" in out
    assert "+2.1 progress: {date: 2024-05-01, status: doing, by: x}\n" in out


def test_marks_of_one_shard_on_two_branches_merge_by_measure(git_repo: Repo) -> None:
    def mark(note: str, by: str, day: str) -> None:
        git_repo.rect("mark", "2.1", "doing", "--note", note, "--by", by, "--date", day)

    result = git_repo.diverge(
        lambda: mark("北侧", "甲", "2024-05-02"), lambda: mark("南侧", "乙", "2024-05-03")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stderr  # merged by measure, not line by line
    shard = (git_repo.root / "data" / "tasks" / "池南区.yaml").read_text(encoding="utf-8")
    assert shard.endswith(
        "        progress:\n"
        "          - {date: 2024-05-02, status: doing, note: 北侧, by: 甲}\n"
        "          - {date: 2024-05-03, status: doing, note: 南侧, by: 乙}\n"
    )


def test_a_revision_before_units_yaml_is_read_with_todays(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "mini" / "tasks.yaml", data / "tasks.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "data/tasks.yaml")
    _git(tmp_path, "commit", "-qm", "the task list alone")
    shutil.copy(FIXTURES / "mini" / "units.yaml", data / "units.yaml")  # not committed
    monkeypatch.chdir(tmp_path)
    result = invoke("diff", "HEAD")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "任务清单没有实质变化。\n", "")


def test_a_broken_holidays_file_stops_a_diff_between_revisions(
    invoke: Invoke, sharded_repo: Path
) -> None:
    (sharded_repo / "holidays.yaml").write_text("years: 5\n", encoding="utf-8")
    result = invoke("diff", "HEAD", "HEAD")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "data/holidays.yaml:1:8: error: years: input should be a valid list\n",
    )
