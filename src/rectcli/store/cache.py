"""The parse cache: a validated checklist kept between runs while its files are unchanged.

Parsing a 40 MB list takes seconds; unpickling the checklist it gave takes a tenth of
that. A cache entry is keyed by everything the parse depended on: rect's code and
version, pydantic's and chinese-calendar's versions, how paths are shown, and each
input file's path, size, mtime and a hash of its bytes. An entry whose key differs, or
whose HMAC does not verify, is ignored (and rebuilt by the caller): never trusted.

Pure: ``store`` reads and writes the bytes (it is the only module touching files);
this module only names the file, computes keys and packs or unpacks an entry.

Why pickle: reloading 10k tasks / 50k measures takes 0.3 s from a pickle of the
models, against 0.8 s (orjson + ``model_validate``) or 1.3 s (orjson +
``model_construct``) and 2.9 s (``model_validate_json``); see docs/performance.md.
Pickle runs code named by the file, so the directory is the user's own (mode 0700,
see cachefiles.py) and an entry or patch file is unpickled only after its HMAC-SHA256
under the user's secret (never stored in the cache directory) verifies: a file
planted by anyone who lacks the secret is never unpickled (issue 14).

Lazy parts: the models, positions, deadlines and files of an entry are pickled apart
from the rest and unpickled only when a command first asks for them; the rows of
``list``, ``check`` and ``overdue`` come from the checklist's measure facts alone, and
``status`` adds its outline and duties (plain values): none of them imports pydantic.

Patches: ``rect mark`` edits a few lines of a list that took seconds to parse. It
keeps the entry valid by saving a :class:`Patch` beside it — the keys before and
after the edit, and each edited measure's new model and how many lines it grew by —
and a load whose key is reached by a chain of patches from the entry's key applies
them instead of parsing (see ``store.patch_cache``).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import hmac
import os
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import chinese_calendar

from rectcli import __version__
from rectcli.memory import gc_paused
from rectcli.model.checklist import (
    FILE_FACT,
    LINE_FACT,
    PARTS_FACT,
    Checklist,
    MeasureFacts,
    ProgressFacts,
    progress_facts,
)

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure, TaskFile

MAGIC = b"rect parse cache 4\n"
PATCHES_MAGIC = b"rect cache patches 3\n"
_DIGEST = 32  # bytes of blake2b in keys, of HMAC-SHA256 in MACs
# Unpickled only when first asked for: most of an entry, and what list/check never need.
LAZY = ("file", "positions", "deadlines", "files")
MAX_PATCHES = 64  # past this many marks, the next load parses afresh (and starts over)


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``$RECT_CACHE_DIR``, else ``$XDG_CACHE_HOME/rect``, else ``~/.cache/rect``."""
    if environ.get("RECT_CACHE_DIR"):
        return Path(environ["RECT_CACHE_DIR"])
    if environ.get("XDG_CACHE_HOME"):
        return Path(environ["XDG_CACHE_HOME"]) / "rect"
    return Path.home() / ".cache" / "rect"


def entry_name(tasks_path: Path) -> str:
    """One entry per task list (a new parse replaces the old entry), named by its path."""
    name = hashlib.blake2b(str(tasks_path.resolve()).encode(), digest_size=16).hexdigest()
    return f"{name}.pickle"


def file_key(path: Path, stat: os.stat_result, data: bytes) -> bytes:
    """What identifies one input file's contents: path, size, mtime and a hash of its bytes."""
    digest = hashlib.blake2b(data, digest_size=_DIGEST).hexdigest()
    return f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{digest}".encode()


def make_key(code: bytes, shown: Sequence[str], files: Sequence[bytes]) -> bytes:
    """The key of an entry: rect's code and what it builds on (``code``: rect's sources
    and pydantic's release, see store; chinese-calendar's holidays move due dates), the
    paths as shown, every file's key."""
    versions = [__version__, chinese_calendar.__version__]
    parts = [MAGIC, *(v.encode() for v in versions), code]
    parts += [s.encode() for s in shown] + list(files)
    return hashlib.blake2b(b"\0\0".join(parts), digest_size=_DIGEST).digest()


def pack(key: bytes, checklist: Checklist, secret: bytes) -> bytes:
    """An entry: magic, key, MAC, payload (see :func:`pack_chunks`)."""
    return b"".join(pack_chunks(key, checklist, secret))


def pack_chunks(key: bytes, checklist: Checklist, secret: bytes) -> list[bytes]:
    """An entry in pieces, to be written one after another (no 60 MB copy): magic, key,
    the MAC of magic, key and payload under ``secret``, payload. The payload: the
    length of the head, the head (the checklist's eager state and the sizes of the lazy
    parts), then each :data:`LAZY` part pickled on its own."""
    checklist.measure_facts()  # kept: a cached run makes its rows from them
    checklist.outline()  # and its dashboard's titles
    with gc_paused():
        parts = [pickle.dumps(getattr(checklist, name), pickle.HIGHEST_PROTOCOL) for name in LAZY]
        state = {k: v for k, v in vars(checklist).items() if k not in LAZY and k[0] != "_"}
        head = pickle.dumps((state, [len(part) for part in parts]), pickle.HIGHEST_PROTOCOL)
    payload = [len(head).to_bytes(8, "little"), head, *parts]
    return [MAGIC, key, _mac(secret, MAGIC, key, *payload), *payload]


