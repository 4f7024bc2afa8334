"""The report as an Excel workbook (openpyxl), built in memory; ``store`` saves it.

Write-only workbooks: a 50,000-measure report has tens of thousands of detail lines,
and openpyxl's ordinary cells cost about three times as much to build and save.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from rectcli.labels import Labels
from rectcli.queries.report import Report
from rectcli.reports.text import PUBLIC_COLUMNS, public_rows, report_rows
from rectcli.textsafe import formula_like, sheet_text
from rectcli.views.textwidth import row_height

HEADER_FILL = PatternFill("solid", fgColor="F3F4F6")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"


def _sheet(book: Workbook, title: str, head: Sequence[str], widths: Sequence[int]) -> Any:
    """A sheet with its header row in bold, frozen, filtered and repeated on printed A4
    pages (landscape, one page wide)."""
    sheet = book.create_sheet(title[:31])  # write-only: its own sheet type, untyped
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True  # the cells ruled on paper
    header = []
    for name in head:
        cell = sheet_text(WriteOnlyCell(sheet, value=name))
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        header.append(cell)
    sheet.append(header)
    return sheet


def _append(
    sheet: Any, rows: Iterable[list[object]], wrapped: Sequence[int], dates: Sequence[int] = ()
) -> None:
    """Rows of plain values; the columns numbered in ``wrapped`` (0-based) wrap, each row
    as high as its longest wrapped text needs; ``dates`` hold dates shown yyyy-mm-dd.
    Then an autofilter over the header and the rows. Text that would read as a formula
    is stored as text (textsafe.sheet_text): data is never a formula."""
    dims = sheet.column_dimensions
    widths = [dims[get_column_letter(i)].width for i in range(1, len(dims) + 1)]
    count = 1
    for values in rows:
        row: list[Any] = list(values)
        count += 1
        height = row_height((row[i], widths[i]) for i in wrapped)
        if height is not None:
            sheet.row_dimensions[count].height = height
        for index, value in enumerate(row):
            if index in wrapped or formula_like(value):
                cell = sheet_text(WriteOnlyCell(sheet, value=value))
                if index in wrapped:
                    cell.alignment = WRAP
                row[index] = cell
        for index in dates:
            if isinstance(row[index], date):
                cell = WriteOnlyCell(sheet, value=row[index])
                cell.number_format = DATE_FORMAT
                row[index] = cell
        sheet.append(row)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{count}"


def report_workbook(report: Report, labels: Labels) -> Workbook:
    """Sheet 1: the units ranked, with a bar chart; sheet 2: every line of every unit."""
    book = Workbook(write_only=True)
    units = _sheet(
        book,
        labels("report_units"),
        [
            labels("report_rank"),
            labels("report_unit"),
            labels("measures_total"),
            labels("finished"),
            "%",
            labels("overdue"),
            labels("report_due_soon"),
            labels("report_behind"),
            labels("report_done"),
        ],
        [6, 16, 8, 8, 6, 8, 10, 10, 10],
    )
    _append(
        units,
        (
            [
                rank,
                s.unit,
                s.total,
                s.finished,
                s.percent,
                len(s.overdue),
                len(s.due_soon),
                len(s.behind),
                len(s.done),
            ]
            for rank, s in enumerate(report.units, 1)
        ),
        wrapped=(),
    )
    if report.units:
        chart = BarChart()
        chart.type = "bar"
        chart.title = labels("report_units")
        chart.y_axis.title = "%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        chart.legend = None
        last = len(report.units) + 1
        chart.add_data(Reference(units, min_col=5, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(units, min_col=2, min_row=2, max_row=last))
        chart.height = max(6.0, 0.6 * len(report.units))
        units.add_chart(chart, "K2")
    details = _sheet(
        book,
        labels("report_details"),
        [
            labels("report_rank"),
            labels("report_unit"),
            labels("report_kind"),
            labels("id"),
            labels("task"),
            labels("status"),
            labels("deadline"),
            labels("due"),
            labels("days_overdue"),
            labels("report_days_left_col"),
            labels("report_done_on"),
            labels("text"),
            labels("report_latest"),
        ],
        [6, 14, 10, 8, 6, 8, 16, 11, 8, 8, 11, 60, 30],
    )
    kinds = {
        "overdue": labels("overdue"),
        "due_soon": labels("report_due_soon"),
        "behind": labels("report_behind"),
        "done": labels("report_done"),
    }
    statuses = {s: labels.status(s) for s in ("todo", "doing", "done", "closed")}

    def shown(values: list[object]) -> list[object]:
        *values, duty = values  # shown with the id: '1.5 每季度'
        values[2] = kinds[str(values[2])]
        values[3] = f"{values[3]} {duty}" if duty else values[3]
        values[5] = statuses[str(values[5])]
        values[9] = None if values[9] == "" else values[9]  # days left: a number or empty
        for index in (7, 10):  # due, done on: dates, not text
            values[index] = date.fromisoformat(str(values[index])) if values[index] else None
        return values

    _append(details, (shown(v) for v in report_rows(report)), wrapped=(11, 12), dates=(7, 10))
    return book


def public_workbook(report: Report, labels: Labels) -> Workbook:
    """The 信息公开 table, ready to print on A4."""
    book = Workbook(write_only=True)
    sheet = _sheet(
        book,
        labels("report_public_title"),
        [labels(key) for key in PUBLIC_COLUMNS],
        [6, 20, 26, 12, 80, 50, 14],  # wide enough that a problem of many measures fits
    )
    _append(sheet, public_rows(report, labels), wrapped=range(7))
    return book
