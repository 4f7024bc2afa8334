"""A unit's items: the one definition every view uses (docs/deadlines.md, "A unit's items").

Unit U's items are the measures and the occurrences of recurring duties whose responsible
units, groups expanded, include U (for a group: any of its members). A measure shared by
several units is seen by each through its own part (model/parts.py): for U it has U's
part's status, and it is overdue for U when ``as_of > due`` and U's part is neither done
nor closed. ``status``, ``list --unit``, ``overdue``, ``upcoming``, ``report``, the sheets
and the calendar all ask here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from rectcli.model.checklist import Checklist
from rectcli.queries.rows import MeasureRow
from rectcli.statuses import FINISHED, STATUSES, Status

_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def unit_view(
    checklist: Checklist, row: MeasureRow, members: frozenset[str], today: date
) -> MeasureRow | None:
    """``row`` as the units ``members`` see it (their parts' least advanced status),
    or None when none of them is responsible for it."""
    if row.parts:
        statuses = [status for unit, status in row.parts if unit in members]
        if not statuses:
            return None
        status = min(statuses, key=_RANK.__getitem__)
        return row if status == row.status else restate(checklist, row, status, today)
    if members.isdisjoint(checklist.units.expand(row.units)):
        return None
    return row


def restate(checklist: Checklist, row: MeasureRow, status: Status, today: date) -> MeasureRow:
    """The row with another status (a part's), and what depends on it as of ``today``."""
    finished = status in FINISHED
    due = row.due
    overdue = due is not None and today > due and not finished
    days_overdue = (today - due).days if overdue and due else 0
    return replace(
        row,
        status=status,
        overdue=overdue,
        days_overdue=days_overdue,
        days_left=(due - today).days if due and not finished else None,
        level=checklist.policy.level(days_overdue) if overdue else None,
        warn_tier=None if finished else row.warn_tier,
        expected=None if finished or overdue else row.expected,
        behind=row.behind and not finished and not overdue,
    )


def unit_rows(
    checklist: Checklist, rows: Iterable[MeasureRow], unit: str, today: date
) -> list[MeasureRow]:
    """The rows that are items of ``unit`` (a resolved name), as it sees them."""
    members = checklist.units.members(unit)
    return [seen for row in rows if (seen := unit_view(checklist, row, members, today))]


def by_owner(
    checklist: Checklist, rows: Iterable[MeasureRow], today: date
) -> dict[str, list[MeasureRow]]:
    """Each responsible unit (groups expanded) → its rows as it sees them, in the order
    given; units in order of first appearance."""
    owners: dict[str, list[MeasureRow]] = {}
    for row in rows:
        if row.parts:
            for unit, status in row.parts:
                seen = row if status == row.status else restate(checklist, row, status, today)
                owners.setdefault(unit, []).append(seen)
        else:
            for unit in checklist.units.expand(row.units):
                owners.setdefault(unit, []).append(row)
    return owners


def overdue_by_unit(
    checklist: Checklist, rows: Iterable[MeasureRow], today: date
) -> dict[str, list[MeasureRow]]:
    """Each unit's overdue items (its part not finished by the due date), most overdue
    first; units with the most first. A group's items are listed under each member."""
    groups = {
        unit: sorted((r for r in mine if r.overdue), key=lambda r: (-r.days_overdue, r.line))
        for unit, mine in by_owner(checklist, rows, today).items()
    }
    return dict(
        sorted(((u, g) for u, g in groups.items() if g), key=lambda kv: (-len(kv[1]), kv[0]))
    )
