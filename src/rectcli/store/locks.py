"""The writers' lock (issue 3): concurrent edits of a file take turns, none is lost.

Kept apart from files.py because only editing commands (mark, fmt, incident, import)
need it, and its platform specifics (flock, msvcrt) are a topic of their own.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rectcli.errors import Problem, RectError
from rectcli.store.files import display_path, read_raw

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another before giving up


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
            # O_NOFOLLOW: a lock file committed as a symlink must not create or truncate
            # a file elsewhere (issue 14).
            flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            handle = os.fdopen(os.open(lock_path, flags, 0o644), "a+b")
        except OSError as exc:
            if lock_path.is_symlink():
                raise RectError(
                    [
                        Problem(
                            display_path(lock_path),
                            0,
                            0,
                            "the lock file is a symbolic link; remove it (rect makes its own)",
                        )
                    ]
                ) from None
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
