"""export-sheet / import-sheet: the 调度 fill-in round trip through a real .xlsx file."""

from __future__ import annotations

import difflib
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from rectcli.exchange.sheet_in import MarkRequest, read_fill_sheet
from rectcli.exchange.sheet_out import fill_sheet, sheet_title, sheet_unit
from rectcli.labels import Labels
from rectcli.model.checklist import Checklist
from rectcli.store import load
from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"
HEADER = ("编号", "整改措施", "整改时限", "到期日", "当前状态", "状态", "进展说明", "完成百分比")
HEADER += ("佐证材料", "填报人", "日期")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


@pytest.fixture
def exported(invoke: Invoke, data: Path) -> Path:
    """池南区's sheet, as export-sheet writes it beside the data."""
    target = data.parent / "池南区.xlsx"
    result = invoke("export-sheet", "--unit", "池南区", "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout in (
        f"已写入 {target}：3 项未完成措施\n",
        f"wrote {target}: 3 open measures\n",
    )
    return target


def fill(path: Path, cells: dict[str, object]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


def test_export_sheet_layout(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER
    # the unit's open measures: 1.3 through 各区, 2.2 is closed and left out
    assert [r[:5] for r in rows[1:]] == [
        ("1.3", "各区加强巡查，发现问题立行立改。", "长期坚持", None, "未启动"),
        (
            "1.4",
            "池南区制定<b>整治</b>方案 & 上报。",
            "2024年5月31日",
            datetime(2024, 5, 31),
            "推进中",
        ),
        ("2.1", "池南区完成积存渗滤液处理。", "2024年6月底", datetime(2024, 6, 30), "未启动"),
    ]
    assert all(value is None for r in rows[1:] for value in r[5:])
    assert sheet.title == "池南区"
    assert sheet_unit(book) == "池南区"
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["B"].width == 60
    assert sheet["B2"].alignment.wrap_text
    status, percent = sheet.data_validations.dataValidation
    assert (status.type, status.formula1, str(status.sqref)) == (
        "list",
        '"未启动,推进中,已完成,已销号"',
        "F2:F4",
    )
    assert (percent.type, percent.formula1, percent.formula2, str(percent.sqref)) == (
        "whole",
        "0",
        "100",
        "H2:H4",
    )


def test_export_sheet_default_name_and_english(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("export-sheet", "-u", "住建部门", file=data, as_of=AS_OF, lang="en")
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote 住建局.xlsx: 1 open measures\n"
    sheet = openpyxl.load_workbook(tmp_path / "住建局.xlsx").worksheets[0]
    assert next(sheet.iter_rows(values_only=True))[4:7] == (
        "current status",
        "new status",
        "progress note",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "住建"], "error: unknown unit '住建'; did you mean '住建局'?"),
        (
            ["--unit", "住建局", "-o", "out.xls"],
            "error: -o out.xls: a fill-in sheet is an .xlsx workbook; name it out.xlsx",
        ),
    ],
)
def test_export_sheet_refusals(invoke: Invoke, data: Path, args: list[str], message: str) -> None:
    result = invoke("export-sheet", *args, file=data, as_of=AS_OF)
    assert (result.exit_code, result.stderr) == (2, message + "\n")


