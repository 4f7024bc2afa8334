"""semdiff and diffview: the change as a reviewer reads it; one line per fact (textconv)."""

from __future__ import annotations

from rectcli.model.validate import parse_units
from rectcli.views.diff import textconv
from tests.helpers import FIXTURES, TEXT, diff_of, rendered

MINI = FIXTURES / "mini"
UNITS = parse_units((MINI / "units.yaml").read_text(encoding="utf-8"), "units.yaml")


def test_no_changes() -> None:
    assert diff_of(TEXT, TEXT) == []
    assert rendered([]) == "任务清单没有实质变化。\n"
    assert rendered([], "en") == "No changes to the task list.\n"


def test_status_change_names_the_newest_entry() -> None:
    new = TEXT.replace(
        '        status: todo\n  - id: "2"',
        "        status: doing\n        progress:\n"
        "          - {date: 2024-06-01, status: doing, note: 已开展巡查, by: 池北区}\n"
        '  - id: "2"',
    )
    changes = diff_of(TEXT, new)
    assert rendered(changes) == (
        "1.3 未启动 → 推进中 (池北区, 2024-06-01: 已开展巡查)\n共 1 处变化。\n"
    )
    assert rendered(changes, "en") == (
        "1.3 to do → in progress (池北区, 2024-06-01: 已开展巡查)\n1 changes.\n"
    )
    assert changes[0].to_json() == {
        "id": "1.3",
        "level": "measure",
        "kind": "status",
        "field": "status",
        "old": "todo",
        "new": "doing",
        "entries_added": 1,
        "entry": {"date": "2024-06-01", "status": "doing", "note": "已开展巡查", "by": "池北区"},
    }


def test_entries_without_a_status_change_and_a_rewritten_log() -> None:
    entry = "          - {date: 2024-03-01, status: doing, note: 已清运约一半, by: 池北区}\n"
    appended = TEXT.replace(entry, entry + "          - {date: 2024-04-01, status: doing}\n")
    assert rendered(diff_of(TEXT, appended)) == "1.1 新增 1 条进展 (2024-04-01)\n共 1 处变化。\n"
    rewritten = TEXT.replace("note: 已清运约一半", "note: 已全部清运")
    assert rendered(diff_of(TEXT, rewritten), "en") == (
        "1.1 progress log rewritten (it should only grow)\n1 changes.\n"
    )


def test_deadlines_moved_later_are_flagged() -> None:
    later = TEXT.replace("deadline: 2024年2月底前", "deadline: 2024年3月底前")
    assert rendered(diff_of(TEXT, later)) == (
        "1.1 整改时限 2024年2月底前 → 2024年3月底前 延期，需审批\n共 1 处变化。\n"
    )
    earlier = TEXT.replace("deadline: 2024年12月底前", "deadline: 2024年10月底前")
    (change,) = diff_of(TEXT, earlier)
    assert (change.item_id, change.level, change.extended, change.earlier) == (
        "1",
        "task",
        False,
        True,
    )
    assert rendered([change], "en").splitlines()[0] == (
        "1 deadline 2024年12月底前 → 2024年10月底前 (2024-12-31 → 2024-10-31) earlier"
    )
    ongoing = TEXT.replace("deadline: 2024年2月底前", "deadline: 长期坚持")
    (change,) = diff_of(TEXT, ongoing)
    assert change.extended and change.to_json()["new_due"] is None


def test_units_reassigned_but_not_a_respelling() -> None:
    moved = TEXT.replace("        units: [住建局]", "        units: [池南区, 住建局]")
    assert rendered(diff_of(TEXT, moved)) == "1.2 责任单位 住建局 → 池南区、住建局\n共 1 处变化。\n"
    alias = TEXT.replace("        units: [住建局]", "        units: [住建部门]")
    assert diff_of(TEXT, alias) == []


