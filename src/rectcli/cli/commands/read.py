"""Read-only commands: status, list, show, overdue (check is in commands/deadline.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from rectcli.cli.app import Settings, app, print_renderable, settings_of
from rectcli.cli.options import (
    Format,
    MemberFilter,
    PerUnitLimit,
    TableFormat,
    UnitFilter,
    complete_ids,
)

if TYPE_CHECKING:
    from rectcli.model.checklist import Checklist
    from rectcli.queries.rows import MeasureRow


ViewFormat = Annotated[
    Literal["table", "json"], typer.Option("--format", help="Output format: table or json.")
]


@app.command()
def status(ctx: typer.Context, fmt: ViewFormat = "table", member: MemberFilter = None) -> None:
    """The dashboard: totals by status, progress per problem, overdue and due soon
    (with --workspace: a row per member list)."""
    from rectcli.queries.agenda import duty_rows
    from rectcli.queries.rows import dashboard

    settings = settings_of(ctx)
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_status

        ws_status(settings, member)
        return
    settings.check_member(member)
    checklist = settings.load()
    board = dashboard(checklist, settings.today, duties=duty_rows(checklist, settings.today))
    if fmt == "json":
        from rectcli.views.serialize import status_json

        typer.echo(status_json(board, checklist.outline().title))
        return
    from rectcli.views.tables import status_view

    print_renderable(status_view(board, checklist.outline().title, settings.labels))


def _rows(settings: Settings) -> tuple[Checklist, list[MeasureRow]]:
    from rectcli.queries.rows import measure_rows

    checklist = settings.load()
    return checklist, measure_rows(checklist, settings.today)


# A Rich table takes ~0.6 s per 1,000 rows: a big listing is cut unless asked for.
TABLE_LIMIT = 100
LimitOption = Annotated[
    int,
    typer.Option(
        "--limit",
        metavar="N",
        min=0,
        help="Table format: show at most N rows (0: all). JSON and CSV list every row.",
    ),
]


@app.command("list")
def list_(
    ctx: typer.Context,
    task: Annotated[
        str | None,
        typer.Option(
            "--task",
            "-t",
            metavar="ID",
            help="Only this problem's measures.",
            autocompletion=complete_ids,
        ),
    ] = None,
    unit: UnitFilter = None,
    status_: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",
            help="Only this status: todo doing done closed (or 未启动 推进中 已完成 已销号).",
        ),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue measures.")] = False,
    due_within: Annotated[
        str | None,
        typer.Option(
            "--due-within", metavar="30d", help="Only measures due within this period (30d, 2w)."
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", metavar="TEXT", help="Only measures whose text contains TEXT."),
    ] = None,
    tasks: Annotated[bool, typer.Option("--tasks", help="One row per problem instead.")] = False,
    fmt: TableFormat = Format.table,
    limit: LimitOption = TABLE_LIMIT,
    member: MemberFilter = None,
) -> None:
    """List measures (one row each), with filters that combine."""
    from rectcli.errors import RectError
    from rectcli.labels import parse_status
    from rectcli.queries.rows import Filter, parse_days, select

    settings = settings_of(ctx)
    wanted = Filter(
        task=task,
        unit=unit,
        status=parse_status(status_) if status_ else None,
        overdue=overdue,
        due_within=parse_days(due_within) if due_within else None,
        search=search,
    )
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_rows

        if tasks:
            raise RectError("--tasks lists one list's problems: leave it out with --workspace")
        rows = ws_rows(settings, member, wanted)
        checklist = None
    else:
        settings.check_member(member)
        checklist, rows = _rows(settings)
        rows = select(rows, wanted, checklist, settings.today)
    if fmt is Format.json:
        from rectcli.views.serialize import rows_json

        typer.echo(rows_json(rows))
    elif fmt is Format.csv:
        from rectcli.views.serialize import rows_csv

        typer.echo(rows_csv(rows), nl=False)
    else:
        from rectcli.views.tables import list_table, tasks_table

        labels = settings.labels
        print_renderable(
            tasks_table(checklist, rows, labels)
            if tasks and checklist is not None
            else list_table(rows, labels, limit)
        )


@app.command()
def show(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=complete_ids,
            help="A problem id (3) or a measure id (3.2).",
        ),
    ],
    fmt: ViewFormat = "table",
) -> None:
    """Show one problem or measure in full, with its progress log."""
    from rectcli.errors import RectError, did_you_mean
    from rectcli.queries.agenda import duty_rows

    settings = settings_of(ctx)
    checklist, rows = _rows(settings)
    found = checklist.find(item_id)
    if found is None:
        raise RectError(
            f"no problem or measure '{item_id}'" + did_you_mean(item_id, checklist.ids())
        )
    task, measure = found
    row = next((r for r in rows if measure and r.id == measure.id), None)
    year_ahead = duty_rows(checklist, settings.today, horizon=366)
    duties = [d for d in year_ahead if measure and d.id == measure.id]
    if fmt == "json":
        from rectcli.views.serialize import show_json

        helpers = checklist.measure_helpers(task, measure) if measure else ()
        typer.echo(show_json(task, measure, rows, duties, helpers))
        return
    from rectcli.views.tables import show_view

    print_renderable(show_view(checklist, task, measure, row, settings.labels, duties))


@app.command()
def overdue(
    ctx: typer.Context,
    unit: UnitFilter = None,
    fmt: TableFormat = Format.table,
    limit: PerUnitLimit = 20,
    member: MemberFilter = None,
) -> None:
    """Overdue measures and missed recurring duties, grouped by responsible unit (groups
    expanded: each district its own), with days overdue, escalation level (通报 督办 约谈)
    and supervising unit. A measure shared by several units is overdue for each unit whose
    part is not finished."""
    from rectcli.queries.agenda import duty_rows
    from rectcli.queries.rows import resolve_unit
    from rectcli.queries.units import overdue_by_unit, unit_rows

    settings = settings_of(ctx)
    today = settings.today
    members = None
    if settings.workspace is not None:
        from rectcli.cli.workspace import overdue_groups, ws_overdue
        from rectcli.errors import RectError

        if unit is not None:
            raise RectError("--unit reads one list: leave out --workspace, or use --member")
        late = ws_overdue(settings, member)
        checklist = None
    else:
        settings.check_member(member)
        checklist, rows = _rows(settings)
        rows = [*rows, *duty_rows(checklist, today)]
        if unit is not None:
            wanted = resolve_unit(checklist, unit)
            members = checklist.units.members(wanted)
            rows = unit_rows(checklist, rows, wanted, today)
        late = [r for r in rows if r.overdue]
    if fmt is Format.json:
        from rectcli.views.serialize import rows_json

        typer.echo(rows_json(late))
    elif fmt is Format.csv:
        from rectcli.views.serialize import rows_csv

        typer.echo(rows_csv(late), nl=False)
    else:
        from rectcli.views.tables import overdue_view

        if checklist is None:
            groups = overdue_groups(late)
        else:
            groups = overdue_by_unit(checklist, late, today)
            if members is not None:
                groups = {u: g for u, g in groups.items() if u in members}
        print_renderable(overdue_view(groups, settings.labels, limit))
