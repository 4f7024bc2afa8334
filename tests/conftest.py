"""Shared fixtures: a runner for the real CLI and copies of the data to work on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from rectcli.cli.main import app
from tests.helpers import FIXTURES, ROOT, SEED_PLAN, SHIPPED_DATA, Invoke  # noqa: F401  (re-exported)

# A CI run must be reproducible: property tests draw the same examples every run.
# RECT_HYPOTHESIS=random explores new ones (do that when changing a parser or an editor).
settings.register_profile(
    "rect", derandomize=os.environ.get("RECT_HYPOTHESIS") != "random", database=None
)
settings.load_profile("rect")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # The user's environment must not leak into exact-output tests.
    for name in ("RECT_FILE", "RECT_TODAY", "RECT_LANG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    # An English locale would make English the default (issue 16): tests pin a neutral one.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages and help in English: for tests written when English was the default (the
    default is Chinese since issue 16); `pytestmark = pytest.mark.usefixtures("english")`."""
    monkeypatch.setenv("RECT_LANG", "en")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each test gets an empty parse cache of its own, never the user's ~/.cache/rect.
    monkeypatch.delenv("RECT_NO_CACHE", raising=False)
    monkeypatch.setenv("RECT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    # and a cache key of its own (issue 14), never the user's ~/.config/rect/cache.key.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fixture list; returns its tasks.yaml."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target / "tasks.yaml"


@pytest.fixture
def calendar_data(tmp_path: Path) -> Path:
    """A copy of the working-day/policy fixture list; returns its tasks.yaml."""
    target = tmp_path / "calendar"
    shutil.copytree(FIXTURES / "calendar", target)
    return target / "tasks.yaml"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped data/; returns its tasks.yaml."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, target)
    return target / "tasks.yaml"


@pytest.fixture
def invoke() -> Invoke:
    """Run the real CLI: invoke("list", file=path, as_of="2024-05-01")."""
    runner = CliRunner()

    def run(
        *args: str,
        file: Path | None = None,
        as_of: str | None = "2024-05-01",
        lang: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Result:
        options: list[str] = []
        if file is not None:
            options += ["--file", str(file)]
        if as_of is not None:
            options += ["--as-of", as_of]
        if lang is not None:
            options += ["--lang", lang]
        return runner.invoke(app, [*options, *args], env=env, prog_name="rect")

    return run
