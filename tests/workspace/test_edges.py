"""The edges of a workspace: a git upper list, files a member cannot give, stale or
damaged sync state, members that cannot be read, and the workspace file's cache."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rectcli.history import mirror
from rectcli.store.cache import cache_dir
from rectcli.workspace import sync
from rectcli.workspace.config import parse_workspace
from tests.conftest import Invoke
from tests.workspace.conftest import Setup, git, make_member


def ws(invoke: Invoke, setup: Setup, *args: str, as_of: str = "2024-08-01"):  # type: ignore[no-untyped-def]
    return invoke("--workspace", str(setup.workspace), *args, as_of=as_of)


def upper_in_git(setup: Setup) -> None:
    """The upper list as a repository of its own, named with git: in the workspace."""
    province = setup.upper.parent.parent
    git("init", "-q", "-b", "main", cwd=province)
    git("add", ".", cwd=province)
    git("commit", "-qm", "upper", cwd=province)
    text = setup.workspace.read_text("utf-8").replace(
        "  path: province/data/tasks.yaml", "  git: province"
    )
    setup.workspace.write_text(text, "utf-8")


def test_a_git_upper_list_is_synced_and_read(invoke: Invoke, setup: Setup) -> None:
    upper_in_git(setup)
    before = ws(invoke, setup, "rollup")
    assert before.exit_code == 2
    assert "upper：从未同步；请运行 rect --workspace" in before.stderr
    synced = ws(invoke, setup, "sync")
    assert synced.exit_code == 0
    assert any(line.startswith("upper: 已同步 ") for line in synced.stdout.splitlines())
    result = ws(invoke, setup, "rollup", "--member", "丙市")
    assert result.exit_code == 0, result.stderr
    assert "upper: 刚刚同步" in result.stderr.splitlines()
    assert "  下级落实: （无）" in result.stdout.splitlines()
    assert "  未对应的成员: 丙市" in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("data/none.yaml", "data/none.yaml is not in commit "),
        ("nowhere/tasks.yaml", "nowhere/tasks.yaml is not in commit "),
        ("data/link.yaml", "data/link.yaml is not a plain file in commit "),
    ],
)
def test_files_a_member_cannot_give(invoke: Invoke, setup: Setup, file: str, message: str) -> None:
    jia = setup.members["甲市"]
    (jia.work / "data" / "link.yaml").symlink_to("/etc/passwd")
    git("add", ".", cwd=jia.work)
    jia.commit("a link")
    text = setup.workspace.read_text("utf-8").replace(
        "git: remotes/jia.git", f"git: remotes/jia.git\n    file: {file}"
    )
    setup.workspace.write_text(text, "utf-8")
    result = ws(invoke, setup, "sync")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"甲市: 无法同步：{message}")


def test_too_big_or_too_many_files_are_refused(
    invoke: Invoke, setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mirror, "MAX_BLOB", 1000)
    result = ws(invoke, setup, "sync")
    assert result.exit_code == 1
    assert "data/tasks.yaml: larger than 1000 bytes" in result.stderr
    monkeypatch.setattr(mirror, "MAX_BLOB", 10**6)
    monkeypatch.setattr(sync, "MAX_FILES", 1)
    assert "data/tasks.yaml: more than 1 files" in ws(invoke, setup, "sync").stderr


def test_damaged_sync_state_reads_as_never_synced(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    states = sorted((cache_dir() / "workspace").glob("*/state.json"))
    assert len(states) == 3
    first = json.loads(states[0].read_text("utf-8"))
    shutil.rmtree(states[0].parent / first["snapshot"])
    second = json.loads(states[1].read_text("utf-8"))
    states[1].write_text(json.dumps({**second, "synced": "yesterday"}), "utf-8")
    states[2].write_text("[]", "utf-8")
    result = ws(invoke, setup, "status")
    assert result.exit_code == 0
    assert sum("尚未同步" in line for line in result.stderr.splitlines()) == 3


def test_members_that_cannot_be_read_are_left_out_everywhere(invoke: Invoke, setup: Setup) -> None:
    text = setup.workspace.read_text("utf-8") + "  - name: 丁市\n    path: nowhere/tasks.yaml\n"
    setup.workspace.write_text(text, "utf-8")
    ws(invoke, setup, "sync")
    for args in (["rollup"], ["report"], ["overdue"], ["upcoming"]):
        result = ws(invoke, setup, *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "丁市: 无法读取，未计入：" in result.stderr
    check = ws(invoke, setup, "check")
    assert check.exit_code == 2
    assert check.stderr.splitlines()[-1].endswith("nowhere/tasks.yaml: error: 没有这个文件")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_check_json_and_a_path_members_place(invoke: Invoke, setup: Setup) -> None:
    bing = setup.members["丙市"]
    text = setup.workspace.read_text("utf-8").replace(
        "git: remotes/bing.git", f"path: {bing.tasks}"
    )
    setup.workspace.write_text(text, "utf-8")
    ws(invoke, setup, "sync")
    data = json.loads(ws(invoke, setup, "check", "--format", "json").stdout)
    assert [(r["member"], r["id"], r["severity"]) for r in data] == [
        (m, i, "error") for m in ("甲市", "乙市", "丙市") for i in ("1.1", "2.1")
    ]
    text_out = ws(invoke, setup, "check", "--member", "丙市").stdout.splitlines()
    assert text_out[0].startswith(f"{bing.tasks}:15:9: error: 1.1 overdue by 154 days")
    assert ws(invoke, setup, "check", "--format", "junit").exit_code == 2


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_unit_filters_across_members(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    jia = ws(invoke, setup, "list", "--unit", "住建部门", "--format", "json")
    assert [(r["member"], r["id"]) for r in json.loads(jia.stdout)] == [
        (m, i) for m in ("甲市", "乙市", "丙市") for i in ("1.2", "1.3")
    ]
    unknown = ws(invoke, setup, "list", "--unit", "教育局")
    assert unknown.exit_code == 2
    assert unknown.stderr.splitlines()[-1] == "error: no member list knows '教育局'"
    assert ws(invoke, setup, "upcoming", "--unit", "教育局").exit_code == 2


def test_many_members_synced_together_share_a_line(invoke: Invoke, setup: Setup) -> None:
    make_member(setup.root, "丁市", "ding", {})
    text = setup.workspace.read_text("utf-8") + "  - name: 丁市\n    git: remotes/ding.git\n"
    setup.workspace.write_text(text, "utf-8")
    ws(invoke, setup, "sync")
    assert "4 个成员: 刚刚同步" in ws(invoke, setup, "status").stderr.splitlines()
    state = next(
        s
        for s in (cache_dir() / "workspace").glob("*/state.json")
        if json.loads(s.read_text("utf-8"))["git"].endswith("ding.git")
    )
    data = json.loads(state.read_text("utf-8"))
    then = datetime.fromisoformat(data["synced"]) - timedelta(hours=2, minutes=1)
    state.write_text(json.dumps({**data, "synced": then.isoformat()}), "utf-8")
    lines = ws(invoke, setup, "status").stderr.splitlines()
    assert lines == ["甲市: 刚刚同步", "乙市: 刚刚同步", "丙市: 刚刚同步", "丁市: 2 小时前同步"]


def test_the_task_link_status_and_a_parent_after_the_measures(invoke: Invoke, setup: Setup) -> None:
    yi = setup.members["乙市"]
    yi.edit(
        "text: 池南区完成积存渗滤液处理。\n        status: todo\n",
        "text: 池南区完成积存渗滤液处理。\n        status: doing\n",
    )
    yi.commit("2.1 under way")
    bing = setup.members["丙市"]
    text = bing.tasks.read_text("utf-8") + '    parent: "99"\n'
    bing.tasks.write_text(text, "utf-8")
    bing.commit("a parent after the measures")
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "rollup", "--member", "乙市", "--format", "json")
    items = {i["id"]: i for i in json.loads(result.stdout)}
    assert items["13.1"]["linked"][0]["status"] == "doing"
    wrong = ws(invoke, setup, "rollup")
    line = bing.tasks.read_text("utf-8").splitlines().index('  - id: "2"') + 1
    assert wrong.stderr.splitlines()[-1].startswith(f"丙市:data/tasks.yaml:{line}:5: error: ")


def test_the_workspace_files_cache(invoke: Invoke, setup: Setup, tmp_path: Path) -> None:
    assert ws(invoke, setup, "sync").exit_code == 0
    setup.workspace.write_text(
        setup.workspace.read_text("utf-8").replace("title: XX省", "title: YY省"), "utf-8"
    )
    assert ws(invoke, setup, "status").stdout.startswith("YY省第二轮督察整改\n")
    blocked = tmp_path / "a-file"
    blocked.write_text("", "utf-8")
    os.environ["RECT_CACHE_DIR"] = str(blocked)  # the fixture restores it
    result = ws(invoke, setup, "status")
    assert result.exit_code == 0  # nothing cached, nothing synced, still an answer
    assert "甲市: 尚未同步" in result.stderr
    check = ws(invoke, setup, "check")  # a gate that checked nothing must not pass
    assert check.exit_code == 2
    assert check.stderr.splitlines()[-3:] == [
        f"{setup.workspace}:{n}:5: error: 成员“{name}”从未同步；请运行 rect "
        f"--workspace {setup.workspace} sync"
        for n, name in ((5, "甲市"), (7, "乙市"), (9, "丙市"))
    ]


def test_urls_stay_urls(tmp_path: Path) -> None:
    text = (
        "title: t\nmembers:\n  - name: a\n    git: https://git.example.org/a.git\n"
        "  - name: b\n    git: git@example.org:b.git\n  - name: c\n    git: ../c.git\n"
    )
    places = [m.place.git for m in parse_workspace(text, "w.yaml", tmp_path).members]
    assert places == [
        "https://git.example.org/a.git",
        "git@example.org:b.git",
        str((tmp_path / "../c.git").resolve()),
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_sync_needs_a_workspace(invoke: Invoke) -> None:
    result = invoke("sync")
    assert result.exit_code == 2
    assert "name it with --workspace FILE" in result.stderr


def test_two_members_of_one_repository_are_fetched_once(invoke: Invoke, setup: Setup) -> None:
    text = setup.workspace.read_text("utf-8") + "  - name: 甲市副本\n    git: remotes/jia.git\n"
    setup.workspace.write_text(text, "utf-8")
    result = ws(invoke, setup, "sync")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "同步 4/4 个仓库。"
    assert len(list((cache_dir() / "workspace").glob("*/mirror.git"))) == 3
    rows = json.loads(ws(invoke, setup, "list", "--format", "json").stdout)
    assert sum(r["member"] == "甲市副本" for r in rows) == 4
