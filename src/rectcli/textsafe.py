"""Data is never markup, never a terminal command, never a formula (issue 14).

Every string of a task list, a units.yaml or a fill-in sheet may come from someone
else. Before a terminal sees it, :func:`visible` shows its control characters (C0,
DEL, C1 — ESC among them — and the bidi overrides that reorder a line) as escapes
(``\\x1b``, ``\\u202e``); :func:`one_line` does the same to line breaks, for messages
that must stay one line whatever the data holds (``path:line:col: error: …``,
``::error …``). :func:`cell` makes a spreadsheet or CSV cell inert (OWASP's rule: a
leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a ``'``).

Pure and dependency-free: the model's validation, the views and the writers share it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# C0 but tab and newline, DEL, C1, and the invisible characters that reorder or hide
# text: LRM/RLM, ALM, the embeddings/overrides/isolates, line/paragraph separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[{_UNSAFE}]")
UNSAFE_OR_BREAK = re.compile(f"[{_UNSAFE}\t\n]")

MAX_TEXT = 10_000  # characters of one note, text or cell: beyond, an error at its place

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x09:
        return " "
    if code == 0x0A:
        return "\\n"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control and bidi character shown as an escape; tabs and
    line breaks kept."""
    return UNSAFE.sub(_shown, text) if UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """:func:`visible`, and line breaks shown as ``\\n``, tabs as spaces: one line."""
    return UNSAFE_OR_BREAK.sub(_shown, text) if UNSAFE_OR_BREAK.search(text) else text


def control_char(text: str) -> str | None:
    """The first control, bidi or line-break character in ``text``, shown; else None."""
    found = UNSAFE_OR_BREAK.search(text)
    return None if found is None else _shown(found).strip() or "\\x09"


def formula_like(value: object) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula (or a DDE call)."""
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def cell(value: object) -> object:
    """A value safe for a CSV cell: text that a spreadsheet would read as a formula gets
    a leading ``'`` (OWASP); numbers, dates and None unchanged."""
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def csv_text(head: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """Every CSV rect writes: a header, then rows of :func:`cell` values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([cell(v) for v in head])
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()


def sheet_text(xlsx_cell: Any) -> Any:
    """An openpyxl cell whose text would read as a formula, stored as text instead: the
    workbook holds the characters, never a formula, and shows them as written."""
    if formula_like(xlsx_cell.value):
        xlsx_cell.data_type = "s"
    return xlsx_cell
