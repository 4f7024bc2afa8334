"""Entry point: import every command module (registering its commands), then run."""

from __future__ import annotations

import sys
from typing import NoReturn

from .app import app, build_only
from .commands import deadline, edit, merge, plan, read, report  # noqa: F401  (registers commands)


def main() -> NoReturn:
    """Console-script entry point."""
    build_only(app, sys.argv[1:])
    sys.exit(app())