def test_import_sheet_records_like_mark(invoke: Invoke, data: Path, exported: Path) -> None:
    before = data.read_text(encoding="utf-8")
    fill(
        exported,
        {
            "F2": "推进中",
            "G2": "已完成第二季度巡查",
            "H2": 40,
            "J2": "王五",
            "K2": datetime(2024, 5, 24),
            "F4": "doing",  # English works too; 填报人 defaults to the sheet's unit
            "G4": "  已委托第三方\n处理  ",
            "I4": "https://example.org/合同.pdf",
            "K4": "2024-05-20",
        },
    )
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已从 {exported} 记录 2 条进展\n"
    after = data.read_text("utf-8").splitlines()
    diff = difflib.unified_diff(before.splitlines(), after, n=0, lineterm="")
    # only the marked measures' lines changed, the way rect mark changes them
    assert [line for line in diff if not line.startswith(("---", "+++"))] == [
        "@@ -33 +33 @@",
        "-        status: todo",
        "+        status: doing",
        "@@ -36,0 +37,2 @@",
        "+        progress:",
        # 1.3 is 各区's: the sheet's unit records its own part (docs/format.md)
        "+          - {date: 2024-05-24, status: doing, unit: 池南区, note: 已完成第二季度巡查, "
        "by: 王五, percent: 40}",
        "@@ -53 +55 @@",
        "-        status: todo",
        "+        status: doing",
        "@@ -55,0 +58,2 @@",
        "+        progress:",
        "+          - {date: 2024-05-20, status: doing, note: 已委托第三方 处理, by: 池南区, "
        'evidence: "https://example.org/合同.pdf"}',
    ]
    checklist = load(data)
    found = checklist.find("2.1")
    assert found is not None and found[1] is not None and found[1].status == "doing"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_refuses_bad_rows_with_the_cell(
    invoke: Invoke, data: Path, exported: Path
) -> None:
    before = data.read_text(encoding="utf-8")
    fill(
        exported,
        {
            "F2": "finished",
            "A3": 1.4,  # Excel made the id a number
            "F3": "推进中",
            "G4": "只写了说明",  # no status
            "H4": "120%",
            "K4": "下周",
            "K2": "2024-06-01",
            "A5": "3.1",  # 住建局's measure
            "F5": "已完成",
            "A6": "9.9",
            "F6": "推进中",
            "A7": "2",
            "F7": "推进中",
            "A8": "2.1",
            "F8": "推进中",
        },
    )
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    choices = "未启动 (todo), 推进中 (doing), 已完成 (done), 已销号 (closed)"
    assert result.stderr.splitlines() == [  # row by row, every problem at once
        f"{exported}!F2: error: unknown status 'finished'; use one of {choices}",
        f"{exported}!K2: error: 2024-06-01 is after today (2024-05-25); record progress once it "
        "has happened",
        f"{exported}!A3: error: the id 1.4 is a number, and Excel may have changed it "
        "(3.10 → 3.1); type it as text: '1.4",
        f"{exported}!F4: error: no status for 2.1; choose one of {choices}",
        f"{exported}!H4: error: '120%' is not a percentage; write a whole number from 0 to 100",
        f"{exported}!K4: error: '下周' is not a date; write it as 2024-06-30",
        f"{exported}!A5: error: measure 3.1 belongs to 住建局, not 池南区",
        f"{exported}!A6: error: no measure '9.9'",
        f"{exported}!A7: error: '2' is a problem, not a measure: fill in one row per measure "
        "(2.1, 2.2, …)",
        f"{exported}!A8: error: 2.1 is filled in twice (first in row 4); keep one row per measure",
    ]
    assert data.read_text(encoding="utf-8") == before  # all or nothing


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_applies_marks_rules(invoke: Invoke, data: Path, exported: Path) -> None:
    before = data.read_text(encoding="utf-8")
    fill(
        exported,
        {
            "F2": "已销号",  # 1.3 is todo: only a done measure can be closed
            "F3": "推进中",
            "K3": "2024-05-01",  # before 1.4's last entry (2024-05-10)
            "F4": "已完成",
            "H4": "大半",  # reported with the refusals, all at once
        },
    )
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{exported}!F2: error: 1.3 is todo (未启动); only a done (已完成) measure can be "
        "closed (已销号): mark it done first",
        f"{exported}!K3: error: date 2024-05-01 is before 1.4's last progress entry "
        "(2024-05-10); the log is kept oldest first: fill in a later date, or record it late "
        "(补录) with rect mark 1.4 doing --date 2024-05-01 --late",
        f"{exported}!H4: error: '大半' is not a percentage; write a whole number from 0 to 100",
    ]  # row by row
    assert data.read_text(encoding="utf-8") == before


