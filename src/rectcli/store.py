"""The one module that touches files: find, read and (atomically) write task lists."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .checklist import Checklist
from .errors import Problem, RectError

if TYPE_CHECKING:
    from openpyxl import Workbook

    from .models import Measure
    from .policy import Policy
    from .target_models import TargetFile
    from .units import UnitRegistry
    from .workdays import WorkCalendar

TASKS_FILE = Path("data") / "tasks.yaml"
UNITS_NAME = "units.yaml"
POLICY_NAME = "policy.yaml"  # optional, beside units.yaml (config.py)
HOLIDAYS_NAME = "holidays.yaml"  # optional, likewise


def find_tasks_file(start: Path) -> Path:
    """``data/tasks.yaml`` in ``start`` or the nearest directory above it (or only the
    directory ``data/tasks/`` of a list kept in several files)."""
    for directory in (start, *start.parents):
        candidate = directory / TASKS_FILE
        if candidate.is_file() or shards_dir(candidate).is_dir():
            return candidate if candidate.is_file() else shards_dir(candidate)
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
    return _decode(_read_bytes(path)[0], display_path(path))


def read_bytes(path: Path) -> bytes:
    """A file's bytes exactly as stored (for git's drivers, which pass them on untouched)."""
    return _read_bytes(path)[0]


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """A file's bytes, and its status when they were read."""
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(), os.fstat(handle.fileno())
    except FileNotFoundError:
        raise RectError([Problem(shown, 0, 0, "no such file")]) from None
    except IsADirectoryError:
        raise RectError([Problem(shown, 0, 0, "is a directory, not a YAML file")]) from None
    except OSError as exc:
        raise RectError([Problem(shown, 0, 0, f"cannot read: {exc.strerror}")]) from None


def _decode(raw: bytes, shown: str) -> str:
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
    return side_dir(tasks_path) / UNITS_NAME


# ---- lists kept in several files (issue 6; see shards.py) ----

# Files of a data directory that are not task lists.
SIDE_NAMES = frozenset({UNITS_NAME, POLICY_NAME, HOLIDAYS_NAME, "targets.yaml"})


def shards_dir(tasks_file: Path) -> Path:
    """Where the other files of a list are: ``data/tasks/`` beside ``data/tasks.yaml``."""
    return tasks_file.with_suffix("")


def main_path(tasks_path: Path) -> Path:
    """The list a path names: a data directory names the ``tasks.yaml`` in it."""
    inner = tasks_path / TASKS_FILE.name
    return inner if tasks_path.is_dir() and inner.is_file() else tasks_path


def task_files(tasks_path: Path) -> list[Path]:
    """The files of the list ``tasks_path``: the file and the ``*.yaml`` of its shards
    directory, or a directory's ``*.yaml`` files; the main file first, then by name.
    Raises RectError when there is none."""
    tasks_path = main_path(tasks_path)
    if not tasks_path.is_dir():
        shards = shards_dir(tasks_path)
        return [tasks_path, *(sorted(shards.glob("*.yaml")) if shards.is_dir() else [])]
    files = sorted(p for p in tasks_path.glob("*.yaml") if p.name not in SIDE_NAMES)
    if not files:
        raise RectError([Problem(display_path(tasks_path), 0, 0, "no *.yaml task files in it")])
    return files


def side_dir(tasks_path: Path) -> Path:
    """Where units.yaml and the other side files of a list are: beside its main file; for
    a shards directory, in it if it holds units.yaml, else beside it."""
    tasks_path = main_path(tasks_path)
    if tasks_path.is_dir() and (tasks_path / UNITS_NAME).is_file():
        return tasks_path
    return tasks_path.parent


