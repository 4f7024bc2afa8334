"""Word documents in the manner of Chinese official documents (GB/T 9704-2012), where
that fits a report: A4, 方正小标宋 titles, 黑体 / 楷体 headings, 仿宋 body in 三号,
tables in 小四, page numbers "— 1 —" at the foot.

Chinese text takes its font from ``w:eastAsia``, not from the font name python-docx sets
(that is the Latin one): every style and run here sets both, so Word and WPS pick the
Chinese font. A machine without 方正 fonts substitutes its own (LibreOffice: the
fontconfig match, usually Noto Serif/Sans CJK); the names stay what the standard says.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from rectcli.labels import Labels
from rectcli.reports.office import chinese_date, heading_extent

# The standard's faces under the names Windows ships (仿宋, 楷体, 黑体 since Vista), so
# that Word finds them without the old *_GB2312 fonts; 方正小标宋简体 is on most office
# machines and Word shows 宋体 where it is not.
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
BODY_FONT = "仿宋"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
SMALL_SIZE = Pt(14)  # 四号
TABLE_SIZE = Pt(12)  # 小四
DETAIL_SIZE = Pt(10.5)  # 五号: the tables of many columns
CELL_PADDING = Cm(0.55)  # Word's cell margins (0.19 cm a side) and a little air
NOWRAP_MAX = Cm(3.2)  # a no-wrap column wider than this wraps after all
HEADER_SHADE = "E7E6E6"


def new_document(*, landscape: bool = False) -> DocumentObject:
    """An empty A4 document with the GB/T 9704 margins and the body font set."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    set_font(normal.font, BODY_FONT, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)  # 22 lines a page, as the standard has it
    _page_number(section.footer.paragraphs[0])
    return doc


def text_width(doc: DocumentObject) -> int:
    """The width between the margins, in EMU."""
    section = doc.sections[-1]
    assert section.page_width is not None
    return int(section.page_width) - int(section.left_margin or 0) - int(section.right_margin or 0)


def set_font(font: object, name: str, size: Pt, *, bold: bool = False) -> None:
    """The font of a style or a run, its East Asian name included."""
    from docx.text.font import Font

    assert isinstance(font, Font)
    font.name = LATIN_FONT if name != HEADING_FONT else name  # adds w:rFonts
    font.size = size
    font.bold = bold or None
    fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def paragraph(
    doc: DocumentObject,
    text: str,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    *,
    align: str = "justify",
    bold: bool = False,
    indent: bool = False,
) -> Paragraph:
    """A paragraph of one run; ``indent``: the first line indented two characters."""
    para = doc.add_paragraph()
    para.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    if indent:
        para.paragraph_format.first_line_indent = Pt(size.pt * 2)
    run = para.add_run(text)
    set_font(run.font, font, size, bold=bold)
    return para


def title(doc: DocumentObject, text: str) -> None:
    """The document's title: 二号 方正小标宋, centred, a blank line after."""
    para = paragraph(doc, text, TITLE_FONT, TITLE_SIZE, align="center")
    para.paragraph_format.line_spacing = Pt(35)
    para.paragraph_format.space_after = Pt(14)


def heading(doc: DocumentObject, text: str, level: int = 1) -> None:
    """一、 in 黑体, （一） in 楷体; both 三号 and kept with what follows."""
    font = HEADING_FONT if level == 1 else SUBHEADING_FONT
    para = paragraph(doc, text, font, BODY_SIZE, align="left", indent=True)
    para.paragraph_format.keep_with_next = True
    para.paragraph_format.space_before = Pt(6)


def table(
    doc: DocumentObject,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    nowrap: Sequence[int] = (),
    size: Pt = TABLE_SIZE,
    whole_rows: bool = True,
) -> Table:
    """A real Word table: borders, a shaded header row repeated on every page, rows kept
    whole on a page (unless ``whole_rows`` is off: a row of many measures runs on). The
    columns in ``nowrap`` are as wide as their longest line (编号 and dates stay on one
    line); the others share the rest by ``widths``."""
    grid: Table = doc.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    emus = column_widths(text_width(doc), head, rows, widths, nowrap, size)
    _fixed_layout(grid)
    header = grid.rows[0]
    _repeat_header(header)
    for index, name in enumerate(head):
        cell = header.cells[index]
        _cell_text(cell, name, size, bold=True, font=HEADING_FONT, center=True)
        _shade(cell)
    for values in rows:
        row = grid.add_row()  # type: ignore[no-untyped-call]  # untyped in python-docx
        if whole_rows:
            _no_split(row)
        for index, value in enumerate(values):
            _cell_text(row.cells[index], value, size, nowrap=index in nowrap)
    for row in grid.rows:
        for index, cell in enumerate(row.cells):
            cell.width = emus[index]
    for index, column in enumerate(grid.columns):
        column.width = emus[index]
    return grid


