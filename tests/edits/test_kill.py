"""SIGKILL at any moment leaves the list whole and the parse cache honest.

``rect mark`` is killed at random moments (many runs): the file is then exactly the
old one or exactly the marked one, and a load through the cache gives what a fresh
parse gives. ``rect list`` (which writes the cache) is killed the same way.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import write_list
from rectcli import store
from rectcli.edits.mark import Entry, mark
from rectcli.model.checklist import Checklist

# Slow (kill -9 and fuzzing): CI runs them; `pytest -m 'not slow'` skips them while you work.
pytestmark = pytest.mark.slow

RUNS = int(os.environ.get("RECT_KILL_RUNS", "30"))
DAY = date(2030, 1, 1)  # after every generated entry, so each mark is allowed


def command(path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rectcli", "--file", str(path), "--as-of", str(DAY), *args]


def rect(path: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command(path, *args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def same(a: Checklist, b: Checklist) -> bool:
    return (a.file, a.positions, a.deadlines) == (b.file, b.positions, b.deadlines)


def killed(process: subprocess.Popen[bytes], after: float) -> None:
    time.sleep(after)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writers_leave_old_or_new_never_half(tmp_path: Path) -> None:
    path = write_list(tmp_path / "data", 300, seed=6)
    ids = [m.id for _, m in store.load(path).measures()]
    for _ in range(2):  # the second run is warm, like the killed ones
        started = time.monotonic()
        timed = subprocess.run(
            command(path, "mark", ids[0], "doing", "--note", "计时", "--by", "测试", "--reopen"),
            capture_output=True,
            check=False,
        )
        assert timed.returncode == 0, timed.stderr.decode()
    span = time.monotonic() - started  # kill anywhere in a whole run
    rng = random.Random(6)
    outcomes = {"old": 0, "new": 0}
    for run in range(RUNS):
        before = path.read_bytes()
        text = before.decode("utf-8")
        if run % 3 == 2:  # the cache writer
            killed(rect(path, "list", "--format", "json"), rng.uniform(0, span))
            assert path.read_bytes() == before
        else:
            item = rng.choice(ids)
            entry = Entry(DAY, "doing", note=f"第{run}次", by="测试")
            shown = store.display_path(path)
            expected = mark(text, shown, item, entry, reopen=True).text.encode("utf-8")
            args = ["mark", item, "doing", "--note", entry.note or "", "--by", "测试", "--reopen"]
            killed(rect(path, *args), rng.uniform(0, span))
            after = path.read_bytes()
            assert after in (before, expected), f"run {run}: a partial or foreign file"
            outcomes["old" if after == before else "new"] += 1
        cached, fresh = store.load(path), store.load(path, use_cache=False)
        assert same(cached, fresh), f"run {run}: the cache served a stale list"
        assert store.load(path).file == fresh.file  # and the entry it wrote reads back
    assert outcomes["old"] and outcomes["new"], outcomes  # kills landed before and after
