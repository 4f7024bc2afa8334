"""Files that are not task lists (issue 5): reports, sheets and calendars rect writes,
the workbooks and plan documents it reads.

Apart from files.py because they need openpyxl or python-docx (imported only when used)
and answer a user who named a wrong file, not a broken task list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rectcli.errors import Problem, RectError
from rectcli.store.files import (
    display_path,
    read_bytes,
    write_atomic,
)

if TYPE_CHECKING:
    from openpyxl import Workbook


YAML_SUFFIXES = (".yaml", ".yml")


def write_output(path: Path, data: str | bytes, *, yaml: bool = False) -> None:
    """Write a report, sheet or calendar atomically; a failure is a one-line RectError.

    Only ``yaml`` outputs (rect import) may be named .yaml/.yml: a report written over
    ``-o data/tasks.yaml`` would destroy the list, units.yaml or any YAML rect reads.
    """
    shown = display_path(path)
    if not yaml and path.suffix.lower() in YAML_SUFFIXES:
        raise RectError(
            [
                Problem(
                    shown,
                    0,
                    0,
                    "rect does not write a report, sheet or calendar to a .yaml file: "
                    "it could be the task list or a file beside it; name another file",
                )
            ]
        )
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


# Caps checked before a workbook or a document is parsed (issue 14): a 317 KB .xlsx can
# unpack to a 300 MB string and a 346 KB .docx to gigabytes; real sheets and plans are
# a few megabytes.
MAX_FILE = 32 * 1024 * 1024  # bytes of the file itself
MAX_UNPACKED = 128 * 1024 * 1024  # bytes of all its parts (pictures too), as declared
MAX_XML = 24 * 1024 * 1024  # bytes of the parts that are parsed (XML): ~10x in memory
MAX_PARTS = 10_000
MAX_SHEET_ROWS = 100_000  # rows of all worksheets, counted before openpyxl builds them
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 (.xls, .doc)


def _office_bytes(path: Path, kind: str, resave: str) -> bytes:
    """The bytes of an Office Open XML file (.xlsx, .docx) once they are safe to parse:
    a zip archive, not too big, unpacking to not too much. Else a RectError saying what
    the file is and what to do."""
    import io
    import zipfile

    shown = display_path(path)

    def refuse(message: str) -> RectError:
        return RectError([Problem(shown, 0, 0, message)])

    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes says why
    if size > MAX_FILE:
        raise refuse(f"{size:,} bytes: larger than {MAX_FILE:,}; not {kind} rect reads")
    raw = read_bytes(path)
    if raw.startswith(_OLE):
        raise refuse(f"an old Office 97-2003 file, not {kind}; {resave}")
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        what = "unreadable"
        if raw.startswith(b"PK"):
            what = "a damaged or truncated archive"
        elif _looks_like_text(raw):
            what = "a text or CSV file"
        raise refuse(f"not {kind} ({what}); {resave}")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
            if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED or xml > MAX_XML:
                raise refuse(
                    f"unpacks to {unpacked:,} bytes ({xml:,} of XML) in {len(parts):,} parts: "
                    f"more than {MAX_UNPACKED:,} bytes, {MAX_XML:,} of XML or {MAX_PARTS:,} "
                    f"parts; not {kind} rect reads"
                )
            rows = sum(_rows(archive, p) for p in parts if p.filename.startswith(_SHEETS))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise refuse(f"not {kind} (a damaged archive); {resave}") from None
    if rows > MAX_SHEET_ROWS:
        raise refuse(f"{rows:,} rows: more than {MAX_SHEET_ROWS:,}; not {kind} rect reads")
    return raw


_SHEETS = "xl/worksheets/sheet"


def _rows(archive: Any, part: Any) -> int:
    """The ``<row`` elements of a worksheet, counted in a stream (no tree is built)."""
    count, tail = 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row") - tail.count(b"<row")
            tail = data[-4:]
    return int(count)


def _looks_like_text(raw: bytes) -> bool:
    try:
        raw[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_workbook(path: Path) -> Workbook:
    """An .xlsx file as an openpyxl workbook; a missing, damaged, oversized or non-Excel
    file (.csv, .xls, no extension) is a RectError."""
    import io

    from openpyxl import load_workbook

    shown = display_path(path)
    if path.is_dir():
        raise RectError([Problem(shown, 0, 0, "is a directory, not an .xlsx file")])
    resave = "save it as .xlsx (Excel: File > Save As > Excel Workbook)"
    raw = _office_bytes(path, "an Excel .xlsx workbook", resave)
    try:
        return load_workbook(io.BytesIO(raw))
    except Exception as exc:
        detail = type(exc).__name__
        raise RectError(
            [Problem(shown, 0, 0, f"not a readable Excel .xlsx workbook ({detail}); {resave}")]
        ) from None


_OFFICE = {  # what each kind is called, and how to get one from an older file
    ".docx": ("a Word .docx document", "save it as .docx (Word: File > Save As > Word Document)"),
    ".xlsx": (
        "an Excel .xlsx workbook",
        "save it as .xlsx (Excel: File > Save As > Excel Workbook)",
    ),
}


def read_office(path: Path) -> bytes:
    """A .docx or .xlsx file's bytes, once they are safe to parse (see _office_bytes)."""
    kind, resave = _OFFICE[path.suffix.lower()]
    return _office_bytes(path, kind, resave)
