"""The merge driver's core (merge.py), on texts: what two offices' edits merge into."""

from __future__ import annotations

import difflib
import re
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectcli.edits.incident import record_incident
from rectcli.errors import Problem
from rectcli.history.git import merge_file
from rectcli.merge.driver import merge_files
from tests.helpers import BASE, PATH, UNITS, block, line_of, marked, measure_lines, merge

OUTSIDE = "changed on both sides outside the tasks and measures (plan: or comments)"


def merged_text(base: str, ours: str, theirs: str) -> str:
    result = merge(base, ours, theirs)
    assert result.conflicts == [] and result.notes == [], result
    return result.data.decode("utf-8")


def test_marks_on_different_measures_merge_cleanly() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "已清运约一半")
    theirs = marked(BASE, "4.2", "done", "2024-03-02", "完成")
    expected = marked(ours, "4.2", "done", "2024-03-02", "完成")
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_two_one_line_marks_are_a_two_line_change() -> None:
    base = marked(BASE, "3.2", "doing", "2024-03-01", "开始")
    base = marked(base, "4.2", "doing", "2024-03-01", "开始")
    ours = marked(base, "3.2", "doing", "2024-03-05", "过半")
    theirs = marked(base, "4.2", "doing", "2024-03-06", "过半")
    diff = list(difflib.ndiff(base.splitlines(), merged_text(base, ours, theirs).splitlines()))
    changed = [line for line in diff if line[:1] in "+-"]
    assert changed == [
        "+           - {date: 2024-03-05, status: doing, note: 过半, by: 池北区}",
        "+           - {date: 2024-03-06, status: doing, note: 过半, by: 池北区}",
    ]


def test_both_offices_notes_on_one_measure_are_kept_in_date_order() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-05", "池北区: 已清运一半")
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "住建局: 已督办", by="住建局")
    expected = marked(theirs, "3.2", "doing", "2024-03-05", "池北区: 已清运一半")
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_entries_of_one_day_are_ordered_by_author() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲", by="池北区")
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "乙", by="住建局")
    expected = marked(theirs, "3.2", "doing", "2024-03-01", "甲", by="池北区")
    assert "住建局" < "池北区"
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_an_entry_both_sides_added_is_kept_once() -> None:
    same_entry = marked(BASE, "3.2", "doing", "2024-03-01", "已清运约一半")
    ours = marked(same_entry, "4.2", "done", "2024-03-02", "完成")
    assert merged_text(BASE, ours, same_entry) == ours
    assert merged_text(BASE, same_entry, ours) == ours


def test_status_set_differently_is_a_conflict_around_just_that_measure() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-05", "仍在清运")
    theirs = marked(BASE, "3.2", "done", "2024-03-01", "已清运完毕", by="住建局")
    theirs = marked(theirs, "4.2", "done", "2024-03-02", "完成")
    result = merge(BASE, ours, theirs)
    # Each half holds both entries (they do not conflict); only the status differs.
    both = marked(
        marked(BASE, "3.2", "done", "2024-03-01", "已清运完毕", by="住建局"),
        "3.2",
        "doing",
        "2024-03-05",
        "仍在清运",
    )
    ours_half = measure_lines(both, "3.2", '      - id: "3.3"')
    theirs_half = ours_half.replace("        status: doing\n", "        status: done\n")
    expected_base = marked(BASE, "4.2", "done", "2024-03-02", "完成")
    expected = expected_base.replace(
        measure_lines(BASE, "3.2", '      - id: "3.3"'), block(ours_half, theirs_half)
    )
    assert result.data.decode() == expected
    reason = "measure 3.2: status changed on both sides (ours: doing, theirs: done)"
    line = line_of(expected, "<<<<<<< ours")
    assert result.conflicts == [Problem(PATH, line, 1, reason, "conflict")]
    assert str(result.conflicts[0]) == f"{PATH}:{line}:1: conflict: {reason}"


def test_a_deadline_moved_differently_is_a_conflict_and_the_same_move_is_not() -> None:
    old = '        deadline: 2024年2月底前\n        status: todo\n      - id: "3.3"'
    ours = BASE.replace(old, old.replace("2月", "3月"))
    theirs = BASE.replace(old, old.replace("2月", "4月"))
    result = merge(BASE, ours, theirs)
    assert [p.message for p in result.conflicts] == [
        "measure 3.2: deadline changed on both sides (ours: 2024年3月底前, theirs: 2024年4月底前)"
    ]
    ours_half = measure_lines(ours, "3.2", '      - id: "3.3"')
    theirs_half = measure_lines(theirs, "3.2", '      - id: "3.3"')
    assert result.data.decode() == ours.replace(ours_half, block(ours_half, theirs_half))
    both = marked(ours, "4.2", "done", "2024-03-02", "完成")
    assert merged_text(BASE, ours, both) == both


