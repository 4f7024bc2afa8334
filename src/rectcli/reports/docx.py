"""The report as a Word document (python-docx): A4, laid out as an office sends it.

发文字号 and title, the summary in a paragraph, a table of the units, then a section
per unit with a real table of its overdue, due-soon, behind and newly done measures;
署名 and 成文日期 at the end. The 信息公开 table (--public) is an A4 landscape document.
"""

from __future__ import annotations

from rectcli.labels import Labels
from rectcli.queries.report import Report, UnitSection, chinese_ordinal
from rectcli.reports import wordstyle as ws
from rectcli.reports.text import (
    PUBLIC_COLUMNS,
    kinds_of,
    public_rows,
    report_heading,
    when_text,
)


def summary_text(report: Report, labels: Labels) -> str:
    """The summary as the sentence an office writes (截至…，共有整改措施…项…)."""
    pct = round(100 * report.finished / report.total) if report.total else 0
    text = labels(
        "doc_summary",
        as_of=ws.chinese_date(report.as_of, labels),
        since=ws.chinese_date(report.since, labels),
        total=report.total,
        finished=report.finished,
        percent=pct,
        overdue=report.overdue,
        soon_days=report.soon_days,
        due_soon=report.due_soon,
        behind=report.behind,
        done=report.done,
    )
    if report.duties_overdue:
        text += labels("doc_duties", n=report.duties_overdue)
    return text


def unit_rows(report: Report) -> list[list[str]]:
    return [
        [
            str(rank),
            s.unit,
            f"{s.finished}/{s.total}",
            f"{s.percent}%",
            str(len(s.overdue)),
            str(len(s.due_soon)),
            str(len(s.behind)),
            str(len(s.done)),
        ]
        for rank, s in enumerate(report.units, 1)
    ]


def unit_head(labels: Labels) -> list[str]:
    return [
        labels("report_rank"),
        labels("report_unit"),
        labels("finished"),
        "%",
        labels("overdue"),
        labels("report_due_soon"),
        labels("report_behind"),
        labels("report_done"),
    ]


def item_head(labels: Labels) -> list[str]:
    return [
        labels("report_kind"),
        labels("id"),
        labels("due"),
        labels("report_when"),
        labels("text"),
        labels("report_latest"),
    ]


def item_rows(section: UnitSection, labels: Labels) -> list[list[str]]:
    """One line per overdue, due-soon, behind and newly done measure of a unit."""
    from rectcli.queries.report import item_note

    return [
        [
            labels(key),
            item.label,
            item.row.due.isoformat() if item.row.due else item.row.deadline or "—",
            when_text(kind, item, labels),
            " ".join(item.row.text.split()),
            item_note(item),
        ]
        for kind, key, item in kinds_of(section)
    ]


UNIT_WIDTHS = (1, 3, 1, 1, 1, 1, 1, 1)  # the unit's name takes what the numbers leave
ITEM_WIDTHS = (1, 1, 1, 1, 3, 2)  # 整改措施 : 最新进展 = 3 : 2


def report_docx(report: Report, labels: Labels) -> bytes:
    """The 调度/通报 report as a .docx file's bytes."""
    doc = ws.new_document()
    if report.number:
        ws.paragraph(doc, report.number, align="center")
    ws.title(doc, report_heading(report, labels))
    ws.paragraph(doc, report.title, ws.SUBHEADING_FONT, align="center")
    if report.unit:
        ws.paragraph(doc, f"（{labels('units')}：{report.unit}）", ws.SUBHEADING_FONT, align="center")
    ws.paragraph(doc, summary_text(report, labels), indent=True)
    if report.units:
        ws.heading(doc, labels("doc_units_heading"))
        ws.table(
            doc,
            unit_head(labels),
            unit_rows(report),
            UNIT_WIDTHS,
            nowrap=(0, 2, 3, 4, 5, 6, 7),
        )
        ws.heading(doc, labels("doc_details_heading"))
    for rank, section in enumerate(report.units, 1):
        line = labels(
            "doc_unit_line",
            unit=section.unit,
            total=section.total,
            finished=section.finished,
            percent=section.percent,
        )
        ordinal = f"（{chinese_ordinal(rank)}）" if labels.lang == "zh" else f"({rank}) "
        ws.heading(doc, ordinal + line, level=2)
        rows = item_rows(section, labels)
        if rows:
            ws.table(
                doc, item_head(labels), rows, ITEM_WIDTHS, nowrap=(0, 1, 2, 3), size=ws.DETAIL_SIZE
            )
        else:
            ws.paragraph(doc, labels("report_nothing"), indent=True)
    ws.signature(doc, report.issuer, report.as_of, labels)
    return ws.to_bytes(doc)


PUBLIC_WIDTHS = (1, 3.2, 3.2, 2, 6.0, 5.2, 2.2)


def public_docx(report: Report, labels: Labels) -> bytes:
    """The 信息公开 table as a landscape .docx: 序号 问题 整改目标 整改时限 整改措施 整改进展
    完成情况, nothing personal (the report's public rows are masked already)."""
    doc = ws.new_document(landscape=True)
    ws.title(doc, f"{report.title}{labels('doc_public_heading')}")
    ws.paragraph(
        doc,
        f"（{labels('as_of')}{ws.chinese_date(report.as_of, labels)}）",
        ws.SUBHEADING_FONT,
        align="center",
    )
    rows = [[str(v) for v in values] for values in public_rows(report, labels)]
    head = [labels(key) for key in PUBLIC_COLUMNS]
    ws.table(doc, head, rows, PUBLIC_WIDTHS, nowrap=(0,), size=ws.DETAIL_SIZE)
    ws.signature(doc, report.issuer, report.as_of, labels)
    return ws.to_bytes(doc)
