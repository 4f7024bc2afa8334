"""The console script builds only the command it runs, and says the same as the full app."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer._coercion import build_runtime_param
from typer.main import get_command, get_command_name
from typer.testing import CliRunner

from rectcli.cli.coercion import quick
from rectcli.cli.main import app
from rectcli.cli.startup import VALUED_OPTIONS, build_only, command_word


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
    assert command_word(args) == word


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


# ---- option values are coerced without pydantic, exactly as typer's adapters do ----

SAMPLES: list[object] = [
    *("", "x", "data/tasks.yaml", "./a//b", "/no/such/dir/x.yaml", "-", "~"),
    *("0", "7", "007", "100", "-1", "+3", "1_0", " 5", "1.5", "１２", "99999999999999999999"),
    *("json", "JSON", "table", "csv", "text", "junit", "overdue", "warning", "never"),
    *("html", "xlsx", "markdown", "nope", "zh", "en"),
    *(True, False, 0, 5, -3, 1.5, None),
    ("a.yaml", "b.yaml"),
    ["x"],
    (),
]


def outcome(coerce: Callable[[], object]) -> tuple[str, object]:
    try:
        return "value", coerce()
    except Exception as exc:  # the error typer reports, word for word
        return type(exc).__name__, str(exc)


def test_quick_coercion_gives_what_typer_gives(tmp_path: Path) -> None:
    group = get_command(app)
    commands = [group, *getattr(group, "commands", {}).values()]
    quickened = 0
    for command in commands:
        ctx = typer.Context(command, info_name=command.name)
        for param in command.get_params(ctx):
            fast = quick(param)
            if fast is None:
                continue
            quickened += 1
            slow = build_runtime_param(param.type_descriptor)  # type: ignore[attr-defined]
            for value in [*SAMPLES, str(tmp_path)]:
                want = outcome(lambda: slow.coerce(value, param=param, ctx=ctx))  # noqa: B023
                got = outcome(lambda: fast.coerce(value, param=param, ctx=ctx))  # noqa: B023
                assert got == want, (command.name, param.name, value)
    assert quickened > 60  # every option of every command, near enough


def test_a_command_runs_without_typers_pydantic_adapters(mini: Path) -> None:
    code = (
        "import sys; from rectcli.cli.main import main; "
        f"sys.argv = ['rect', '--file', {str(mini)!r}, '--as-of', '2024-05-01', "
        "'list', '--limit', '5', '--format', 'json', '--status', 'doing']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "assert 'typer._adapters' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '"id": "1.1"' in done.stdout


# Run after a command in its process: what a cached status must not have imported.
LEAN = """
for heavy in ('pydantic', 'yaml', 'rectcli.model.shapes'):
    assert heavy not in sys.modules, heavy
"""


def run_rect(tasks: Path, *args: str, then: str = "") -> str:
    """Run rect in a fresh interpreter, then ``then`` (Python) in the same process."""
    argv = ["rect", "--file", str(tasks), "--as-of", "2025-01-10", *args]
    code = (
        f"import sys; from rectcli.cli.main import main; sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        + then
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_cached_status_imports_neither_pydantic_nor_yaml(shipped: Path) -> None:
    first = run_rect(shipped, "status")  # parses: models and all
    assert run_rect(shipped, "status", then=LEAN) == first
    assert "常态化逾期 7" in first  # the seed's duties are evaluated from the cache


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--overdue"],
        ["overdue", "--format", "json"],
        ["check", "--fail-on", "never"],
        ["upcoming"],  # its horizon: the policy's tiers and the measures' own leads
        ["review"],
    ],
)
def test_the_other_cached_reads_import_no_models_either(shipped: Path, args: list[str]) -> None:
    first = run_rect(shipped, *args)
    assert run_rect(shipped, *args, then=LEAN) == first
    assert first.strip()


def test_status_after_a_mark_still_imports_no_models(shipped: Path) -> None:
    run_rect(shipped, "status")
    run_rect(shipped, "mark", "1.5", "doing", "--note", "季度调度", "--date", "2024-12-20")
    after = run_rect(shipped, "status", then=LEAN)  # the mark's patch, not a parse
    assert "常态化逾期 5" in after  # the entry fulfils two of 1.5's duties
    assert after == run_rect(shipped, "--no-cache", "status")