def test_a_task_key_changed_on_both_sides_is_marked_around_that_key_only() -> None:
    old = '    deadline: 2024年12月底前\n    measures:\n      - id: "3.1"'
    ours = marked(
        BASE.replace(old, old.replace("12月", "10月")), "3.2", "doing", "2024-03-01", "甲"
    )
    theirs = BASE.replace(old, old.replace("12月", "11月"))
    result = merge(BASE, ours, theirs)
    expected = ours.replace(
        "    deadline: 2024年10月底前\n",
        block("    deadline: 2024年10月底前\n", "    deadline: 2024年11月底前\n"),
    )
    assert result.data.decode() == expected
    assert [p.message for p in result.conflicts] == [
        "task 3: deadline changed on both sides (ours: 2024年10月底前, theirs: 2024年11月底前)"
    ]


def test_a_comment_edit_and_a_mark_of_the_same_measure_both_survive() -> None:
    old = "        units: [池北区]   # 池北区组织各相关部门: 池北区 owns it\n"
    ours = BASE.replace(old, "        units: [池北区]   # 池北区牵头\n")
    theirs = marked(BASE, "3.3", "doing", "2024-03-01", "已巡查")
    expected = marked(ours, "3.3", "doing", "2024-03-01", "已巡查")
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_a_comment_on_the_status_line_survives_the_other_sides_status_change() -> None:
    old = "        deadline: 2024年2月底前\n        status: todo\n"
    ours = BASE.replace(old, old.replace("todo\n", "todo   # 等资金到位\n"))
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "已开工")
    result = merged_text(BASE, ours, theirs)
    assert result == marked(ours, "3.2", "doing", "2024-03-01", "已开工")
    assert "        status: doing   # 等资金到位\n" in result


def test_one_comment_changed_differently_on_both_sides_keeps_ours() -> None:
    old = "        units: [池北区]   # 池北区组织各相关部门: 池北区 owns it\n"
    ours = BASE.replace(old, "        units: [池北区]   # 甲\n")
    theirs = marked(
        BASE.replace(old, "        units: [池北区]   # 乙\n"), "3.3", "doing", "2024-03-01", "x"
    )
    assert merged_text(BASE, ours, theirs) == marked(ours, "3.3", "doing", "2024-03-01", "x")


def test_a_comment_above_a_key_survives_the_other_sides_new_value() -> None:
    comment = "        # 定期召开会议 (领导小组; no concrete period)"
    text_line = BASE[BASE.index(comment) :].split("\n", 2)[1]
    assert text_line.startswith("        text: 全面加强党对生态环境保护工作的领导")
    ours = marked(BASE.replace(comment, comment + "（已核）"), "1.2", "doing", "2024-03-01", "x")
    theirs = BASE.replace(text_line, text_line + "（修订）")
    expected = ours.replace(text_line, text_line + "（修订）")
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_top_comments_and_plan_merge_line_by_line() -> None:
    ours = BASE.replace("# issued 2024-04-12 by", "# Issued 2024-04-12 by")
    ours = marked(ours, "3.2", "doing", "2024-03-01", "甲")
    theirs = BASE.replace("  issuer: 中共", "  issuer:   中共")
    expected = ours.replace("  issuer: 中共", "  issuer:   中共")
    assert merged_text(BASE, ours, theirs) == expected


def test_the_plan_changed_differently_is_a_line_level_conflict() -> None:
    title = "  title: 长白山保护开发区贯彻落实"
    ours = marked(BASE.replace(title, title + "（修订）"), "3.2", "doing", "2024-03-01", "甲")
    theirs = BASE.replace(title, title + "（第二版）")
    result = merge(BASE, ours, theirs)
    text = result.data.decode()
    line = line_of(text, "<<<<<<< ours")
    assert result.conflicts == [Problem(PATH, line, 1, OUTSIDE, "conflict")]
    assert text.splitlines()[line - 1 : line + 4] == [
        "<<<<<<< ours",
        "  title: 长白山保护开发区贯彻落实（修订）第二轮省级生态环境保护督察报告整改方案",
        "=======",
        "  title: 长白山保护开发区贯彻落实（第二版）第二轮省级生态环境保护督察报告整改方案",
        ">>>>>>> theirs",
    ]
    assert measure_lines(text, "3.2", '      - id: "3.3"') == measure_lines(
        ours, "3.2", '      - id: "3.3"'
    )


