"""Options and arguments several commands share, declared once (as sqlite-utils shares
its option bundles), and the one parser of date options.

Only command modules import this; the root options live with the app (cli/app.py).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from rectcli.cli.app import Settings


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def is_stdout(output: Path | None) -> bool:
    """``-o -``: standard output."""
    return output is not None and str(output) == "-"


def parse_date_option(text: str, option: str) -> date:
    """An option's ISO date, or a usage error naming the option."""
    from rectcli.errors import RectError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RectError(f"{option}: '{text}' is not a date; write it as 2024-06-30") from None


def entry_date(day: str | None, settings: Settings) -> date:
    from rectcli.errors import RectError

    today = settings.today
    if day is None:
        return today
    when = parse_date_option(day, "--date")
    if when > today:
        raise RectError(
            f"--date {when} is after today ({today}); record progress once it has happened"
        )
    return when


def default_by(path: Path) -> str | None:
    """Who records, when --by is not given: the unit whose units.yaml ``people:`` name
    the git identity (user.email), else git's user.name, else the login name."""
    import getpass

    from rectcli import store
    from rectcli.errors import RectError
    from rectcli.history.git import user_email, user_name

    email = user_email(path.parent)
    units_path = store.units_file_for(path)
    if email and units_path.is_file():
        try:
            unit = store.load_units(units_path).unit_of(email)
        except RectError:  # an invalid units.yaml: the mark itself will say so
            unit = None
        if unit is not None:
            return unit
    name = user_name(path.parent)
    if name:
        return name
    try:
        return getpass.getuser() or None
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return None


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return [i for i in _completion_checklist(ctx, lambda c: c.ids()) if i.startswith(incomplete)]


def complete_units(ctx: typer.Context, incomplete: str) -> list[str]:
    names = _completion_checklist(ctx, lambda c: list(c.units.canonical))
    return [n for n in names if n.startswith(incomplete)]


def _completion_checklist(ctx: typer.Context, pick: Any) -> list[str]:
    from rectcli.errors import RectError

    root = ctx.find_root()
    try:
        file = root.params.get("file")
        settings = Settings(Path(file) if file else None, None, None)
        return list(pick(settings.load()))
    except RectError:
        return []


UnitFilter = Annotated[
    str | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="NAME",
        autocompletion=complete_units,
        help="Only this unit's items (name or alias; a group matches its members and a "
        "member its groups).",
    ),
]
PerUnitLimit = Annotated[
    int,
    typer.Option(
        "--limit",
        metavar="N",
        min=0,
        help="Table format: at most N rows per unit (0: all). JSON and CSV list every row.",
    ),
]
ItemId = Annotated[
    str,
    typer.Argument(
        metavar="ID", autocompletion=complete_ids, help="A problem (3) or measure (3.2) id."
    ),
]
TableFormat = Annotated[Format, typer.Option("--format", help="Output format.")]


def output_file(help: str) -> Any:
    """The ``-o/--output FILE`` of a command that writes a file, with its own help."""
    return typer.Option("--output", "-o", metavar="FILE", dir_okay=False, help=help)


OutputFile = Annotated[Path | None, output_file("Write to FILE.")]
MemberFilter = Annotated[
    str | None,
    typer.Option(
        "--member",
        "-m",
        metavar="NAME",
        help="With --workspace: only this member list.",
    ),
]
