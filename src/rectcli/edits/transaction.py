"""The one write transaction of rect: lock, read, change, write, patch the cache.

Every command that changes a task list's files (mark, import-sheet, incident, fmt) goes
through :func:`edit_files`. Its files are locked in one order, so that two writers never
wait on each other; each is read and handed to the change; only when every change has
succeeded is anything written, each file atomically, so a refused edit leaves all of
them as they were. A file left mid-merge is never edited: the conflict markers would
end up in the result. With ``cache_of``, the parse cache of that list is patched to the
files as written, still under the lock, so that the next read needs no parse.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from rectcli import store
from rectcli.errors import RectError

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure


class Edited(Protocol):
    """What a change gives back: at least the file's new text."""

    @property
    def text(self) -> str: ...


E = TypeVar("E", bound=Edited)

# What the parse cache needs to know of one edited measure: its id, line, new model.
CacheEdit = tuple[str, int, "Measure"]


def edit_files(
    files: Iterable[Path],
    change: Callable[[Path, str, str], E],
    *,
    cache_of: Path | None = None,
    cache_edits: Callable[[E], Sequence[CacheEdit]] | None = None,
    refuse_conflicts: bool = True,
) -> list[tuple[Path, E]]:
    """Apply ``change(file, text, shown)`` to each file, all or nothing.

    ``shown`` is the file's name as messages give it. A change raises RectError to
    refuse; nothing is written then. A file whose text comes back unchanged is not
    written. ``cache_of`` names the task list whose parse cache ``cache_edits`` (what
    each change did to which measures) keeps good.
    """
    given = list(dict.fromkeys(files))  # changed (and reported) in the order given
    patch = cache_of is not None and cache_edits is not None
    done: list[tuple[Path, str, E]] = []
    read: dict[Path, bytes] = {}  # each file's cache stamp, as read and as written
    written: dict[Path, bytes] = {}
    with contextlib.ExitStack() as locks:
        for file in sorted(given):  # locked in one order for every writer: no deadlock
            locks.enter_context(store.locked(file))
        for file in given:
            shown = store.display_path(file)
            if patch:
                text, read[file] = store.read_raw_stamped(file)
            else:
                text = store.read_raw(file)
            if refuse_conflicts:
                refuse_conflict_markers(text, shown)
            done.append((file, text, change(file, text, shown)))
        for file, before, edited in done:
            if edited.text == before:
                continue
            if patch:
                written[file] = store.write_stamped(file, edited.text)
            else:
                store.write_atomic(file, edited.text)
        if patch and written:
            assert cache_of is not None and cache_edits is not None
            edits = {f: list(cache_edits(e)) for f, _, e in done if f in written}
            store.patch_cache(cache_of, read, written, edits)
    return [(file, edited) for file, _, edited in done]


def refuse_conflict_markers(text: str, shown: str) -> None:
    """A file left mid-merge is never edited: the markers would end up in the result."""
    from rectcli.yamltext.conflicts import conflict_markers

    markers = conflict_markers(text, shown)
    if markers:
        raise RectError(markers)