NEW_MEASURE = (
    '      - id: "3.9"\n'
    "        text: 新增措施：建立建筑垃圾管理台账。\n"
    "        units: [住建局]   # added by 住建局\n"
    "        status: todo\n"
)
NEW_TASK = (
    '  - id: "11"\n'
    "    title: 新增问题\n"
    "    units: [住建局]\n"
    "    deadline: 2024年12月底前\n"
    "    measures:\n"
    '      - id: "11.1"\n'
    "        text: 新增措施。\n"
    "        status: todo\n"
)


def test_added_measures_and_tasks_go_after_the_item_they_follow() -> None:
    after_35 = '      - id: "3.5"\n'
    theirs = BASE.replace(after_35, NEW_MEASURE + after_35) + NEW_TASK
    ours = marked(BASE, "3.5", "doing", "2024-03-01", "甲")
    expected = ours.replace(after_35, NEW_MEASURE + after_35) + NEW_TASK
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected


def test_items_added_on_both_sides_are_both_kept() -> None:
    other = NEW_TASK.replace('"11', '"12').replace("新增问题", "另一个问题")
    ours = BASE + NEW_TASK
    theirs = BASE + other
    assert merged_text(BASE, ours, theirs) == BASE + NEW_TASK + other


def test_a_deleted_measure_goes_unless_the_other_side_changed_it() -> None:
    gone = measure_lines(BASE, "8.4", '      - id: "8.5"')
    theirs = BASE.replace(gone, "")
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    assert merged_text(BASE, ours, theirs) == ours.replace(gone, "")

    ours = marked(BASE, "8.4", "doing", "2024-03-01", "联合执法一次")
    result = merge(BASE, ours, theirs)
    changed = measure_lines(ours, "8.4", '      - id: "8.5"')
    assert result.data.decode() == ours.replace(changed, block(changed, ""))
    assert [p.message for p in result.conflicts] == [
        "measure 8.4: deleted by theirs, changed by ours"
    ]
    result = merge(BASE, theirs, ours)
    assert result.data.decode() == ours.replace(changed, block("", changed))
    assert [p.message for p in result.conflicts] == [
        "measure 8.4: deleted by ours, changed by theirs"
    ]


def test_a_longer_marker_size_is_used() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-05", "甲")
    theirs = marked(BASE, "3.2", "done", "2024-03-01", "乙")
    text = merge(BASE, ours, theirs, size=10).data.decode()
    assert "\n<<<<<<<<<< ours\n" in text and "\n==========\n" in text
    assert "\n>>>>>>>>>> theirs\n" in text


def test_crlf_line_ends_and_a_bom_are_kept() -> None:
    def dos(text: str) -> bytes:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")

    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = marked(BASE, "4.2", "done", "2024-03-02", "乙")
    result = merge_files(dos(BASE), dos(ours), dos(theirs), PATH, merge_file)
    assert result.data == dos(marked(ours, "4.2", "done", "2024-03-02", "乙"))


UNIT_ALIAS = "  - name: 池北区\n    full: 长白山保护开发区池北区"


def test_units_merge_by_name() -> None:
    ours = UNITS.replace("    aliases: [住建部门]\n", "    aliases: [住建部门, 住建]\n")
    new_unit = "  - name: 池北区环卫中心\n    aliases: []\n    kind: institution\n"
    theirs = UNITS.replace("  - name: 池南区\n", new_unit + "  - name: 池南区\n")
    expected = ours.replace("  - name: 池南区\n", new_unit + "  - name: 池南区\n")
    result = merge(UNITS, ours, theirs, path="data/units.yaml")
    assert (result.data.decode(), result.conflicts, result.notes) == (expected, [], [])


def test_a_unit_changed_differently_is_a_conflict_around_that_unit() -> None:
    kind = "    aliases: [住建部门]\n    kind: department\n"
    ours = UNITS.replace(kind, kind.replace("department", "government"))
    theirs = UNITS.replace(kind, kind.replace("department", "institution"))
    result = merge(UNITS, ours, theirs, path="data/units.yaml")
    unit = UNITS[UNITS.index("  - name: 住建局\n") : UNITS.index("  - name: 农业水利局\n")]
    ours_unit = unit.replace("department", "government")
    theirs_unit = unit.replace("department", "institution")
    text = result.data.decode()
    assert text == UNITS.replace(unit, block(ours_unit, theirs_unit))
    assert [str(p) for p in result.conflicts] == [
        f"data/units.yaml:{line_of(text, '<<<<<<< ours')}:1: conflict: unit 住建局: "
        "kind changed on both sides (ours: government, theirs: institution)"
    ]


