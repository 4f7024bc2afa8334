"""An Excel ledger (整改台账, .xlsx) as a grid of texts.

A ledger sheet has a merged title row (often ``…整改台账（截至2024年9月30日）``), a header
row like a Word table's, merged problem cells and dates either as real Excel dates or as
text (``2024年10月底前``, ``长期坚持``). Merged ranges are repeated into every cell they
cover; a real date becomes its ISO text, a whole number its digits. docs/import.md.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from rectcli.errors import Problem, RectError
from rectcli.exchange.plan_rows import Grid

_AS_OF = re.compile(
    r"截[至止](?:到|日期|时间)?\s*[：:]?\s*(?P<when>[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
    r"|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})"
)


def read_xlsx(data: bytes, shown: str) -> list[Grid]:
    """Every sheet of the workbook, in order, as a grid (``sheet 台账`` in messages)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:  # not read_only: a read-only sheet does not know its merged cells
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise RectError([Problem(shown, 0, 0, "not an Excel .xlsx workbook")]) from None
    grids = []
    for sheet in book.worksheets:
        cells = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            top = cells[merged.min_row - 1][merged.min_col - 1] if cells else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(cells))):
                row = cells[r]
                row += [""] * (merged.max_col - len(row))
                for c in range(merged.min_col - 1, merged.max_col):
                    row[c] = top
        grids.append(Grid(f"sheet {sheet.title}", cells))
    book.close()
    return grids


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_of_date(texts: list[str]) -> str | None:
    """The ``截至2024年9月30日`` date a ledger's title gives, as written."""
    for text in texts:
        if m := _AS_OF.search(text):
            return re.sub(r"\s", "", m["when"])
    return None
