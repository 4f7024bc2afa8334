"""coercion.py: which parameters get the quick coercion, and quickening a command twice.

That the quick coercion gives exactly what typer's adapters give is tests/test_startup.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.main import get_command

from rectcli.cli.coercion import quick, quicken
from rectcli.cli.main import app


def _odd_kinds() -> typer.Typer:
    """Options of kinds rect does not use: typer's own adapter must coerce them."""
    odd = typer.Typer()

    @odd.command()
    def run(
        handle: Annotated[typer.FileText | None, typer.Option(help="An open file.")] = None,
        parsed: Annotated[int, typer.Option(parser=int, help="A custom parser.")] = 0,
        ratio: Annotated[float, typer.Option(help="A float.")] = 0.5,
        clamped: Annotated[int, typer.Option(min=0, max=9, clamp=True, help="Clamped.")] = 0,
        as_text: Annotated[Path, typer.Option(path_type=str, help="A path as str.")] = Path(),
        as_texts: Annotated[list[Path], typer.Option(path_type=str, help="Paths as str.")] = [],  # noqa: B006
        plain: Annotated[str, typer.Option(help="Plain text.")] = "",
    ) -> None:
        """A command with one option of each odd kind."""

    return odd


def test_only_the_plain_kinds_are_quickened() -> None:
    command = get_command(_odd_kinds())
    quickened = {p.name: quick(p) is not None for p in command.params}
    assert {name for name, yes in quickened.items() if not yes} == {
        "handle",
        "parsed",
        "ratio",
        "clamped",
        "as_text",
        "as_texts",
    }
    assert quickened["plain"]


def test_a_parameter_not_of_typer_is_left_alone() -> None:
    assert quick(object()) is None


def test_quickening_twice_wraps_the_help_option_once() -> None:
    status = get_command(app).commands["status"]  # type: ignore[attr-defined]
    quicken(status)
    wrapped = status.get_help_option
    quicken(status)
    assert status.get_help_option is wrapped
    help_option = status.get_help_option(typer.Context(status, info_name="status"))
    assert type(help_option._runtime_param).__name__ == "_Quick"


def test_a_command_without_a_help_option() -> None:
    status = get_command(app).commands["status"]  # type: ignore[attr-defined]
    quicken(status)
    ctx = typer.Context(status, info_name="status", help_option_names=[])
    assert status.get_help_option(ctx) is None
