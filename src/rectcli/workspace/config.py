"""A workspace file read into a :class:`Workspace`: every problem at its line, at once.

Paths (``path:``, a local ``git:``) are relative to the workspace file's directory.
``file:`` is a path inside a repository: relative, without ``..``.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from rectcli.errors import Problem, RectError
from rectcli.store.files import display_path


@dataclass(frozen=True)
class Place:
    """Where one list is: a git repository (fetched into a mirror) or a path here."""

    git: str | None
    ref: str
    file: str
    path: Path | None
    line: int  # where its item is in the workspace file, for messages
    col: int = 0

    @property
    def key(self) -> str:
        """The name of its mirror under the cache directory: one per remote and ref."""
        text = f"{self.git}\0{self.ref}\0{self.file}".encode()
        return hashlib.blake2b(text, digest_size=12).hexdigest()


@dataclass(frozen=True)
class MemberSpec:
    name: str
    place: Place


@dataclass(frozen=True)
class Workspace:
    path: str  # as shown in messages
    title: str
    members: tuple[MemberSpec, ...]
    upper: Place | None

    def names(self) -> list[str]:
        return [m.name for m in self.members]


CACHE_FORMAT = 2


def load_workspace(path: Path) -> Workspace:
    """Read and validate the workspace file at ``path``.

    A file read before comes from a small cache (its bytes, hashed, are the key): a
    cached read of a workspace then needs neither YAML nor pydantic (issue 17's 1 s).
    """
    from rectcli.store.files import decode_text, read_bytes

    raw = read_bytes(path)
    shown, base = display_path(path), path.resolve().parent
    digest = hashlib.blake2b(raw, digest_size=16)
    digest.update(f"\0{base}\0{CACHE_FORMAT}".encode())
    key, entry = digest.hexdigest(), _cache_entry(path)
    found = _from_cache(entry, key, shown)
    if found is not None:
        return found
    workspace = parse_workspace(decode_text(raw, shown), shown, base)
    _to_cache(entry, key, workspace)
    return workspace


def _cache_entry(path: Path) -> Path:
    from rectcli.store.cache import cache_dir

    name = hashlib.blake2b(str(path.resolve()).encode(), digest_size=12).hexdigest()
    return cache_dir() / "workspace" / "files" / f"{name}.json"


def _place_json(place: Place) -> list[object]:
    path = str(place.path) if place.path else None
    return [place.git, place.ref, place.file, path, place.line, place.col]


def _place(data: list[Any]) -> Place:
    git, ref, file, path, line, col = data
    return Place(git, ref, file, Path(path) if path else None, line, col)


def _to_cache(entry: Path, key: str, workspace: Workspace) -> None:
    data = {
        "key": key,
        "title": workspace.title,
        "members": [[m.name, _place_json(m.place)] for m in workspace.members],
        "upper": _place_json(workspace.upper) if workspace.upper else None,
    }
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, entry)
    except OSError:  # a cache that cannot be written is skipped
        pass


def _from_cache(entry: Path, key: str, shown: str) -> Workspace | None:
    try:
        data = json.loads(entry.read_text("utf-8"))
        if data.get("key") != key:
            return None
        members = tuple(MemberSpec(name, _place(place)) for name, place in data["members"])
        upper = _place(data["upper"]) if data["upper"] else None
        return Workspace(shown, data["title"], members, upper)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def parse_workspace(text: str, shown: str, base: Path) -> Workspace:
    from rectcli.model.validate import parse_source, validate_model
    from rectcli.model.workspace_shapes import DEFAULT_FILE, DEFAULT_REF, WorkspaceFile

    source = parse_source(text, shown, "title:\nmembers:")
    data: WorkspaceFile = validate_model(WorkspaceFile, source)
    problems: list[Problem] = []

    def place(item: object, loc: list[str | int]) -> Place:
        git, ref, file, local = (getattr(item, k) for k in ("git", "ref", "file", "path"))
        line, col = source.at(loc)
        file = file or DEFAULT_FILE
        pure = PurePosixPath(file)
        if pure.is_absolute() or ".." in pure.parts or "\\" in file or "\0" in file:
            problems.append(
                Problem(
                    shown,
                    *source.at([*loc, "file"]),
                    f"file: '{file}' must be a relative path inside the repository, without '..'",
                )
            )
        if git is not None and _local(git):
            git = str((base / Path(git).expanduser()).resolve())
        where = (base / Path(local).expanduser()).resolve() if local else None
        return Place(git, ref or DEFAULT_REF, pure.as_posix(), where, line, col)

    members = []
    seen: dict[str, int] = {}
    for index, member in enumerate(data.members):
        loc: list[str | int] = ["members", index]
        line, col = source.at([*loc, "name"])
        if member.name in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    col,
                    f"the member name '{member.name}' is used twice (first on line "
                    f"{seen[member.name]})",
                )
            )
        seen.setdefault(member.name, line)
        members.append(MemberSpec(member.name, place(member, loc)))
    upper = place(data.upper, ["upper"]) if data.upper is not None else None
    if problems:
        raise RectError(problems)
    return Workspace(shown, data.title, tuple(members), upper)


def _local(git: str) -> bool:
    """A path rather than a URL (``https://…``, ``ssh://…``, ``git@host:repo``)."""
    if "://" in git:
        return False
    head = git.split("/", 1)[0]
    return ":" not in head  # scp-like user@host:path
