"""The read commands' questions over a workspace's members: the same questions one list
answers (queries.rows, queries.agenda), each member by its own units, policy and
holidays, every row carrying its member. Pure: ``today`` is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rectcli.errors import RectError
from rectcli.queries.rows import Filter, MeasureRow
from rectcli.workspace.members import Member


def selected(
    members: list[Member], today: date, wanted: Filter
) -> list[tuple[Member, list[MeasureRow]]]:
    """Each member read and its rows passing ``wanted``. A member without the unit or
    task asked for has none of them; one that no member has is an error."""
    from rectcli.queries.rows import select

    found = []
    unknown = False
    for one in members:
        if one.checklist is None:
            continue
        try:
            found.append((one, select(one.rows(today), wanted, one.checklist, today)))
        except RectError:  # a unit or task this member does not have: none of its rows
            unknown = True
    if unknown and not found:
        what = wanted.unit if wanted.unit is not None else wanted.task
        raise RectError(f"no member list knows '{what}'")
    return found


def overdue_rows(members: list[Member], today: date) -> list[MeasureRow]:
    """Overdue measures and missed recurring duties of every member."""
    return [r for one in members for r in [*one.rows(today), *one.duty_rows(today)] if r.overdue]


def upcoming_rows(
    members: list[Member], today: date, days: int | None, unit: str | None
) -> list[MeasureRow]:
    """What falls due soon in every member (within ``days``, else each by its own warning
    tiers), soonest first, members in the workspace's order; with ``unit``, that unit's
    items in each member that has it."""
    from rectcli.queries.agenda import upcoming, warning_horizon

    soon: list[MeasureRow] = []
    for one, _ in selected(members, today, Filter(unit=unit)):
        checklist = one.checklist
        assert checklist is not None
        horizon = days if days is not None else warning_horizon(checklist)
        rows = upcoming([*one.rows(today), *one.duty_rows(today, horizon)], days)
        if unit is not None:
            wanted = checklist.units.resolve(unit) or unit
            rows = [r for r in rows if checklist.units.matches(wanted, r.units)]
        soon += rows
    order = {one.name: index for index, one in enumerate(members)}
    return sorted(soon, key=lambda r: (r.due or date.max, order.get(r.member or "", 0), r.line))


def member_units(rows: list[MeasureRow]) -> list[MeasureRow]:
    """The rows with each unit named with its member (``甲市 住建局``), for the views that
    group by unit: unit names repeat across members."""
    for row in rows:
        row.units = tuple(f"{row.member} {unit}" for unit in row.units)
    return rows


@dataclass(frozen=True)
class Findings:
    """One member's part of ``check``: its measures, what is overdue, what is due soon."""

    member: Member
    measures: int
    errors: list[MeasureRow]
    warnings: list[MeasureRow]


def findings(members: list[Member], today: date, days: int) -> list[Findings]:
    """Each readable member's overdue items and those due within ``days``, as ``rect
    check`` finds them in one list."""
    found = []
    for one in (m for m in members if m.checklist is not None):
        measures = one.rows(today)
        rows = [*measures, *one.duty_rows(today, days)]
        errors = [r for r in rows if r.overdue]
        warnings = [
            r
            for r in rows
            if not r.overdue and r.days_left is not None and 0 <= r.days_left <= days
        ]
        found.append(Findings(one, len(measures), errors, warnings))
    return found
