"""Who may record what (``rect audit --since REV``; issue 14).

Every progress entry added in ``REV..HEAD`` is judged against the author of the commit
that added it, by units.yaml's ``people:`` (git identities) as they are in ``REV`` — the
rules of the branch merged into, not of the branch under review:

- a unit records only its own parts: its own measures (groups expanded; of a measure its
  lead finishes alone, only the lead; a helper, 配合单位, has no part), and in its own
  name (an entry's ``unit:``, else its ``by:``, when that names a unit);
- the supervising unit (督导单位) may record anything on the measures it supervises, and
  only it records ``closed`` (销号);
- an author in no unit's ``people:`` records nothing.

The identity is git's author e-mail, which anyone can set: run this in CI on merge
requests, where the platform ties pushes to accounts, and require signed commits
(``git verify-commit``) for the stronger guarantee (docs/security.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectcli import store
from rectcli.errors import RectError
from rectcli.history import git as gitio
from rectcli.history.revisions import files_at
from rectcli.model.units import UnitRegistry
from rectcli.model.validate import parse_units
from rectcli.yamltext import source as yamlsrc


@dataclass(frozen=True)
class Recorded:
    """One progress entry as a file holds it, with what judging it needs."""

    measure: str
    key: tuple[tuple[str, str], ...]  # the entry's own fields: the same entry, anywhere
    status: str
    claimed: str | None  # the unit it is recorded for: `unit:` (per-unit parts), else `by:`
    units: tuple[str, ...]  # the measure's units as written (its own, else its task's)
    supervisor: str | None
    file: str
    line: int
    col: int


@dataclass(frozen=True)
class Violation:
    kind: str  # unknown_author | close | not_theirs | as_other
    entry: Recorded
    commit: gitio.Commit
    unit: str | None  # the author's unit


@dataclass(frozen=True)
class Audit:
    violations: tuple[Violation, ...]
    entries: int  # entries added in the range
    commits: int


def recorded(text: str, shown: str) -> list[Recorded]:
    """Every progress entry of a task file (or shard), at its line."""
    root = yamlsrc.compose(text, shown)
    if root is None:
        return []
    data = yamlsrc.construct(root, shown)
    found: list[Recorded] = []
    tasks = data.get("tasks") if isinstance(data, dict) else None
    for t_index, task in enumerate(tasks if isinstance(tasks, list) else []):
        if not isinstance(task, dict):
            continue
        for m_index, measure in enumerate(_list(task.get("measures"))):
            if not isinstance(measure, dict):
                continue
            units = tuple(str(u) for u in _list(measure.get("units") or task.get("units")))
            if measure.get("finished_by"):  # its lead finishes it alone: the only part
                units = (str(measure["finished_by"]),)
            for p_index, entry in enumerate(_list(measure.get("progress"))):
                if not isinstance(entry, dict):
                    continue
                loc: list[str | int] = ["tasks", t_index, "measures", m_index, "progress", p_index]
                line, col = yamlsrc.position(yamlsrc.locate(root, loc))
                claimed = entry.get("unit") or entry.get("by")
                found.append(
                    Recorded(
                        measure=str(measure.get("id")),
                        key=tuple(sorted((str(k), str(v)) for k, v in entry.items())),
                        status=str(entry.get("status")),
                        claimed=str(claimed) if claimed else None,
                        units=units,
                        supervisor=str(task["supervisor"]) if task.get("supervisor") else None,
                        file=shown,
                        line=line,
                        col=col,
                    )
                )
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def judge(entry: Recorded, commit: gitio.Commit, units: UnitRegistry) -> Violation | None:
    """Whether the author of ``commit`` may have added ``entry`` (None) or not."""
    author = units.unit_of(commit.email)
    if author is None:
        return Violation("unknown_author", entry, commit, None)
    supervisor = units.resolve(entry.supervisor) if entry.supervisor else None
    if supervisor is not None and author in units.members(supervisor):
        return None  # the supervising unit records anything on what it supervises
    if entry.status == "closed":
        return Violation("close", entry, commit, author)
    responsible = {m for name in entry.units for m in units.members(units.resolve(name) or name)}
    if author not in responsible:
        return Violation("not_theirs", entry, commit, author)
    claimed = units.resolve(entry.claimed) if entry.claimed else None
    if claimed is not None and author not in units.members(claimed):
        return Violation("as_other", entry, commit, author)
    return None


def audit(tasks_path: Path, since: str) -> Audit:
    """Judge every progress entry added in ``since..HEAD`` to the list at ``tasks_path``;
    a RectError for a bad revision, a repository without the list, or no ``people:``."""
    main = store.main_path(tasks_path)
    base_dir = main if main.is_dir() else main.parent
    base = gitio.resolve(main, since, base_dir)
    units = _units_at(tasks_path, base)
    if not units.people:
        raise RectError(
            f"{store.display_path(store.units_file_for(tasks_path))}: no unit lists people: "
            "(git identities); rect audit has no one to check commits against"
        )
    top = gitio.toplevel(base_dir)
    paths = [p.resolve().relative_to(top.resolve()).as_posix() for p in store.task_files(main)]
    if main.is_dir():
        paths = [main.resolve().relative_to(top.resolve()).as_posix()]
    else:
        shards = store.shards_dir(main).resolve().relative_to(top.resolve()).as_posix()
        paths.append(shards)
    commits = gitio.commits_since(top, base, paths)
    at_head = _places(tasks_path, "HEAD")
    violations: list[Violation] = []
    added = 0
    for commit in commits:
        before = _counts(tasks_path, commit.parent) if commit.parent else defaultdict(int)
        for entry in _entries(tasks_path, commit.sha):
            wanted = (entry.measure, entry.key)
            if before[wanted] > 0:
                before[wanted] -= 1
                continue
            added += 1
            verdict = judge(entry, commit, units)
            if verdict is not None:
                violations.append(_placed(verdict, at_head))
    return Audit(tuple(violations), added, len(commits))


def _units_at(tasks_path: Path, rev: str) -> UnitRegistry:
    """units.yaml as committed in ``rev`` (the rules of the branch merged into); today's
    if it was not there then."""
    path = store.units_file_for(tasks_path)
    raw = gitio.show_under(path.parent, path.name, rev)
    if raw is None:
        return parse_units(store.read_text(path), store.display_path(path))
    shown = f"{rev[:12]}:{store.display_path(path)}"
    return parse_units(store.decode_text(raw, shown), shown)


def _entries(tasks_path: Path, rev: str) -> list[Recorded]:
    found: list[Recorded] = []
    for text, path in files_at(tasks_path, rev):
        found += recorded(text, store.display_path(path))
    return found


def _counts(tasks_path: Path, rev: str) -> defaultdict[tuple[str, Any], int]:
    counts: defaultdict[tuple[str, Any], int] = defaultdict(int)
    for entry in _entries(tasks_path, rev):
        counts[(entry.measure, entry.key)] += 1
    return counts


def _places(tasks_path: Path, rev: str) -> dict[tuple[str, Any], list[Recorded]]:
    places: dict[tuple[str, Any], list[Recorded]] = defaultdict(list)
    for entry in _entries(tasks_path, rev):
        places[(entry.measure, entry.key)].append(entry)
    return places


def _placed(verdict: Violation, at_head: dict[tuple[str, Any], list[Recorded]]) -> Violation:
    """The violation at the entry's line in HEAD (where CI annotates), if it is there."""
    found = at_head.get((verdict.entry.measure, verdict.entry.key))
    if not found:
        return verdict
    return Violation(verdict.kind, found.pop(0), verdict.commit, verdict.unit)