def stored_key(entry: bytes) -> bytes:
    """The key an entry (or just its first bytes) was made for; b"" if it is no entry."""
    if not entry.startswith(MAGIC) or len(entry) < len(MAGIC) + _DIGEST:
        return b""
    return entry[len(MAGIC) : len(MAGIC) + _DIGEST]


HEAD_SIZE = len(MAGIC) + _DIGEST  # the bytes stored_key needs


def unpack(key: bytes, entry: bytes, secret: bytes, patches: bytes = b"") -> Checklist | None:
    """The checklist in ``entry`` if it is whole, was written under ``secret`` and was
    made for ``key``, or for a key from which ``patches`` lead to ``key`` (they are
    applied); else None. Nothing is unpickled before its MAC verifies."""
    head = len(MAGIC)
    if len(entry) < head + 2 * _DIGEST or not entry.startswith(MAGIC):
        return None
    chain: list[Patch] | None = []
    entry_key = entry[head : head + _DIGEST]
    if entry_key != key:
        chain = _chain(entry_key, unpack_patches(patches, secret), key)
        if chain is None:
            return None  # stale: made from other files or by other code
    payload = memoryview(entry)[head + 2 * _DIGEST :]
    mac = _mac(secret, MAGIC, entry_key, payload)
    if not hmac.compare_digest(mac, entry[head + _DIGEST : head + 2 * _DIGEST]):
        return None  # torn, corrupt, or not written by this user's rect
    try:
        size = int.from_bytes(payload[:8], "little")
        with gc_paused():
            state, sizes = pickle.loads(payload[8 : 8 + size])
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # written by an incompatible rect despite the key
    if not _whole(state, sizes, len(payload) - 8 - size):
        return None
    checklist = Checklist.__new__(Checklist)
    checklist.__dict__.update(state)
    loaders: dict[str, Callable[[], Any]] = {}
    offset = 8 + size
    for name, part_size in zip(LAZY, sizes, strict=True):
        part = payload[offset : offset + part_size]
        # Only the models' part keeps the entry's bytes alive (until they are loaded).
        loaders[name] = functools.partial(_unpickle, part if name == "file" else bytes(part))
        offset += part_size
    checklist.__dict__["_loaders"] = loaders
    return _patched(checklist, chain) if chain else checklist


def _whole(state: object, sizes: object, rest: int) -> bool:
    """Whether an entry's head reads as a checklist's state and its parts' sizes."""
    return (
        isinstance(state, dict)
        and isinstance(state.get("path"), str)
        and isinstance(state.get("facts"), list)
        and isinstance(sizes, list)
        and len(sizes) == len(LAZY)
        and all(isinstance(n, int) and n >= 0 for n in sizes)
        and sum(sizes) == rest
    )


def _unpickle(data: bytes | memoryview) -> Any:
    with gc_paused():  # ~150k objects: the collector would triple the time
        return pickle.loads(data)


def _mac(secret: bytes, *chunks: bytes | memoryview) -> bytes:
    """HMAC-SHA256 of the chunks under ``secret`` (OpenSSL's SHA-256: 0.2 s a 60 MB entry,
    half blake2b's time)."""
    mac = hmac.new(secret, digestmod=hashlib.sha256)
    for chunk in chunks:
        mac.update(chunk)
    return mac.digest()


# ---- patches: marks recorded without parsing the list again ----


@dataclass(frozen=True)
class Edit:
    """One measure as a mark left it: what its row needs now, and its new model."""

    measure_id: str
    grew: int  # lines it grew by: every `- id:` line below it in the file moves as many
    progress: ProgressFacts  # the facts of its row that a mark changes
    model: bytes  # the new model, pickled: unpickled only when a command asks for models


def edit(measure_id: str, grew: int, measure: Measure) -> Edit:
    return Edit(
        measure_id, grew, progress_facts(measure), pickle.dumps(measure, pickle.HIGHEST_PROTOCOL)
    )


@dataclass(frozen=True)
class Patch:
    """One ``rect mark`` (or a batch of them) on one file of the list.

    ``before`` and ``after`` are the cache keys of the list's files before and after the
    edit; ``edits`` are the measures it changed. A mark changes nothing else that loading
    derives: not ids, units, deadlines or duties (a mark naming a duty is not patched: it
    could make the list invalid). No models here unpickled: a cached `rect status` after
    a mark still runs without pydantic.
    """

    before: bytes
    after: bytes
    path: str
    edits: tuple[Edit, ...]


