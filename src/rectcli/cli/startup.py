"""Start-up: build only the command that runs (issue 6).

Typer builds every command's options before it runs one; a fifth of ``rect --help``'s
start-up went there. The console script trims the app to the command named first.
"""

from __future__ import annotations

import os

import typer

# The root options that take a value: the word after them is not a command name.
VALUED_OPTIONS = frozenset({"--file", "-f", "--as-of", "--lang"})


def build_only(typer_app: typer.Typer, args: list[str]) -> None:
    """Before the console script runs ``args``: keep only the command they name.

    Typer builds every command's options (signatures, type hints) before running one,
    a fifth of the start-up of ``rect --help``. The command list (``rect``, ``rect -h``)
    gets stand-ins with the same names and help; an unknown name keeps every command,
    so the error can suggest one. Shell completion needs them all.
    """
    import inspect

    from typer.main import get_command_name
    from typer.models import CommandInfo

    if any(name.endswith("_COMPLETE") for name in os.environ):
        return

    def name_of(info: CommandInfo) -> str:
        return info.name or get_command_name(getattr(info.callback, "__name__", ""))

    wanted = command_word(args)
    infos = typer_app.registered_commands
    if wanted is None:
        typer_app.registered_commands = [
            CommandInfo(
                name_of(info),
                callback=_stand_in,
                help=info.help or inspect.getdoc(info.callback),
                short_help=info.short_help,
                hidden=info.hidden,
                deprecated=info.deprecated,
            )
            for info in infos
        ]
    elif any(name_of(info) == wanted for info in infos):
        typer_app.registered_commands = [i for i in infos if name_of(i) == wanted]


def command_word(args: list[str]) -> str | None:
    after_option = False
    for arg in args:
        if after_option:
            after_option = False
        elif arg == "--":
            return None
        elif arg in VALUED_OPTIONS:
            after_option = True
        elif not arg.startswith("-"):
            return arg
    return None


def _stand_in() -> None:
    """Listed in the command list only; never run."""
