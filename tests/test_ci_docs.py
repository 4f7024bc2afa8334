"""docs/ci.md's GitHub Actions and GitLab CI examples and .pre-commit-hooks.yaml: their
rect commands run, as a shell would run them, against copies of the data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import FIXTURES, ROOT, SHIPPED_DATA

CI_DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", CI_DOC, re.DOTALL)]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def rect_lines(commands: list[str]) -> list[str]:
    return [line for text in commands for line in text.splitlines() if line.startswith("rect ")]


def github_example() -> tuple[dict[str, str], list[str]]:
    workflow = next(b for b in BLOCKS if "jobs" in b)
    job = workflow["jobs"]["check"]
    return job["env"], rect_lines([step["run"] for step in job["steps"] if "run" in step])


def gitlab_example() -> tuple[dict[str, str], list[str]]:
    job: dict[str, Any] = next(b for b in BLOCKS if "rect" in b)["rect"]
    return job["variables"], rect_lines(job["script"])


def test_the_examples_are_what_the_tests_run() -> None:
    assert github_example() == (
        {"TZ": "Asia/Shanghai"},
        ["rect fmt --check", "rect check --format github --warn-within 14d"],
    )
    assert gitlab_example() == (
        {"TZ": "Asia/Shanghai"},
        [
            "rect check --format junit --fail-on never > rect-junit.xml",
            "rect check --warn-within 14d",
        ],
    )
    assert [h["id"] for h in HOOKS] == ["rect-check", "rect-fmt", "rect-fmt-check"]
    config = next(b for b in BLOCKS if "repos" in b)
    assert [h["id"] for h in config["repos"][0]["hooks"]] == ["rect-fmt", "rect-check"]
    assert config["repos"][0]["rev"] == "v0.2.0"


def repository(tmp_path: Path, data: Path) -> Path:
    """A repository that keeps its task list in data/, as the examples expect."""
    repo = tmp_path / "repo"
    shutil.copytree(data, repo / "data")
    return repo


def run(line: str, repo: Path, env: dict[str, str], today: str) -> int:
    environ = {**os.environ, **env, "RECT_TODAY": today, "RECT_NO_CACHE": "1"}
    for name in ("RECT_FILE", "RECT_LANG"):
        environ.pop(name, None)
    done = subprocess.run(
        line, shell=True, cwd=repo, env=environ, capture_output=True, text=True, check=False
    )
    assert not done.stderr or done.returncode == 2, done.stderr
    return done.returncode


@pytest.mark.parametrize("example", [github_example, gitlab_example])
def test_the_gate_fails_on_overdue_items(tmp_path: Path, example: Any) -> None:
    env, lines = example()
    repo = repository(tmp_path, SHIPPED_DATA)
    codes = [run(line, repo, env, "2024-05-01") for line in lines]
    # fmt passes and a report step never fails; the gate itself fails: 11 measures overdue
    assert codes == [0, 1]
    if example is gitlab_example:
        report = ET.parse(repo / "rect-junit.xml").getroot()
        # 43 measures and 5 recurring duties; 11 measures overdue on 2024-05-01
        assert (report.get("tests"), report.get("failures")) == ("48", "11")


@pytest.mark.parametrize("example", [github_example, gitlab_example])
def test_the_gate_passes_when_nothing_is_overdue(tmp_path: Path, example: Any) -> None:
    env, lines = example()
    repo = repository(tmp_path, FIXTURES / "calendar")
    assert [run(line, repo, env, "2024-04-12") for line in lines] == [0, 0]


@pytest.mark.parametrize("example", [github_example, gitlab_example])
def test_invalid_data_stops_the_gate(tmp_path: Path, example: Any) -> None:
    env, lines = example()
    repo = repository(tmp_path, FIXTURES / "calendar")
    tasks = repo / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("status: todo", "status: ?", 1))
    gates = [line for line in lines if line.startswith("rect check")]
    assert [run(line, repo, env, "2024-04-12") for line in gates] == [2] * len(gates)


def test_the_pre_commit_hooks(tmp_path: Path) -> None:
    config = next(b for b in BLOCKS if "repos" in b)
    args = {h["id"]: h.get("args", []) for h in config["repos"][0]["hooks"]}
    commands = {h["id"]: " ".join([h["entry"], *args.get(h["id"], [])]) for h in HOOKS}
    assert commands == {
        "rect-check": "rect check --fail-on never",
        "rect-fmt": "rect fmt",
        "rect-fmt-check": "rect fmt --check",
    }
    for hook in HOOKS:  # the files that trigger each hook
        assert re.search(hook["files"], "data/tasks.yaml")
    assert re.search(HOOKS[0]["files"], "data/policy.yaml")
    clean = repository(tmp_path / "clean", FIXTURES / "calendar")
    late = repository(tmp_path / "late", SHIPPED_DATA)
    # no hook fails on overdue items: 11 measures are overdue in `late`
    for line in commands.values():
        assert run(line, clean, {}, "2024-04-12") == 0
        assert run(line, late, {}, "2024-05-01") == 0
    tasks = clean / "data" / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("units: [住建局]", "units:  [住建局]")
    )
    assert run(commands["rect-fmt-check"], clean, {}, "2024-04-12") == 1
    assert run(commands["rect-fmt"], clean, {}, "2024-04-12") == 0  # it fixes the file
    assert run(commands["rect-fmt-check"], clean, {}, "2024-04-12") == 0
