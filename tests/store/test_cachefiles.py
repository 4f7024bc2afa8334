"""Planted caches (issue 14): a cache file rect did not write runs nothing, clobbers
nothing; a directory other users can write is not used at all."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
from pathlib import Path

import pytest

from rectcli import store
from rectcli.store import cache, cachefiles
from tests.conftest import Invoke


class Evil:
    """A pickle that, when loaded, creates the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def planted_entry(key: bytes, marker: Path, secret: bytes) -> bytes:
    """An entry with a good key whose head runs code, authenticated under ``secret``."""
    head = pickle.dumps(Evil(marker))
    payload = len(head).to_bytes(8, "little") + head
    mac = hmac.new(secret, cache.MAGIC + key + payload, hashlib.sha256).digest()
    return cache.MAGIC + key + mac + payload


def old_style_entry(key: bytes, marker: Path) -> bytes:
    """An entry as rect before issue 14 trusted it: an unkeyed digest of the payload."""
    head = pickle.dumps(Evil(marker))
    payload = len(head).to_bytes(8, "little") + head
    return cache.MAGIC + key + hashlib.blake2b(payload, digest_size=32).digest() + payload


def planted_patches(marker: Path, secret: bytes) -> bytes:
    payload = pickle.dumps(Evil(marker))
    mac = hmac.new(secret, cache.PATCHES_MAGIC + payload, hashlib.sha256).digest()
    return cache.PATCHES_MAGIC + mac + payload


def old_style_patches(marker: Path) -> bytes:
    """What rect before issue 14 trusted: an unkeyed digest anyone can compute."""
    payload = pickle.dumps(Evil(marker))
    return cache.PATCHES_MAGIC + hashlib.blake2b(payload, digest_size=32).digest() + payload


def entry_of(tasks: Path) -> Path:
    return cache.cache_dir() / cache.entry_name(tasks)


def test_a_planted_patches_file_runs_nothing(mini: Path, tmp_path: Path, invoke: Invoke) -> None:
    patches = entry_of(mini).with_suffix(".patches")
    marker = tmp_path / "pwned"
    for planted in [planted_patches(marker, os.urandom(32)), old_style_patches(marker)]:
        store.load(mini)  # a genuine entry: a planted .patches file is read beside it
        with mini.open("a", encoding="utf-8") as handle:
            handle.write("# changed: the entry is stale, the patches are consulted\n")
        patches.write_bytes(planted)
        result = invoke("status", file=mini)
        assert result.exit_code == 0, result.output
        assert not marker.exists()


def test_a_planted_entry_with_the_right_key_runs_nothing(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    store.load(mini)
    entry = entry_of(mini)
    key = cache.stored_key(entry.read_bytes())
    marker = tmp_path / "pwned"
    for planted in [planted_entry(key, marker, os.urandom(32)), old_style_entry(key, marker)]:
        entry.write_bytes(planted)
        assert invoke("status", file=mini).exit_code == 0
        assert not marker.exists()
        assert entry.read_bytes() != planted  # rebuilt by this user's rect


def test_a_world_writable_cache_dir_is_neither_read_nor_written(
    mini: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load(mini)
    key = cache.stored_key(entry_of(mini).read_bytes())
    secret = cachefiles.cache_secret()
    assert secret is not None
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("RECT_CACHE_DIR", str(shared))
    marker = tmp_path / "pwned"
    # Not even an entry under the user's own secret (copied there by someone) is read.
    for planted in [planted_entry(key, marker, secret), old_style_entry(key, marker)]:
        (shared / cache.entry_name(mini)).write_bytes(planted)
        result = invoke("status", file=mini)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert not marker.exists()
        assert (shared / cache.entry_name(mini)).read_bytes() == planted  # not written
        assert sorted(p.name for p in shared.iterdir()) == [cache.entry_name(mini)]


def test_a_cache_dir_in_a_world_writable_parent_is_not_used(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # not sticky: anyone could rename rect/ away and put theirs
    monkeypatch.setenv("RECT_CACHE_DIR", str(shared / "rect"))
    assert invoke("status", file=mini).exit_code == 0
    assert list((shared / "rect").iterdir()) == []


def test_a_committed_relative_cache_dir_runs_nothing(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    repo = mini.parent
    committed = repo / ".rect-cache"
    committed.mkdir(mode=0o755)
    committed.chmod(0o755)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("RECT_CACHE_DIR", ".rect-cache")
    store.load(mini)  # learn the key the attacker would compute
    entry = committed / cache.entry_name(mini)
    key = cache.stored_key(entry.read_bytes())
    planted_key = os.urandom(32)
    (committed / "cache.key").write_bytes(planted_key)  # committed beside: never used
    marker = tmp_path / "pwned"
    entry.write_bytes(planted_entry(key, marker, planted_key))
    entry.with_suffix(".patches").write_bytes(planted_patches(marker, planted_key))
    assert invoke("status", file=mini).exit_code == 0
    entry.write_bytes(old_style_entry(key, marker))
    assert invoke("status", file=mini).exit_code == 0
    assert not marker.exists()
    assert stat.S_IMODE(committed.stat().st_mode) == 0o700  # entries hold phone numbers
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_symlinks_planted_at_cache_names_clobber_nothing(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("the user's own file\n")
    directory = cache.cache_dir()
    entry = directory / cache.entry_name(mini)
    names = [entry, entry.with_suffix(".patches")]
    names += [entry.with_name(f"{entry.name}.{os.getpid()}.tmp")]  # rect < issue 14's name
    names += [entry.with_name(f"{entry.name}.{pid}.tmp") for pid in range(1, 200)]
    for name in names:
        name.symlink_to(victim)
    assert invoke("status", file=mini).exit_code == 0
    assert invoke("mark", "1.3", "doing", "--by", "测试", file=mini).exit_code == 0
    assert invoke("status", file=mini).exit_code == 0
    assert victim.read_text() == "the user's own file\n"
    assert not entry.is_symlink() and entry.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("mode", [0o644, 0o640])
def test_a_secret_others_can_read_is_not_used(mini: Path, mode: int, invoke: Invoke) -> None:
    path = cachefiles.secret_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(32))
    path.chmod(mode)
    assert invoke("status", file=mini).exit_code == 0
    assert not entry_of(mini).exists()


def test_a_symlinked_secret_is_not_used(mini: Path, tmp_path: Path, invoke: Invoke) -> None:
    elsewhere = tmp_path / "key"
    elsewhere.write_bytes(os.urandom(32))
    elsewhere.chmod(0o600)
    path = cachefiles.secret_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(elsewhere)
    assert invoke("status", file=mini).exit_code == 0
    assert not entry_of(mini).exists()


def test_the_secret_is_made_once_owner_only(mini: Path) -> None:
    store.load(mini)
    path = cachefiles.secret_path()
    first = path.read_bytes()
    assert len(first) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    store.load(mini)
    assert path.read_bytes() == first
    assert sorted(p.name for p in path.parent.iterdir()) == ["cache.key"]


def test_debug_says_why_the_cache_is_not_used(
    mini: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("RECT_CACHE_DIR", str(shared))
    result = invoke("--debug", "status", file=mini, lang="en")
    assert result.exit_code == 0
    assert result.stderr == (
        f"rect: the parse cache is not used: {shared}: writable by other users (mode 777)\n"
    )
    assert invoke("status", file=mini).stderr == ""  # said only with --debug
    monkeypatch.setenv("RECT_CACHE_DIR", str(tmp_path / "mine"))
    assert invoke("--debug", "status", file=mini).stderr == ""  # a usable one: nothing to say