def test_added_removed_and_edited_items() -> None:
    new = (
        TEXT.replace(
            "        text: 住建局制定建筑垃圾管理工作方案。", "        text: 住建局印发方案。"
        )
        .replace("    title: 渗滤液积存\n", "    title: 渗滤液积存问题\n")
        .replace(
            '      - id: "2.1"\n        text: 池南区完成积存渗滤液处理。\n        status: todo\n',
            '      - id: "2.2"\n        text: 池南区建设渗滤液处理设施。\n        status: todo\n',
        )
        + '  - id: "3"\n    title: 新问题\n    units: [池北区]\n    deadline: 2024年9月底前\n'
    )
    assert rendered(diff_of(TEXT, new)) == (
        "1.2 整改措施 已修改: 住建局印发方案。\n"
        "2 问题 渗滤液积存 → 渗滤液积存问题\n"
        "- 2.1 删除措施: 池南区完成积存渗滤液处理。\n"
        "+ 2.2 新增措施: 池南区建设渗滤液处理设施。\n"
        "+ 3 新增问题 (0 项措施): 新问题\n"
        "共 5 处变化。\n"
    )
    back = diff_of(new, TEXT)
    assert [(c.item_id, c.kind) for c in back][-1] == ("3", "removed")


def test_long_lines_are_cut_at_80_columns() -> None:
    long_note = "已清运" * 40
    new = TEXT.replace(
        '        status: todo\n  - id: "2"',
        "        status: doing\n        progress:\n"
        f"          - {{date: 2024-06-01, status: doing, note: {long_note}}}\n"
        '  - id: "2"',
    )
    line = rendered(diff_of(TEXT, new)).splitlines()[0]
    assert line.startswith("1.3 未启动 → 推进中 (2024-06-01: 已清运已清运")
    assert line.endswith("…")
    assert sum(2 if ord(c) > 0x2E80 else 1 for c in line) <= 80


def test_a_task_reassigned_and_its_supervisor_changed() -> None:
    new = TEXT.replace("    units: [各区, 住建部门]\n", "    units: [池北区, 住建局]\n").replace(
        "    supervisor: 办公室\n    deadline: 2024年6月底",
        "    supervisor: 住建部门\n    deadline: 2024年6月底",
    )
    changes = diff_of(TEXT, new)
    assert rendered(changes) == (
        "1 责任单位 各区、住建局 → 池北区、住建局\n2 督导单位 办公室 → 住建局\n共 2 处变化。\n"
    )
    assert [c.to_json() for c in changes] == [
        {
            "id": "1",
            "level": "task",
            "kind": "units",
            "field": "units",
            "old": ["各区", "住建局"],
            "new": ["池北区", "住建局"],
        },
        {
            "id": "2",
            "level": "task",
            "kind": "field",
            "field": "supervisor",
            "old": "办公室",
            "new": "住建局",
        },
    ]
    respelled = TEXT.replace("    units: [各区, 住建部门]\n", "    units: [各区, 住建局]\n")
    assert diff_of(TEXT, respelled) == []  # the same units, by another name


def test_a_due_date_given_to_an_ongoing_measure_is_neither_later_nor_earlier() -> None:
    new = TEXT.replace("        deadline: 长期坚持\n", "        deadline: 2024年9月底前\n")
    (change,) = diff_of(TEXT, new)
    assert (change.extended, change.earlier) == (False, False)
    assert change.to_json() == {
        "id": "1.3",
        "level": "measure",
        "kind": "deadline",
        "field": "deadline",
        "old": "长期坚持",
        "new": "2024年9月底前",
        "old_due": None,
        "new_due": "2024-09-30",
        "extended": False,
    }
    assert (
        rendered([change], "en")
        == "1.3 deadline 长期坚持 → 2024年9月底前 (none → 2024-09-30)\n1 changes.\n"
    )


def test_an_added_task_counts_its_measures_in_json() -> None:
    new = TEXT + (
        '  - id: "3"\n    title: 新问题\n    units: [池北区]\n    deadline: 2024年9月底前\n'
        '    measures:\n      - id: "3.1"\n        text: 新措施\n        status: todo\n'
    )
    (change,) = diff_of(TEXT, new)
    assert change.to_json() == {
        "id": "3",
        "level": "task",
        "kind": "added",
        "field": None,
        "old": None,
        "new": "新问题",
        "measures": 1,
    }


def test_textconv_one_fact_per_line() -> None:
    lines = textconv(TEXT, "t.yaml").splitlines()
    assert lines[:3] == [
        "plan title: 测试整改方案",
        "plan issued: 2024-04-12",
        "1 title: 建筑垃圾混堆乱倒",
    ]
    assert (
        "1.1 progress: {date: 2024-03-01, status: doing, note: 已清运约一半, by: 池北区}" in lines
    )
    assert "1 units: [各区, 住建部门]" in lines
    assert textconv("not: [valid", "t.yaml") == "not: [valid"
