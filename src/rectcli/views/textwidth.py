"""How wide text prints, roughly, for laying out sheets: a Chinese (wide) character takes
two columns of an Excel width unit, a Latin letter or digit one.

Spreadsheet programs do not grow a row for wrapped text written by openpyxl (LibreOffice
and WPS show one line, the rest cut off on screen and on paper): rect sets each row's
height from these estimates instead.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

LINE_HEIGHT = 17.0  # points per line of 11 pt text, a Chinese font's taller line included
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def display_width(text: str) -> int:
    """Columns ``text`` takes: 2 for a wide (CJK) character, 1 for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` units wide (at least 1)."""
    usable = max(width - 1.0, 1.0)  # the cell's own margins
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n"))


def row_height(cells: Iterable[tuple[object, float]]) -> float | None:
    """The height in points for a row of (value, column width) whose text wraps; None
    when every value fits on one line (the default height)."""
    lines = max(
        (wrapped_lines(value, width) for value, width in cells if isinstance(value, str)),
        default=1,
    )
    return min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) if lines > 1 else None