def test_import_sheet_dry_run_and_nothing_filled(
    invoke: Invoke, data: Path, exported: Path
) -> None:
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert (result.exit_code, result.stdout) == (0, f"{exported} 中没有填报内容。\n")
    fill(exported, {"F4": "推进中", "G4": "已招标", "H4": "30%"})
    before = data.read_text(encoding="utf-8")
    result = invoke("import-sheet", str(exported), "--dry-run", file=data, as_of=AS_OF)
    assert (result.exit_code, result.stdout) == (0, "2.1 推进中 2024-05-25 30% 池南区 已招标\n")
    assert data.read_text(encoding="utf-8") == before


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"not a zip",
            "not an Excel .xlsx workbook (a text or CSV file); "
            "save it as .xlsx (Excel: File > Save As > Excel Workbook)",
        ),
        (None, "no such file"),
    ],
)
def test_import_sheet_unreadable_files(
    invoke: Invoke, data: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    target = tmp_path / "x.xlsx"
    if content is not None:
        target.write_bytes(content)
    result = invoke("import-sheet", str(target), file=data, as_of=AS_OF)
    assert (result.exit_code, result.stderr) == (2, f"{target}: error: {message}\n")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_needs_the_header(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.worksheets[0].append(["id", "status"])
    book.worksheets[0].append(["1.4", "doing"])
    book.save(tmp_path / "mine.xlsx")
    result = invoke("import-sheet", str(tmp_path / "mine.xlsx"), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{tmp_path / 'mine.xlsx'}!A1: error: not a rect fill-in sheet: no 状态 column in row 1 "
        "(make one with rect export-sheet --unit UNIT -o FILE.xlsx)\n"
    )


def _read(checklist: Checklist, rows: list[list[object]], unit: str | None) -> list[MarkRequest]:
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.append(["status", "new status", "id", "percent done"])  # moved columns, English
    for row in rows:
        sheet.append(row)
    return read_fill_sheet(book, "s.xlsx", checklist, date(2024, 5, 25), unit, Labels("zh"))


def test_columns_are_found_by_their_header(data: Path) -> None:
    checklist = load(data)
    requests = _read(checklist, [["ignored", "已完成", "1.4", 1.0]], None)
    assert [(r.measure_id, r.status, r.percent, r.by, r.date) for r in requests] == [
        ("1.4", "done", 1, None, date(2024, 5, 25))
    ]
    assert requests[0].cells["status"] == "s.xlsx!B2"


def test_percent_forms(data: Path) -> None:
    checklist = load(data)
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.append(["编号", "状态", "完成百分比"])
    sheet.append(["1.4", "推进中", 0.6])
    sheet["C2"].number_format = "0%"  # Excel keeps 60% as 0.6
    sheet.append(["2.1", "推进中", "35％"])
    requests = read_fill_sheet(book, "s.xlsx", checklist, date(2024, 5, 25), "池南区", Labels("zh"))
    assert [(r.percent, r.by) for r in requests] == [(60, "池南区"), (35, "池南区")]


def test_fill_sheet_without_rows_has_no_validation(data: Path) -> None:
    book = fill_sheet([], "池北区", date(2024, 5, 25), Labels("zh"))
    assert book.worksheets[0].max_row == 1
    assert not book.worksheets[0].data_validations.dataValidation


def test_sheet_title_is_excel_safe() -> None:
    assert sheet_title("a/b[c]:d*e?f\\g") == "a_b_c__d_e_f_g"
    assert len(sheet_title("长" * 40)) == 31


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_refuses_bad_dates_percentages_and_missing_ids(
    invoke: Invoke, data: Path, exported: Path
) -> None:
    before = data.read_text(encoding="utf-8")
    fill(
        exported,
        {
            "F2": "推进中",
            "K2": "2024-02-30",  # the form of a date, but no such day
            "F3": "推进中",
            "H3": True,  # a checkbox, not a number
            "A4": None,  # the id deleted from a filled row
            "F4": "推进中",
        },
    )
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{exported}!K2: error: '2024-02-30' is not a date; write it as 2024-06-30",
        f"{exported}!H3: error: 'True' is not a percentage; write a whole number from 0 to 100",
        f"{exported}!A4: error: no measure id in a filled row; copy it from the exported sheet",
    ]
    assert data.read_text(encoding="utf-8") == before


def test_import_sheet_of_no_unit_dry_run(invoke: Invoke, data: Path, exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    props = book.custom_doc_props.props  # type: ignore[attr-defined]
    props[:] = [p for p in props if p.name != "rect-unit"]  # the as-of date stays
    book.worksheets[0]["F3"] = "推进中"
    book.save(exported)
    assert sheet_unit(openpyxl.load_workbook(exported)) is None
    result = invoke("import-sheet", str(exported), "--dry-run", file=data, as_of=AS_OF)
    # no unit: no 填报人 to default to, and no percent or note was filled in
    assert (result.exit_code, result.stdout) == (0, "1.4 推进中 2024-05-25\n")


def test_export_sheet_marks_overdue_due_dates(invoke: Invoke, data: Path) -> None:
    target = data.parent / "late.xlsx"
    args = ["export-sheet", "--unit", "池南区", "-o", str(target)]
    assert invoke(*args, file=data, as_of="2024-07-15").exit_code == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    # 1.4 (due 2024-05-31) and 2.1 (2024-06-30) are overdue by then; 1.3 has no due date
    assert [(sheet[f"A{r}"].value, sheet[f"D{r}"].font.b) for r in (2, 3, 4)] == [
        ("1.3", False),
        ("1.4", True),
        ("2.1", True),
    ]
    assert sheet["D3"].font.color.rgb == "00C00000"


def test_a_sheet_neither_reopens_nor_backdates(invoke: Invoke, data: Path, exported: Path) -> None:
    """A sheet has no --reopen or --late column: its refusals say what to do instead."""
    done = invoke("mark", "1.3", "done", "--note", "已完成", file=data, as_of=AS_OF)
    assert done.exit_code == 0, done.output  # after the sheet went out
    before = data.read_text(encoding="utf-8")
    fill(exported, {"F2": "推进中", "F3": "推进中", "K3": "2024-05-01"})
    result = invoke("import-sheet", str(exported), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{exported}!F2: error: 1.3 已是已完成；填报表不能重新打开已完成的措施：请保持其状态不变，"
        "或用 rect mark 1.3 doing --reopen --note … 重新打开",
        f"{exported}!K3: error: 日期 2024-05-01 早于 1.4 的最后一条进展记录（2024-05-10）；"
        "进展记录按时间先后保存：请填写更晚的日期，或用 rect mark 1.4 doing --date 2024-05-01 "
        "--late 补录",
    ]
    assert data.read_text(encoding="utf-8") == before
