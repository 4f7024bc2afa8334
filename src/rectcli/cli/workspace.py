"""The workspace forms of the read commands (issue 17): ``status``, ``list``,
``overdue``, ``upcoming``, ``check``, ``report`` and ``calendar`` call these when
``--workspace`` is given, and ``sync`` and ``rollup`` (cli/commands/workspace.py) use
them too. Only parse, call and print: the work is in rectcli.workspace.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

import typer

from rectcli.cli.app import Settings, print_renderable

if TYPE_CHECKING:
    from datetime import date

    from icalendar import Calendar

    from rectcli.model.checklist import Checklist
    from rectcli.queries.report import Report
    from rectcli.queries.rows import Filter, MeasureRow
    from rectcli.views.calendar import Skipped
    from rectcli.workspace.config import Workspace
    from rectcli.workspace.members import Member


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def workspace_of(settings: Settings) -> Workspace:
    from rectcli.errors import RectError
    from rectcli.workspace.config import load_workspace

    if settings.workspace is None:
        raise RectError(
            "this command reads a workspace: name it with --workspace FILE (or RECT_WORKSPACE)"
        )
    return load_workspace(settings.workspace)


def members_of(
    settings: Settings, member: str | None, *, problems: bool = True
) -> tuple[Workspace, list[Member]]:
    """The workspace and its members (or the one ``member``), notes printed on stderr
    (with the problems of a member that cannot be read, unless ``problems`` is false)."""
    from rectcli.memory import gc_paused
    from rectcli.views.workspace import member_notes
    from rectcli.workspace.members import load_members

    workspace = workspace_of(settings)
    with gc_paused():
        members = load_members(workspace, use_cache=not settings.no_cache, only=member)
    for member_ in members:
        if member_.checklist is not None:
            member_.checklist.lifelong()
    shown = str(settings.workspace)
    for line in member_notes(members, now_utc(), settings.labels, shown, problems=problems):
        typer.echo(line, err=True)
    return workspace, members


def ws_status(settings: Settings, member: str | None) -> None:
    from rectcli.views.workspace import status_view
    from rectcli.workspace.members import standing

    workspace, members = members_of(settings, member)
    today = settings.today
    standings = [(one, standing(one, today)) for one in members]
    print_renderable(status_view(workspace.title, standings, settings.labels, today.isoformat()))


def ws_rows(settings: Settings, member: str | None, wanted: Filter) -> list[MeasureRow]:
    """Every member's measure rows passing ``wanted`` (its units resolved by that member)."""
    from rectcli.workspace.reads import selected

    _, members = members_of(settings, member)
    return [row for _, rows in selected(members, settings.today, wanted) for row in rows]


def ws_overdue(settings: Settings, member: str | None) -> list[MeasureRow]:
    from rectcli.workspace.reads import overdue_rows

    return overdue_rows(members_of(settings, member)[1], settings.today)


def ws_upcoming(
    settings: Settings, member: str | None, days: int | None, unit: str | None
) -> list[MeasureRow]:
    from rectcli.workspace.reads import upcoming_rows

    return upcoming_rows(members_of(settings, member)[1], settings.today, days, unit)


def overdue_groups(rows: list[MeasureRow]) -> dict[str, list[MeasureRow]]:
    """Overdue rows under each member's unit (``甲市 住建局``), most overdue first; units
    with the most first."""
    from rectcli.workspace.reads import member_units

    groups: dict[str, list[MeasureRow]] = {}
    for row in member_units(rows):
        if row.overdue:
            for unit in row.units:
                groups.setdefault(unit, []).append(row)
    for mine in groups.values():
        mine.sort(key=lambda r: (-r.days_overdue, r.line))
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def ws_check(settings: Settings, member: str | None, fmt: str, days: int) -> tuple[int, int]:
    """The CI gate over every member: (overdue, soon-due) counts; exit 2 on invalid data
    (a member's, or a parent: naming no item of the upper list)."""
    from rectcli.errors import Problem, RectError
    from rectcli.views import ci, serialize
    from rectcli.workspace.reads import findings

    workspace, members = members_of(settings, member, problems=False)
    problems = [p for one in members for p in one.problems]
    problems += [  # a gate that checked nothing of a member must not pass
        Problem(
            workspace.path,
            one.place.line,
            one.place.col,
            f"member '{one.name}' was never synced; run rect --workspace {workspace.path} sync",
        )
        for one in members
        if one.never_synced
    ]
    if workspace.upper is not None and not problems:
        from rectcli.workspace.rollup import bad_parents

        problems = bad_parents(upper_checklist(settings, workspace), members)
    if problems:
        raise RectError(problems)
    found = findings(members, settings.today, days)
    errors = [r for f in found for r in f.errors]
    warnings = [r for f in found for r in f.warnings]
    if fmt == "json":
        data = [("error", r) for r in errors] + [("warning", r) for r in warnings]
        typer.echo(serialize.json_text([{**r.to_json(), "severity": lv} for lv, r in data]))
    elif fmt == "github":
        for f in found:
            path = f.member.shown_path
            typer.echo(ci.check_github(path, f.errors, f.warnings, settings.labels), nl=False)
    else:
        for f in found:
            path = f.member.shown_path
            typer.echo(ci.check_text(path, f.errors, f.warnings, settings.labels), nl=False)
            typer.echo(settings.labels("valid", path=path, n=f.measures))
        if errors:
            typer.echo(settings.labels("overdue_n", n=len(errors)))
    return len(errors), len(warnings)


def ws_calendar(
    settings: Settings, member: str | None, wanted: Filter, open_only: bool
) -> tuple[Calendar, list[Skipped]]:
    """One iCalendar feed of every member's deadlines, each summary naming its member."""
    from rectcli.statuses import FINISHED
    from rectcli.views.calendar import build_calendar, merged_calendar
    from rectcli.workspace.reads import selected

    workspace, members = members_of(settings, member)
    calendars, skipped = [], []
    for one, rows in selected(members, settings.today, wanted):
        assert one.checklist is not None
        if open_only:
            rows = [r for r in rows if r.status not in FINISHED]
        cal, missed = build_calendar(one.checklist, rows, settings.today, settings.labels, one.name)
        calendars.append(cal)
        skipped += missed
    return merged_calendar(workspace.title, calendars, settings.labels), skipped


def ws_report(settings: Settings, member: str | None, since: date | None, soon_days: int) -> Report:
    """The members ranked as one list's report ranks its units."""
    from rectcli.workspace.report import workspace_report

    workspace, members = members_of(settings, member)
    return workspace_report(
        workspace.title, members, settings.today, since=since, soon_days=soon_days
    )


def upper_checklist(settings: Settings, workspace: Workspace) -> Checklist:
    """The upper list (its sync's age on stderr); a RectError when it cannot be read."""
    from rectcli.errors import RectError
    from rectcli.views.workspace import member_notes
    from rectcli.workspace.members import load_place

    assert workspace.upper is not None
    upper = load_place("upper", workspace.upper, use_cache=not settings.no_cache)
    shown = str(settings.workspace)
    for line in member_notes([upper], now_utc(), settings.labels, shown, problems=False):
        typer.echo(line, err=True)
    if upper.checklist is None:
        raise RectError(upper.problems or f"upper: never synced; run rect --workspace {shown} sync")
    return upper.checklist
