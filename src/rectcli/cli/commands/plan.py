"""Plan-level commands: import a plan document, print a JSON Schema, show the targets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rectcli.cli.app import app, echo, print_renderable, settings_of
from rectcli.cli.options import Format, TableFormat, output_file, parse_date_option


@app.command("import")
def import_(
    ctx: typer.Context,
    plan: Annotated[
        Path,
        typer.Argument(
            metavar="PLAN",
            dir_okay=False,
            help="The plan document: UTF-8 text (.txt), Word (.docx: tables or "
            "paragraphs) or an Excel ledger (.xlsx); - is standard input.",
        ),
    ],
    output: Annotated[
        Path | None,
        output_file(
            "Write the task list to FILE, with units.yaml beside it "
            "(default, or -: print it; units.yaml is the project's)."
        ),
    ] = None,
    add_units: Annotated[
        bool,
        typer.Option(
            "--add-units",
            help="Add unknown 责任单位/督导单位 names to units.yaml instead of failing.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists (its progress is lost).")
    ] = False,
    issued: Annotated[
        str | None,
        typer.Option(
            "--issued",
            metavar="DATE",
            help="The plan's issue date (ISO), if the document has no …印发 line.",
        ),
    ] = None,
) -> None:
    """Read a task list (整改任务清单): a text plan, a Word table or an Excel ledger."""
    from rectcli import store
    from rectcli.errors import Problem, RectError
    from rectcli.exchange.plan_files import read_plan_import, write_plan_import

    settings = settings_of(ctx)
    labels = settings.labels
    if output is not None and str(output) == "-":  # -o -: standard output, as without -o
        output = None
    if output is not None and output.exists() and not force:
        raise RectError(
            [Problem(store.display_path(output), 0, 0, "exists; pass --force to replace it")]
        )
    if output is not None and not output.parent.is_dir():
        shown_dir = store.display_path(output.parent)
        raise RectError([Problem(store.display_path(output), 0, 0, f"no directory {shown_dir}")])
    units_path = store.units_file_for(output if output is not None else settings.tasks_path)
    shown_out = store.display_path(output) if output is not None else "<stdout>"
    result = read_plan_import(
        plan,
        units_path,
        shown_output=shown_out,
        issued=parse_date_option(issued, "--issued") if issued is not None else None,
        add_units=add_units,
        today=settings.today,
    )
    from rectcli.catalog.messages import localized

    for warning in result.warnings:
        _to_stderr(str(localized(warning, labels.lang)))
    write_plan_import(result, output, units_path)
    say = echo if output is not None else _to_stderr
    if result.added:
        shown_units = store.display_path(units_path)
        names = "、".join(result.added)
        say(labels("units_added", path=shown_units, n=len(result.added), names=names))
    if output is None:
        typer.echo(result.yaml_text, nl=False)
        return
    say(labels("imported", tasks=result.tasks, measures=result.measures, path=shown_out))


def _to_stderr(message: str) -> None:
    echo(message, err=True)


@app.command()
def schema(
    which: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="Which file's schema: tasks, units, targets or workspace.",
        ),
    ] = "tasks",
) -> None:
    """Print the JSON Schema of tasks.yaml (or units.yaml, targets.yaml), for editors."""
    from rectcli.errors import RectError
    from rectcli.model.schema import SCHEMAS, schema_json

    if which not in SCHEMAS:
        raise RectError(f"no schema '{which}'; use tasks, units, targets or workspace")
    typer.echo(schema_json(which), nl=False)


@app.command()
def targets(
    ctx: typer.Context,
    fmt: TableFormat = Format.table,
) -> None:
    """The plan's quantitative targets (主要目标): latest reading, target, met or at risk."""
    from rectcli import store
    from rectcli.errors import Problem, RectError
    from rectcli.model.targets import target_rows

    settings = settings_of(ctx)
    path = store.targets_file_for(settings.tasks_path)
    if not path.is_file():
        raise RectError(
            [Problem(store.display_path(path), 0, 0, "no such file; see docs/targets.md")]
        )
    today = settings.today
    rows = target_rows(store.load_targets(path), today)
    if fmt is Format.json:
        import json

        typer.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        from rectcli.views.targets import targets_csv

        typer.echo(targets_csv(rows), nl=False)
    else:
        from rectcli.views.targets import targets_view

        print_renderable(targets_view(rows, today, settings.labels))
