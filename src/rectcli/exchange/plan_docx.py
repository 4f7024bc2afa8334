"""A Word plan (.docx): its paragraphs and its tables, in document order.

A 整改任务清单 in Word is most often a table (序号 | 反馈问题 | 整改目标 | 整改措施 |
责任单位 | 责任人 | 整改时限 …) with a title and a ``…印发`` line around it; some plans are
paragraphs in the text format. Tables are read straight from the XML: a vertically merged
cell (``w:vMerge``, one problem over several measure rows) is repeated into every row it
covers, a cell spanning columns (``w:gridSpan``) into every column. docs/import.md.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from rectcli.errors import Problem, RectError
from rectcli.exchange.plan_rows import Grid

_Element = Any  # lxml's element (python-docx's oxml classes), untyped


@dataclass
class WordDocument:
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs, tables left out
    tables: list[Grid] = field(default_factory=list)
    before_first_table: int = 0  # how many paragraphs stand before the first table


def read_docx(data: bytes, shown: str) -> WordDocument:
    """The paragraphs and tables of a .docx file's body."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise RectError([Problem(shown, 0, 0, "not a Word .docx document")]) from None
    found = WordDocument()
    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    for child in document.element.body.iterchildren():
        if child.tag == p_tag:
            found.paragraphs.append(_text(child))
        elif child.tag == tbl_tag:
            if not found.tables:
                found.before_first_table = len(found.paragraphs)
            found.tables.append(Grid(f"table {len(found.tables) + 1}", _grid(child)))
    return found


def _text(element: _Element) -> str:
    """The text of a paragraph or cell: runs' text, tabs and breaks, paragraphs by lines."""
    from docx.oxml.ns import qn

    t, tab, br, p = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p")
    lines: list[str] = []
    paragraphs = [element] if element.tag == p else element.iter(p)
    for paragraph in paragraphs:
        parts = []
        for node in paragraph.iter(t, tab, br):
            if node.tag == t:
                parts.append(node.text or "")
            else:
                parts.append("\t" if node.tag == tab else "\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def _grid(table: _Element) -> list[list[str]]:
    from docx.oxml.ns import qn

    tr, tc, tc_pr, span_tag, merge_tag, before_tag = (
        qn("w:tr"),
        qn("w:tc"),
        qn("w:tcPr"),
        qn("w:gridSpan"),
        qn("w:vMerge"),
        qn("w:gridBefore"),
    )
    val = qn("w:val")
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column → the text a vMerge continuation repeats
    for row in table.iterchildren(tr):
        cells: list[str] = []
        before = row.find(f"{qn('w:trPr')}/{before_tag}")
        if before is not None:
            cells += [""] * int(before.get(val, "0"))
        for cell in row.iterchildren(tc):
            props = cell.find(tc_pr)
            span, merge = 1, None
            if props is not None:
                if (s := props.find(span_tag)) is not None:
                    span = max(1, int(s.get(val, "1")))
                if (m := props.find(merge_tag)) is not None:
                    merge = m.get(val, "continue")
            column = len(cells)
            text = above.get(column, "") if merge == "continue" else _text(cell)
            for k in range(span):
                above[column + k] = text
            cells += [text] * span
        rows.append(cells)
    return rows
