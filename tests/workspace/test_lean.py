"""A cached read of a workspace imports neither YAML nor pydantic, as one list's does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import Invoke
from tests.workspace.conftest import Setup

LEAN = """
for heavy in ('pydantic', 'yaml', 'rectcli.model.shapes'):
    assert heavy not in sys.modules, heavy
"""


def run_rect(setup: Setup, *args: str, then: str = "") -> str:
    argv = ["rect", "--workspace", str(setup.workspace), "--as-of", "2024-08-01", *args]
    code = (
        f"import sys; from rectcli.cli.main import main; sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code in (0, 1), exit.code\n"
        + then
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    "args", [["status"], ["list", "--overdue", "--format", "json"], ["check"], ["overdue"]]
)
def test_cached_workspace_reads_are_lean(invoke: Invoke, setup: Setup, args: list[str]) -> None:
    assert invoke("--workspace", str(setup.workspace), "sync").exit_code == 0
    first = run_rect(setup, *args)  # parses the lists and the workspace file
    assert run_rect(setup, *args, then=LEAN) == first
    assert "乙市" in first
