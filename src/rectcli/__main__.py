"""``python -m rectcli``: the same as the ``rect`` command (for scripts, hooks and tests)."""

from .cli import main

main()
