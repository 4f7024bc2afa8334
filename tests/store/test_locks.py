"""store.locks: the writers' lock; real processes racing for it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from rectcli import store
from rectcli.errors import RectError
from tests.helpers import FIXTURES

RECT = [sys.executable, "-m", "rectcli"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "commented", tmp_path / "data")
    return tmp_path / "data" / "tasks.yaml"


def test_lock_excludes_a_second_writer_until_released(data: Path) -> None:
    events: list[str] = []

    def second() -> None:
        with store.locked(data):
            events.append("second")

    with store.locked(data):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.2)
        events.append("first done")
    thread.join(5)
    assert events == ["first done", "second"]
    assert store.lock_file_for(data).name == ".tasks.yaml.lock"
    assert not store.lock_file_for(data).exists()  # removed by its last holder


def test_lock_gives_up_after_its_timeout(data: Path) -> None:
    # flock belongs to an open file: a second open, even in this process, must wait.
    with store.locked(data), pytest.raises(RectError) as caught, store.locked(data, timeout=0.1):
        pass
    assert str(caught.value).endswith(
        "data/.tasks.yaml.lock: error: another rect process has held this lock for 0 s; "
        "wait for it to finish, or end it"
    )


def test_lock_on_a_missing_file_names_the_file(tmp_path: Path) -> None:
    with (
        pytest.raises(RectError, match=r"nope\.yaml: error: no such file"),
        store.locked(tmp_path / "nope.yaml"),
    ):
        pass


def test_eight_parallel_marks_lose_nothing(data: Path) -> None:
    before = data.read_text(encoding="utf-8")
    base = ["--file", str(data), "--as-of", "2024-06-01", "mark", "2.1", "doing"]
    processes = [
        subprocess.Popen(
            [*RECT, *base, "--note", f"第{n}批", "--by", f"p{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(8)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 8, results
    measure = yaml.safe_load(data.read_text(encoding="utf-8"))["tasks"][1]["measures"][0]
    assert sorted(e["note"] for e in measure["progress"]) == [f"第{n}批" for n in range(8)]
    assert data.read_text(encoding="utf-8").count("status: doing, note: 第") == 8
    head = before.split('      - id: "2.1"')[0]
    assert data.read_text(encoding="utf-8").startswith(head)  # nothing above 2.1 moved
    assert [
        p.name for p in data.parent.iterdir() if p.name.startswith(".")
    ] == []  # no lock, no temp
