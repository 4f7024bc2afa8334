"""Reading a task list into a validated Checklist, through the parse cache.

``load`` parses the list's files (and units.yaml, policy.yaml, holidays.yaml beside
it) or takes the checklist from the parse cache; the cache's files are read and written
here, beside the one function that uses them (their keys and format are cache.py's).
``patch_cache`` keeps an entry good after ``rect mark`` so the next load need not parse.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from rectcli.errors import Problem, RectError
from rectcli.model.checklist import Checklist
from rectcli.store.cachefiles import cache_secret, read_file, usable_dir, write_file
from rectcli.store.files import decode_raw, display_path, read_text, read_with_status, write_atomic
from rectcli.store.layout import (
    HOLIDAYS_NAME,
    POLICY_NAME,
    UNITS_NAME,
    main_path,
    side_dir,
    task_files,
    units_file_for,
)

if TYPE_CHECKING:
    from rectcli.dates.workdays import WorkCalendar
    from rectcli.model.policy import Policy
    from rectcli.model.shapes import Measure
    from rectcli.model.target_shapes import TargetFile
    from rectcli.model.units import UnitRegistry


def load(tasks_path: Path, *, use_cache: bool = True) -> Checklist:
    """Read and validate a task list and the units.yaml beside it.

    With ``use_cache``, a checklist parsed before from the very same files comes from
    the parse cache (see cache.py), and a fresh parse is saved there.
    """
    guarded = _guarded_cache() if use_cache else None
    if guarded is None:  # not asked for, or not safe here (cachefiles.refused says why)
        return _parse_files(tasks_path)
    from rectcli.store import cache

    directory, secret = guarded
    key = _cache_key(tasks_path)
    entry = directory / cache.entry_name(tasks_path)
    data = read_file(entry)
    # An entry made before some marks: the patches they left lead on to this key.
    patches = b"" if cache.stored_key(data) == key else read_file(_patches_file(entry))
    found = cache.unpack(key, data, secret, patches)
    if found is not None:
        return found
    checklist = _parse_files(tasks_path)
    if _cache_key(tasks_path) == key:  # no file changed while it was parsed
        write_file(entry, cache.pack_chunks(key, checklist, secret))
    return checklist


def _guarded_cache() -> tuple[Path, bytes] | None:
    """The cache directory and this user's secret, when the directory is safe to use
    and the secret at hand (see cachefiles.py); else None: run uncached."""
    from rectcli.store import cachefiles
    from rectcli.store.cache import cache_dir

    cachefiles.refused = None  # this load's reason, not an earlier one's
    directory = cache_dir()
    if not usable_dir(directory):
        return None
    secret = cache_secret()
    return None if secret is None else (directory, secret)


def _parse_files(tasks_path: Path) -> Checklist:
    from rectcli.model.validate import parse_tasks, parse_units  # pydantic: a cache hit needs none

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
            from rectcli.model.shards import parse_shards

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
    from rectcli.model.config import parse_holidays, parse_policy

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


def load_units(path: Path) -> UnitRegistry:
    from rectcli.model.validate import parse_units

    return parse_units(read_text(path), display_path(path))


def load_targets(path: Path) -> TargetFile:
    from rectcli.model.targets import parse_targets

    return parse_targets(read_text(path), display_path(path))


# ---- the parse cache's files (issue 6; keys and format in cache.py) ----


def _cache_key(tasks_path: Path) -> bytes:
    """The cache key of everything ``load`` reads: the task list and the files beside it."""
    from rectcli.store.cache import make_key

    paths, stamps = _cache_stamps(tasks_path, {})
    return make_key(_code_stamp(), [display_path(p) for p in paths], stamps)


def _cache_stamps(tasks_path: Path, known: dict[Path, bytes]) -> tuple[list[Path], list[bytes]]:
    """Every file ``load`` reads, and its stamp (cache.file_key) unless ``known``."""
    from rectcli.store.cache import file_key

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
            raw, status = read_with_status(path)
            stamps.append(file_key(path, status, raw))
        except RectError:
            if index < len(lists):
                raise  # a task file cannot be read: the error load() would give
            stamps.append(b"absent")
    return paths, stamps


def read_raw_stamped(path: Path) -> tuple[str, bytes]:
    """:func:`read_raw`, and the parse cache's stamp of the very bytes read."""
    from rectcli.store.cache import file_key

    raw, status = read_with_status(path)
    return decode_raw(raw, display_path(path)), file_key(path, status, raw)


