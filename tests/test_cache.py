"""The parse cache: reused only for the very same files, rebuilt when stale or corrupt."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from rectcli import cache, store
from rectcli.checklist import Checklist

from .conftest import Invoke

Parses = list[Path]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    """The task lists store.load really parsed (not served from the cache)."""
    seen: Parses = []
    real = store._parse_files

    def counting(tasks_path: Path) -> Checklist:
        seen.append(tasks_path)
        return real(tasks_path)

    monkeypatch.setattr(store, "_parse_files", counting)
    return seen


def entry_of(tasks: Path) -> Path:
    return cache.cache_dir() / cache.entry_name(tasks)


def same(a: Checklist, b: Checklist) -> bool:
    return (a.path, a.file, a.positions, a.deadlines) == (b.path, b.file, b.positions, b.deadlines)


def test_an_unchanged_list_comes_from_the_cache(mini: Path, parses: Parses) -> None:
    first = store.load(mini)
    assert entry_of(mini).is_file()
    second = store.load(mini)
    assert parses == [mini]
    assert same(first, second)
    assert second.units.canonical == first.units.canonical


def test_same_size_and_mtime_with_other_content_is_parsed_again(mini: Path, parses: Parses) -> None:
    store.load(mini)
    before = mini.stat()
    text = mini.read_text(encoding="utf-8")
    changed = text.replace("status: done", "status: todo", 1)  # same length
    assert changed != text and len(changed.encode()) == len(text.encode())
    mini.write_text(changed, encoding="utf-8")
    os.utime(mini, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = mini.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    checklist = store.load(mini)

    assert len(parses) == 2
    found = checklist.find("1.2")
    assert found is not None and found[1] is not None and found[1].status == "todo"


@pytest.mark.parametrize(
    "name, text",
    [
        ("units.yaml", None),  # edited: an alias added
        ("policy.yaml", "warn: [10]\n"),  # side files appear …
        ("holidays.yaml", "years: []\n"),
    ],
)
def test_a_changed_side_file_is_parsed_again(
    mini: Path, parses: Parses, name: str, text: str | None
) -> None:
    store.load(mini)
    side = mini.parent / name
    if text is None:
        text = side.read_text(encoding="utf-8").replace("aliases: []", "aliases: [某局]", 1)
    side.write_text(text, encoding="utf-8")
    store.load(mini)
    assert len(parses) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b[: len(b) // 2],  # torn write
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload
        lambda b: b[:30] + bytes([b[30] ^ 1]) + b[31:],  # one bit of the key
        lambda b: b"garbage" * 100,
        lambda b: cache.MAGIC + b"\0" * 64 + b"not a pickle",
    ],
    ids=["empty", "truncated", "payload bit", "key bit", "garbage", "bad pickle"],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(
    mini: Path, parses: Parses, damage: Callable[[bytes], bytes]
) -> None:
    first = store.load(mini)
    entry = entry_of(mini)
    entry.write_bytes(damage(entry.read_bytes()))
    second = store.load(mini)
    assert len(parses) == 2
    assert same(first, second)
    store.load(mini)  # rebuilt: whole again
    assert len(parses) == 2


def test_an_entry_made_by_other_code_is_stale(
    mini: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load(mini)
    monkeypatch.setattr(store, "_code_stamp", lambda: b"another version of rect")
    store.load(mini)
    assert len(parses) == 2


def test_paths_are_shown_as_from_where_rect_runs(
    mini: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini.parent)
    assert store.load(mini).path == "tasks.yaml"
    monkeypatch.chdir(mini.parent.parent)
    assert store.load(mini).path == "mini/tasks.yaml"
    assert len(parses) == 2


def test_no_cache_neither_reads_nor_writes(mini: Path, parses: Parses, invoke: Invoke) -> None:
    result = invoke("--no-cache", "status", file=mini)
    assert result.exit_code == 0, result.output
    assert not entry_of(mini).exists()
    store.load(mini)  # writes an entry …
    result = invoke("--no-cache", "status", file=mini)
    assert result.exit_code == 0, result.output
    assert len(parses) == 3  # … that --no-cache does not read


def test_cli_runs_from_the_cache(mini: Path, parses: Parses, invoke: Invoke) -> None:
    fresh = invoke("list", "--format", "json", file=mini)
    cached = invoke("list", "--format", "json", file=mini)
    assert (fresh.exit_code, cached.exit_code) == (0, 0)
    assert cached.stdout == fresh.stdout
    assert parses == [mini]


def test_an_unwritable_cache_is_skipped_silently(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RECT_CACHE_DIR", str(blocker / "rect"))
    result = invoke("status", file=mini)
    assert result.exit_code == 0
    assert result.stderr == ""


def test_writes_leave_no_temporary_files(mini: Path) -> None:
    store.load(mini)
    store.load(mini)
    assert [p.name for p in cache.cache_dir().iterdir()] == [cache.entry_name(mini)]


def test_invalid_data_is_not_cached(mini: Path, invoke: Invoke) -> None:
    mini.write_text(mini.read_text(encoding="utf-8").replace("status: done", "status: 完成", 1))
    assert invoke("status", file=mini).exit_code == 2
    assert invoke("status", file=mini).exit_code == 2
    assert not entry_of(mini).exists()


def test_unpack_wants_its_own_key_and_a_checklist(mini: Path) -> None:
    checklist = store.load(mini)
    key = b"k" * 32
    entry = cache.pack(key, checklist)
    unpacked = cache.unpack(key, entry)
    assert unpacked is not None and same(unpacked, checklist)
    assert cache.unpack(b"j" * 32, entry) is None
    not_a_checklist = pickle.dumps({"plan": {}})
    digest = hashlib.blake2b(not_a_checklist, digest_size=32).digest()
    assert cache.unpack(key, cache.MAGIC + key + digest + not_a_checklist) is None


def test_cache_dir_follows_the_environment(tmp_path: Path) -> None:
    home = Path.home()
    assert cache.cache_dir({}) == home / ".cache" / "rect"
    assert cache.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/rect")
    assert cache.cache_dir({"XDG_CACHE_HOME": "/x", "RECT_CACHE_DIR": "/y"}) == Path("/y")
