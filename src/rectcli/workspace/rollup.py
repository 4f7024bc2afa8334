"""Levels linked (``rect --workspace W rollup``): each item of the upper list with every
member's items whose ``parent:`` names it, their status, and the members that owe one.

- A member's task or measure links to the upper item its ``parent`` names (a task id or
  a measure id of the upper list). A task's link stands for the task as a whole: done
  when all its measures are done or closed.
- A member is *assigned* an upper item when the item's units (the measure's, else its
  task's; groups expanded, aliases resolved with the upper list's units.yaml) include
  the member's name. An assigned member with no item linked to it, or to its task, is a
  *gap*.
- An upper item is done when it has linked items, all done or closed, and no gap.
- A ``parent`` naming no item of the upper list is an error at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rectcli.errors import Problem, did_you_mean
from rectcli.statuses import FINISHED, Status

if TYPE_CHECKING:
    from rectcli.model.checklist import Checklist
    from rectcli.queries.rows import MeasureRow
    from rectcli.workspace.members import Member


@dataclass(frozen=True)
class Linked:
    member: str
    id: str
    kind: str  # task | measure
    status: Status
    overdue: bool
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "member": self.member,
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "overdue": self.overdue,
            "text": self.text,
        }


@dataclass
class UpperItem:
    id: str
    kind: str  # task | measure
    text: str
    units: tuple[str, ...]
    assigned: list[str] = field(default_factory=list)  # member names, workspace order
    linked: list[Linked] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return (
            bool(self.linked) and not self.gaps and all(i.status in FINISHED for i in self.linked)
        )

    @property
    def finished(self) -> int:
        return sum(i.status in FINISHED for i in self.linked)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "units": list(self.units),
            "done": self.done,
            "assigned": self.assigned,
            "linked": [i.to_json() for i in self.linked],
            "finished": self.finished,
            "gaps": self.gaps,
        }


def rollup(
    upper: Checklist, members: list[Member], today: date
) -> tuple[list[UpperItem], list[Problem]]:
    """The upper items (every measure; a task only where a ``parent`` names it or it has
    no measures), and the problems of ``parent`` values naming no upper item."""
    items: dict[str, UpperItem] = {}
    task_of: dict[str, str] = {}
    for task in upper.file.tasks:
        units = tuple(upper.units.resolve(n) or n for n in task.units)
        items[task.id] = UpperItem(task.id, "task", task.title, units)
        for measure in task.measures:
            m_units = tuple(upper.measure_units(task, measure))
            items[measure.id] = UpperItem(measure.id, "measure", measure.text, m_units)
            task_of[measure.id] = task.id
    problems: list[Problem] = []
    linked_ids: dict[str, set[str]] = {}  # member → the upper ids its items name
    for member in members:
        if member.checklist is None:
            continue
        mine = linked_ids.setdefault(member.name, set())
        for item_id, parent, link in _links(member, today):
            if parent not in items:
                problems.append(_bad_parent(member, item_id, parent, list(items)))
                continue
            items[parent].linked.append(link)
            mine.add(parent)
    names = [m.name for m in members]
    for item in items.values():
        owners: set[str] = set()
        for unit in item.units:
            owners |= upper.units.members(unit)
        item.assigned = [n for n in names if (upper.units.resolve(n) or n) in owners]
        covered = {item.id, task_of.get(item.id, "")}
        item.gaps = [
            n for n in item.assigned if n in linked_ids and not covered & linked_ids[n]
        ]  # a member that could not be read is reported as such, not as a gap
    shown = [
        item
        for item in items.values()
        if item.kind == "measure" or item.linked or not _has_measures(upper, item.id)
    ]
    return shown, problems


def _has_measures(upper: Checklist, task_id: str) -> bool:
    found = upper.find(task_id)
    return bool(found and found[0].measures)


def _links(member: Member, today: date) -> list[tuple[str, str, Linked]]:
    """(item id, parent, link) of each of the member's items naming a parent, in file
    order; from the checklist's plain values and rows (no models: a cached run)."""
    checklist = member.checklist
    assert checklist is not None
    if not checklist.parents:
        return []
    rows = {row.id: row for row in member.rows(today)}
    by_task: dict[str, list[MeasureRow]] = {}
    for row in rows.values():
        by_task.setdefault(row.task, []).append(row)
    titles = dict(checklist.outline().tasks)
    found = []
    for item_id, parent in checklist.parents.items():
        if item_id in titles:  # a problem, linked as a whole
            statuses = [r.status for r in by_task.get(item_id, [])]
            status: Status = "todo"
            if statuses and all(s in FINISHED for s in statuses):
                status = "closed" if all(s == "closed" for s in statuses) else "done"
            elif any(s != "todo" for s in statuses):
                status = "doing"
            overdue = any(r.overdue for r in by_task.get(item_id, []))
            link = Linked(member.name, item_id, "task", status, overdue, titles[item_id])
        elif item_id in rows:
            row = rows[item_id]
            link = Linked(member.name, row.id, "measure", row.status, row.overdue, row.text)
        else:  # pragma: no cover - every id with a parent is a task's or a measure's
            continue
        found.append((item_id, parent, link))
    return found


def bad_parents(upper: Checklist, members: list[Member]) -> list[Problem]:
    """The problems of ``parent`` values naming no item of ``upper`` (no models read)."""
    ids = upper.ids()
    known = set(ids)
    return [
        _bad_parent(member, item_id, parent, ids)
        for member in members
        if member.checklist is not None
        for item_id, parent in member.checklist.parents.items()
        if parent not in known
    ]


def _bad_parent(member: Member, item_id: str, parent: str, ids: list[str]) -> Problem:
    checklist = member.checklist
    assert checklist is not None
    file = checklist.files.get(item_id, checklist.path)
    line, col = checklist.positions.get(item_id, (0, 0))
    line, col = _parent_at(Path(file), line, col)
    message = f"parent: '{parent}' names no item of the upper list" + did_you_mean(parent, ids)
    return Problem(member.renamed(file), line, col, message)


_ID_ITEM = re.compile(r"^\s*-\s+id\s*:")
_PARENT = re.compile(r"^(\s*(?:-\s+)?parent\s*:\s*)\S")


def _parent_at(path: Path, line: int, col: int) -> tuple[int, int]:
    """The line and column of the ``parent:`` value of the item whose ``- id:`` is on
    ``line``; the item's own place if it cannot be found."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):  # pragma: no cover - the file was read just now
        return line, col
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        if number > line and _ID_ITEM.match(text):
            break
        match = _PARENT.match(text)
        if match:
            return number, len(match[1]) + 1
    return line, col
