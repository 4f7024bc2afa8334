"""Workspaces over member repositories made here: bare remotes on the local filesystem,
each pushed from a working clone the tests commit to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

MEMBERS = {"甲市": "jia", "乙市": "yi", "丙市": "bing"}

# The upper level: a made-up provincial list whose units are the cities.
UPPER_TASKS = """\
plan:
  title: XX省第二轮生态环境保护督察整改方案
  issued: 2024-04-01
tasks:
  - id: "12"
    title: 建筑垃圾处置不规范
    units: [各市]
    deadline: 2024年12月底前
    measures:
      - id: "12.1"
        text: 各市完成存量建筑垃圾清理。
      - id: "12.2"
        text: 甲市制定建筑垃圾管理办法。
        units: [甲市]
  - id: "13"
    title: 渗滤液处理不及时
    units: [乙市, 丙市]
    deadline: 2024年6月底前
    measures:
      - id: "13.1"
        text: 乙市、丙市完成渗滤液处理。
"""
UPPER_UNITS = """\
units:
  - name: 甲市
    kind: government
  - name: 乙市
    kind: government
  - name: 丙市
    kind: government
groups:
  - name: 各市
    members: [甲市, 乙市, 丙市]
"""


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


@dataclass
class Member:
    name: str
    work: Path  # a working clone: edit, commit, push
    remote: Path  # the bare remote the workspace names

    @property
    def tasks(self) -> Path:
        return self.work / "data" / "tasks.yaml"

    def commit(self, message: str) -> None:
        git("commit", "-qam", message, cwd=self.work)
        git("push", "-q", "origin", "HEAD:main", cwd=self.work)

    def edit(self, old: str, new: str) -> None:
        text = self.tasks.read_text(encoding="utf-8")
        assert old in text
        self.tasks.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Setup:
    root: Path
    workspace: Path
    members: dict[str, Member]
    upper: Path


@pytest.fixture(autouse=True)
def _git_identity(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The user's own git config must not change what these tests see.
    config = tmp_path_factory.mktemp("gitconfig") / "config"
    config.write_text(
        "[user]\n\tname = 测试\n\temail = t@example.org\n[init]\n\tdefaultBranch = main\n"
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def make_member(root: Path, name: str, slug: str, parents: dict[str, str]) -> Member:
    """A member repository: the mini list, with ``parent:`` set on the measures named."""
    work = root / "work" / slug
    (work / "data").mkdir(parents=True)
    for file in ("tasks.yaml", "units.yaml"):
        shutil.copy(FIXTURES / "mini" / file, work / "data" / file)
    tasks = work / "data" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    for item, parent in parents.items():
        line = f'      - id: "{item}"\n' if "." in item else f'  - id: "{item}"\n'
        indent = " " * (line.index("-") + 2)
        text = text.replace(line, f'{line}{indent}parent: "{parent}"\n', 1)
    tasks.write_text(text, encoding="utf-8")
    remote = root / "remotes" / f"{slug}.git"
    git("init", "-q", "-b", "main", cwd=work)
    git("add", ".", cwd=work)
    git("commit", "-qm", "init", cwd=work)
    git("init", "-q", "--bare", "-b", "main", str(remote), cwd=root)
    git("remote", "add", "origin", str(remote), cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    return Member(name, work, remote)


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    """Three member repositories (甲市 乙市 丙市), the upper list, and workspace.yaml."""
    parents = {
        "甲市": {"1.1": "12.1", "1.2": "12.2"},
        "乙市": {"1.1": "12.1", "2": "13.1"},
        "丙市": {},
    }
    members = {
        name: make_member(tmp_path, name, slug, parents[name]) for name, slug in MEMBERS.items()
    }
    upper = tmp_path / "province" / "data"
    upper.mkdir(parents=True)
    (upper / "tasks.yaml").write_text(UPPER_TASKS, encoding="utf-8")
    (upper / "units.yaml").write_text(UPPER_UNITS, encoding="utf-8")
    lines = ["title: XX省第二轮督察整改", "upper:", "  path: province/data/tasks.yaml", "members:"]
    for name, member in members.items():
        lines += [f"  - name: {name}", f"    git: remotes/{member.remote.name}"]
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Setup(tmp_path, workspace, members, upper / "tasks.yaml")


def rect(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI in a process of its own, in ``cwd`` (as a user runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "rectcli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
