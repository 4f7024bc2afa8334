"""The record of the last ``rect mark`` on a task list, kept beside its parse cache (the
user's own directory, cache.py) so that ``rect undo`` can take it back."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any


def undo_path(tasks_path: Path) -> Path:
    from rectcli.store.cache import cache_dir, entry_name

    return cache_dir() / entry_name(tasks_path).replace(".pickle", ".undo.json")


def save_undo(tasks_path: Path, record: dict[str, Any]) -> None:
    """Keep ``record`` as the list's last mark; a directory that cannot be written (a
    read-only home) keeps none."""
    target = undo_path(tasks_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def read_undo(tasks_path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(undo_path(tasks_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def clear_undo(tasks_path: Path) -> None:
    with contextlib.suppress(OSError):
        undo_path(tasks_path).unlink()


def stamp(path: Path) -> list[int]:
    """What tells that a file is as a mark wrote it: its size and modification time."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]
