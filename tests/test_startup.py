"""The console script builds only the command it runs, and says the same as the full app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command, get_command_name
from typer.testing import CliRunner

from rectcli.app import VALUED_OPTIONS, _command_word, build_only
from rectcli.cli import app


def names() -> list[str]:
    """The names of the commands the app will build."""
    return [
        i.name or get_command_name(getattr(i.callback, "__name__", ""))
        for i in app.registered_commands
    ]


@pytest.fixture
def pruned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Lets a test prune the app (its commands are put back afterwards); all names."""
    monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))
    return names()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), prog_name="rect")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "args, word",
    [
        ([], None),
        (["--help"], None),
        (["status"], "status"),
        (["--as-of", "list", "status"], "status"),  # an option's value is not the command
        (["-f", "x.yaml", "--lang", "en", "list", "--overdue"], "list"),
        (["--file=x.yaml", "--no-cache", "check"], "check"),
        (["--", "list"], None),
    ],
)
def test_the_command_word_is_found_after_the_root_options(
    args: list[str], word: str | None
) -> None:
    assert _command_word(args) == word


def test_root_options_with_values_are_all_known() -> None:
    root = get_command(app)
    valued = {o for p in root.params if not getattr(p, "is_flag", False) for o in p.opts}
    assert valued == VALUED_OPTIONS


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"]])
def test_the_command_list_reads_as_the_full_apps(pruned: list[str], args: list[str]) -> None:
    full = run(*args)
    build_only(app, args)
    assert names() == pruned
    assert run(*args) == full


def test_only_the_named_command_is_built(pruned: list[str], mini: Path) -> None:
    args = ["--file", str(mini), "--as-of", "2024-05-01", "list", "--format", "json"]
    full, full_help = run(*args), run("list", "--help")
    build_only(app, args)
    assert names() == ["list"]
    assert run(*args) == full
    assert run("list", "--help") == full_help


def test_an_unknown_command_keeps_all_for_the_suggestion(pruned: list[str]) -> None:
    full = run("lsit")
    build_only(app, ["lsit"])
    assert names() == pruned
    assert run("lsit") == full


def test_completion_sees_every_command(pruned: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_RECT_COMPLETE", "complete_bash")
    build_only(app, ["status"])
    assert names() == pruned
