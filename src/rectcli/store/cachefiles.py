"""The parse cache's files, guarded: a directory only this user can write, entries
authenticated with this user's secret, files nobody can redirect (issue 14).

An entry is a pickle, and a pickle runs code named by its bytes. So nothing is
unpickled that this user's rect did not write (cache.py checks an HMAC-SHA256 under
:func:`cache_secret` first), and nothing is read from or written to a directory that
another user could write:

- the secret: 32 random bytes in ``$XDG_CONFIG_HOME/rect/cache.key`` (else
  ``~/.config/rect/cache.key``), outside every cache directory — a ``.rect-cache``
  committed into a repository cannot bring its own key. Created with O_EXCL, 0600;
  used only when it is a regular file of this user's that nobody else can read.
- the directory: owned by this user and writable by nobody else (an existing 0755
  one is narrowed to 0700), in a parent that others cannot rename it out of;
  otherwise the command runs uncached and :data:`refused` says why (``--debug``).
- the files: read with O_NOFOLLOW, written to a fresh random name (O_CREAT|O_EXCL|
  O_NOFOLLOW, 0600) then renamed, so a planted symlink is never written through.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

SECRET_SIZE = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)

# Why this run is uncached, if it is (the CLI shows it with --debug); None when it is not.
refused: str | None = None


def secret_path(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_CONFIG_HOME/rect/cache.key``, else ``~/.config/rect/cache.key``."""
    base = environ.get("XDG_CONFIG_HOME")
    root = Path(base) if base else Path.home() / ".config"
    return root / "rect" / "cache.key"


def _refuse(reason: str) -> None:
    global refused
    refused = refused or reason


def cache_secret(path: Path | None = None) -> bytes | None:
    """This user's cache key, made on first use; None (and :data:`refused` set) when it
    cannot be made or is not this user's alone."""
    path = path or secret_path()
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        _refuse(f"{path}: {exc.strerror}")
        return None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.urandom(8).hex()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
        try:
            os.write(fd, os.urandom(SECRET_SIZE))
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # fails if another rect made it first: theirs is used
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        return _read_secret(path)
    except OSError as exc:
        _refuse(f"{path}: {exc.strerror}")
        return None


def _read_secret(path: Path) -> bytes | None:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY)
    try:
        status = os.fstat(fd)
        if not _owned(status) or status.st_mode & 0o077 or not stat.S_ISREG(status.st_mode):
            _refuse(f"{path}: not a file of this user's alone (want mode 0600)")
            return None
        data = os.read(fd, SECRET_SIZE + 1)
    finally:
        os.close(fd)
    if len(data) != SECRET_SIZE:
        _refuse(f"{path}: not a cache key ({len(data)} bytes)")
        return None
    return data


def _owned(status: os.stat_result) -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or status.st_uid == geteuid()


def usable_dir(directory: Path) -> bool:
    """Whether the cache may live in ``directory`` (made 0700 if absent): this user's,
    writable by nobody else, in a parent nobody else can swap it out of."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.stat(directory)
        parent = os.stat(directory.resolve().parent)
    except OSError as exc:
        _refuse(f"{directory}: {exc.strerror}")
        return False
    if not stat.S_ISDIR(status.st_mode) or not _owned(status):
        _refuse(f"{directory}: not a directory of this user's")
        return False
    if status.st_mode & 0o022:
        _refuse(f"{directory}: writable by other users (mode {stat.S_IMODE(status.st_mode):o})")
        return False
    if parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        _refuse(f"{directory}: in a directory other users can write")
        return False
    if status.st_mode & 0o077:  # 0755: entries hold names and phone numbers
        with contextlib.suppress(OSError):
            os.chmod(directory, 0o700)
    return True


def read_file(path: Path, size: int = -1) -> bytes:
    """A cache file's bytes (its first ``size``); b"" when absent, unreadable or a link."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY)
    except OSError:
        return b""
    try:
        with os.fdopen(fd, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def write_file(path: Path, data: bytes | list[bytes]) -> None:
    """Save a cache file atomically under a fresh name no one could have planted;
    a cache that cannot be written (read-only home) is skipped.

    No fsync: a torn entry fails its MAC and is rebuilt, so durability buys nothing.
    """
    tmp = path.with_name(f".{path.name}.{os.urandom(8).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines([data] if isinstance(data, bytes) else data)
        os.replace(tmp, path)  # replaces a symlink at ``path``, never writes through it
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
