"""docs/cli.md (English) and docs/cli.zh.md (Chinese) are the --help of every command;
this test keeps them in step.

Regenerate after changing a command: RECT_UPDATE_DOCS=1 pytest tests/test_docs.py
"""

from __future__ import annotations

import os

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from rectcli.cli.main import app
from tests.helpers import ROOT

CLI_DOCS = {"en": ROOT / "docs" / "cli.md", "zh": ROOT / "docs" / "cli.zh.md"}
HEADERS = {
    "en": """# Command-line reference

Generated from `rect --lang en --help` and `rect --lang en COMMAND --help`;
`tests/test_docs.py` keeps it in step (`RECT_UPDATE_DOCS=1 pytest tests/test_docs.py`
regenerates it). In Chinese (rect's default): [cli.zh.md](cli.zh.md).
""",
    "zh": """# 命令参考

由 `rect --help` 和 `rect 命令 --help` 生成（中文是 rect 的默认语言）；`tests/test_docs.py`
保持其与程序一致（`RECT_UPDATE_DOCS=1 pytest tests/test_docs.py` 重新生成）。
English: [cli.md](cli.md).
""",
}


def cli_reference(lang: str) -> str:
    runner = CliRunner()
    group = get_command(app)
    sections = [HEADERS[lang]]
    for command in [[], *([name] for name in group.commands)]:  # type: ignore[attr-defined]
        result = runner.invoke(
            app,
            [*command, "--help"],
            prog_name="rect",
            env={"COLUMNS": "80", "TERM": "dumb", "RECT_LANG": lang},
        )
        assert result.exit_code == 0, result.output
        title = " ".join(["rect", *command])
        sections.append(f"## `{title}`\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(sections)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_reference_is_current(lang: str) -> None:
    expected = cli_reference(lang)
    if os.environ.get("RECT_UPDATE_DOCS"):
        CLI_DOCS[lang].write_text(expected, encoding="utf-8")
    assert CLI_DOCS[lang].read_text(encoding="utf-8") == expected, (
        f"docs/{CLI_DOCS[lang].name} is stale: RECT_UPDATE_DOCS=1 pytest tests/test_docs.py"
    )


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    for line in readme.splitlines():
        if line.startswith("rect ") and not line.startswith("rect --"):
            assert line.split()[1] in group.commands, line  # type: ignore[attr-defined]
