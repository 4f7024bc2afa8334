"""The parse cache: reused only for the very same files, rebuilt when stale or corrupt."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import write_list
from rectcli import store
from rectcli.edits.apply import apply_marks as record
from rectcli.edits.mark import Entry
from rectcli.errors import RectError
from rectcli.model.checklist import Checklist
from rectcli.queries.agenda import duty_rows
from rectcli.queries.rows import dashboard, measure_rows
from rectcli.statuses import STATUSES
from rectcli.store import cache, loading
from rectcli.yamltext.lines import task_chunks
from tests.helpers import Invoke

Parses = list[Path]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    """The task lists store.load really parsed (not served from the cache)."""
    seen: Parses = []
    real = loading._parse_files

    def counting(tasks_path: Path) -> Checklist:
        seen.append(tasks_path)
        return real(tasks_path)

    monkeypatch.setattr(loading, "_parse_files", counting)
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
    changed = text.replace("方案已印发", "方案已下发", 1)  # same length
    assert changed != text and len(changed.encode()) == len(text.encode())
    mini.write_text(changed, encoding="utf-8")
    os.utime(mini, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = mini.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    checklist = store.load(mini)

    assert len(parses) == 2
    found = checklist.find("1.2")
    assert found is not None and found[1] is not None
    assert found[1].progress[0].note == "方案已下发"


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
    monkeypatch.setattr(loading, "_code_stamp", lambda: b"another version of rect")
    store.load(mini)
    assert len(parses) == 2


def test_the_code_stamp_covers_all_of_rect_not_only_the_store() -> None:
    lines = loading._code_stamp().decode().splitlines()
    stamped = {Path(line.split(":")[0]).as_posix() for line in lines}
    expected = {"cli/main.py", "model/checklist.py", "cli/commands/edit.py", "store/loading.py"}
    assert expected <= stamped


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
    secret = b"s" * 32
    entry = cache.pack(key, checklist, secret)
    unpacked = cache.unpack(key, entry, secret)
    assert unpacked is not None and same(unpacked, checklist)
    assert cache.unpack(b"j" * 32, entry, secret) is None
    assert cache.unpack(key, entry, b"t" * 32) is None  # another user's secret
    not_a_checklist = pickle.dumps({"plan": {}})
    mac = hmac.new(secret, cache.MAGIC + key + not_a_checklist, hashlib.sha256).digest()
    assert cache.unpack(key, cache.MAGIC + key + mac + not_a_checklist, secret) is None


def test_cache_dir_follows_the_environment(tmp_path: Path) -> None:
    home = Path.home()
    assert cache.cache_dir({}) == home / ".cache" / "rect"
    assert cache.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/rect")
    assert cache.cache_dir({"XDG_CACHE_HOME": "/x", "RECT_CACHE_DIR": "/y"}) == Path("/y")


# ---- lazy parts: list, check and overdue need no models ----


def test_a_cached_checklist_unpickles_its_models_only_when_asked(mini: Path) -> None:
    fresh = store.load(mini)
    cached = store.load(mini)
    assert not {"file", "positions", "deadlines", "files"} & set(vars(cached))
    day = date(2024, 7, 1)
    assert measure_rows(cached, day) == measure_rows(fresh, day)
    assert "file" not in vars(cached)  # the rows came from the facts alone
    assert same(cached, fresh) and cached.files == fresh.files
    assert "file" in vars(cached)


def test_a_cached_dashboard_needs_no_models(shipped: Path) -> None:
    fresh = store.load(shipped)
    cached = store.load(shipped)
    day = date(2025, 1, 10)
    duties = duty_rows(cached, day)
    assert len(duties) == 7 and duties == duty_rows(fresh, day)
    assert dashboard(cached, day, duties=duties) == dashboard(fresh, day, duties=duties)
    assert cached.outline() == fresh.outline()
    assert cached.outline().tasks[1] == (
        "2",
        "个别部门对生态环境损害赔偿工作认识不足，责任落实不到位",
    )
    assert "file" not in vars(cached)


# ---- patches: rect mark keeps the entry good (see cache.Patch) ----


def patches_of(tasks: Path) -> Path:
    return entry_of(tasks).with_suffix(".patches")


LATER = "2024-12-31"  # after every entry of the fixtures: each mark is allowed


def json_list(invoke: Invoke, tasks: Path, *options: str) -> str:
    result = invoke(*options, "list", "--format", "json", file=tasks, as_of=LATER)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_mark_then_list_from_the_cache_equals_a_fresh_parse(
    mini: Path, parses: Parses, invoke: Invoke
) -> None:
    json_list(invoke, mini)  # parses, writes the entry
    marks = (
        ["1.2", "doing", "--note", "开始", "--reopen"],
        ["2", "done", "--all", "--note", "完成"],
    )
    for args in marks:
        result = invoke("mark", *args, "--by", "测试", file=mini, as_of=LATER)
        assert result.exit_code == 0, result.output
        cached = json_list(invoke, mini)
        assert cached == json_list(invoke, mini, "--no-cache")
    assert parses == [mini, mini, mini]  # the first list and each --no-cache: no other
    assert patches_of(mini).is_file()
    assert same(store.load(mini), store.load(mini, use_cache=False))


def test_a_hand_edit_after_a_mark_is_parsed(mini: Path, parses: Parses, invoke: Invoke) -> None:
    store.load(mini)
    assert invoke("mark", "1.3", "doing", "--by", "测试", file=mini, as_of=LATER).exit_code == 0
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("已清运约一半", "已清运大部分", 1), encoding="utf-8")
    assert same(store.load(mini), store.load(mini, use_cache=False))
    assert len(parses) == 3  # the first, after the hand edit, and the fresh one


def test_marks_without_the_cache_leave_no_patch(mini: Path, parses: Parses, invoke: Invoke) -> None:
    store.load(mini)
    result = invoke("--no-cache", "mark", "1.3", "doing", "--by", "测试", file=mini, as_of=LATER)
    assert result.exit_code == 0, result.output
    assert not patches_of(mini).exists()
    store.load(mini)
    assert len(parses) == 2


def test_a_plain_mark_on_a_measure_with_duties_is_patched(
    shipped: Path, parses: Parses, invoke: Invoke
) -> None:
    store.load(shipped)
    args = ["mark", "1.5", "doing", "--note", "季度调度", "--by", "测试", "--date", "2024-12-20"]
    assert invoke(*args, file=shipped, as_of="2025-01-10").exit_code == 0
    cached, fresh = store.load(shipped), store.load(shipped, use_cache=False)
    day = date(2025, 1, 10)
    assert duty_rows(cached, day) == duty_rows(fresh, day)
    assert len(duty_rows(cached, day)) == 5  # the entry counts for every duty of 1.5
    assert "file" not in vars(cached)  # the patch carried the facts, not just the model
    assert same(cached, fresh) and len(parses) == 2  # the first load and the fresh one


def test_a_mark_naming_a_duty_is_parsed_again(
    shipped: Path, parses: Parses, invoke: Invoke
) -> None:
    store.load(shipped)
    args = ["mark", "1.5", "doing", "--duty", "每季度", "--by", "测试", "--date", "2024-06-30"]
    result = invoke(*args, file=shipped, as_of="2024-07-01")
    assert result.exit_code == 0, result.output
    assert not patches_of(shipped).exists()  # its entry could make the list invalid
    assert same(store.load(shipped), store.load(shipped, use_cache=False))
    assert len(parses) == 3


def test_a_corrupt_patch_file_is_ignored(mini: Path, parses: Parses, invoke: Invoke) -> None:
    store.load(mini)
    assert invoke("mark", "1.3", "doing", "--by", "测试", file=mini, as_of=LATER).exit_code == 0
    data = patches_of(mini).read_bytes()
    patches_of(mini).write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert same(store.load(mini), store.load(mini, use_cache=False))
    assert len(parses) == 3


def test_past_max_patches_the_next_load_parses(
    mini: Path, parses: Parses, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_PATCHES", 2)
    store.load(mini)
    for status in ("doing", "done"):
        assert invoke("mark", "1.3", status, "--by", "测试", file=mini, as_of=LATER).exit_code == 0
        store.load(mini)
    assert len(parses) == 1
    assert invoke("mark", "2.1", "doing", "--by", "测试", file=mini, as_of=LATER).exit_code == 0
    store.load(mini)
    assert len(parses) == 2


def split_in_two(tasks: Path) -> Path:
    """Move the second half of a list's tasks to tasks/rest.yaml beside it (a shard)."""
    text = tasks.read_text(encoding="utf-8")
    found = task_chunks(text)
    assert found is not None
    cut = found[2][len(found[2]) // 2]
    tasks.write_text(text[:cut], encoding="utf-8")
    (tasks.parent / "tasks").mkdir()
    (tasks.parent / "tasks" / "rest.yaml").write_text("tasks:\n" + text[cut:], encoding="utf-8")
    return tasks


DAY = date(2030, 1, 1)  # after every generated entry
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["one", "all", "batch"]),
        st.lists(st.integers(0, 10_000), min_size=1, max_size=4),
        st.sampled_from(STATUSES),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25, deadline=None, database=None)
