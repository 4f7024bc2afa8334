"""gitio.py: how rect's git commands fail (no git, a binary file, a locked config).

What they do when git works is tested where they are used: tests/test_merge_git.py
(merge-driver, init-git), tests/test_semdiff.py and tests/test_revisions.py (diff).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rectcli.history.git import user_name
from tests.helpers import Invoke

NO_GIT = "error: git is not installed (or not on PATH); this command needs it\n"


@pytest.fixture
def no_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH on which there is no git."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.usefixtures("no_git")
def test_diff_without_git(invoke: Invoke, mini: Path) -> None:
    result = invoke("diff", "HEAD", file=mini)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NO_GIT)


@pytest.mark.usefixtures("no_git")
def test_mark_without_git_is_by_the_login_name(
    invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "tester")
    assert user_name(mini.parent) is None
    result = invoke("mark", "2.1", "doing", file=mini)
    assert result.exit_code == 0, result.output
    assert "          - {date: 2024-05-01, status: doing, by: tester}\n" in mini.read_text(
        encoding="utf-8"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_merge_driver_refuses_binary_versions(invoke: Invoke, tmp_path: Path) -> None:
    paths = []
    for name, tail in (("O", b"\0\n"), ("A", b"\0a\n"), ("B", b"\0b\n")):
        (tmp_path / name).write_bytes(b"tasks: []\n" + tail)
        paths.append(str(tmp_path / name))
    result = invoke("merge-driver", *paths, "data/tasks.yaml", as_of=None)
    assert (result.exit_code, result.stderr) == (
        2,
        "error: git merge-file failed: it cannot merge binary files (a NUL byte in one of "
        "the versions)\n",
    )
    assert (tmp_path / "A").read_bytes() == b"tasks: []\n\0a\n"  # ours as it was


def test_init_git_with_the_config_locked(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".git" / "config.lock").touch()  # another git is writing it
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "en", "init-git", as_of=None)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: git config merge.rect.name failed: error: could not lock config file "
        ".git/config: File exists\n"
    )
