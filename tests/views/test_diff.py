"""diffview.py: how changes read in rect diff, and git's textconv of a file.

The changes themselves are tests/test_semdiff.py's (which renders them too).
"""

from __future__ import annotations

from rectcli.views.diff import textconv
from tests.helpers import TEXT, diff_of, rendered


def test_a_status_changed_by_hand_without_an_entry() -> None:
    new = TEXT.replace(
        "        deadline: 长期坚持\n        status: todo\n",
        "        deadline: 长期坚持\n        status: doing\n",
    )
    assert rendered(diff_of(TEXT, new)) == "1.3 未启动 → 推进中\n共 1 处变化。\n"


def test_duties_added_are_listed_on_one_line() -> None:
    new = TEXT.replace(
        "        deadline: 2024年2月底前\n        status: doing\n",
        "        deadline: 2024年2月底前\n        recurring:\n"
        "          - {every: 每季度, text: 巡查}\n"
        "          - {every: 每月}\n"
        "        status: doing\n",
    )
    assert rendered(diff_of(TEXT, new), "en") == (
        "1.1 recurring duties changed: every: 每季度, text: 巡查; every: 每月\n1 changes.\n"
    )


def test_a_duty_with_units_shows_them_as_yaml_does() -> None:
    new = TEXT.replace(
        "        deadline: 2024年2月底前\n        status: doing\n",
        "        deadline: 2024年2月底前\n        recurring:\n"
        "          - {every: 每季度, units: [池南区, 住建局]}\n"
        "        status: doing\n",
    )
    assert rendered(diff_of(TEXT, new), "en") == (
        "1.1 recurring duties changed: every: 每季度, units: [池南区, 住建局]\n1 changes.\n"
    )


def test_incidents_recorded_are_named_as_the_measures_log() -> None:
    new = TEXT.replace(
        "        deadline: 2024年2月底前\n        status: doing\n",
        "        deadline: 2024年2月底前\n        recurring:\n          - {every: 7个工作日内}\n"
        "        status: doing\n",
    )
    logged = new.replace(
        "          - {every: 7个工作日内}\n        status: doing\n",
        "          - {every: 7个工作日内}\n        status: doing\n        incidents:\n"
        "          - {duty: 7个工作日内, found: 2024-09-27}\n",
    )
    assert rendered(diff_of(new, logged)) == (
        "1.1 处置记录 已修改: duty: 7个工作日内, found: 2024-09-27\n共 1 处变化。\n"
    )
    assert "1.1 incidents: {duty: 7个工作日内, found: 2024-09-27}\n" in textconv(logged, "t.yaml")


def test_milestones_that_keep_the_deadline_are_no_deadline_change() -> None:
    new = TEXT.replace(
        "        deadline: 2024年2月底前\n        status: doing\n",
        "        deadline: 2024年2月底前\n        milestones:\n"
        "          - {deadline: 2024年2月底前, text: 清运}\n"
        "        status: doing\n",
    )
    assert [(c.kind, c.field) for c in diff_of(TEXT, new)] == [("field", "milestones")]


def test_a_line_of_wide_characters_is_cut_within_80_columns() -> None:
    new = TEXT.replace(
        "        text: 住建局制定建筑垃圾管理工作方案。", "        text: " + "方" * 60
    )
    (line, count) = rendered(diff_of(TEXT, new)).splitlines()
    # "1.2 整改措施 已修改: " is 20 columns: 29 characters of 2 columns, then the "…"
    assert line == "1.2 整改措施 已修改: " + "方" * 29 + "…"
    assert count == "共 1 处变化。"


def test_textconv_of_yaml_that_is_not_a_mapping_is_the_text() -> None:
    assert textconv("- a\n- b\n", "t.yaml") == "- a\n- b\n"
    assert textconv("just words\n", "t.yaml") == "just words\n"


def test_textconv_of_items_without_ids_and_nulls() -> None:
    text = 'tasks:\n  - {id: "1", title: a, units: [x, null]}\n  - stray\n  - [1, 2]\n'
    assert textconv(text, "t.yaml") == (
        "1 title: a\n1 units: [x, null]\ntasks: stray\ntasks: [1, 2]\n"
    )
