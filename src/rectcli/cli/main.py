"""Entry point: import every command module (registering its commands), then run."""
# ruff: noqa: I001  (the commands' import order is the order `rect --help` lists them in)

from __future__ import annotations

import sys
from typing import NoReturn

from rectcli.cli.app import INTERNAL_ERROR, app, internal_error
from rectcli.cli.startup import build_only
from rectcli.cli.commands import read  # noqa: F401  (registers commands)
from rectcli.cli.commands import edit, history, deadline, check, report, plan, merge  # noqa: F401
from rectcli.cli.commands import incident, documents, holidays  # noqa: F401


def main() -> NoReturn:
    """Console-script entry point; a bug outside a command (while the command line is
    read) ends as one inside does: one line, exit 70 (cli/app.py)."""
    try:
        build_only(app, sys.argv[1:])
        sys.exit(app())
    except Exception as exc:  # the outermost boundary
        internal_error(None, exc)
        sys.exit(INTERNAL_ERROR)