def files_holding(tasks_path: Path, item_ids: Iterable[str]) -> dict[str, Path]:
    """For each id, the file of the list whose ``- id:`` line names it (else the first
    file, where the edit will say it is unknown). Reads each file once, if at all."""
    from .yamllines import find_item

    files = task_files(tasks_path)
    holding = dict.fromkeys(item_ids, files[0])
    if len(files) == 1:
        return holding
    wanted = set(holding)
    for path in files:
        text, shown = read_raw(path), display_path(path)
        for item_id in list(wanted):
            try:
                find_item(text, shown, item_id)
            except RectError as exc:
                if not exc.problems[0].line:  # not here (twice here: the edit says so)
                    continue
            holding[item_id] = path
            wanted.discard(item_id)
    return holding


def load(tasks_path: Path, *, use_cache: bool = True) -> Checklist:
    """Read and validate a task list and the units.yaml beside it.

    With ``use_cache``, a checklist parsed before from the very same files comes from
    the parse cache (see cache.py), and a fresh parse is saved there.
    """
    if not use_cache:
        return _parse_files(tasks_path)
    from . import cache

    key = _cache_key(tasks_path)
    entry = cache.cache_dir() / cache.entry_name(tasks_path)
    data = _read_cache(entry)
    # An entry made before some marks: the patches they left lead on to this key.
    patches = b"" if cache.stored_key(data) == key else _read_cache(_patches_file(entry))
    found = cache.unpack(key, data, patches)
    if found is not None:
        return found
    checklist = _parse_files(tasks_path)
    if _cache_key(tasks_path) == key:  # no file changed while it was parsed
        _write_cache(entry, cache.pack_chunks(key, checklist))
    return checklist


def _parse_files(tasks_path: Path) -> Checklist:
    from .validate import parse_tasks, parse_units  # pydantic: a cache hit needs none

    tasks_path = main_path(tasks_path)
    files = task_files(tasks_path)
    texts = [(read_text(path), display_path(path)) for path in files]
    units_path = units_file_for(tasks_path)
    units = parse_units(read_text(units_path), display_path(units_path))
    policy, calendar, problems = load_calendar(side_dir(tasks_path))
    try:
        if files == [tasks_path]:
            (tasks_text, shown), *_ = texts
            checklist = parse_tasks(tasks_text, shown, units, policy=policy, calendar=calendar)
        else:
            from .shards import parse_shards

            checklist = parse_shards(
                display_path(tasks_path),
                texts,
                units,
                policy=policy,
                calendar=calendar,
            )
    except RectError as exc:
        raise RectError([*problems, *exc.problems]) from None
    if problems:
        raise RectError(problems)
    return checklist


def load_calendar(directory: Path) -> tuple[Policy | None, WorkCalendar | None, list[Problem]]:
    """The optional policy.yaml and holidays.yaml in ``directory`` (None where absent),
    and the problems found in them."""
    from .config import parse_holidays, parse_policy

    policy = calendar = None
    problems: list[Problem] = []
    try:
        if (directory / POLICY_NAME).is_file():
            path = directory / POLICY_NAME
            policy = parse_policy(read_text(path), display_path(path))
    except RectError as exc:
        problems.extend(exc.problems)
    try:
        if (directory / HOLIDAYS_NAME).is_file():
            path = directory / HOLIDAYS_NAME
            calendar = parse_holidays(read_text(path), display_path(path))
    except RectError as exc:
        problems.extend(exc.problems)
    return policy, calendar, problems


def write_atomic(path: Path, text: str | bytes) -> os.stat_result:
    """Replace ``path`` with ``text`` (UTF-8, written as is) so that a crash at any moment
    leaves the old file or the new one, never a mix; returns the new file's status.

    The text goes to a temporary file in the same directory, is flushed to disk, then
    renamed over ``path`` (atomic on POSIX); the directory is synced so the rename itself
    survives a power cut. The file keeps its permission bits.
    """
    shown = display_path(path)
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


# ---- editing in place: raw text and the writers' lock (issue 3) ----

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another before giving up