def pack_patches(patches: Sequence[Patch], secret: bytes) -> bytes:
    payload = pickle.dumps(list(patches), pickle.HIGHEST_PROTOCOL)
    return PATCHES_MAGIC + _mac(secret, PATCHES_MAGIC, payload) + payload


def unpack_patches(data: bytes, secret: bytes) -> list[Patch]:
    """The patches saved in ``data``; none if it is torn, corrupt or foreign (its MAC
    under ``secret`` does not verify: then nothing of it is unpickled)."""
    head = len(PATCHES_MAGIC)
    if not data.startswith(PATCHES_MAGIC) or len(data) < head + _DIGEST:
        return []
    payload = memoryview(data)[head + _DIGEST :]
    if not hmac.compare_digest(_mac(secret, PATCHES_MAGIC, payload), data[head : head + _DIGEST]):
        return []
    try:
        patches = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return []
    if not isinstance(patches, list) or not all(isinstance(p, Patch) for p in patches):
        return []
    return patches


def extend_patches(entry_key: bytes, saved: Sequence[Patch], patch: Patch) -> list[Patch] | None:
    """The patches to save once ``patch`` is made: those leading from the entry's key to
    the key ``patch`` starts from, then ``patch``; None when there is no such chain (the
    next load parses afresh) or it has grown too long."""
    chain = _chain(entry_key, saved, patch.before)
    if chain is None or len(chain) >= MAX_PATCHES:
        return None
    return [*chain, patch]


def _chain(entry_key: bytes, patches: Sequence[Patch], key: bytes) -> list[Patch] | None:
    """The first patches, leading from ``entry_key`` to ``key`` one after another."""
    chain: list[Patch] = []
    current = entry_key
    for patch in patches:
        if current == key:
            break
        if patch.before != current:
            return None
        chain.append(patch)
        current = patch.after
    return chain if current == key else None


def _patched(checklist: Checklist, chain: Sequence[Patch]) -> Checklist | None:
    """``checklist`` as the patches leave it: the edited measures' models and facts, and
    every line below an edited measure moved; None if a patch does not fit it."""
    facts = checklist.measure_facts()
    where = {fact[0]: index for index, fact in enumerate(facts)}
    moves: dict[str, list[tuple[int, int]]] = {}  # file → (line of an edited measure, +lines)
    edits: dict[str, Edit] = {}
    for patch in chain:
        for one in patch.edits:
            index = where.get(one.measure_id)
            if index is None or (facts[index][FILE_FACT] or checklist.path) != patch.path:
                return None
            if one.grew:  # lines of the original list: ids keep their order
                moves.setdefault(patch.path, []).append((facts[index][LINE_FACT], one.grew))
            edits[one.measure_id] = one
    move = _mover(moves)
    new_facts: list[MeasureFacts] = []
    for fact in facts:
        measure_id, line, file = fact[0], fact[LINE_FACT], fact[FILE_FACT] or checklist.path
        new = edits.get(measure_id)
        if new is not None:
            status, percent, checkin, checkins, part_log = new.progress
            fact = (
                *fact[:4],
                status,
                *fact[5:8],
                move(file, line),
                *fact[9:13],
                percent,
                checkin,
                fact[15],
                checkins,
                fact[PARTS_FACT],
                part_log,
            )
        elif file in moves:
            fact = (*fact[:8], move(file, line), *fact[9:])
        new_facts.append(fact)
    checklist.facts = new_facts
    loaders = checklist.__dict__["_loaders"]
    models = {measure_id: one.model for measure_id, one in edits.items()}
    loaders["file"] = functools.partial(_with_models, loaders["file"], models)
    if moves:
        loaders["positions"] = functools.partial(_moved, checklist, loaders["positions"], move)
    return checklist


def _mover(moves: Mapping[str, list[tuple[int, int]]]) -> Callable[[str, int], int]:
    """Where a line of the original list is once the edits in ``moves`` are made."""
    table = {}
    for file, found in moves.items():
        found.sort()
        lines = [line for line, _ in found]
        totals = [0]
        for _, grew in found:
            totals.append(totals[-1] + grew)
        table[file] = (lines, totals)

    def move(file: str, line: int) -> int:
        if file not in table:
            return line
        lines, totals = table[file]
        return line + totals[bisect.bisect_left(lines, line)]  # edits above this line

    return move


def _with_models(load: Callable[[], TaskFile], models: Mapping[str, bytes]) -> TaskFile:
    task_file = load()
    for task in task_file.tasks:
        for index, measure in enumerate(task.measures):
            new = models.get(measure.id)
            if new is not None:
                task.measures[index] = pickle.loads(new)
    return task_file


def _moved(
    checklist: Checklist,
    load: Callable[[], dict[str, tuple[int, int]]],
    move: Callable[[str, int], int],
) -> dict[str, tuple[int, int]]:
    files, path = checklist.files, checklist.path
    return {
        item_id: (move(files.get(item_id, path), line), col)
        for item_id, (line, col) in load().items()
    }
