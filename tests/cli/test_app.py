"""Global options, help texts, file discovery and the error boundary."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from rectcli.cli.main import app
from tests.helpers import SHIPPED_DATA, Invoke


def all_commands() -> list[list[str]]:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return [[], *([name] for name in group.commands)]


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: " ".join(c) or "rect")
def test_every_command_and_option_has_help(command: list[str]) -> None:
    group = get_command(app)
    target = group.commands[command[0]] if command else group  # type: ignore[attr-defined]
    assert target.help, f"{command} has no help text"
    for param in target.params:
        if param.param_type_name == "option" or param.name not in {"ctx"}:
            assert getattr(param, "help", None), f"{command} {param.name} has no help text"
    result = invoke_help(command)
    assert result.exit_code == 0
    assert all(len(line) <= 80 for line in result.stdout.splitlines()), result.stdout


def invoke_help(command: list[str]) -> typer.testing.Result:
    from typer.testing import CliRunner

    return CliRunner().invoke(app, [*command, "--help"], prog_name="rect")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_no_arguments_shows_help(invoke: Invoke) -> None:
    result = invoke(as_of=None)
    assert "Usage: rect [OPTIONS] COMMAND [ARGS]..." in result.output


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_bad_as_of(invoke: Invoke, mini: Path) -> None:
    result = invoke("status", file=mini, as_of="2024-13-01")
    assert result.exit_code == 2
    assert result.stderr == "error: --as-of: '2024-13-01' is not a date; write it as 2024-06-30\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_bad_lang(invoke: Invoke, mini: Path) -> None:
    result = invoke("status", file=mini, lang="fr")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown language 'fr'; use zh or en\n"


def test_environment_variables(invoke: Invoke, mini: Path) -> None:
    env = {"RECT_FILE": str(mini), "RECT_TODAY": "2024-02-01", "RECT_LANG": "en"}
    result = invoke("check", as_of=None, env=env)
    assert (result.exit_code, result.stdout) == (0, f"{mini}: valid, 4 measures.\n")


def test_finds_data_walking_up(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    result = invoke("check", "--format", "json", as_of="2024-01-01")
    assert result.exit_code == 0, result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_no_data_found(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("status")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no data/tasks.yaml found in {tmp_path} or any directory above it; run rect "
        "inside a project, or name the file with --file PATH\n"
    )


def test_usage_error_exits_2(invoke: Invoke) -> None:
    result = invoke("list", "--format", "xml", lang="en")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
    chinese = invoke("list", "--format", "xml")  # the default: click's words too
    assert (chinese.exit_code, chinese.stderr.splitlines()[-1]) == (
        2,
        "错误：--format 的值无效：“xml”不是 'table', 'json', 'csv' 之一。",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    rect = shutil.which("rect")
    command = [rect] if rect else [sys.executable, "-m", "rectcli"]
    bad = tmp_path / "tasks.yaml"
    bad.write_text("plan: [\n", encoding="utf-8")
    (tmp_path / "units.yaml").write_text("units: []\n", encoding="utf-8")
    done = subprocess.run(
        [*command, "--file", str(bad), "status"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{bad}:2:1: error: invalid YAML")


def test_completion_of_ids_and_units(mini: Path) -> None:
    from rectcli.cli.options import complete_ids, complete_units

    root = typer.Context(get_command(app))
    root.params["file"] = str(mini)
    assert complete_ids(root, "1.") == ["1.1", "1.2", "1.3"]
    assert complete_units(root, "池") == ["池北区", "池南区"]
    root.params["file"] = str(mini.parent / "missing.yaml")
    assert complete_ids(root, "") == []


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("rect show 1.", ["1.1", "1.2", "1.3"]),
        ("rect sta", ["status"]),
        # an unknown command: the shell is offered the root's options, never an error
        (
            "rect nosuch --",
            [
                "--file",
                "--as-of",
                "--lang",
                "--no-cache",
                "--debug",
                "--version",
                "--install-completion",
                "--show-completion",
                "--help",
            ],
        ),
    ],
)
def test_shell_completion(invoke: Invoke, mini: Path, words: str, expected: list[str]) -> None:
    env = {
        "_RECT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "RECT_FILE": str(mini),
    }
    result = invoke(as_of=None, env=env)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected
