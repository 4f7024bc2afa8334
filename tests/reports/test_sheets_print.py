"""Sheets that print and open right: dates as dates, filters, rows high enough for their
wrapped text, A4 landscape one page wide; a CSV file Excel reads (a UTF-8 BOM)."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def test_report_workbook_dates_filters_heights_print(invoke: Invoke, data: Path) -> None:
    target = data.parent / "r.xlsx"
    assert invoke("report", "-o", str(target), file=data, as_of=AS_OF).exit_code == 0
    book = load_workbook(target)
    for sheet in book.worksheets:
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation) == (9, "landscape")  # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows in ("1:1", "$1:$1")
    details = book.worksheets[1]
    head = [c.value for c in details[1]]
    due, done_on = head.index("到期日") + 1, head.index("完成日期") + 1
    values = [row for row in details.iter_rows(min_row=2, values_only=True)]
    assert values and all(isinstance(r[due - 1], datetime) for r in values if r[due - 1])
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    assert not any(isinstance(v, str) and iso.fullmatch(v) for r in values for v in r)
    cells = [details.cell(r, due) for r in range(2, details.max_row + 1)]
    assert {c.number_format for c in cells if c.value is not None} == {"yyyy-mm-dd"}
    assert any(isinstance(r[done_on - 1], datetime) for r in values)
    # 1.1's text and latest note wrap over two lines or more: its row is higher
    row_11 = next(r for r in range(2, details.max_row + 1) if details.cell(r, 4).value == "1.1")
    assert (details.row_dimensions[row_11].height or 0) >= 34


def test_public_workbook_rows_fit_their_measures(invoke: Invoke, data: Path) -> None:
    target = data.parent / "p.xlsx"
    assert invoke("report", "--public", "-o", str(target), file=data, as_of=AS_OF).exit_code == 0
    sheet = load_workbook(target).worksheets[0]
    # problem 1: four measures, one line each at least
    assert (sheet.row_dimensions[2].height or 0) >= 4 * 17
    assert sheet.cell(2, 5).alignment.wrap_text


def test_fill_sheet_prints_one_page_wide(invoke: Invoke, shipped: Path) -> None:
    target = shipped.parent / "池北区.xlsx"
    result = invoke("export-sheet", "-u", "池北区", "-o", str(target), file=shipped, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).worksheets[0]
    setup = sheet.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_options.gridLines
    assert sheet.auto_filter.ref == f"A1:K{sheet.max_row}"
    rows = range(2, sheet.max_row + 1)
    heights = [sheet.row_dimensions[r].height or 15.0 for r in rows]
    lengths = [len(sheet.cell(r, 2).value) for r in rows]  # 整改措施, 60 wide: 30 汉字 a line
    assert all(h >= 34 for h, n in zip(heights, lengths, strict=True) if n > 40)
    assert all(h == 15.0 for h, n in zip(heights, lengths, strict=True) if n < 25)
    assert heights[lengths.index(max(lengths))] == max(heights)


def test_csv_file_has_a_bom_stdout_does_not(invoke: Invoke, data: Path) -> None:
    target = data.parent / "r.csv"
    assert invoke("report", "-o", str(target), file=data, as_of=AS_OF).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfrank,unit,kind,")
    printed = invoke("report", "--format", "csv", file=data, as_of=AS_OF)
    assert printed.stdout.startswith("rank,unit,kind,")
    assert raw.decode("utf-8-sig") == printed.stdout
    public = data.parent / "p.csv"
    assert invoke("report", "--public", "-o", str(public), file=data, as_of=AS_OF).exit_code == 0
    assert public.read_bytes().startswith("\ufeff序号,".encode())
