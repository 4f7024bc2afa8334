"""The report as a Word document (python-docx): A4, laid out as an office sends it.

发文字号 and title, the summary in a paragraph, a table of the units, then a section
per unit with a real table of its overdue, due-soon, behind and newly done measures;
署名 and 成文日期 at the end. The 信息公开 table (--public) is an A4 landscape document.
"""

from __future__ import annotations

from rectcli.labels import Labels
from rectcli.queries.report import Report
from rectcli.reports import wordstyle as ws
from rectcli.reports.office import (
    chinese_date,
    date_line,
    doc_number,
    issuer_of,
    item_head,
    item_rows,
    section_line,
    summary_text,
    unit_head,
    unit_rows,
)
from rectcli.reports.text import PUBLIC_COLUMNS, public_rows, report_heading

UNIT_WIDTHS = (1, 3, 1, 1, 1, 1, 1, 1)  # the unit's name takes what the numbers leave
ITEM_WIDTHS = (1, 1, 1, 1, 3, 2)  # 整改措施 : 最新进展 = 3 : 2


def report_docx(report: Report, labels: Labels) -> bytes:
    """The 调度/通报 report as a .docx file's bytes."""
    doc = ws.new_document()
    if number := doc_number(report):
        ws.paragraph(doc, number, align="center")
    ws.title(doc, report_heading(report, labels))
    ws.paragraph(doc, report.title, ws.SUBHEADING_FONT, align="center")
    ws.paragraph(doc, date_line(report, labels), ws.SUBHEADING_FONT, align="center")
    if report.unit:
        ws.paragraph(
            doc, f"（{labels('units')}：{report.unit}）", ws.SUBHEADING_FONT, align="center"
        )
    ws.paragraph(doc, summary_text(report, labels), indent=True)
    if report.units:
        ws.heading(doc, labels("doc_units_heading"))
        ws.table(
            doc,
            unit_head(labels),
            unit_rows(report),
            UNIT_WIDTHS,
            nowrap=range(8),
        )
        ws.heading(doc, labels("doc_details_heading"))
    for rank, section in enumerate(report.units, 1):
        ws.heading(doc, section_line(rank, section, labels), level=2)
        rows = item_rows(section, labels)
        if rows:
            ws.table(
                doc, item_head(labels), rows, ITEM_WIDTHS, nowrap=(0, 1, 2, 3), size=ws.DETAIL_SIZE
            )
        else:
            ws.paragraph(doc, labels("report_nothing"), indent=True)
    ws.signature(doc, issuer_of(report), report.as_of, labels)
    return ws.to_bytes(doc)


PUBLIC_WIDTHS = (1, 3.2, 3.2, 2, 6.0, 5.2, 2.2)


def public_docx(report: Report, labels: Labels) -> bytes:
    """The 信息公开 table as a landscape .docx: 序号 问题 整改目标 整改时限 整改措施 整改进展
    完成情况, nothing personal (the report's public rows are masked already)."""
    doc = ws.new_document(landscape=True)
    ws.title(doc, f"{report.title}{labels('doc_public_heading')}")
    ws.paragraph(
        doc,
        f"（{labels('as_of')}{chinese_date(report.as_of, labels)}）",
        ws.SUBHEADING_FONT,
        align="center",
    )
    rows = [[str(v) for v in values] for values in public_rows(report, labels)]
    head = [labels(key) for key in PUBLIC_COLUMNS]
    ws.table(doc, head, rows, PUBLIC_WIDTHS, nowrap=(0,), size=ws.DETAIL_SIZE, whole_rows=False)
    ws.signature(doc, issuer_of(report), report.as_of, labels)
    return ws.to_bytes(doc)
