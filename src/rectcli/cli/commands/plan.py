"""Plan-level commands: import a plan document, print a JSON Schema, show the targets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rectcli.cli.app import app, print_renderable, settings_of
from rectcli.cli.options import Format, TableFormat, parse_date_option

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

_HEADER = (
    "Imported by `rect import` from {plan}.",
    "Each measure's units, deadline, milestones and recurring duties were read",
    "from its text: check them against the plan (docs/import.md).",
)


@app.command("import")
def import_(
    ctx: typer.Context,
    plan: Annotated[
        Path,
        typer.Argument(
            metavar="PLAN",
            dir_okay=False,
            help="The plan document: UTF-8 text (.txt) or Word (.docx).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Write the task list to FILE, with units.yaml beside it "
            "(default: print it; units.yaml is the project's).",
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
    """Read a task list (整改任务清单) in the official text format into tasks.yaml."""

    from rectcli import store
    from rectcli.errors import Problem, RectError
    from rectcli.exchange.plan_text import parse_plan
    from rectcli.exchange.plan_yaml import add_units as with_units
    from rectcli.exchange.plan_yaml import tasks_yaml
    from rectcli.model.shapes import UnitFile
    from rectcli.model.units import UnitRegistry
    from rectcli.model.validate import parse_tasks, parse_units

    settings = settings_of(ctx)
    labels = settings.labels
    if output is not None and output.exists() and not force:
        raise RectError(
            [Problem(store.display_path(output), 0, 0, "exists; pass --force to replace it")]
        )
    if output is not None and not output.parent.is_dir():
        shown_dir = store.display_path(output.parent)
        raise RectError([Problem(store.display_path(output), 0, 0, f"no directory {shown_dir}")])
    when = parse_date_option(issued, "--issued") if issued is not None else None
    units_path = store.units_file_for(output if output is not None else settings.tasks_path)
    shown_units = store.display_path(units_path)
    if units_path.exists():
        registry = store.load_units(units_path)
    elif add_units:
        registry = UnitRegistry(UnitFile(units=[]))
    else:
        raise RectError(
            [
                Problem(
                    shown_units,
                    0,
                    0,
                    "no such file; write it (docs/format.md) or import with --add-units",
                )
            ]
        )
    text, shown_plan = store.read_plan(plan), store.display_path(plan)
    found = parse_plan(
        text, shown_plan, registry, units_path=shown_units, issued=when, allow_unknown=add_units
    )
    say = typer.echo if output is not None else _to_stderr
    if found.unknown:
        notes = [
            (u.name, f"added by rect import ({shown_plan}:{u.line}:{u.col}): set full and kind")
            for u in found.unknown
        ]
        with _locked(units_path):
            current = store.read_text(units_path) if units_path.exists() else None
            new_text = with_units(current, notes, shown_units)
            registry = parse_units(new_text, shown_units)  # never write an invalid file
            store.write_atomic(units_path, new_text)
        names = "、".join(name for name, _ in notes)
        say(labels("units_added", path=shown_units, n=len(notes), names=names))
        found = parse_plan(text, shown_plan, registry, units_path=shown_units, issued=when)
    header = [line.format(plan=plan.name) for line in _HEADER]
    yaml_text = tasks_yaml(found.file, header)
    shown_out = store.display_path(output) if output is not None else "<stdout>"
    parse_tasks(yaml_text, shown_out, registry)  # what is written loads
    if output is None:
        typer.echo(yaml_text, nl=False)
        return
    with _locked(output):
        store.write_output(output, yaml_text)
    measures = sum(len(t.measures) for t in found.file.tasks)
    say(labels("imported", tasks=len(found.file.tasks), measures=measures, path=shown_out))


def _to_stderr(message: str) -> None:
    typer.echo(message, err=True)


def _locked(path: Path) -> AbstractContextManager[None]:
    """The writers' lock of a file that exists (rect mark may be editing it); a new
    file has no writers to wait for."""
    from contextlib import nullcontext

    from rectcli import store

    return store.locked(path) if path.is_file() else nullcontext()


@app.command()
def schema(
    which: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="Which file's schema: tasks, units or targets.",
        ),
    ] = "tasks",
) -> None:
    """Print the JSON Schema of tasks.yaml (or units.yaml, targets.yaml), for editors."""
    from rectcli.errors import RectError
    from rectcli.model.schema import SCHEMAS, schema_json

    if which not in SCHEMAS:
        raise RectError(f"no schema '{which}'; use tasks, units or targets")
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