@given(steps=STEPS, sharded=st.booleans())
def test_any_marks_leave_the_cache_equal_to_a_fresh_parse(
    steps: list[tuple[str, list[int], str]], sharded: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        tasks = write_list(Path(tmp) / "data", 12, seed=len(steps))
        if sharded:
            split_in_two(tasks)
        patch.chdir(tmp)
        counted: Parses = []
        real = loading._parse_files
        patch.setattr(loading, "_parse_files", lambda p: counted.append(p) or real(p))
        measures = [m.id for _, m in store.load(tasks).measures()]
        task_ids = [t.id for t in store.load(tasks).file.tasks]
        recorded = 0
        for kind, picks, status in steps:
            entry = Entry(DAY, status, note="回头看", evidence="e.pdf")  # type: ignore[arg-type]
            if kind == "all":
                marks, whole = [(task_ids[picks[0] % len(task_ids)], entry)], True
            else:
                ids = [measures[p % len(measures)] for p in picks[: 1 if kind == "one" else 4]]
                marks, whole = [(i, entry) for i in ids], False
            try:
                record(tasks, marks, whole_task=whole)
            except RectError:
                continue  # refused by the office's rules: nothing written
            recorded += 1
            cached, fresh = store.load(tasks), store.load(tasks, use_cache=False)
            assert same(cached, fresh) and cached.files == fresh.files
            assert cached.measure_facts() == fresh.measure_facts()
        assert len(counted) == 1 + recorded  # the first, then only the fresh ones
