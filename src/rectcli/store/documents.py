"""Files that are not task lists (issue 5): reports, sheets and calendars rect writes,
the workbooks and plan documents it reads.

Apart from files.py because they need openpyxl or python-docx (imported only when used)
and answer a user who named a wrong file, not a broken task list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rectcli.errors import Problem, RectError
from rectcli.store.files import (
    decode_text,
    display_path,
    is_stdin,
    read_bytes,
    read_text,
    write_atomic,
)

if TYPE_CHECKING:
    from openpyxl import Workbook


def write_output(path: Path, data: str | bytes) -> None:
    """Write a report, sheet or calendar atomically; a failure is a one-line RectError."""
    shown = display_path(path)
    if path.is_dir():
        raise RectError([Problem(shown, 0, 0, "is a directory; name a file to write")])
    if not path.parent.is_dir():
        raise RectError([Problem(shown, 0, 0, f"no directory {display_path(path.parent)}")])
    write_atomic(path, data)


def write_workbook(path: Path, book: Workbook) -> None:
    """Save an openpyxl workbook atomically (built in memory first)."""
    write_output(path, workbook_bytes(book))


def workbook_bytes(book: Workbook) -> bytes:
    """An openpyxl workbook as the bytes of an .xlsx file (``-o -``: for stdout)."""
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_workbook(path: Path) -> Workbook:
    """An .xlsx file as an openpyxl workbook; a missing or non-Excel file is a RectError."""
    import zipfile

    from openpyxl import load_workbook

    shown = display_path(path)
    try:
        return load_workbook(path)
    except FileNotFoundError:
        raise RectError([Problem(shown, 0, 0, "no such file")]) from None
    except IsADirectoryError:
        raise RectError([Problem(shown, 0, 0, "is a directory, not an .xlsx file")]) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else "unreadable"
        raise RectError(
            [Problem(shown, 0, 0, f"not an Excel .xlsx workbook ({detail}); save it as .xlsx")]
        ) from None


def read_plan(path: Path) -> str:
    """A plan document's text, a line per paragraph: .docx through python-docx, else UTF-8."""
    shown = display_path(path)
    if path.suffix.lower() == ".doc":
        raise RectError([Problem(shown, 0, 0, "an old Word .doc file; save it as .docx")])
    if is_stdin(path):  # standard input: a .docx is a zip file, else text
        raw = read_bytes(path)
        if not raw.startswith(b"PK"):
            return decode_text(raw, shown)
    elif path.suffix.lower() != ".docx":
        return read_text(path)
    import io
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    raw = read_bytes(path)
    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise RectError([Problem(shown, 0, 0, "not a Word .docx document")]) from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
