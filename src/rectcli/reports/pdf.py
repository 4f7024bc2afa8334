"""The report as a PDF (reportlab): A4, the layout of the Word report, CJK text that shows
on any machine.

The Chinese font: the first TrueType CJK font found (RECT_PDF_FONT names one; else the
usual places of WenQuanYi Micro Hei, Noto Sans SC, AR PL UMing, SimSun, Microsoft YaHei),
embedded as a subset, so the file looks the same everywhere; with none found, Adobe's
STSong-Light (a CID font every PDF viewer knows, never embedded). docs/reports.md says
why reportlab and not weasyprint, with the measurements.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rectcli.labels import Labels
from rectcli.queries.report import Report
from rectcli.reports.office import (
    chinese_date,
    date_line,
    doc_number,
    heading_extent,
    issuer_of,
    item_head,
    item_rows,
    section_line,
    summary_text,
    unit_head,
    unit_rows,
)
from rectcli.reports.text import PUBLIC_COLUMNS, public_rows, report_heading

CID_FONT = "STSong-Light"
FONT_PLACES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
)
MARGIN = 18 * mm


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The registered name of the font for Chinese text (see the module's docstring)."""
    named = os.environ.get("RECT_PDF_FONT")
    places = [named] if named else list(FONT_PLACES)
    for place in places:
        if place == CID_FONT:
            break
        if Path(place).is_file():
            from reportlab.pdfbase.ttfonts import TTFont

            try:
                pdfmetrics.registerFont(TTFont("rect-cjk", place, subfontIndex=0))
            except Exception:  # a CFF-outline OpenType font: reportlab embeds TrueType only
                continue
            return "rect-cjk"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=12, alignment=TA_CENTER, spaceAfter=8
        ),
        "body": ParagraphStyle("text", parent=base, firstLineIndent=22, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontSize=13, leading=20, spaceBefore=8),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=18, spaceBefore=6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "head": ParagraphStyle("head", parent=base, fontSize=9, leading=12, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT, rightIndent=44),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    width: float,
    styles: dict[str, ParagraphStyle],
    nowrap: Sequence[int] = (),
) -> Table:
    """A ruled table whose header row repeats on every page; the ``nowrap`` columns as
    wide as their longest line, the others sharing the rest by ``shares``."""
    font, size = styles["cell"].fontName, styles["cell"].fontSize
    widths = [0.0] * len(head)
    empty = [i for i in range(len(head)) if rows and not any(row[i] for row in rows)]
    nowrap = [*nowrap, *(i for i in empty if i not in nowrap)]  # an empty column: its heading
    for index in nowrap:
        longest = max((pdfmetrics.stringWidth(row[index], font, size) for row in rows), default=0.0)
        title = heading_extent(head[index], size, lambda t, s: pdfmetrics.stringWidth(t, font, s))
        widths[index] = min(max(longest, title, 2 * size) + 8, 36 * mm)
    free = [i for i in range(len(head)) if i not in nowrap]
    rest = width - sum(widths)
    if not free:  # every column fits its text: share out what is left alike
        widths = [w + rest / len(widths) for w in widths]
    scale = sum(shares[i] for i in free) or 1.0
    for index in free:
        widths[index] = rest * shares[index] / scale
    data = [[_para(h, styles["head"]) for h in head]]
    data += [[_para(value, styles["cell"]) for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)  # a tall row splits
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E7E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _document(story: list[Flowable], pagesize: tuple[float, float], title: str) -> bytes:
    out = io.BytesIO()
    font = cjk_font()

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 10)
        canvas.drawCentredString(pagesize[0] / 2, 10 * mm, f"— {doc.page} —")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        creator="rect",
        invariant=True,  # the same report, the same bytes: no timestamp, a fixed id
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


UNIT_SHARES = (1, 3, 1, 1, 1, 1, 1, 1)
ITEM_SHARES = (1, 1, 1, 1, 3, 2)
PUBLIC_SHARES = (1, 3.2, 3.2, 2, 6.0, 5.2, 2.2)


def report_pdf(report: Report, labels: Labels) -> bytes:
    """The 调度/通报 report as a PDF file's bytes: portrait A4."""
    styles = _styles(cjk_font())
    width = A4[0] - 2 * MARGIN
    story: list[Flowable] = []
    if number := doc_number(report):
        story.append(_para(number, styles["subtitle"]))
    heading = report_heading(report, labels)
    story += [_para(heading, styles["title"]), _para(report.title, styles["subtitle"])]
    story.append(_para(date_line(report, labels), styles["subtitle"]))
    if report.unit:
        story.append(_para(f"（{labels('units')}：{report.unit}）", styles["subtitle"]))
    story.append(_para(summary_text(report, labels), styles["body"]))
    if report.units:
        story.append(_para(labels("doc_units_heading"), styles["h1"]))
        nowrap = range(8)
        story.append(
            _table(unit_head(labels), unit_rows(report), UNIT_SHARES, width, styles, nowrap)
        )
        story.append(_para(labels("doc_details_heading"), styles["h1"]))
    for rank, section in enumerate(report.units, 1):
        title = _para(section_line(rank, section, labels), styles["h2"])
        rows = item_rows(section, labels)
        if not rows:
            story.append(KeepTogether([title, _para(labels("report_nothing"), styles["body"])]))
            continue
        table = _table(item_head(labels), rows, ITEM_SHARES, width, styles, (0, 1, 2, 3))
        story += [title, table]  # the heading stays with the table's first rows
    story += _signature(report, labels, styles)
    return _document(story, A4, f"{report.title} {heading}")


def public_pdf(report: Report, labels: Labels) -> bytes:
    """The 信息公开 table: landscape A4, nothing personal."""
    styles = _styles(cjk_font())
    page = landscape(A4)
    heading = f"{report.title}{labels('doc_public_heading')}"
    as_of = f"（{labels('as_of')}{chinese_date(report.as_of, labels)}）"
    rows = [[str(v) for v in values] for values in public_rows(report, labels)]
    story: list[Flowable] = [
        _para(heading, styles["title"]),
        _para(as_of, styles["subtitle"]),
        _table(
            [labels(key) for key in PUBLIC_COLUMNS],
            rows,
            PUBLIC_SHARES,
            page[0] - 2 * MARGIN,
            styles,
            (0,),
        ),
        *_signature(report, labels, styles),
    ]
    return _document(story, page, heading)


def _signature(report: Report, labels: Labels, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    issuer = issuer_of(report)
    lines = (
        [issuer, chinese_date(report.as_of, labels)]
        if issuer
        else [chinese_date(report.as_of, labels)]
    )
    return [Spacer(1, 12), *(_para(line, styles["right"]) for line in lines)]
