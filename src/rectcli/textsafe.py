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

import re

# C0 but tab and newline, DEL, C1, and the invisible characters that reorder or hide
# text: LRM/RLM, ALM, the embeddings/overrides/isolates, line/paragraph separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[{_UNSAFE}]")
UNSAFE_OR_BREAK = re.compile(f"[{_UNSAFE}\t\n]")

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


def cell(value: object) -> object:
    """A value safe for a spreadsheet or CSV cell: text that a spreadsheet would read as
    a formula (or a DDE call) gets a leading ``'``; numbers, dates and None unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
