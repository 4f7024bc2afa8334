"""The command line: parse, call the core, render, return an exit code.

Only this module prints. Heavy modules (pydantic models, YAML, Rich tables) are imported
inside the commands so that ``rect --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click.core import Context as ClickContext
    from rich.console import Console, RenderableType

    from .checklist import Checklist
    from .labels import Labels
    from .queries import MeasureRow


class _Group(TyperGroup):
    """The single error boundary: a RectError becomes its problems on stderr and exit 2."""

    def invoke(self, ctx: ClickContext) -> Any:
        from .errors import RectError

        try:
            return super().invoke(ctx)
        except RectError as exc:
            for problem in exc.problems:
                typer.echo(str(problem), err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Group,
    help="rect: track a rectification task list (整改任务清单) kept as YAML in git.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@dataclass
class Settings:
    file: Path | None
    as_of: str | None
    lang: str | None

    @property
    def tasks_path(self) -> Path:
        from .store import find_tasks_file

        return self.file if self.file else find_tasks_file(Path.cwd())

    def load(self) -> Checklist:
        from .store import load

        return load(self.tasks_path)

    @property
    def today(self) -> date:
        from .errors import RectError

        if not self.as_of:
            return date.today()
        try:
            return date.fromisoformat(self.as_of)
        except ValueError:
            raise RectError(
                f"--as-of: '{self.as_of}' is not a date; write it as 2024-06-30"
            ) from None

    @property
    def labels(self) -> Labels:
        from .labels import Labels, pick_lang

        return Labels(pick_lang(self.lang))


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings)
    assert settings is not None
    return settings


def _console() -> Console:
    from rich.console import Console

    # Rich honours NO_COLOR and drops colour when stdout is not a terminal.
    return Console(highlight=False, soft_wrap=False)


def _print(renderable: RenderableType) -> None:
    _console().print(renderable)


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return [i for i in _completion_checklist(ctx, lambda c: c.ids()) if i.startswith(incomplete)]


def _complete_units(ctx: typer.Context, incomplete: str) -> list[str]:
    names = _completion_checklist(ctx, lambda c: list(c.units.canonical))
    return [n for n in names if n.startswith(incomplete)]


def _completion_checklist(ctx: typer.Context, pick: Any) -> list[str]:
    from .errors import RectError

    root = ctx.find_root()
    try:
        file = root.params.get("file")
        settings = Settings(Path(file) if file else None, None, None)
        return list(pick(settings.load()))
    except RectError:
        return []


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        envvar="RECT_FILE",
        dir_okay=False,
        help="The task list (default: data/tasks.yaml here or in a parent directory).",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        envvar="RECT_TODAY",
        metavar="DATE",
        help="Treat this ISO date as today (default: the real date).",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="RECT_LANG",
        metavar="zh|en",
        help="Language of labels and messages: zh (default) or en.",
    ),
]


@app.callback()
def root(
    ctx: typer.Context, file: FileOption = None, as_of: AsOfOption = None, lang: LangOption = None
) -> None:
    """rect: track a rectification task list (整改任务清单) kept as YAML in git.

    Exit codes: 0 success; 1 `rect check` found overdue measures; 2 invalid data or usage.
    """
    ctx.obj = Settings(file, as_of, lang)


@app.command()
def status(ctx: typer.Context) -> None:
    """The dashboard: totals by status, progress per problem, overdue and due soon."""
    from .queries import dashboard
    from .render import status_view

    settings = _settings(ctx)
    checklist = settings.load()
    board = dashboard(checklist, settings.today)
    _print(status_view(board, checklist.file.plan.title, settings.labels))


def _rows(settings: Settings) -> tuple[Checklist, list[MeasureRow]]:
    from .queries import measure_rows

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
            autocompletion=_complete_ids,
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="NAME",
            autocompletion=_complete_units,
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
    from .labels import parse_status
    from .queries import Filter, parse_days, select

    settings = _settings(ctx)
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
        from .serialize import rows_json

        typer.echo(rows_json(rows))
    elif fmt is Format.csv:
        from .serialize import rows_csv

        typer.echo(rows_csv(rows), nl=False)
    else:
        from .render import list_table, tasks_table

        labels = settings.labels
        _print(tasks_table(checklist, rows, labels) if tasks else list_table(rows, labels))


@app.command()
def show(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=_complete_ids,
            help="A problem id (3) or a measure id (3.2).",
        ),
    ],
) -> None:
    """Show one problem or measure in full, with its progress log."""
    from .errors import RectError, did_you_mean
    from .render import show_view

    settings = _settings(ctx)
    checklist, rows = _rows(settings)
    found = checklist.find(item_id)
    if found is None:
        raise RectError(
            f"no problem or measure '{item_id}'" + did_you_mean(item_id, checklist.ids())
        )
    task, measure = found
    row = next((r for r in rows if measure and r.id == measure.id), None)
    _print(show_view(checklist, task, measure, row, settings.labels))


@app.command()
def overdue(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Overdue measures grouped by responsible unit, with days overdue and supervisor."""
    from .queries import overdue_by_unit

    settings = _settings(ctx)
    _, rows = _rows(settings)
    late = [r for r in rows if r.overdue]
    if fmt is Format.json:
        from .serialize import rows_json

        typer.echo(rows_json(late))
    elif fmt is Format.csv:
        from .serialize import rows_csv

        typer.echo(rows_csv(late), nl=False)
    else:
        from .render import overdue_view

        _print(overdue_view(overdue_by_unit(late), settings.labels))


@app.command()
def check(
    ctx: typer.Context,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
) -> None:
    """The CI gate: validate the data, then exit 1 if any measure is overdue (else 0)."""
    from . import serialize

    settings = _settings(ctx)
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


def main() -> NoReturn:
    """Console-script entry point."""
    os.environ.setdefault("TYPER_USE_RICH", "0")
    sys.exit(app())
