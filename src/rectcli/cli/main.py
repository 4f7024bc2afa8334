"""Entry point: import every command module (registering its commands), then run."""
# ruff: noqa: I001  (the commands' import order is the order `rect --help` lists them in)

from __future__ import annotations

import sys
from typing import NoReturn

from rectcli.cli.app import app, build_only
from rectcli.cli.commands import read  # noqa: F401  (registers commands)
from rectcli.cli.commands import edit, history, deadline, report, plan, merge  # noqa: F401
from rectcli.cli.commands import incident  # noqa: F401
from rectcli.cli.commands import workspace  # noqa: F401


def main() -> NoReturn:
    """Console-script entry point."""
    build_only(app, sys.argv[1:])
    sys.exit(app())