def read_raw(path: Path) -> str:
    """A file's text exactly as stored: a UTF-8 BOM kept as U+FEFF, CRLF kept as CRLF,
    so that an edit can write every byte it did not mean to change back unchanged."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RectError([_encoding_problem(display_path(path), raw, exc)]) from None


def decode_text(raw: bytes, shown: str) -> str:
    """Bytes from elsewhere (``git show``) read as :func:`read_text` reads a file."""
    return _decode(raw, shown)


def lock_file_for(path: Path) -> Path:
    """The lock file beside ``path``: ``data/.tasks.yaml.lock``, there while it is held."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the writers' lock of ``path`` from read to write, so that concurrent
    ``rect mark`` processes take turns and none of their edits is lost.

    The lock is a separate file: ``path`` itself is replaced by each write, and a lock
    on a replaced file's old inode would not exclude the next writer. The holder removes
    the lock file before it lets go (so none is left lying in the repository); a writer
    that got the lock on a file removed meanwhile opens it again. The operating system
    releases the lock of a killed process; the file it leaves is simply reused.
    """
    if not path.is_file():
        read_raw(path)  # raises the reason: no such file, a directory…
    lock_path = lock_file_for(path)
    deadline = time.monotonic() + timeout
    while True:
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held open for the whole block
        except OSError as exc:
            raise RectError(
                [Problem(display_path(lock_path), 0, 0, f"cannot create lock file: {exc.strerror}")]
            ) from None
        try:
            if _acquire(handle.fileno(), lock_path, deadline, timeout):
                break
        except BaseException:
            handle.close()
            raise
        handle.close()
    try:
        yield
    finally:
        if sys.platform != "win32":  # Windows cannot remove an open file
            with contextlib.suppress(OSError):
                lock_path.unlink()  # still holding it: no one else is in between
        handle.close()  # releases the lock


def _acquire(fd: int, lock_path: Path, deadline: float, timeout: float) -> bool:
    """Lock the open lock file ``fd``; False if its holder removed it meanwhile."""
    if sys.platform == "win32":  # pragma: no cover - msvcrt retries for ~10 s itself
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        return True
    import fcntl

    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise RectError(
                    [
                        Problem(
                            display_path(lock_path),
                            0,
                            0,
                            f"another rect process has held this lock for {timeout:.0f} s; "
                            "wait for it to finish, or end it",
                        )
                    ]
                ) from None
            time.sleep(0.01)
    try:
        return os.stat(lock_path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


# ---- output files: reports, sheets, calendars (issue 5) ----


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
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    write_output(path, buffer.getvalue())


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


# ---- the parse cache's files (issue 6; keys and format in cache.py) ----


def _cache_key(tasks_path: Path) -> bytes:
    """The cache key of everything ``load`` reads: the task list and the files beside it."""
    from .cache import make_key

    paths, stamps = _cache_stamps(tasks_path, {})
    return make_key(_code_stamp(), [display_path(p) for p in paths], stamps)


def _cache_stamps(tasks_path: Path, known: dict[Path, bytes]) -> tuple[list[Path], list[bytes]]:
    """Every file ``load`` reads, and its stamp (cache.file_key) unless ``known``."""
    from .cache import file_key

    # Every file that load() reads must be here, or its edits would be served stale.
    lists = task_files(tasks_path)
    side = side_dir(tasks_path)
    paths = [*lists, *(side / name for name in (UNITS_NAME, POLICY_NAME, HOLIDAYS_NAME))]
    stamps = []
    for index, path in enumerate(paths):
        if path in known:
            stamps.append(known[path])
            continue
        try:
            raw, status = _read_bytes(path)
            stamps.append(file_key(path, status, raw))
        except RectError:
            if index < len(lists):
                raise  # a task file cannot be read: the error load() would give
            stamps.append(b"absent")
    return paths, stamps


def read_raw_stamped(path: Path) -> tuple[str, bytes]:
    """:func:`read_raw`, and the parse cache's stamp of the very bytes read."""
    from .cache import file_key

    raw, status = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RectError([_encoding_problem(display_path(path), raw, exc)]) from None
    return text, file_key(path, status, raw)


def write_stamped(path: Path, text: str) -> bytes:
    """:func:`write_atomic`, and the parse cache's stamp of the file written."""
    from .cache import file_key

    data = text.encode("utf-8")
    return file_key(path, write_atomic(path, data), data)


