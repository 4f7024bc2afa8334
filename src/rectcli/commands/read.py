"""Read-only commands: status, list, show, overdue, check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..app import (
    CheckFormat,
    Format,
    Settings,
    app,
    complete_ids,
    complete_units,
    print_renderable,
    settings_of,
)

if TYPE_CHECKING:
    from ..checklist import Checklist
    from ..queries import MeasureRow


@app.command()
def status(ctx: typer.Context) -> None:
    """The dashboard: totals by status, progress per problem, overdue and due soon."""
    from ..queries import dashboard
    from ..render import status_view

    settings = settings_of(ctx)
    checklist = settings.load()
    board = dashboard(checklist, settings.today)
    print_renderable(status_view(board, checklist.file.plan.title, settings.labels))


def _rows(settings: Settings) -> tuple[Checklist, list[MeasureRow]]:
    from ..queries import measure_rows

    checklist = settings.load()
    return checklist, measure_rows(checklist, settings.today)


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
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="NAME",
            autocompletion=complete_units,
            help="Only measures of this unit (name or alias; a group matches its members and "
            "a member its groups).",
        ),
    ] = None,
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
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List measures (one row each), with filters that combine."""
    from ..labels import parse_status
    from ..queries import Filter, parse_days, select

    settings = settings_of(ctx)
    wanted = Filter(
        task=task,
        unit=unit,
        status=parse_status(status_) if status_ else None,
        overdue=overdue,
        due_within=parse_days(due_within) if due_within else None,
        search=search,
    )
    checklist, rows = _rows(settings)
    rows = select(rows, wanted, checklist)
    if fmt is Format.json:
        from ..serialize import rows_json

        typer.echo(rows_json(rows))
    elif fmt is Format.csv:
        from ..serialize import rows_csv

        typer.echo(rows_csv(rows), nl=False)
    else:
        from ..render import list_table, tasks_table

        labels = settings.labels
        print_renderable(
            tasks_table(checklist, rows, labels) if tasks else list_table(rows, labels)
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
) -> None:
    """Show one problem or measure in full, with its progress log."""
    from ..errors import RectError, did_you_mean
    from ..render import show_view

    settings = settings_of(ctx)
    checklist, rows = _rows(settings)
    found = checklist.find(item_id)
    if found is None:
        raise RectError(
            f"no problem or measure '{item_id}'" + did_you_mean(item_id, checklist.ids())
        )
    task, measure = found
    row = next((r for r in rows if measure and r.id == measure.id), None)
    print_renderable(show_view(checklist, task, measure, row, settings.labels))


@app.command()
def overdue(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Overdue measures grouped by responsible unit, with days overdue and supervisor."""
    from ..queries import overdue_by_unit

    settings = settings_of(ctx)
    _, rows = _rows(settings)
    late = [r for r in rows if r.overdue]
    if fmt is Format.json:
        from ..serialize import rows_json

        typer.echo(rows_json(late))
    elif fmt is Format.csv:
        from ..serialize import rows_csv

        typer.echo(rows_csv(late), nl=False)
    else:
        from ..render import overdue_view

        print_renderable(overdue_view(overdue_by_unit(late), settings.labels))


@app.command()
def check(
    ctx: typer.Context,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
) -> None:
    """The CI gate: validate the data, then exit 1 if any measure is overdue (else 0)."""
    from .. import serialize

    settings = settings_of(ctx)
    checklist, rows = _rows(settings)
    late = [r for r in rows if r.overdue]
    path = checklist.path
    if fmt is CheckFormat.json:
        typer.echo(serialize.rows_json(late))
    elif fmt is CheckFormat.github:
        typer.echo(serialize.check_github(path, rows), nl=False)
    elif fmt is CheckFormat.junit:
        typer.echo(serialize.check_junit(path, rows), nl=False)
    else:
        labels = settings.labels
        typer.echo(serialize.check_text(path, rows), nl=False)
        typer.echo(labels("valid", path=path, n=len(rows)))
        if late:
            typer.echo(labels("overdue_n", n=len(late)))
    raise typer.Exit(1 if late else 0)
