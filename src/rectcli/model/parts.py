"""Parts of a shared measure (docs/format.md, "Shared measures"): plain values, no models.

A measure whose responsible units, groups expanded, are more than one has a *part* per
unit. A progress entry with ``unit:`` records that unit's part; an entry without it is
for the whole measure and sets every part. A part's status is its last entry's; the
measure's status is derived from its parts (:func:`derive`).

The log is kept as it is written: parts need no storage of their own, and the merge
driver, which merges progress logs entry by entry, merges them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rectcli.statuses import Status

# (unit or None for the whole measure, status) of the entries that still decide a part,
# oldest first: what a row needs of the log (kept in the measure facts).
PartLog = tuple[tuple[str | None, Status], ...]
Parts = tuple[tuple[str, Status], ...]  # each unit's part and its status


def reduce_log(entries: Iterable[tuple[str | None, Status]]) -> PartLog:
    """The entries that still decide a part: each unit's last one after the last whole
    entry, and that whole entry. Empty when no entry names a unit (every part then has
    the measure's status)."""
    entries = list(entries)
    if all(unit is None for unit, _ in entries):
        return ()
    kept: list[tuple[str | None, Status]] = []
    seen: set[str] = set()
    for unit, status in reversed(entries):
        if unit is None:
            kept.append((None, status))
            break
        if unit not in seen:
            seen.add(unit)
            kept.append((unit, status))
    return tuple(reversed(kept))


def replay(units: Sequence[str], log: Iterable[tuple[str | None, Status]]) -> dict[str, Status]:
    """Each unit's part status after the entries of ``log`` (a whole entry sets every
    part; an entry naming a unit sets its part). Parts with no entry are todo."""
    parts: dict[str, Status] = dict.fromkeys(units, "todo")
    for unit, status in log:
        if unit is None:
            parts = dict.fromkeys(units, status)
        elif unit in parts:
            parts[unit] = status
    return parts


def derive(statuses: Iterable[Status]) -> Status:
    """The measure's status from its parts' (docs/format.md): closed when every part is
    closed (销号 of the whole), done when every part is done or closed, doing when any
    part has started, else todo."""
    found = set(statuses)
    if not found:
        return "todo"
    if found == {"closed"}:
        return "closed"
    if found <= {"done", "closed"}:
        return "done"
    return "todo" if found == {"todo"} else "doing"


def part_statuses(units: Sequence[str], status: Status, log: PartLog) -> Parts:
    """Each part's status: from the reduced log, or the measure's own when no entry
    names a unit."""
    if not log:
        return tuple((unit, status) for unit in units)
    return tuple(replay(units, log).items())