def text_extent(text: str, size: float) -> int:
    """About how wide ``text`` prints, in EMU: a Chinese character is one em, a Latin
    letter or digit about 0.6 em (DejaVu, the usual stand-in, is wide)."""
    ems = sum(1.0 if ord(ch) > 0x2E7F else 0.62 for ch in text)
    return int(ems * size)


def column_widths(
    total: int,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    nowrap: Sequence[int],
    size: Pt,
) -> list[int]:
    """Widths in EMU: the no-wrap columns (and those with nothing in them) fit their
    longest line (at most NOWRAP_MAX; their headings may take two lines); the others
    share the rest by ``shares``."""
    widths = [0] * len(head)
    empty = [i for i in range(len(head)) if rows and not any(row[i] for row in rows)]
    nowrap = [*nowrap, *(i for i in empty if i not in nowrap)]  # an empty column: its heading
    for index in nowrap:
        lines = [line for row in rows for line in row[index].split("\n")]
        longest = max((text_extent(line, size) for line in lines), default=0)
        title = heading_extent(head[index], size, text_extent)
        need = max(longest, title, text_extent("编号", size)) + int(CELL_PADDING)
        widths[index] = min(need, int(NOWRAP_MAX))
    rest = total - sum(widths)
    free = [i for i in range(len(head)) if i not in nowrap]
    if not free:  # every column fits its text: share out what is left alike
        return [w + rest // len(widths) for w in widths]
    scale = sum(shares[i] for i in free) or 1.0
    for index in free:
        widths[index] = int(rest * shares[index] / scale)
    return widths


def _cell_text(
    cell: object,
    text: str,
    size: Pt,
    *,
    bold: bool = False,
    font: str = BODY_FONT,
    center: bool = False,
    nowrap: bool = False,
) -> None:
    from docx.table import _Cell

    assert isinstance(cell, _Cell)
    lines = text.split("\n")
    para = cell.paragraphs[0]
    for number, line in enumerate(lines):
        if number:
            para = cell.add_paragraph()
        para.paragraph_format.line_spacing = 1.0
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        run = para.add_run(line)
        set_font(run.font, font, size, bold=bold)
    if nowrap:
        cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _shade(cell: object) -> None:
    from docx.table import _Cell

    assert isinstance(cell, _Cell)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: object) -> None:
    from docx.table import _Row

    assert isinstance(row, _Row)
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    _no_split(row)


def _no_split(row: object) -> None:
    from docx.table import _Row

    assert isinstance(row, _Row)
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _fixed_layout(grid: Table) -> None:
    tbl_pr = grid._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _page_number(para: Paragraph) -> None:
    """— 1 — centred: 四号 半角宋体 digits, as GB/T 9704 puts them."""
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in ("— ", None, " —"):
        run = para.add_run(part or "")
        set_font(run.font, "宋体", SMALL_SIZE)
        if part is None:
            for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
                if kind:
                    field = OxmlElement("w:fldChar")
                    field.set(qn("w:fldCharType"), kind)
                    run._r.append(field)
                else:
                    code = OxmlElement("w:instrText")
                    code.set(qn("xml:space"), "preserve")
                    code.text = text
                    run._r.append(code)


def signature(doc: DocumentObject, issuer: str | None, day: date, labels: Labels) -> None:
    """署名 and 成文日期 at the end: the date four characters from the right margin, the
    issuer centred over it (flush right when it is the longer by far)."""
    when = chinese_date(day, labels)
    sign(doc, [issuer, when] if issuer else [when])


def sign(doc: DocumentObject, lines: Sequence[str]) -> None:
    """Right-aligned closing lines: the last (the date) four characters from the margin,
    the ones above centred over it where they fit."""
    paragraph(doc, "", align="left")
    em = BODY_SIZE.pt
    date_width = text_extent(lines[-1], BODY_SIZE) / Pt(1)
    for line in lines:
        width = text_extent(line, BODY_SIZE) / Pt(1)
        indent = max(0.0, 4 * em + (date_width - width) / 2)
        para = paragraph(doc, line, align="right")
        para.paragraph_format.right_indent = Pt(round(indent, 1))


def to_bytes(doc: DocumentObject) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


__all__ = ["Cm", "Pt", "heading", "new_document", "paragraph", "table", "title"]