def write_stamped(path: Path, text: str) -> bytes:
    """:func:`write_atomic`, and the parse cache's stamp of the file written."""
    from rectcli.store.cache import file_key

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
    from rectcli.store import cache

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
    guarded = _guarded_cache()
    if guarded is None:
        return
    directory, secret = guarded
    entry = directory / cache.entry_name(tasks_path)
    entry_key = cache.stored_key(read_file(entry, cache.HEAD_SIZE))
    chain = cache.unpack_patches(read_file(_patches_file(entry)), secret)
    for patch in patches:
        extended = cache.extend_patches(entry_key, chain, patch)
        if extended is None:
            return  # no entry the patches lead on from: the next load parses
        chain = extended
    if chain:
        write_file(_patches_file(entry), cache.pack_patches(chain, secret))


def _patches_file(entry: Path) -> Path:
    return entry.with_suffix(".patches")


@functools.cache
def _code_stamp() -> bytes:
    """rect's own code as it is installed, and pydantic's release (an entry pickles its
    models): a cache entry made by other code is stale. pydantic's version.py is read,
    not imported: a cached `rect status` needs no pydantic, whose import takes 30 ms."""
    package = Path(__file__).resolve().parent.parent  # rectcli/, not only rectcli/store/
    stamps = []
    for source in sorted(package.rglob("*.py")):
        status = source.stat()
        stamps.append(f"{source.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}")
    pydantic = importlib.util.find_spec("pydantic")
    if pydantic is not None and pydantic.origin is not None:
        with contextlib.suppress(OSError):
            stamps.append(Path(pydantic.origin).with_name("version.py").read_text("utf-8"))
    return "\n".join(stamps).encode()


def load_text(text: str, shown: str, side: Path) -> Checklist:
    """A task list given as text (``--file -``: standard input), validated against the
    units.yaml, policy.yaml and holidays.yaml in ``side``. Never cached."""
    from rectcli.model.validate import parse_tasks, parse_units

    units_path = side / UNITS_NAME
    units = parse_units(read_text(units_path), display_path(units_path))
    policy, calendar, problems = load_calendar(side)
    if problems:
        raise RectError(problems)
    return parse_tasks(text, shown, units, policy=policy, calendar=calendar)


def target_problems(path: Path, *, use_cache: bool = True) -> list[Problem]:
    """What is wrong with a targets.yaml (``rect check``). A file found valid before, with
    the same stamp and code, is not parsed again (a cached check imports no models): the
    cache keeps a mark of it, an HMAC under this user's secret, so no one else's file in
    the cache directory can vouch for a targets.yaml."""
    import hmac

    from rectcli.store.cache import file_key, make_key

    guarded = _guarded_cache() if use_cache else None
    raw, status = read_with_status(path)
    key = make_key(_code_stamp(), [display_path(path)], [file_key(path, status, raw)])
    if guarded is not None:
        directory, secret = guarded
        mark = directory / f"valid-{hashlib.sha256(key).hexdigest()[:32]}"
        vouch = hmac.new(secret, b"valid targets " + key, hashlib.sha256).digest()
        if hmac.compare_digest(read_file(mark), vouch):
            return []
    try:
        load_targets(path)
    except RectError as exc:
        return list(exc.problems)
    if guarded is not None:
        write_file(mark, vouch)
    return []
