"""``python -m rectcli``: the same as the ``rect`` command (for scripts, hooks and tests)."""

from rectcli.cli.main import main

main()