def test_a_broken_side_is_merged_line_by_line_with_a_note() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲").replace(
        "units: [池北区]\n        deadline: 2024年2月底前\n        status: doing",
        "units: [池北区\n        deadline: 2024年2月底前\n        status: doing",
    )
    theirs = marked(BASE, "3.2", "doing", "2024-03-02", "乙")
    result = merge(BASE, ours, theirs)
    assert len(result.notes) == 1
    broken = line_of(ours, "        units: [池北区")
    assert str(result.notes[0]).startswith(f"{PATH}:{broken + 1}:1: warning: invalid YAML")
    assert str(result.notes[0]).endswith("; merged line by line")
    assert result.data == merge_file(BASE.encode(), ours.encode(), theirs.encode())[0]


@pytest.mark.parametrize(
    "ours",
    ["plain: 2\nlist: [1]\n", "units: 1\ntasks: [x\n"],
    ids=["not-a-rect-file", "not-yaml"],
)
def test_other_files_are_merged_line_by_line(ours: str) -> None:
    base, theirs = "plain: 1\nlist: [1]\n", "plain: 1\nlist: [2]\n"
    result = merge(base, ours, theirs, path="data/other.yaml")
    expected, conflicts = merge_file(base.encode(), ours.encode(), theirs.encode())
    assert (result.data, len(result.conflicts), result.notes) == (expected, conflicts, [])


def test_a_line_level_conflict_in_another_file_is_reported() -> None:
    result = merge("targets:\n  - x: 1\n", "targets:\n  - x: 2\n", "targets:\n  - x: 3\n")
    assert result.data == b"targets:\n<<<<<<< ours\n  - x: 2\n=======\n  - x: 3\n>>>>>>> theirs\n"
    assert result.conflicts == [
        Problem(PATH, 2, 1, "changed on both sides (merged line by line)", "conflict")
    ]


