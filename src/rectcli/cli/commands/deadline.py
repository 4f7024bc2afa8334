"""The office's calendar: upcoming (预警), review (回头看), calc (the CI gate: check.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from rectcli.cli.app import app, print_renderable, settings_of
from rectcli.cli.options import (
    Format,
    MemberFilter,
    PerUnitLimit,
    TableFormat,
    UnitFilter,
    parse_date_option,
)

if TYPE_CHECKING:
    from datetime import date

    from rectcli.dates.workdays import WorkCalendar
    from rectcli.model.policy import Policy
    from rectcli.queries.rows import MeasureRow


@app.command()
def upcoming(
    ctx: typer.Context,
    within: Annotated[
        str | None,
        typer.Option(
            "--within",
            metavar="30d",
            help="Only items due within this period (30d, 2w). Default: each item's own "
            "warning tiers (policy.yaml's, or the measure's lead).",
        ),
    ] = None,
    unit: UnitFilter = None,
    fmt: TableFormat = Format.table,
    limit: PerUnitLimit = 20,
    member: MemberFilter = None,
) -> None:
    """What falls due soon (预警), per unit, soonest first, with each item's warning tier.

    Measures and the occurrences of recurring duties not yet fulfilled.
    """
    from rectcli.queries.agenda import by_unit, duty_rows, warning_horizon
    from rectcli.queries.agenda import upcoming as upcoming_rows
    from rectcli.queries.rows import measure_rows, parse_days, resolve_unit
    from rectcli.queries.units import by_owner, unit_rows

    settings = settings_of(ctx)
    days = parse_days(within) if within else None
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_upcoming
        from rectcli.workspace.reads import member_units

        soon = ws_upcoming(settings, member, days, unit)
        if fmt is not Format.table:
            _echo_rows(soon, fmt)
        elif not soon:
            labels = settings.labels
            typer.echo(
                labels("none_upcoming") if days is None else labels("none_upcoming_in", n=days)
            )
        else:
            from rectcli.views.agenda import upcoming_view

            groups = by_unit(member_units(soon))
            print_renderable(upcoming_view(groups, settings.labels, limit))
        return
    settings.check_member(member)
    checklist = settings.load()
    today = settings.today
    horizon = days if days is not None else warning_horizon(checklist)
    rows = [*measure_rows(checklist, today), *duty_rows(checklist, today, horizon)]
    soon = upcoming_rows(rows, days)
    members = None
    if unit is not None:
        wanted = resolve_unit(checklist, unit)
        members = checklist.units.members(wanted)
        soon = upcoming_rows(unit_rows(checklist, soon, wanted, today), days)
    if fmt is not Format.table:
        _echo_rows(soon, fmt)
    elif not soon:
        labels = settings.labels
        nothing = labels("none_upcoming") if days is None else labels("none_upcoming_in", n=days)
        typer.echo(nothing)
    else:
        from rectcli.views.agenda import upcoming_view

        owners = by_owner(checklist, upcoming_rows(rows, days), today).items()
        groups = {
            u: mine
            for u, g in owners
            if (members is None or u in members) and (mine := upcoming_rows(g, days))
        }
        print_renderable(upcoming_view(groups, settings.labels, limit))


def _echo_rows(rows: list[MeasureRow], fmt: Format) -> None:
    from rectcli.views.serialize import rows_csv, rows_json

    if fmt is Format.json:
        typer.echo(rows_json(rows))
    else:
        typer.echo(rows_csv(rows), nl=False)


@app.command()
def review(
    ctx: typer.Context,
    stale: Annotated[
        str | None,
        typer.Option(
            "--stale",
            metavar="90d",
            help="长期坚持 items with no check-in for this long (default: policy.yaml, 90d).",
        ),
    ] = None,
    look_back: Annotated[
        str | None,
        typer.Option(
            "--look-back",
            metavar="180d",
            help="Done or closed items whose last entry is this old (default: policy.yaml, 180d).",
        ),
    ] = None,
    fmt: TableFormat = Format.table,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            metavar="N",
            min=0,
            help="Table format: at most N rows of each list (0: all). JSON and CSV list all.",
        ),
    ] = 50,
) -> None:
    """回头看: ongoing items gone quiet, and finished items due for a second look.

    A 长期坚持 item is never done forever: it is listed when no progress entry came for
    the --stale period. A done or closed item is listed when its last entry is
    --look-back old; recording the look-back (rect mark … --note 回头看：…) resets it.
    """
    from rectcli.queries.agenda import review as review_items
    from rectcli.queries.rows import measure_rows, parse_days

    settings = settings_of(ctx)
    checklist = settings.load()
    stale_days = parse_days(stale) if stale else checklist.policy.stale
    look_days = parse_days(look_back) if look_back else checklist.policy.look_back
    rows = measure_rows(checklist, settings.today)
    items = review_items(checklist, rows, settings.today, stale_days, look_days)
    if fmt is Format.table:
        from rectcli.views.agenda import review_view

        print_renderable(review_view(items, settings.labels, stale_days, look_days, limit))
        return
    if fmt is Format.csv:
        _echo_rows([i.row for i in items], fmt)
        return
    import json

    data = [
        {
            **i.row.to_json(),
            "review": i.reason,
            "since": i.since.isoformat() if i.since else None,
            "days_since": i.days,
        }
        for i in items
    ]
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def calc(
    ctx: typer.Context,
    phrase: Annotated[
        str,
        typer.Argument(
            metavar="PHRASE",
            help="A deadline (2024年6月底前, 立行立改, 7个工作日内) or a recurring duty "
            "(每季度, 每年至少2次).",
        ),
    ],
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="Count a relative period (7个工作日内) from this day, or start a duty's "
            "periods here (default: today; for a duty, plan.issued).",
        ),
    ] = None,
    issued: Annotated[
        str | None,
        typer.Option(
            "--issued",
            metavar="DATE",
            help="The plan's issue date, for 立行立改 and phrases without a year "
            "(default: plan.issued of the data, if any).",
        ),
    ] = None,
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, help="How many due dates of a duty to show.")
    ] = 4,
    fmt: Annotated[
        Literal["text", "json"], typer.Option("--format", help="Output format.")
    ] = "text",
) -> None:
    """How rect reads a phrase: its kind, due date or RRULE, next due dates, working days.

    Works without a data file; inside a project it uses plan.issued, data/holidays.yaml
    and data/policy.yaml.
    """
    from rectcli.dates.phrase import read_phrase
    from rectcli.model.policy import Policy

    settings = settings_of(ctx)
    today = settings.today
    from rectcli.dates.workdays import WorkCalendar

    policy, found, plan_issued = _project_calendar(ctx)
    calendar = found or WorkCalendar()
    reading = read_phrase(
        phrase,
        today,
        issued=parse_date_option(issued, "--issued") if issued else plan_issued,
        start=parse_date_option(start, "--from") if start else None,
        calendar=calendar,
        count=count,
    )
    settings.warn_guessed(calendar)  # a year no arrangement is known for: weekends only
    if fmt == "json":
        import json

        typer.echo(json.dumps(reading.to_json(), ensure_ascii=False, indent=2))
        return
    from rectcli.views.agenda import calc_view

    stale = (policy or Policy()).stale
    print_renderable(calc_view(reading, today, settings.labels, stale))


def _project_calendar(
    ctx: typer.Context,
) -> tuple[Policy | None, WorkCalendar | None, date | None]:
    """(policy, calendar, plan.issued) of the project here; Nones outside one."""
    settings = settings_of(ctx)
    if settings.file is None and not _project_here():
        return None, None, None  # calc works on its own
    checklist = settings.load()  # a project's broken data is reported, not ignored
    return checklist.policy, checklist.calendar, checklist.issued


def _project_here() -> bool:
    from pathlib import Path

    from rectcli.errors import RectError
    from rectcli.store import find_tasks_file

    try:
        find_tasks_file(Path.cwd())
    except RectError:
        return False
    return True
