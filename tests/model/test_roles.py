"""Helpers (配合单位) and a lead that finishes a measure alone (``finished_by``): who has a
part of a measure, as every command sees it (docs/format.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.helpers import edit_measure, fill_row

BEFORE = "2024-07-01"  # 3.5 (各区, 2024年6月底前) is overdue from here


def _ids(invoke: Invoke, path: Path, *args: str) -> list[str]:
    result = invoke("list", "--format", "json", *args, file=path, as_of=BEFORE)
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


def _lead_alone(path: Path) -> None:
    edit_measure(path, "3.5", "units: [各区]\n", "units: [各区]\n        finished_by: 池北区\n")


def test_a_lead_finishing_alone_finishes_it_for_every_unit(shipped: Path, invoke: Invoke) -> None:
    _lead_alone(shipped)
    for unit in ("池北区", "池南区", "池西区"):
        assert "3.5" in _ids(invoke, shipped, "--unit", unit, "--overdue")
    result = invoke("mark", "3.5", "done", "--unit", "池北区", "--note", "方案已印发", file=shipped)
    assert (result.exit_code, result.stdout) == (0, "已记录 3.5：未启动 → 已完成\n")
    text = shipped.read_text(encoding="utf-8")
    assert "status: done, note: 方案已印发" in text and "unit: 池北区" not in text  # the whole
    for unit in ("池北区", "池南区", "池西区"):
        assert "3.5" not in _ids(invoke, shipped, "--unit", unit, "--overdue")
        assert "3.5" in _ids(invoke, shipped, "--unit", unit, "--status", "done")
    overdue = invoke("overdue", "--format", "json", file=shipped, as_of=BEFORE)
    assert "3.5" not in overdue.stdout
    assert invoke("check", file=shipped, as_of=BEFORE).exit_code in (0, 1)  # valid


def test_only_the_lead_records_a_measure_it_finishes_alone(shipped: Path, invoke: Invoke) -> None:
    _lead_alone(shipped)
    before = shipped.read_text(encoding="utf-8")
    result = invoke("mark", "3.5", "done", "--unit", "池南区", "--note", "x", file=shipped)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "error: 3.5 由牵头单位 池北区 完成即整项完成（finished_by）；池南区 没有自己的分工进度："
        "请去掉 --unit\n"
    )
    assert shipped.read_text(encoding="utf-8") == before


def test_show_says_who_finishes_it(shipped: Path, invoke: Invoke) -> None:
    _lead_alone(shipped)
    result = invoke("show", "3.5", file=shipped, as_of=BEFORE)
    assert "由牵头单位 池北区 完成即整项完成" in result.stdout
    assert "池南区 未启动" not in result.stdout  # no parts of its own
    shown = json.loads(invoke("show", "3.5", "--format", "json", file=shipped).stdout)
    assert shown["finished_by"] == "池北区"


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("各区", "finished_by: '各区' is a group; the lead that finishes 3.5 alone is one unit"),
        ("住建局", "finished_by: 住建局 is not one of 3.5's units (池北区、池南区、池西区)"),
        ("池东区", "finished_by: unknown unit '池东区'"),
    ],
)
def test_finished_by_names_one_of_its_units(
    shipped: Path, invoke: Invoke, value: str, message: str
) -> None:
    line = edit_measure(
        shipped, "3.5", "units: [各区]\n", f"units: [各区]\n        finished_by: {value}\n"
    )
    result = invoke("check", file=shipped, as_of=BEFORE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{shipped}:{line + 1}:22: error: {message}")


@pytest.mark.usefixtures("english")
def test_a_part_entry_on_a_measure_its_lead_finishes_alone(shipped: Path, invoke: Invoke) -> None:
    _lead_alone(shipped)
    line = edit_measure(
        shipped,
        "3.5",
        "status: todo\n",
        "status: doing\n        progress:\n"
        "          - {date: 2024-06-01, status: doing, unit: 池北区}\n"  # the lead's: whole
        "          - {date: 2024-06-02, status: doing, unit: 池南区}\n",
    )
    result = invoke("check", file=shipped, as_of=BEFORE)
    assert (result.exit_code, result.stderr) == (
        2,
        f"{shipped}:{line + 3}:53: error: 3.5 is finished by 池北区 alone (finished_by): "
        "池南区 has no part of its own\n",
    )


def _helper(path: Path) -> int:
    """公安局 helps 3.5 (配合单位); the line of its helpers:."""
    return (
        edit_measure(path, "3.5", "units: [各区]\n", "units: [各区]\n        helpers: [公安局]\n")
        + 1
    )


def test_a_helper_has_no_part(shipped: Path, invoke: Invoke) -> None:
    _helper(shipped)
    assert "3.5" in _ids(invoke, shipped, "--unit", "池南区")
    assert "3.5" not in _ids(invoke, shipped, "--unit", "公安局")  # not its item
    overdue = invoke("overdue", "--unit", "公安局", "--format", "json", file=shipped, as_of=BEFORE)
    assert '"3.5"' not in overdue.stdout
    assert '"3.5"' in invoke("overdue", "--format", "json", file=shipped, as_of=BEFORE).stdout
    for unit in ("池北区", "池南区", "池西区"):  # its three parts, no fourth
        assert invoke("mark", "3.5", "done", "--unit", unit, "--note", "完成", file=shipped)
    assert _ids(invoke, shipped, "--status", "done") == ["3.5"]
    result = invoke("show", "3.5", file=shipped, as_of=BEFORE)
    assert "配合单位" in result.stdout and "公安局" in result.stdout
    shown = json.loads(invoke("show", "3.5", "--format", "json", file=shipped).stdout)
    assert shown["helpers"] == ["公安局"]


def test_a_helper_cannot_record_a_part(shipped: Path, invoke: Invoke) -> None:
    _helper(shipped)
    result = invoke("mark", "3.5", "doing", "--unit", "公安局", "--note", "x", file=shipped)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "error: 3.5：公安局 不是其责任单位之一（池北区、池南区、池西区）\n"
    )


def test_a_problems_helpers_reach_its_measures(shipped: Path, invoke: Invoke) -> None:
    text = shipped.read_text(encoding="utf-8")
    start = text.index('  - id: "3"\n')
    at = text.index("    deadline:", start)
    shipped.write_text(text[:at] + "    helpers: [公安局]\n" + text[at:], encoding="utf-8")
    shown = json.loads(invoke("show", "3.4", "--format", "json", file=shipped).stdout)
    assert shown["helpers"] == ["公安局"]
    assert json.loads(invoke("show", "3", "--format", "json", file=shipped).stdout)["helpers"] == [
        "公安局"
    ]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("helpers", "col", "message"),
    [
        (
            "[池南区]",
            19,
            "helpers: 池南区 is one of 3.5's responsible units; a helper (配合单位) assists, "
            "with no part of its own: list it in one place",
        ),
        ("[公安局, 公按局]", 24, "unknown unit '公按局'; did you mean '公安局'?"),
    ],
)
def test_helpers_are_known_units_not_responsible_ones(
    shipped: Path, invoke: Invoke, helpers: str, col: int, message: str
) -> None:
    line = edit_measure(
        shipped, "3.5", "units: [各区]\n", f"units: [各区]\n        helpers: {helpers}\n"
    )
    result = invoke("check", file=shipped, as_of=BEFORE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{shipped}:{line + 1}:{col}: error: {message}")


@pytest.mark.parametrize(("unit", "recorded"), [("池北区", True), ("池南区", False)])
def test_a_sheet_records_a_measure_its_lead_finishes_alone(
    shipped: Path, invoke: Invoke, unit: str, recorded: bool
) -> None:
    _lead_alone(shipped)
    sheet = shipped.parent / f"{unit}.xlsx"
    day = "2024-06-25"
    result = invoke("export-sheet", "--unit", unit, "-o", str(sheet), file=shipped, as_of=day)
    assert result.exit_code == 0, result.output
    fill_row(sheet, "3.5", {"F": "已完成", "G": "方案已印发", "K": "2024-06-24"})
    before = shipped.read_text(encoding="utf-8")
    result = invoke("import-sheet", str(sheet), file=shipped, as_of=day)
    after = shipped.read_text(encoding="utf-8")
    if recorded:  # the lead's entry is the whole measure's: no unit:
        assert result.exit_code == 0, result.output
        assert "{date: 2024-06-24, status: done, note: 方案已印发, by: 池北区}" in after
    else:
        assert result.exit_code == 2
        assert "池南区 没有自己的分工进度" in result.stderr
        assert after == before
