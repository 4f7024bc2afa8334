"""Each member's list, loaded as any list is (its own units.yaml, policy and holidays,
through the parse cache): a working copy from its path, a git member from its last
synced snapshot. A member that cannot be read is kept with the problems saying why, so
that the others are still shown.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rectcli.errors import Problem, RectError
from rectcli.workspace.config import MemberSpec, Place, Workspace
from rectcli.workspace.sync import Snapshot, snapshot

if TYPE_CHECKING:
    from rectcli.model.checklist import Checklist
    from rectcli.queries.rows import MeasureRow


@dataclass
class Member:
    name: str
    place: Place
    checklist: Checklist | None = None
    synced: Snapshot | None = None  # a git member's last sync (None for a path member)
    problems: list[Problem] = field(default_factory=list)  # why it could not be read
    never_synced: bool = False
    rename: tuple[str, str] | None = None  # a snapshot's path prefix → the member's name

    @property
    def shown_path(self) -> str:
        """Its list as messages name it: ``甲市:data/tasks.yaml`` for a git member."""
        if self.place.path is not None:
            from rectcli.store.files import display_path

            return display_path(self.place.path)
        return f"{self.name}:{self.place.file}"

    def rows(self, today: date) -> list[MeasureRow]:
        """Its measures' rows, each carrying the member's name."""
        from rectcli.queries.rows import measure_rows

        return self._tagged(measure_rows(self.checklist, today) if self.checklist else [])

    def duty_rows(self, today: date, horizon: int = 0) -> list[MeasureRow]:
        """Its recurring duties' open occurrences (agenda.duty_rows), each with its name."""
        from rectcli.queries.agenda import duty_rows

        return self._tagged(duty_rows(self.checklist, today, horizon) if self.checklist else [])

    def _tagged(self, rows: list[MeasureRow]) -> list[MeasureRow]:
        for row in rows:
            row.member = self.name
            if row.file is not None:
                row.file = self.renamed(row.file)
        return rows

    def renamed(self, path: str) -> str:
        if self.rename is None or not path.startswith(self.rename[0]):
            return path
        return self.rename[1] + path[len(self.rename[0]) :]


def load_members(
    workspace: Workspace, *, use_cache: bool = True, only: str | None = None
) -> list[Member]:
    """Every member (or only the one named ``only``), in the workspace's order."""
    from rectcli.errors import did_you_mean

    names = workspace.names()
    if only is not None and only not in names:
        raise RectError(f"no member '{only}' in this workspace" + did_you_mean(only, names))
    specs = [spec for spec in workspace.members if only is None or spec.name == only]
    if use_cache:
        _parse_cold(specs)
    # One after another: side by side in threads they were no faster (docs/performance.md,
    # "Workspaces"); only the parses of a first run go side by side, in processes.
    return [load_place(spec.name, spec.place, use_cache=use_cache) for spec in specs]


PARSE_WORKERS = 4  # at most; never more than the machine's cores


def _parse_cold(specs: list[MemberSpec]) -> None:
    """Parse the lists the parse cache does not hold yet in processes side by side, each
    saving its entry (a first run: the parse is pure Python, one core per list). A list
    that fails is left to the load that follows, which reports it."""
    paths = [p for p in (_tasks_path(spec.place) for spec in specs) if p is not None]
    cold = [p for p in paths if _cold(p)]
    import multiprocessing

    workers = min(PARSE_WORKERS, os.cpu_count() or 1, len(cold))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return  # (a fresh interpreter per worker would re-run the command: forks only)
    from concurrent.futures import ProcessPoolExecutor

    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
        list(pool.map(_warm, cold))


def _cold(tasks_path: Path) -> bool:
    """Whether the list has no cache entry, or a file of it is newer than its entry: by
    the files' times alone (no hashing). The load that follows checks the entry in full
    and parses whatever this missed (a list edited with its old time kept)."""
    from rectcli.store.cache import cache_dir, entry_name
    from rectcli.store.layout import task_files

    try:
        made = (cache_dir() / entry_name(tasks_path)).stat().st_mtime_ns
        return any(path.stat().st_mtime_ns >= made for path in task_files(tasks_path))
    except (OSError, RectError):
        return True


def _warm(tasks_path: Path) -> None:
    """In a worker process: parse the list and save its cache entry."""
    from rectcli.store.loading import load

    with contextlib.suppress(RectError):  # the load that follows reports it
        load(tasks_path)


def _tasks_path(place: Place) -> Path | None:
    """The list's main path: a working copy's, or a git member's in its last snapshot."""
    if place.path is not None:
        return place.path
    synced = snapshot(place)
    return synced.root.joinpath(*place.file.split("/")) if synced else None


def load_place(name: str, place: Place, *, use_cache: bool = True) -> Member:
    from rectcli.store.loading import load

    member = Member(name, place)
    if place.path is not None:
        tasks_path = place.path
        rename: tuple[str, str] | None = None
    else:
        member.synced = snapshot(place)
        if member.synced is None:
            member.never_synced = True
            return member
        tasks_path = member.synced.root.joinpath(*place.file.split("/"))
        rename = (_shown_prefix(member.synced.root), f"{name}:")
        member.rename = rename
    try:
        member.checklist = load(tasks_path, use_cache=use_cache)
    except RectError as exc:
        member.problems = [_renamed(p, rename) for p in exc.problems]
    return member


def _shown_prefix(root: Path) -> str:
    from rectcli.store.files import display_path

    return display_path(root) + "/"


def _renamed(problem: Problem, rename: tuple[str, str] | None) -> Problem:
    """A problem in a snapshot's file, named as the member's file (``甲市:data/tasks.yaml``)."""
    if rename is None:
        return problem
    old, new = rename
    path = new + problem.path[len(old) :] if problem.path.startswith(old) else problem.path
    message = problem.message.replace(old, new)
    return Problem(path, problem.line, problem.col, message, problem.level)


@dataclass(frozen=True)
class Standing:
    """A member's line in the workspace's status: its measures, how many are finished,
    overdue (with missed recurring duties), due within ``soon_days``, behind pace."""

    total: int
    finished: int
    overdue: int
    due_soon: int
    behind: int
    soon_days: int

    def numbers(self) -> list[int]:
        return [self.total, self.finished, self.overdue, self.due_soon, self.behind]


def standing(member: Member, today: date, soon_days: int | None = None) -> Standing | None:
    """The member's :class:`Standing` (None when it could not be read), counted as the
    dashboard counts its rows (queries.rows.tally)."""
    from rectcli.queries.rows import DUE_SOON_DAYS, tally

    if member.checklist is None:
        return None
    soon = DUE_SOON_DAYS if soon_days is None else soon_days
    total, finished, overdue, due_soon, behind = tally(member.checklist, today, soon)
    overdue += sum(row.overdue for row in member.duty_rows(today))
    return Standing(total, finished, overdue, due_soon, behind, soon)


def age(synced: datetime, now: datetime) -> tuple[str, int]:
    """How long ago: ("days" | "hours" | "minutes", n)."""
    seconds = max(0, int((now - synced).total_seconds()))
    if seconds >= 86400:
        return "days", seconds // 86400
    if seconds >= 3600:
        return "hours", seconds // 3600
    return "minutes", seconds // 60