def patch_cache(
    tasks_path: Path,
    read: dict[Path, bytes],
    written: dict[Path, bytes],
    edits: dict[Path, list[tuple[str, int, Measure]]],
) -> None:
    """After ``rect mark`` (holding the writers' lock): keep the list's cache entry good
    for the files as written, by saving a patch beside it (see cache.Patch).

    ``read`` and ``written`` are the stamps of each edited file as read and as written,
    ``edits`` what was done to it. Nothing is saved when the cache holds no entry that
    patches lead from to the files as read: the next load parses them.
    """
    from . import cache

    try:
        paths, stamps = _cache_stamps(tasks_path, read)
    except RectError:  # a file of the list cannot be read now: the next load says so
        return
    shown, code = [display_path(p) for p in paths], _code_stamp()
    patches = []
    for file, done in edits.items():  # a patch a file: each moves the lines of its own
        if file not in paths or file not in written:
            return
        before = cache.make_key(code, shown, stamps)
        stamps[paths.index(file)] = written[file]
        after = cache.make_key(code, shown, stamps)
        edited = tuple(cache.edit(*one) for one in done)
        patches.append(cache.Patch(before, after, display_path(file), edited))
    entry = cache.cache_dir() / cache.entry_name(tasks_path)
    entry_key = cache.stored_key(_read_cache(entry, cache.HEAD_SIZE))
    chain = cache.unpack_patches(_read_cache(_patches_file(entry)))
    for patch in patches:
        extended = cache.extend_patches(entry_key, chain, patch)
        if extended is None:
            return  # no entry the patches lead on from: the next load parses
        chain = extended
    if chain:
        _write_cache(_patches_file(entry), cache.pack_patches(chain))


def _patches_file(entry: Path) -> Path:
    return entry.with_suffix(".patches")


@functools.cache
def _code_stamp() -> bytes:
    """rect's own code as it is installed, and pydantic's release (an entry pickles its
    models): a cache entry made by other code is stale. pydantic's version.py is read,
    not imported: a cached `rect status` needs no pydantic, whose import takes 30 ms."""
    package = Path(__file__).resolve().parent
    stamps = []
    for source in sorted(package.rglob("*.py")):
        status = source.stat()
        stamps.append(f"{source.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}")
    pydantic = importlib.util.find_spec("pydantic")
    if pydantic is not None and pydantic.origin is not None:
        with contextlib.suppress(OSError):
            stamps.append(Path(pydantic.origin).with_name("version.py").read_text("utf-8"))
    return "\n".join(stamps).encode()


def _read_cache(entry: Path, size: int = -1) -> bytes:
    """The entry's bytes (its first ``size`` bytes); b"" when it is absent or unreadable."""
    try:
        with open(entry, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _write_cache(entry: Path, data: bytes | list[bytes]) -> None:
    """Save an entry atomically; a cache that cannot be written (read-only home) is skipped.

    No fsync: a torn entry fails its digest and is rebuilt, so durability buys nothing.
    """
    tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.writelines([data] if isinstance(data, bytes) else data)
        os.replace(tmp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


# ---- plan documents, units and targets (issue 5: rect import, rect targets) ----

TARGETS_NAME = "targets.yaml"


def read_plan(path: Path) -> str:
    """A plan document's text, a line per paragraph: .docx through python-docx, else UTF-8."""
    shown = display_path(path)
    if path.suffix.lower() == ".doc":
        raise RectError([Problem(shown, 0, 0, "an old Word .doc file; save it as .docx")])
    if path.suffix.lower() != ".docx":
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


def load_units(path: Path) -> UnitRegistry:
    from .validate import parse_units

    return parse_units(read_text(path), display_path(path))


def targets_file_for(tasks_path: Path) -> Path:
    return tasks_path.parent / TARGETS_NAME


def load_targets(path: Path) -> TargetFile:
    from .targets import parse_targets

    return parse_targets(read_text(path), display_path(path))
