"""The 调度 fill-in sheet, out: a unit's open measures in an Excel workbook, with the
columns the unit fills in (状态/进展说明/完成百分比/佐证材料/填报人/日期). ``store`` saves
it; ``sheet_read`` reads it back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from rectcli.labels import Labels
from rectcli.queries.rows import MeasureRow
from rectcli.statuses import STATUSES
from rectcli.textsafe import sheet_text
from rectcli.views.textwidth import row_height

UNIT_PROPERTY = "rect-unit"
AS_OF_PROPERTY = "rect-as-of"

# (field, label key, width, filled in by the unit)
COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("id", "id", 8, False),
    ("text", "text", 60, False),
    ("deadline", "deadline", 18, False),
    ("due", "due", 12, False),
    ("current", "sheet_current", 10, False),
    ("status", "sheet_status", 10, True),
    ("note", "sheet_note", 40, True),
    ("percent", "sheet_percent", 10, True),
    ("evidence", "sheet_evidence", 24, True),
    ("by", "sheet_by", 12, True),
    ("date", "sheet_date", 12, True),
)
FILL_FIELDS = tuple(name for name, _, _, fill in COLUMNS if fill)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # where the unit writes
LATE_FONT = Font(color="C00000", bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet_title(unit: str) -> str:
    """A worksheet title: at most 31 characters, none of []:*?/\\ ."""
    return re.sub(r"[\[\]:*?/\\]", "_", unit)[:31] or "rect"


def fill_sheet(rows: Sequence[MeasureRow], unit: str, today: date, labels: Labels) -> Workbook:
    """A workbook of one sheet: ``rows`` (the unit's open measures) and empty input columns."""
    book = Workbook()
    ws = book.worksheets[0]
    ws.title = sheet_title(unit)
    props = _custom_properties(book)
    props.append(StringProperty(name=UNIT_PROPERTY, value=unit))
    props.append(StringProperty(name=AS_OF_PROPERTY, value=today.isoformat()))
    for index, (_, key, _, _) in enumerate(COLUMNS, 1):
        sheet_text(ws.cell(row=1, column=index, value=labels(key)))
    for index, (_, _, width, fill) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = INPUT_FILL if fill else HEADER_FILL
        cell.alignment = WRAP
        ws.column_dimensions[get_column_letter(index)].width = width
    formats = {"id": "@", "due": "yyyy-mm-dd", "date": "yyyy-mm-dd"}  # "3.10" stays text
    widths = [float(width) for _, _, width, _ in COLUMNS]
    for r, row in enumerate(rows, 2):
        values = [row.id, row.text, row.deadline, row.due, labels.status(row.status)]
        height = row_height(zip(values, widths, strict=False))
        if height is not None:  # LibreOffice and WPS show wrapped text only in a high row
            ws.row_dimensions[r].height = height
        for c, (name, _, _, fill) in enumerate(COLUMNS, 1):
            # cell by cell as the rows are written: ws[r] would rescan the sheet each time
            value = values[c - 1] if c <= len(values) else None
            cell = sheet_text(ws.cell(row=r, column=c, value=value))  # data: never a formula
            cell.alignment = WRAP
            if fill:
                cell.fill = INPUT_FILL
            if name in formats:
                cell.number_format = formats[name]
            if name == "due" and row.overdue:
                cell.font = LATE_FONT
    last = len(rows) + 1
    where = {name: get_column_letter(i) for i, (name, _, _, _) in enumerate(COLUMNS, 1)}
    _validations(ws, where, last, labels)
    ws.freeze_panes = "B2"  # the header and the id column stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    # printed: A4 landscape, one page wide (the columns to fill beside 编号), header repeated
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.gridLines = True  # the cells ruled on paper
    return book


def _validations(ws: Worksheet, where: dict[str, str], last: int, labels: Labels) -> None:
    if last < 2:
        return
    choices = ",".join(labels.status(s) for s in STATUSES)
    status = DataValidation(
        type="list",
        formula1=f'"{choices}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=labels("sheet_status"),
        error=labels("sheet_status_hint", choices=choices),
    )
    status.add(f"{where['status']}2:{where['status']}{last}")
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=labels("sheet_percent"),
        error="0-100",
    )
    percent.add(f"{where['percent']}2:{where['percent']}{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(percent)


def _custom_properties(book: Workbook) -> Any:
    # openpyxl 3.1 has them; its type stubs do not yet
    return cast(Any, book).custom_doc_props


def sheet_unit(book: Workbook) -> str | None:
    """The unit a sheet was exported for (a document property), if it says."""
    for prop in _custom_properties(book).props:
        if prop.name == UNIT_PROPERTY and isinstance(prop.value, str):
            return prop.value
    return None
