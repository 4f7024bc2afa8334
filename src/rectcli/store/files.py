"""One file at a time: read it (text, raw text, bytes) and replace it atomically.

Every read and write of the store goes through here, so that encoding problems and
I/O failures read the same everywhere: a one-line :class:`RectError` naming the file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from rectcli.errors import Problem, RectError

STDIN = "-"  # as a file to read: standard input
STDIN_SHOWN = "<stdin>"


def is_stdin(path: Path | str) -> bool:
    return str(path) == STDIN


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory if inside it."""
    if is_stdin(path):
        return STDIN_SHOWN
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """A file's text: UTF-8 with or without a BOM; CRLF line ends read as LF."""
    return decode_text(read_with_status(path)[0], display_path(path))


def read_bytes(path: Path) -> bytes:
    """A file's bytes exactly as stored (for git's drivers, which pass them on untouched)."""
    return read_with_status(path)[0]


def read_raw(path: Path) -> str:
    """A file's text exactly as stored: a UTF-8 BOM kept as U+FEFF, CRLF kept as CRLF,
    so that an edit can write every byte it did not mean to change back unchanged."""
    return decode_raw(read_bytes(path), display_path(path))


def read_with_status(path: Path) -> tuple[bytes, os.stat_result]:
    """A file's bytes, and its status when they were read (the parse cache stamps both).
    ``-`` is standard input (read once; a second read gets the same bytes)."""
    shown = display_path(path)
    if is_stdin(path):
        return _stdin(), os.fstat(0) if _has_fd(0) else os.stat_result((0,) * 10)
    try:
        with open(path, "rb") as handle:
            return handle.read(), os.fstat(handle.fileno())
    except FileNotFoundError:
        raise RectError([Problem(shown, 0, 0, "no such file")]) from None
    except IsADirectoryError:
        raise RectError([Problem(shown, 0, 0, "is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RectError([Problem(shown, 0, 0, f"cannot read: {exc.strerror}")]) from None


_STDIN_READ: dict[int, bytes] = {}


def _stdin() -> bytes:
    """Standard input's bytes, read once per stream (tests run many in one process)."""
    import sys

    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    key = id(stream)
    if key not in _STDIN_READ:
        data = stream.read()
        _STDIN_READ.clear()
        _STDIN_READ[key] = data if isinstance(data, bytes) else data.encode()
    return _STDIN_READ[key]


def _has_fd(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def decode_text(raw: bytes, shown: str) -> str:
    """Bytes (of a file, or from ``git show``) read as :func:`read_text` reads a file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RectError([_encoding_problem(shown, raw, exc)]) from None
    return text.replace("\r\n", "\n")


def decode_raw(raw: bytes, shown: str) -> str:
    """Bytes read as :func:`read_raw` reads a file: every byte kept."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RectError([_encoding_problem(shown, raw, exc)]) from None


def _encoding_problem(shown: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    try:
        raw.decode("gb18030")
        hint = "it looks like GBK/GB18030; convert it: iconv -f GB18030 -t UTF-8"
    except UnicodeDecodeError:
        hint = "save it as UTF-8"
    return Problem(shown, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); {hint}")


def write_atomic(path: Path, text: str | bytes) -> os.stat_result:
    if is_stdin(path):
        raise RectError([Problem(STDIN_SHOWN, 0, 0, "standard input can only be read")])
    return _write_atomic(path, text)


def _write_atomic(path: Path, text: str | bytes) -> os.stat_result:
    """Replace ``path`` with ``text`` (UTF-8, written as is) so that a crash at any moment
    leaves the old file or the new one, never a mix; returns the new file's status.

    The text goes to a temporary file in the same directory, is flushed to disk, then
    renamed over ``path`` (atomic on POSIX); the directory is synced so the rename itself
    survives a power cut. The file keeps its permission bits.

    A symbolic link is written through: its target is replaced, the link stays (issue
    14). A read-only file (no write bit) is refused, never silently rewritten.
    """
    shown = display_path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0o200
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise RectError(
            [Problem(shown, 0, 0, "is read-only; rect will not rewrite it (chmod u+w to allow)")]
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RectError([Problem(shown, 0, 0, f"cannot write: {exc.strerror}")]) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
            status = os.fstat(handle.fileno())  # size and mtime: a rename keeps them
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RectError([Problem(shown, 0, 0, f"cannot write: {exc.strerror}")]) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)
    return status


def _mode_for(path: Path) -> int:
    """The file's permission bits, or a new file's (mkstemp's are owner-only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open a directory
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on directories
        pass
    finally:
        os.close(fd)
