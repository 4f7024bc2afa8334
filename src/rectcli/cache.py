"""The parse cache: a validated checklist kept between runs while its files are unchanged.

Parsing a 40 MB list takes seconds; unpickling the checklist it gave takes a tenth of
that. A cache entry is keyed by everything the parse depended on: rect's code and
version, pydantic's and chinese-calendar's versions, how paths are shown, and each
input file's path, size, mtime and a hash of its bytes. An entry whose key differs, or
whose payload does not match its own digest, is ignored (and rebuilt by the caller):
never trusted.

Pure: ``store`` reads and writes the bytes (it is the only module touching files);
this module only names the file, computes keys and packs or unpacks an entry.

Why pickle: reloading 10k tasks / 50k measures takes 0.3 s from a pickle of the
models, against 0.8 s (orjson + ``model_validate``) or 1.3 s (orjson +
``model_construct``) and 2.9 s (``model_validate_json``); see docs/performance.md.
Pickle runs code named by the file, so the directory is the user's own (mode 0700)
and an entry is unpickled only after its digest, written by rect, matches.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path

import chinese_calendar
from pydantic.version import VERSION as PYDANTIC_VERSION

from . import __version__
from .checklist import Checklist
from .yamlsrc import gc_paused

MAGIC = b"rect parse cache 1\n"
_DIGEST = 32  # bytes of blake2b in keys and digests


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
    """The key of an entry: rect's code and what it builds on (pydantic pickles its models;
    chinese-calendar's holidays move due dates), the paths as shown, every file's key."""
    versions = [__version__, PYDANTIC_VERSION, chinese_calendar.__version__]
    parts = [MAGIC, *(v.encode() for v in versions), code]
    parts += [s.encode() for s in shown] + list(files)
    return hashlib.blake2b(b"\0\0".join(parts), digest_size=_DIGEST).digest()


def pack(key: bytes, checklist: Checklist) -> bytes:
    """An entry: magic, key, digest of the payload, payload (the pickled checklist)."""
    with gc_paused():
        payload = pickle.dumps(checklist, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    return MAGIC + key + digest + payload


def unpack(key: bytes, entry: bytes) -> Checklist | None:
    """The checklist in ``entry`` if it is whole and was made for ``key``; else None."""
    head = len(MAGIC)
    if len(entry) < head + 2 * _DIGEST or not entry.startswith(MAGIC):
        return None
    if entry[head : head + _DIGEST] != key:
        return None  # stale: made from other files or by other code
    payload = memoryview(entry)[head + 2 * _DIGEST :]
    if (
        hashlib.blake2b(payload, digest_size=_DIGEST).digest()
        != entry[head + _DIGEST : head + 2 * _DIGEST]
    ):
        return None  # torn or corrupt
    try:
        with gc_paused():  # ~150k objects: the collector would triple the time
            checklist = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # written by an incompatible rect despite the key
    return checklist if isinstance(checklist, Checklist) else None
