"""docs/cli.md is the --help of every command; this test keeps them in step.

Regenerate after changing a command: RECT_UPDATE_DOCS=1 pytest tests/test_docs.py
"""

from __future__ import annotations

import os

from typer.main import get_command
from typer.testing import CliRunner

from rectcli.cli.main import app
from tests.helpers import ROOT

CLI_DOC = ROOT / "docs" / "cli.md"
HEADER = """# Command-line reference

Generated from `rect --help` and `rect COMMAND --help`; `tests/test_docs.py` keeps it in
step (`RECT_UPDATE_DOCS=1 pytest tests/test_docs.py` regenerates it).
"""


def cli_reference() -> str:
    runner = CliRunner()
    group = get_command(app)
    sections = [HEADER]
    for command in [[], *([name] for name in group.commands)]:  # type: ignore[attr-defined]
        result = runner.invoke(
            app, [*command, "--help"], prog_name="rect", env={"COLUMNS": "80", "TERM": "dumb"}
        )
        assert result.exit_code == 0, result.output
        title = " ".join(["rect", *command])
        sections.append(f"## `{title}`\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(sections)


def test_cli_reference_is_current() -> None:
    expected = cli_reference()
    if os.environ.get("RECT_UPDATE_DOCS"):
        CLI_DOC.write_text(expected, encoding="utf-8")
    assert CLI_DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is stale: RECT_UPDATE_DOCS=1 pytest tests/test_docs.py"
    )


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    for line in readme.splitlines():
        if line.startswith("rect ") and not line.startswith("rect --"):
            assert line.split()[1] in group.commands, line  # type: ignore[attr-defined]
