"""Entry point: import every command module (registering its commands), then run."""

from __future__ import annotations

import sys
from typing import NoReturn

from .app import app
from .commands import read  # noqa: F401  (registers commands)


def main() -> NoReturn:
    """Console-script entry point."""
    sys.exit(app())
