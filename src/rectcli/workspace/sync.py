"""``rect --workspace W sync``: each git member fetched into a bare mirror under the cache
directory, and its list's files as committed at the ref copied out into a snapshot.

Reads then use the snapshot: plain files, parsed (and cached) as any list is, the same
until the next sync. Under ``$RECT_CACHE_DIR/workspace/<key>/``:

- ``mirror.git``: the bare mirror (history/mirror.py: nothing of the member runs);
- ``snap-<commit>/<file>``: the list's files at that commit (its main file, its shards,
  units.yaml, policy.yaml, holidays.yaml beside it), blobs copied byte for byte;
- ``state.json``: the commit read, when it was synced, and the last failure if any.

``now`` is passed in, never read here.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rectcli.history import mirror
from rectcli.store.layout import SIDE_NAMES
from rectcli.workspace.config import Place, Workspace

STATE = "state.json"
SYNC_WORKERS = 4  # fetches run side by side: each waits on the network or another git
MAX_FILES = 2000  # a list of more files than this is refused


def place_dir(place: Place) -> Path:
    from rectcli.store.cache import cache_dir

    return cache_dir() / "workspace" / place.key


@dataclass(frozen=True)
class Snapshot:
    """The last synced state of a git member (None for one never synced)."""

    root: Path  # the snapshot's directory: root / place.file is the list
    commit: str
    synced: datetime
    error: str | None  # why the last sync failed, if it did (the snapshot is older)


@dataclass(frozen=True)
class SyncResult:
    name: str
    commit: str | None  # None: it failed
    before: str | None  # the commit synced before, if any
    error: str | None


def read_state(place: Place) -> dict[str, str | None]:
    try:
        data = json.loads((place_dir(place) / STATE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def snapshot(place: Place) -> Snapshot | None:
    state = read_state(place)
    commit, synced, snap = state.get("commit"), state.get("synced"), state.get("snapshot")
    if not (commit and synced and snap):
        return None
    root = place_dir(place) / snap
    if not root.is_dir():
        return None
    try:
        when = datetime.fromisoformat(synced)
    except ValueError:
        return None
    return Snapshot(root, commit, when, state.get("error"))


def sync_all(workspace: Workspace, now: datetime) -> list[SyncResult]:
    """Sync every git member (and a git upper list, named ``upper``), side by side."""
    jobs = [(m.name, m.place) for m in workspace.members if m.place.git is not None]
    if workspace.upper is not None and workspace.upper.git is not None:
        jobs.append(("upper", workspace.upper))
    places = {place.key: place for _, place in jobs}  # one fetch per mirror, however named
    with ThreadPoolExecutor(max_workers=SYNC_WORKERS) as pool:
        fetched = pool.map(lambda p: sync_one(p, now), places.values())
        done = dict(zip(places, fetched, strict=True))
    return [SyncResult(name, *done[place.key]) for name, place in jobs]


def sync_one(place: Place, now: datetime) -> tuple[str | None, str | None, str | None]:
    """Fetch one place into its mirror and snapshot: (commit, commit before, error)."""
    assert place.git is not None
    directory = place_dir(place)
    state = read_state(place)
    before = state.get("commit")
    try:
        commit = mirror.fetch(directory / "mirror.git", place.git, place.ref)
        snap = f"snap-{commit}"
        if not (directory / snap).is_dir():
            _extract(directory / "mirror.git", commit, place.file, directory / snap)
    except mirror.MirrorError as exc:
        state.update(attempted=now.isoformat(), error=str(exc))
        _write_state(directory, state)
        return None, before, str(exc)
    state.update(
        git=place.git,
        ref=place.ref,
        file=place.file,
        commit=commit,
        snapshot=snap,
        synced=now.isoformat(),
        attempted=now.isoformat(),
        error=None,
    )
    _write_state(directory, state)
    for old in directory.glob("snap-*"):
        if old.name != snap:
            shutil.rmtree(old, ignore_errors=True)
    return commit, before, None


def _write_state(directory: Path, state: dict[str, str | None]) -> None:
    from rectcli.store.files import write_atomic

    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(directory / STATE, json.dumps(state, ensure_ascii=False, indent=1) + "\n")


def _extract(git_dir: Path, commit: str, file: str, target: Path) -> None:
    """Copy the list ``file`` and its side files, as committed in ``commit``, to ``target``:
    plain files only (no symbolic link, no submodule), none over MAX_BLOB bytes."""
    parent, name = posixpath.split(file)
    found = {e.name: e for e in mirror.tree(git_dir, commit, parent) or []}
    main = found.get(name)
    shards = found.get(posixpath.splitext(name)[0]) if name.endswith(".yaml") else None
    if main is None and (shards is None or shards.kind != "tree"):
        raise mirror.MirrorError(f"{file} is not in commit {commit[:12]}")
    wanted = [(posixpath.join(parent, n), e) for n, e in found.items() if n in SIDE_NAMES]
    for directory in (main, shards):
        if directory is not None and directory.kind == "tree":
            below = posixpath.join(parent, directory.name)
            inner = mirror.tree(git_dir, commit, below) or []
            wanted += [(posixpath.join(below, e.name), e) for e in inner if _listed(e.name)]
    if main is not None and main.kind != "tree":
        wanted.append((file, main))
    if len(wanted) > MAX_FILES:
        raise mirror.MirrorError(f"{file}: more than {MAX_FILES} files")
    for relative, entry in wanted:
        if not entry.plain_file:
            raise mirror.MirrorError(f"{relative} is not a plain file in commit {commit[:12]}")
        if entry.size > mirror.MAX_BLOB:
            raise mirror.MirrorError(f"{relative}: larger than {mirror.MAX_BLOB} bytes")
    partial = target.with_name(f"{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    for relative, _ in wanted:
        out = partial.joinpath(*relative.split("/"))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(mirror.blob(git_dir, commit, relative))
    partial.mkdir(parents=True, exist_ok=True)
    partial.rename(target)


def _listed(name: str) -> bool:
    """A name of the list's files in its directory (``*.yaml``), and a safe one."""
    return name.endswith(".yaml") and "/" not in name and "\\" not in name