MEASURES = re.findall(r'^      - id: "(\d+\.\d+)"$', BASE, re.M)
NOTES = st.text(alphabet="已完成清运 a:#'\"-，。%", min_size=1, max_size=12).filter(str.strip)
MARKS = st.tuples(
    st.sampled_from(["doing", "done"]),
    st.dates(date(2024, 3, 1), date(2024, 12, 31)),
    NOTES,
    st.sampled_from(["池北区", "住建局", "池南区"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ours=st.dictionaries(st.sampled_from(MEASURES), MARKS, max_size=4),
    theirs=st.dictionaries(st.sampled_from(MEASURES), MARKS, min_size=1, max_size=4),
)
def test_marks_on_both_sides_merge_like_marks_made_one_after_another(
    ours: dict[str, tuple[str, date, str, str]], theirs: dict[str, tuple[str, date, str, str]]
) -> None:
    """Different measures: as if both offices had marked one file. The same measure with
    the same status: one log holding both entries by date, then author; else a conflict."""
    ours_text, theirs_text = BASE, BASE
    for side, marks in (("ours", ours), ("theirs", theirs)):
        for measure, (status, day, note, by) in marks.items():
            text = ours_text if side == "ours" else theirs_text
            text = marked(text, measure, status, day.isoformat(), note, by)
            ours_text, theirs_text = (text, theirs_text) if side == "ours" else (ours_text, text)
    result = merge(BASE, ours_text, theirs_text)
    clashing = {m for m in ours.keys() & theirs.keys() if ours[m][0] != theirs[m][0]}
    assert sorted(p.message.split(":")[0] for p in result.conflicts) == sorted(
        f"measure {m}" for m in clashing
    )
    if clashing:
        return
    data = yaml.safe_load(result.data.decode())
    logs = {m["id"]: m for t in data["tasks"] for m in t["measures"]}
    for measure in ours.keys() | theirs.keys():
        entries = [side[measure] for side in (ours, theirs) if measure in side]
        expected = sorted(dict.fromkeys(entries), key=lambda e: (e[1], e[3]))  # once each
        assert logs[measure]["status"] == entries[0][0]
        assert [
            (e["status"], e["date"], e["note"], e["by"]) for e in logs[measure]["progress"]
        ] == [(e[0], e[1], e[2], e[3]) for e in expected]
    if not ours.keys() & theirs.keys():
        sequential = ours_text
        for measure, (status, day, note, by) in theirs.items():
            sequential = marked(sequential, measure, status, day.isoformat(), note, by)
        assert result.data.decode() == sequential


def test_inside_one_task_a_measure_deleted_or_added_by_one_side() -> None:
    gone = measure_lines(BASE, "8.4", '      - id: "8.5"')
    ours = marked(BASE, "8.1", "doing", "2024-03-01", "巡护")
    theirs = BASE.replace(gone, "")
    assert merged_text(BASE, ours, theirs) == ours.replace(gone, "")
    assert merged_text(BASE, theirs, ours) == ours.replace(gone, "")
    added = gone.replace('"8.4"', '"8.6"')
    theirs = BASE.replace(gone, gone + added)
    assert merged_text(BASE, ours, theirs) == ours.replace(gone, gone + added)


def test_an_item_that_does_not_open_with_its_id_is_matched_by_it() -> None:
    task = NEW_TASK.replace(
        '  - id: "11"\n    title: 新增问题\n', '  - title: 新增问题\n    id: "11"\n'
    )
    ours = marked(BASE + task, "3.2", "doing", "2024-03-01", "甲")
    theirs = marked(BASE + task, "11.1", "doing", "2024-03-01", "乙")
    expected = marked(ours, "11.1", "doing", "2024-03-01", "乙")
    assert merged_text(BASE + task, ours, theirs) == expected


def test_a_reindented_side_is_lined_up_with_ours() -> None:
    def indentless(text: str) -> str:
        head, tasks = text.split("\ntasks:\n")
        return head + "\ntasks:\n" + "".join(line[2:] for line in tasks.splitlines(True))

    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = indentless(marked(BASE, "4.2", "done", "2024-03-02", "乙"))
    assert merged_text(indentless(BASE), ours, theirs) == marked(
        ours, "4.2", "done", "2024-03-02", "乙"
    )


def test_a_flow_style_measure_is_merged_whole() -> None:
    flow = '      - {id: "8.6", text: 流式措施, status: todo}\n'
    base = BASE + flow.replace("8.6", "10.6")
    ours = base.replace("status: todo}", "status: doing}")
    theirs = marked(base, "3.2", "doing", "2024-03-01", "甲")
    assert merged_text(base, ours, theirs) == marked(ours, "3.2", "doing", "2024-03-01", "甲")
    theirs = base.replace("流式措施", "流式措施（改）")
    result = merge(base, ours, theirs)
    assert [p.message for p in result.conflicts] == ["measure 10.6: changed on both sides"]


def test_a_duplicate_id_is_merged_line_by_line_with_a_note() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = BASE + NEW_TASK.replace('"11"', '"3"').replace('"11.1"', '"3.9"')
    result = merge(BASE, ours, theirs)
    line = len(BASE.splitlines()) + 1
    assert [str(p) for p in result.notes] == [
        f"{PATH}:{line}:1: warning: id 3 used twice; merged line by line"
    ]


def test_a_plan_rect_cannot_read_is_merged_line_by_line_with_a_note() -> None:
    ours = BASE.replace("  title: 长白山", "  titel: 长白山")
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    result = merge(BASE, ours, theirs)
    line = line_of(ours, "  titel: 长白山保护开发区贯彻落实第二轮省级生态环境保护督察报告整改方案")
    assert [str(p) for p in result.notes] == [
        f"{PATH}:{line}:1: warning: plan.title: Field required; merged line by line"
    ]
    assert result.data == merge_file(BASE.encode(), ours.encode(), theirs.encode())[0]


def test_a_missing_last_newline_and_other_encodings() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = marked(BASE, "4.2", "done", "2024-03-02", "乙")
    result = merge(BASE, ours.rstrip("\n"), theirs)
    assert result.data.decode() == marked(ours, "4.2", "done", "2024-03-02", "乙").rstrip("\n")
    gbk = merge_files(BASE.encode(), ours.encode("gb18030"), theirs.encode(), PATH, merge_file)
    assert [str(p) for p in gbk.notes] == [f"{PATH}: warning: not UTF-8 text; merged line by line"]


# ---- lists on one side only, lines around a list, and a line merger's odd answers ----

GROUPS = UNITS[UNITS.index("groups:\n") :]
NO_GROUPS = UNITS[: UNITS.index("groups:\n")]
NEW_UNIT = "  - name: 池北区环卫中心\n    aliases: []\n    kind: institution\n"


def test_a_list_one_side_added_merges_with_the_others_items() -> None:
    ours = NO_GROUPS + GROUPS  # ours adds the groups
    theirs = NO_GROUPS.replace("  - name: 池南区\n", NEW_UNIT + "  - name: 池南区\n")
    expected = ours.replace("  - name: 池南区\n", NEW_UNIT + "  - name: 池南区\n")
    assert merged_text(NO_GROUPS, ours, theirs) == expected


def test_a_list_both_sides_added_is_merged_item_by_item() -> None:
    theirs = NO_GROUPS + GROUPS.replace("[池北区, 池南区, 池西区]", "[池北区, 池南区]")
    result = merge(NO_GROUPS, NO_GROUPS + GROUPS, theirs, path="data/units.yaml")
    text = result.data.decode()
    assert [str(p) for p in result.conflicts] == [
        f"data/units.yaml:{line_of(text, '<<<<<<< ours')}:1: conflict: group 各区: members "
        "changed on both sides"
    ]
    assert result.notes == []


def test_comments_changed_on_both_sides_around_the_tasks_list() -> None:
    ours = BASE.replace("\ntasks:\n", "\ntasks:   # 甲\n") + "# 甲的结尾\n"
    theirs = BASE.replace("\ntasks:\n", "\ntasks:   # 乙\n") + "# 乙的结尾\n"
    result = merge(BASE, ours, theirs)
    assert [str(p) for p in result.notes] == [
        f"{PATH}: warning: the tasks list was moved, or the lines around it changed, on both "
        "sides; merged line by line"
    ]
    assert result.data == merge_file(BASE.encode(), ours.encode(), theirs.encode())[0]
    assert len(result.conflicts) == 2


def test_a_problem_in_the_plan_after_the_tasks_is_placed_in_the_file() -> None:
    head, tasks = BASE.split("\ntasks:\n")
    moved = "tasks:\n" + tasks + head + "\n"  # plan: below the tasks
    ours = moved.replace("issued: 2024-04-12", "issued: 2024-13-01")
    theirs = marked(moved, "3.2", "doing", "2024-03-01", "甲")
    result = merge(moved, ours, theirs)
    line = line_of(ours, "  issued: 2024-13-01")
    assert [str(p) for p in result.notes] == [
        f"{PATH}:{line}:1: warning: impossible date 2024-13-01: month must be in 1..12; "
        "merged line by line"
    ]


def test_yaml_that_only_looks_like_keys_is_merged_line_by_line() -> None:
    quoted = '"x\ntasks: y"\n'  # one string, its second line at the margin
    result = merge(quoted, quoted, quoted.replace("x", "z"))
    assert (result.data, result.conflicts) == (b'"z\ntasks: y"\n', [])
    assert [str(p) for p in result.notes] == [
        f"{PATH}:1:1: warning: the file is not a mapping of keys; merged line by line"
    ]


def test_a_line_merger_that_loses_a_list_never_drops_its_items_silently() -> None:
    ours = BASE.replace("# ", "# 甲 ", 1)
    theirs = BASE.replace("  title: 长白山", "  title: 改长白山")
    result = merge_files(
        BASE.encode(), ours.encode(), theirs.encode(), PATH, lambda o, a, b: (b"", 0)
    )
    assert [str(p) for p in result.notes] == [
        f"{PATH}: warning: the tasks list was moved; merged line by line"
    ]
    assert result.data == b""  # what the line merger said, reported as a line-level merge


def test_conflicts_the_line_merger_counts_without_markers_are_reported() -> None:
    base, ours, theirs = (f"plain: {n}\n".encode() for n in (1, 2, 3))
    result = merge_files(base, ours, theirs, "data/other.yaml", lambda o, a, b: (b"plain: ?\n", 1))
    assert result.data == b"plain: ?\n"
    assert result.conflicts == [
        Problem("data/other.yaml", 0, 0, "changed on both sides (merged line by line)", "conflict")
    ]


# ---- one key of an item: deleted, commented, rewritten in another layout ------------

PERSONS = "    persons: 各区、住建局、综合执法支队主要负责同志\n"
COMMENTED_PERSONS = PERSONS[:-1] + "   # 待核实\n"


@pytest.mark.parametrize("ours_deletes", [True, False], ids=["ours-deletes", "theirs-deletes"])
def test_a_key_deleted_on_one_side_and_commented_on_the_other_goes(ours_deletes: bool) -> None:
    deleted, commented = BASE.replace(PERSONS, ""), BASE.replace(PERSONS, COMMENTED_PERSONS)
    ours, theirs = (deleted, commented) if ours_deletes else (commented, deleted)
    assert merged_text(BASE, ours, theirs) == deleted


def test_the_plan_changed_by_theirs_alone_is_taken() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = BASE.replace("  title: 长白山", "  title: 吉林省长白山")
    assert merged_text(BASE, ours, theirs) == ours.replace(
        "  title: 长白山", "  title: 吉林省长白山"
    )


def test_a_task_one_side_deleted_and_the_other_only_recommented_goes() -> None:
    task = BASE[BASE.index('  - id: "10"\n') :]
    ours = BASE.replace("   # sic: 住建局各区主要负责同志", "   # 原文如此")
    assert ours != BASE
    theirs = BASE.replace(task, "")
    assert merged_text(BASE, ours, theirs) == theirs


def test_an_item_that_is_not_a_mapping_is_merged_line_by_line_with_a_note() -> None:
    ours = BASE + "  - 待补充的问题\n"
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    result = merge(BASE, ours, theirs)
    line = len(ours.splitlines())
    assert [str(p) for p in result.notes] == [
        f"{PATH}:{line}:1: warning: a task must be a mapping; merged line by line"
    ]


def test_an_invalid_item_on_one_side_is_merged_line_by_line_with_a_note() -> None:
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = BASE.replace(
        '      - id: "3.2"\n', '      - id: "3.2"\n        owner: 池北区\n'
    )  # no such key
    result = merge(BASE, ours, theirs)
    task_3 = line_of(BASE, '  - id: "3"')
    assert [str(p) for p in result.notes] == [
        f"{PATH}:{task_3}:1: warning: task 3: measures.1.owner: Extra "
        "inputs are not permitted; merged line by line"
    ]


FLOW = '      - {id: "10.6", text: 流式措施, status: todo}\n'


@pytest.mark.parametrize("ours_respaces", [False, True])
def test_a_flow_item_respaced_on_one_side_takes_the_others_change(ours_respaces: bool) -> None:
    base = BASE + FLOW
    changed = base.replace("status: todo}", "status: doing}")
    respaced = base.replace("{id: ", "{ id: ").replace("status: todo}", "status: todo }")
    ours, theirs = (respaced, changed) if ours_respaces else (changed, respaced)
    assert merge(base, ours, theirs).data.decode() == (theirs if ours_respaces else ours)


def test_a_key_indentation_the_other_side_does_not_share_is_a_conflict_not_broken_yaml() -> None:
    lines = measure_lines(BASE, "3.2", '      - id: "3.3"')
    wide = lines.replace('      - id: "3.2"', '      -   id: "3.2"').replace(
        "\n        ", "\n          "
    )  # keys four columns right of the dash: valid YAML
    ours_item = wide.replace("deadline: 2024年2月底前", "deadline: 2024年3月底前")
    ours = BASE.replace(lines, ours_item)
    theirs = marked(BASE, "3.2", "doing", "2024-03-01", "乙")
    result = merge(BASE, ours, theirs)
    theirs_item = measure_lines(theirs, "3.2", '      - id: "3.3"')
    text = result.data.decode()
    assert text == ours.replace(ours_item, block(ours_item, theirs_item))
    assert [str(p) for p in result.conflicts] == [
        f"{PATH}:{line_of(text, '<<<<<<< ours')}:1: conflict: measure 3.2: invalid YAML: while "
        "parsing a block collection: did not find expected '-' indicator"
    ]


def test_a_value_changed_and_deleted_is_a_conflict_naming_both() -> None:
    ours = BASE.replace(PERSONS, "    persons: 各区主要负责同志\n")
    result = merge(BASE, ours, BASE.replace(PERSONS, ""))
    assert [p.message for p in result.conflicts] == [
        "task 3: persons changed on both sides (ours: 各区主要负责同志, theirs: deleted)"
    ]


# ---- progress logs in other layouts, and logs with entries already in the base -------

LOGGED = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
ENTRY_1 = "          - {date: 2024-03-01, status: doing, note: 甲, by: 池北区}\n"
ENTRY_2 = "          - {date: 2024-03-05, status: doing, note: 乙, by: 池北区}\n"
ENTRY_3 = "          - {date: 2024-03-06, status: doing, note: 丙, by: 住建局}\n"


def test_both_sides_add_to_a_log_that_had_entries() -> None:
    ours = marked(LOGGED, "3.2", "doing", "2024-03-06", "丙", by="住建局")
    theirs = marked(LOGGED, "3.2", "doing", "2024-03-05", "乙")
    assert merged_text(LOGGED, ours, theirs) == LOGGED.replace(ENTRY_1, ENTRY_1 + ENTRY_2 + ENTRY_3)


@pytest.mark.parametrize(
    "layout",
    [
        "        progress: [{date: 2024-03-01, status: doing, note: 甲, by: 池北区}]\n",
        "        progress:\n          -\n            {date: 2024-03-01, status: doing, note: 甲, "
        "by: 池北区}\n",
    ],
    ids=["flow-list", "dash-on-its-own-line"],
)
def test_a_log_rewritten_in_another_layout_takes_the_other_sides_entry(layout: str) -> None:
    ours = LOGGED.replace("        progress:\n" + ENTRY_1, layout)
    theirs = marked(LOGGED, "3.2", "doing", "2024-03-05", "乙")
    assert merged_text(LOGGED, ours, theirs) == theirs  # the entries kept, in theirs' layout


def test_a_block_value_changed_by_one_side_and_recommented_by_the_other() -> None:
    ours = BASE.replace("text: 完成整改}", "text: 全面完成整改}")  # a milestone of 10.5
    theirs = BASE.replace("        milestones:\n", "        milestones:   # 三个节点\n")
    assert merged_text(BASE, ours, theirs) == theirs.replace(
        "text: 完成整改}", "text: 全面完成整改}"
    )


def test_an_item_not_opened_by_its_id_changed_on_both_sides() -> None:
    task = NEW_TASK.replace(
        '  - id: "11"\n    title: 新增问题\n', '  - title: 新增问题\n    id: "11"\n'
    )
    base = BASE + task
    ours = marked(base, "11.1", "doing", "2024-03-01", "乙")
    theirs = base.replace("title: 新增问题", "title: 新增问题（改）")
    assert merged_text(base, ours, theirs) == ours.replace(
        "title: 新增问题", "title: 新增问题（改）"
    )


def test_a_block_scalar_followed_by_a_blank_line_keeps_it() -> None:
    finding = BASE[BASE.index("    finding: 《长白山") : BASE.index("    units: [各区, 住建局, 综")]
    base = BASE.replace(finding, "    finding: |\n      " + finding[len("    finding: ") :] + "\n")
    ours = marked(base, "3.2", "doing", "2024-03-01", "甲")
    theirs = base.replace("    goal: 完成垃圾", "    goal: 全面完成垃圾")
    assert merged_text(base, ours, theirs) == ours.replace(
        "    goal: 完成垃圾", "    goal: 全面完成垃圾"
    )


def test_a_reindented_side_adds_an_item_with_a_blank_line() -> None:
    def indentless(text: str) -> str:
        head, tasks = text.split("\ntasks:\n")
        lines = tasks.splitlines(True)
        return head + "\ntasks:\n" + "".join(x[2:] if x.strip() else x for x in lines)

    spaced = NEW_TASK.replace("    measures:\n", "\n    measures:\n")
    ours = marked(BASE, "3.2", "doing", "2024-03-01", "甲")
    theirs = indentless(BASE + spaced)
    assert merged_text(indentless(BASE), ours, theirs) == ours + spaced


def test_lines_at_the_margin_that_are_not_keys() -> None:
    # a quoted title wrapped at the margin, and a comment between tasks: and its items
    base = (
        BASE.replace(
            "  title: 长白山保护开发区", '  title: "长白山 plan\nrevised 长白山保护开发区', 1
        )
        .replace("整改方案\n", '整改方案"\n', 1)
        .replace("\ntasks:\n", "\ntasks:\n# 问题清单\n")
    )
    assert yaml.safe_load(base)["plan"]["title"].startswith("长白山 plan revised 长白山")
    ours = marked(base, "3.2", "doing", "2024-03-01", "甲")
    theirs = marked(base, "4.2", "done", "2024-03-02", "乙")
    assert merged_text(base, ours, theirs) == marked(ours, "4.2", "done", "2024-03-02", "乙")


# ---- a measure's incidents log: one item per incident, merged like progress ----------


def incident(text: str, found: str, *, cleared: str | None = None, note: str | None = None) -> str:
    """``rect incident``'s own surgical edit of the shipped 3.3 (its duty 7个工作日内)."""
    day = date.fromisoformat(cleared) if cleared else None
    return record_incident(
        text, PATH, "3.3", date.fromisoformat(found), cleared=day, note=note
    ).text


def test_incidents_both_sides_added_merge_cleanly_in_the_order_found() -> None:
    assert "incidents:" not in measure_lines(BASE, "3.3", "3.4")
    ours = incident(BASE, "2024-09-27", note="老粮库西侧")
    theirs = incident(BASE, "2024-09-02", note="城区边缘")
    expected = incident(theirs, "2024-09-27", note="老粮库西侧")
    assert expected.count("- {duty: 7个工作日内, found: ") == 2
    assert merged_text(BASE, ours, theirs) == expected
    assert merged_text(BASE, theirs, ours) == expected
    assert merged_text(BASE, ours, ours) == ours  # the same incident both sides: once


def test_an_incident_cleared_and_another_added_keep_both_changes() -> None:
    base = incident(BASE, "2024-09-02", note="城区边缘")
    ours = incident(base, "2024-09-02", cleared="2024-09-05")
    theirs = incident(base, "2024-09-27", note="老粮库西侧")
    expected = incident(ours, "2024-09-27", note="老粮库西侧")
    assert "found: 2024-09-02, cleared: 2024-09-05, note: 城区边缘}\n" in expected
    assert merged_text(base, ours, theirs) == expected
    assert merged_text(base, theirs, ours) == expected


def test_incidents_and_progress_added_on_the_two_sides_of_one_measure() -> None:
    ours = incident(BASE, "2024-09-27", note="老粮库西侧")
    theirs = marked(BASE, "3.3", "doing", "2024-05-06", "建立巡查台账")
    result = merged_text(BASE, ours, theirs)
    assert result == incident(theirs, "2024-09-27", note="老粮库西侧")
    assert merged_text(BASE, theirs, ours) == marked(
        ours, "3.3", "doing", "2024-05-06", "建立巡查台账"
    )
