"""rect --workspace: three member repositories read together, through sync."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rectcli.store.cache import cache_dir
from tests.conftest import Invoke
from tests.workspace.conftest import Setup

TODO_21 = "text: 池南区完成积存渗滤液处理。\n        status: todo\n"


def ws(invoke: Invoke, setup: Setup, *args: str, as_of: str = "2024-08-01"):  # type: ignore[no-untyped-def]
    return invoke("--workspace", str(setup.workspace), *args, as_of=as_of)


def test_list_overdue_json_is_each_members_own_list_with_member(
    invoke: Invoke, setup: Setup
) -> None:
    setup.members["乙市"].edit(TODO_21, TODO_21.replace("todo", "doing"))  # 乙市 differs
    setup.members["乙市"].commit("2.1 under way")
    assert ws(invoke, setup, "sync").exit_code == 0
    result = ws(invoke, setup, "list", "--overdue", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["member"] for r in rows} == {"甲市", "乙市", "丙市"}
    for name, member in setup.members.items():
        own = invoke("list", "--overdue", "--format", "json", file=member.tasks, as_of="2024-08-01")
        assert own.exit_code == 0
        expected = [{**row, "member": name} for row in json.loads(own.stdout)]
        assert expected, "the fixture must have overdue rows"
        assert [r for r in rows if r["member"] == name] == expected
    assert [r["status"] for r in rows if r["id"] == "2.1"] == ["todo", "doing", "todo"]


def test_member_filter_and_table_column(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "list", "--overdue", "--member", "乙市")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["成员", "编号", "状态"]
    assert [line.split()[0] for line in result.stdout.splitlines()[1:3]] == ["乙市", "乙市"]
    assert "甲市" not in result.stdout
    unknown = ws(invoke, setup, "list", "--member", "丁市")
    assert unknown.exit_code == 2
    assert unknown.stderr == "error: 本工作区中没有成员“丁市”；是否要写“甲市”？\n"


def test_before_sync_the_old_state_and_its_age_after_sync_the_change(
    invoke: Invoke, setup: Setup
) -> None:
    never = ws(invoke, setup, "status")
    assert "甲市: 尚未同步，未计入" in never.stderr
    assert ws(invoke, setup, "sync").exit_code == 0
    jia = setup.members["甲市"]
    jia.edit("    status: doing\n", "    status: done\n")
    jia.edit(
        "          - {date: 2024-03-01, status: doing, note: 已清运约一半, by: 池北区}\n",
        "          - {date: 2024-03-01, status: doing, note: 已清运约一半, by: 池北区}\n"
        "          - {date: 2024-06-01, status: done, note: 清运完毕, by: 池北区}\n",
    )
    jia.commit("1.1 done")
    _age_sync(setup, "甲市", days=3)

    before = ws(invoke, setup, "list", "--member", "甲市", "--overdue", "--format", "json")
    assert [r["id"] for r in json.loads(before.stdout)] == ["1.1", "2.1"]
    assert "甲市: 3 天前同步" in before.stderr.splitlines()
    english = invoke(
        "--workspace", str(setup.workspace), "--lang", "en", "status", as_of="2024-08-01"
    )
    assert "甲市: synced 3 days ago" in english.stderr.splitlines()

    synced = ws(invoke, setup, "sync")
    assert synced.exit_code == 0
    assert any(
        line.startswith("甲市: 已同步 ") and "→" in line for line in synced.stdout.splitlines()
    )
    assert any(line.startswith("乙市: 无变化") for line in synced.stdout.splitlines())
    after = ws(invoke, setup, "list", "--member", "甲市", "--overdue", "--format", "json")
    assert [r["id"] for r in json.loads(after.stdout)] == ["2.1"]
    assert "甲市: 刚刚同步" in after.stderr.splitlines()


def _age_sync(setup: Setup, name: str, days: int) -> None:
    """Make the last sync of ``name`` look ``days`` old (as if synced then)."""
    for state in (cache_dir() / "workspace").glob("*/state.json"):
        data = json.loads(state.read_text("utf-8"))
        if data["git"] == str(setup.members[name].remote):
            then = datetime.now(timezone.utc) - timedelta(days=days, minutes=5)
            data["synced"] = then.isoformat()
            state.write_text(json.dumps(data), "utf-8")
            return
    raise AssertionError(f"no sync state for {name}")


def test_an_unreachable_member_is_reported_the_others_shown(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    gone = setup.members["乙市"].remote
    gone.rename(gone.with_name("moved.git"))
    result = ws(invoke, setup, "sync")
    assert result.exit_code == 1
    assert result.stderr.startswith("乙市: 无法同步，仍使用上次同步的状态：")
    assert result.stdout.splitlines()[-1] == "同步 2/3 个仓库。"
    status = ws(invoke, setup, "status")
    assert status.exit_code == 0
    assert "乙市: 上次同步失败，显示的是此前同步的状态" in status.stderr
    table = [line.split() for line in status.stdout.splitlines()]
    assert [row[:2] for row in table if row and row[0] in ("甲市", "乙市", "丙市", "合计")] == [
        ["甲市", "4"],
        ["乙市", "4"],
        ["丙市", "4"],
        ["合计", "12"],
    ]


def test_a_member_that_was_never_reachable_is_left_out(invoke: Invoke, setup: Setup) -> None:
    text = setup.workspace.read_text("utf-8") + "  - name: 丁市\n    git: remotes/none.git\n"
    setup.workspace.write_text(text, "utf-8")
    result = ws(invoke, setup, "sync")
    assert result.exit_code == 1
    assert result.stderr.startswith("丁市: 无法同步：")
    rows = json.loads(ws(invoke, setup, "list", "--format", "json").stdout)
    assert sorted({r["member"] for r in rows}) == ["丙市", "乙市", "甲市"]


def test_member_data_is_never_rich_markup(invoke: Invoke, setup: Setup) -> None:
    jia = setup.members["甲市"]
    jia.edit("text: 池南区完成积存渗滤液处理。", 'text: "[red]甲[/red][link=x]乙[/link]\\e[2J"')
    jia.commit("markup")
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "list", "--member", "甲市", "--task", "2")
    assert result.exit_code == 0, result.stderr
    assert "[red]甲[/red][link=x]乙[/link]\\x1" in result.stdout  # the ESC shown, not sent
    assert "\x1b" not in result.stdout


def test_path_members_and_errors_name_the_members_file(invoke: Invoke, setup: Setup) -> None:
    bing = setup.members["丙市"]
    text = setup.workspace.read_text("utf-8").replace(
        "git: remotes/bing.git", f"path: {bing.tasks.relative_to(setup.root)}"
    )
    setup.workspace.write_text(text, "utf-8")
    jia = setup.members["甲市"]
    jia.edit("    status: todo\n", "    status: finished\n")
    jia.commit("a bad status")
    ws(invoke, setup, "sync")
    check = ws(invoke, setup, "check")
    assert check.exit_code == 2
    bad = [line for line in check.stderr.splitlines() if ": error: " in line]
    assert len(bad) == 1 and bad[0].startswith("甲市:data/tasks.yaml:")
    listed = json.loads(ws(invoke, setup, "list", "--format", "json").stdout)
    assert sorted({r["member"] for r in listed}) == ["丙市", "乙市"]  # 甲市 reported, left out


def test_check_over_members(invoke: Invoke, setup: Setup, tmp_path: Path) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("甲市:data/tasks.yaml:15:9: error: 1.1 逾期 154 天")
    assert "乙市:data/tasks.yaml: 数据有效，4 项措施。" in lines
    assert lines[-1] == "6 项措施逾期。"
    github = ws(invoke, setup, "check", "--format", "github", "--member", "丙市")
    assert github.stdout.startswith("::error file=丙市%3Adata/tasks.yaml,line=15,col=9,")


def test_a_member_kept_in_several_files(invoke: Invoke, setup: Setup) -> None:
    """The main file, its shards directory and units.yaml come out of the commit."""
    from tests.workspace.conftest import git

    jia = setup.members["甲市"]
    text = jia.tasks.read_text("utf-8")
    head, task2 = text.split('  - id: "2"\n')
    jia.tasks.write_text(head, "utf-8")
    (jia.work / "data" / "tasks").mkdir()
    (jia.work / "data" / "tasks" / "池南区.yaml").write_text(
        'tasks:\n  - id: "2"\n' + task2, "utf-8"
    )
    (jia.work / "data" / "tasks" / "notes.txt").write_text("not a list\n", "utf-8")
    git("add", "-A", cwd=jia.work)
    jia.commit("split")
    ws(invoke, setup, "sync")
    rows = json.loads(ws(invoke, setup, "list", "--member", "甲市", "--format", "json").stdout)
    assert [(r["id"], r.get("file")) for r in rows] == [
        ("1.1", "甲市:data/tasks.yaml"),
        ("1.2", "甲市:data/tasks.yaml"),
        ("1.3", "甲市:data/tasks.yaml"),
        ("2.1", "甲市:data/tasks/池南区.yaml"),
    ]
    own = invoke("list", "--format", "json", file=jia.tasks, as_of="2024-08-01")
    assert [r["id"] for r in json.loads(own.stdout)] == [r["id"] for r in rows]


def test_each_member_keeps_its_own_policy(invoke: Invoke, setup: Setup) -> None:
    """甲市's policy.yaml escalates later: its rows' levels differ from the others'."""
    from tests.workspace.conftest import git

    jia = setup.members["甲市"]
    (jia.work / "data" / "policy.yaml").write_text(
        "escalate: {notice: 1, supervise: 100, summon: 200}\n", "utf-8"
    )
    git("add", "data/policy.yaml", cwd=jia.work)
    jia.commit("a policy of its own")
    ws(invoke, setup, "sync")
    rows = json.loads(ws(invoke, setup, "list", "--overdue", "--format", "json").stdout)
    levels = {(r["member"], r["id"]): r["level"] for r in rows}
    assert (levels["甲市", "1.1"], levels["甲市", "2.1"]) == ("supervise", "notice")
    assert (levels["乙市", "1.1"], levels["乙市", "2.1"]) == ("summon", "summon")
