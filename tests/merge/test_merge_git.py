"""The merge driver in real git repositories, rect init-git, and conflicts left in files.

The git tests run the installed ``rect`` (this interpreter's scripts directory first on
PATH) the way git does, with the user's own git configuration kept out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import (
    BASE,
    SHIPPED_DATA,
    UNITS,
    Invoke,
    Repo,
    block,
    git_environment,
    line_of,
    marked,
    measure_lines,
    merge,
)

CONFLICT = (
    "error: unresolved merge conflict; keep the right lines and delete the "
    "<<<<<<< ======= >>>>>>> markers"
)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository holding a copy of the shipped data, set up with rect init-git."""
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, root / "data")
    repo = Repo(root, git_environment(tmp_path))
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "测试")
    repo.git("config", "user.email", "test@example.org")
    repo.rect("init-git")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "base")
    assert repo.git("check-attr", "merge", "data/tasks.yaml").stdout == (
        "data/tasks.yaml: merge: rect\n"
    )
    return repo


def mark_args(measure: str, status: str, day: str, note: str, by: str = "池北区") -> list[str]:
    return ["mark", measure, status, "--note", note, "--by", by, "--date", day]


def test_marks_of_different_measures(repo: Repo) -> None:
    result = repo.diverge(
        lambda: repo.rect(*mark_args("3.2", "doing", "2024-03-01", "已清运约一半")),
        lambda: repo.rect(*mark_args("4.2", "done", "2024-03-02", "完成")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    expected = marked(
        marked(BASE, "3.2", "doing", "2024-03-01", "已清运约一半"),
        "4.2",
        "done",
        "2024-03-02",
        "完成",
    )
    assert repo.tasks.read_text(encoding="utf-8") == expected


def test_two_one_line_marks_are_a_two_line_change(repo: Repo) -> None:
    repo.rect(*mark_args("3.2", "doing", "2024-03-01", "开始"))
    repo.rect(*mark_args("4.2", "doing", "2024-03-01", "开始"))
    repo.git("commit", "-q", "-a", "-m", "both started")
    result = repo.diverge(
        lambda: repo.rect(*mark_args("3.2", "doing", "2024-03-05", "过半")),
        lambda: repo.rect(*mark_args("4.2", "doing", "2024-03-06", "过半")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    numstat = repo.git("diff", "--no-textconv", "--numstat", "HEAD~2", "HEAD").stdout
    assert numstat == "2\t0\tdata/tasks.yaml\n"


def test_the_same_measure_marked_with_different_notes_keeps_both(repo: Repo) -> None:
    # Both append at the same place: git's line merge alone would conflict here.
    result = repo.diverge(
        lambda: repo.rect(*mark_args("3.2", "doing", "2024-03-05", "池北区: 过半")),
        lambda: repo.rect(*mark_args("3.2", "doing", "2024-03-01", "住建局: 督办", "住建局")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    expected = marked(
        marked(BASE, "3.2", "doing", "2024-03-01", "住建局: 督办", "住建局"),
        "3.2",
        "doing",
        "2024-03-05",
        "池北区: 过半",
    )
    assert repo.tasks.read_text(encoding="utf-8") == expected


def test_the_same_status_set_differently_is_a_conflict(repo: Repo) -> None:
    def theirs() -> None:
        repo.rect(*mark_args("3.2", "done", "2024-03-01", "已清运完毕", "住建局"))
        repo.rect(*mark_args("4.2", "done", "2024-03-02", "完成"))

    result = repo.diverge(
        lambda: repo.rect(*mark_args("3.2", "doing", "2024-03-05", "仍在清运")), theirs
    )
    assert result.returncode == 1
    assert "CONFLICT (content): Merge conflict in data/tasks.yaml" in result.stdout
    text = repo.tasks.read_text(encoding="utf-8")
    line = line_of(text, "<<<<<<< ours")
    assert result.stderr.splitlines()[0] == (
        f"data/tasks.yaml:{line}:1: conflict: measure 3.2: status changed on both sides "
        "(ours: doing, theirs: done)"
    )
    both = marked(
        marked(BASE, "3.2", "done", "2024-03-01", "已清运完毕", "住建局"),
        "3.2",
        "doing",
        "2024-03-05",
        "仍在清运",
    )
    ours_half = measure_lines(both, "3.2", '      - id: "3.3"')
    theirs_half = ours_half.replace("status: doing\n", "status: done\n")
    expected = marked(BASE, "4.2", "done", "2024-03-02", "完成").replace(
        measure_lines(BASE, "3.2", '      - id: "3.3"'), block(ours_half, theirs_half)
    )
    assert text == expected
    assert repo.git("diff", "--name-only", "--diff-filter=U").stdout == "data/tasks.yaml\n"

    # Until it is resolved every command points at the markers.
    status = repo.rect("status", check=False)
    markers = [line, line + ours_half.count("\n") + 1, line + 2 * ours_half.count("\n") + 2]
    assert (status.returncode, status.stderr) == (
        2,
        "".join(f"data/tasks.yaml:{n}:1: {CONFLICT}\n" for n in markers),
    )
    # The log is the truth: theirs' status is not what the merged log says (done, then doing)
    repo.edit(lambda text: text.replace(block(ours_half, theirs_half), theirs_half))
    kept = repo.rect("show", "3.2", check=False)
    assert kept.returncode == 2 and "3.2 is done but its progress log says doing" in kept.stderr
    repo.edit(lambda text: text.replace(theirs_half, ours_half))
    assert repo.rect("show", "3.2").returncode == 0


def test_a_comment_edit_and_a_mark_both_survive(repo: Repo) -> None:
    comment = "        units: [池北区]   # 池北区组织各相关部门: 池北区 owns it\n"

    def ours(text: str) -> str:
        text = text.replace(comment, "        units: [池北区]   # 池北区牵头\n")
        return text.replace("# issued 2024-04-12 by", "# Issued 2024-04-12 by")

    result = repo.diverge(
        lambda: repo.edit(ours),
        lambda: repo.rect(*mark_args("3.3", "doing", "2024-03-01", "已巡查")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert repo.tasks.read_text(encoding="utf-8") == marked(
        ours(BASE), "3.3", "doing", "2024-03-01", "已巡查"
    )


def test_units_yaml_merges_by_unit(repo: Repo) -> None:
    aliases, kind = "    aliases: [住建部门]\n", "    kind: department\n"
    assert aliases + kind in UNITS  # adjacent lines: git's line merge would conflict
    result = repo.diverge(
        lambda: repo.edit(
            lambda t: t.replace(aliases, "    aliases: [住建部门, 住建]\n"), "units.yaml"
        ),
        lambda: repo.edit(
            lambda t: t.replace(aliases + kind, aliases + "    kind: government\n"), "units.yaml"
        ),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo.root / "data" / "units.yaml").read_text(encoding="utf-8") == UNITS.replace(
        aliases + kind, "    aliases: [住建部门, 住建]\n    kind: government\n"
    )


# ---- rect init-git ----


def test_init_git_adds_its_line_once_and_keeps_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, root / "data")
    repo = Repo(root, git_environment(tmp_path))
    repo.git("init", "-q")
    (root / ".gitattributes").write_text("*.png binary", encoding="utf-8")
    first = repo.rect("init-git")
    assert first.stdout == (
        "added to .gitattributes: data/*.yaml merge=rect diff=rect\n"
        "set git config merge.rect.name = rect: task lists merged by task and measure\n"
        "set git config merge.rect.driver = rect merge-driver %O %A %B %P %L\n"
        "set git config diff.rect.textconv = rect textconv\n"
    )
    second = repo.rect("init-git")
    assert second.stdout == (
        ".gitattributes already has: data/*.yaml merge=rect diff=rect\n"
        "git config merge.rect.name is already rect: task lists merged by task and measure\n"
        "git config merge.rect.driver is already rect merge-driver %O %A %B %P %L\n"
        "git config diff.rect.textconv is already rect textconv\n"
    )
    attributes = (root / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == "*.png binary\ndata/*.yaml merge=rect diff=rect\n"
    assert repo.git("config", "merge.rect.driver").stdout == "rect merge-driver %O %A %B %P %L\n"


def test_init_git_adds_only_the_missing_attribute(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, root / "data")
    repo = Repo(root, git_environment(tmp_path))
    repo.git("init", "-q")
    (root / ".gitattributes").write_text("data/*.yaml  diff=rect\r\n", encoding="utf-8")
    assert repo.rect("init-git").stdout.splitlines()[0] == (
        "added to .gitattributes: data/*.yaml merge=rect"
    )
    attributes = (root / ".gitattributes").read_bytes()
    assert attributes == b"data/*.yaml  diff=rect\r\ndata/*.yaml merge=rect\r\n"


def test_init_git_names_the_task_lists_directory(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, root / "plans" / "2024")
    repo = Repo(root, git_environment(tmp_path))
    repo.git("init", "-q")
    result = repo.rect("--lang", "zh", "--file", "plans/2024/tasks.yaml", "init-git")
    assert (
        result.stdout.splitlines()[0]
        == "已在 .gitattributes 中添加：plans/2024/*.yaml merge=rect diff=rect"
    )


def test_init_git_outside_a_repository(tmp_path: Path) -> None:
    repo = Repo(tmp_path, git_environment(tmp_path))
    result = repo.rect("init-git", check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {tmp_path} is not in a git repository; run git init (or clone) first\n"
    )


# ---- rect merge-driver, called directly ----


def _versions(tmp_path: Path, base: str, ours: str, theirs: str) -> list[str]:
    paths = []
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def test_driver_writes_the_merge_into_ours(invoke: Invoke, tmp_path: Path) -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = marked(BASE, "4.2", "done", "2024-03-02", "乙")
    result = invoke("merge-driver", *_versions(tmp_path, BASE, ours, theirs), "data/tasks.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "A").read_text(encoding="utf-8") == merge(BASE, ours, theirs).data.decode()


def test_driver_reports_each_conflict_and_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-05", "甲")
    theirs = marked(BASE, "3.2", "done", "2024-03-01", "乙")
    result = invoke(
        "merge-driver", *_versions(tmp_path, BASE, ours, theirs), "data/tasks.yaml", "9"
    )
    text = (tmp_path / "A").read_text(encoding="utf-8")
    line = line_of(text, "<<<<<<<<< ours")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"data/tasks.yaml:{line}:1: conflict: measure 3.2: status changed on both sides "
        "(ours: doing, theirs: done)\n"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_driver_merges_a_broken_file_line_by_line(invoke: Invoke, tmp_path: Path) -> None:
    issued = "  issued: 2024-04-12\n"
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲").replace(
        issued, "  issued: 2024-04-31\n"
    )
    theirs = marked(BASE, "4.2", "done", "2024-03-02", "乙")
    result = invoke("merge-driver", *_versions(tmp_path, BASE, ours, theirs), "data/tasks.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        f"data/tasks.yaml:{line_of(BASE, issued.rstrip())}:1: warning: impossible date "
        "2024-04-31: day is out of range for month; merged line by line\n"
    )
    assert (tmp_path / "A").read_text(encoding="utf-8") == marked(
        ours, "4.2", "done", "2024-03-02", "乙"
    )


# ---- a conflict left in a file: every command that reads it says where ----

READERS = [["status"], ["list"], ["show", "3.2"], ["overdue"], ["check"], ["report"], ["upcoming"]]


def _conflicted(name: str) -> tuple[str, list[int]]:
    if name == "tasks.yaml":
        ours = marked(BASE, "3.2", "doing", "2024-03-05", "甲")
        text = merge(BASE, ours, marked(BASE, "3.2", "done", "2024-03-01", "乙")).data.decode()
    else:
        kind = "    aliases: [住建部门]\n    kind: department\n"
        ours = UNITS.replace(kind, kind.replace("department", "government"))
        theirs = UNITS.replace(kind, kind.replace("department", "institution"))
        text = merge(UNITS, ours, theirs, path="data/units.yaml").data.decode()
    lines = text.splitlines()
    return text, [
        n for n, line in enumerate(lines, 1) if line[:7] in ("<<<<<<<", "=======", ">>>>>>>")
    ]


# rect mark edits tasks.yaml alone (it never reads units.yaml), and refuses a conflicted one.
CASES = [(name, command) for name in ("tasks.yaml", "units.yaml") for command in READERS]
CASES.append(("tasks.yaml", ["mark", "1.1", "doing"]))


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(("name", "command"), CASES, ids=[f"{n}-{' '.join(c)}" for n, c in CASES])
def test_every_command_locates_a_conflict_left_in_a_file(
    invoke: Invoke, shipped: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: list[str]
) -> None:
    text, markers = _conflicted(name)
    (shipped.parent / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(shipped.parent.parent)
    result = invoke(*command, file=shipped, env={"RECT_NO_CACHE": "1"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "".join(f"data/{name}:{n}:1: {CONFLICT}\n" for n in markers)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_init_git_in_process(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same command run in-process: a repository with no task list yet, and a task
    list outside the repository."""
    environment = git_environment(tmp_path)
    for name in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.setenv(name, environment[name])
    root = tmp_path / "repo"
    root.mkdir()
    Repo(root, environment).git("init", "-q")
    monkeypatch.chdir(root)
    result = invoke("--lang", "en", "init-git", as_of=None)
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        "added to .gitattributes: data/*.yaml merge=rect diff=rect",
    )
    outside = tmp_path / "elsewhere" / "tasks.yaml"
    shutil.copytree(SHIPPED_DATA, outside.parent)
    result = invoke("init-git", file=outside, as_of=None)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {outside.parent} is outside the git repository {root}\n",
    )


def test_incidents_recorded_on_two_branches_merge_without_a_conflict(repo: Repo) -> None:
    result = repo.diverge(
        lambda: repo.rect("incident", "3.3", "--found", "2024-09-27", "--note", "老粮库西侧"),
        lambda: repo.rect("incident", "3.3", "--found", "2024-09-02", "--note", "城区边缘"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = repo.tasks.read_text(encoding="utf-8")
    assert measure_lines(text, "3.3", '      - id: "3.4"').endswith(
        "        status: todo\n"
        "        incidents:\n"
        "          - {duty: 7个工作日内, found: 2024-09-02, note: 城区边缘}\n"
        "          - {duty: 7个工作日内, found: 2024-09-27, note: 老粮库西侧}\n"
    )
    assert repo.rect("check", "--fail-on", "never").returncode == 0
