"""The one module that touches files: find, read and (atomically) write task lists."""

from __future__ import annotations

import os
from pathlib import Path

from .checklist import Checklist, parse_tasks, parse_units
from .errors import Problem, RectError

TASKS_FILE = Path("data") / "tasks.yaml"
UNITS_NAME = "units.yaml"


def find_tasks_file(start: Path) -> Path:
    """``data/tasks.yaml`` in ``start`` or the nearest directory above it."""
    for directory in (start, *start.parents):
        candidate = directory / TASKS_FILE
        if candidate.is_file():
            return candidate
    raise RectError(
        f"no {TASKS_FILE} found in {start} or any directory above it; "
        "run rect inside a project, or name the file with --file PATH"
    )


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """A file's text: UTF-8 with or without a BOM; CRLF line ends read as LF."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RectError([Problem(shown, 0, 0, "no such file")]) from None
    except IsADirectoryError:
        raise RectError([Problem(shown, 0, 0, "is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RectError([Problem(shown, 0, 0, f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RectError([_encoding_problem(shown, raw, exc)]) from None
    return text.replace("\r\n", "\n")


def _encoding_problem(shown: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    try:
        raw.decode("gb18030")
        hint = "it looks like GBK/GB18030; convert it: iconv -f GB18030 -t UTF-8"
    except UnicodeDecodeError:
        hint = "save it as UTF-8"
    return Problem(shown, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); {hint}")


def units_file_for(tasks_path: Path) -> Path:
    return tasks_path.parent / UNITS_NAME


def load(tasks_path: Path) -> Checklist:
    """Read and validate a task list and the units.yaml beside it."""
    tasks_text = read_text(tasks_path)
    units_path = units_file_for(tasks_path)
    units = parse_units(read_text(units_path), display_path(units_path))
    return parse_tasks(tasks_text, display_path(tasks_path), units)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
