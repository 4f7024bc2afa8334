"""store.files: raw reads, atomic writes; a real process killed in the middle of one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rectcli import store
from rectcli.errors import RectError
from tests.helpers import FIXTURES

RECT = [sys.executable, "-m", "rectcli"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "commented", tmp_path / "data")
    return tmp_path / "data" / "tasks.yaml"


def test_read_raw_keeps_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert store.read_raw(path) == "\ufeffa: 1\r\nb: 2\r\n"
    path.write_bytes("a: 中\n".encode("gb18030"))
    with pytest.raises(RectError, match="looks like GBK/GB18030"):
        store.read_raw(path)


def test_write_atomic_writes_exactly_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    store.write_atomic(path, "\ufeffnew\r\n中\r\n")
    assert path.read_bytes() == "\ufeffnew\r\n中\r\n".encode()
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.yaml"]  # no temp file left


def test_write_atomic_failure_is_one_line_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("old\n", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(RectError) as caught:
        store.write_atomic(path, "new\n")
    assert str(caught.value).endswith("t.yaml: error: cannot write: Permission denied")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.yaml"]  # the temp file removed


CRASH = textwrap.dedent(
    """
    import os, signal, sys
    from rectcli.cli.main import main

    def killed(src, dst):  # the new text is on disk, the rename has not happened
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = killed
    sys.argv = ["rect", *sys.argv[1:]]
    main()
    """
)


def test_a_process_killed_before_the_rename_leaves_the_old_file(data: Path) -> None:
    before = data.read_bytes()
    args = ["--file", str(data), "--as-of", "2024-06-01", "mark", "2.1", "doing", "--by", "x"]
    crashed = subprocess.run([sys.executable, "-c", CRASH, *args], capture_output=True, timeout=60)
    assert crashed.returncode == -signal.SIGKILL
    assert data.read_bytes() == before
    leftovers = [p for p in data.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1  # the half-done write, beside the untouched file
    assert b"status: doing" in leftovers[0].read_bytes()
    # The lock died with the process: the next mark goes through.
    again = subprocess.run([*RECT, *args], capture_output=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert data.read_bytes() != before
    assert not store.lock_file_for(data).exists()
