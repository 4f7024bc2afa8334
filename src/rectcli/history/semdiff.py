"""What changed between two versions of a task list, as a reviewer thinks of it.

Pure: two checklists in, a list of :class:`Change` out (rendering is ``diffview``).
Items are matched by id. A measure reports its own edits: a status change with the
newest progress entry, entries appended (or a log rewritten, which should not happen),
its deadline moved (later = 延期, which needs approval), its units reassigned, its text
or any other field changed. A task reports its own fields the same way, so a task
deadline moved is one change, not one per measure that inherits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from rectcli.model.checklist import Checklist
from rectcli.model.shapes import Measure, ProgressEntry, Task

Level = Literal["plan", "task", "measure"]
Kind = Literal["added", "removed", "status", "progress", "rewritten", "deadline", "units", "field"]
_OWN = {"id", "status", "progress", "deadline", "units", "measures"}  # compared specially


@dataclass(frozen=True)
class Change:
    """One change to one item (``item_id`` is '' for the plan)."""

    item_id: str
    level: Level
    kind: Kind
    field: str | None = None
    old: Any = None
    new: Any = None
    old_due: date | None = None  # deadline changes: the computed due dates
    new_due: date | None = None
    entry: ProgressEntry | None = None  # status / progress: the newest appended entry
    entries: int = 0  # status / progress: how many entries were appended
    measures: int = 0  # an added or removed task: how many measures it has
    approval: ProgressEntry | None = None  # a deadline moved by an approved 延期 entry

    @property
    def extended(self) -> bool:
        """A deadline moved later (or dropped): 延期, which needs approval."""
        if self.kind != "deadline" or self.old_due is None:
            return False
        return self.new_due is None or self.new_due > self.old_due

    @property
    def earlier(self) -> bool:
        return (
            self.kind == "deadline"
            and self.old_due is not None
            and self.new_due is not None
            and self.new_due < self.old_due
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.item_id,
            "level": self.level,
            "kind": self.kind,
            "field": self.field,
            "old": _jsonable(self.old),
            "new": _jsonable(self.new),
        }
        if self.kind == "deadline":
            data["old_due"] = _jsonable(self.old_due)
            data["new_due"] = _jsonable(self.new_due)
            data["extended"] = self.extended
            if self.approval is not None:  # moved by an approved extension (延期)
                data["approved"] = True
        if self.kind in ("status", "progress"):
            data["entries_added"] = self.entries
            data["entry"] = _jsonable(self.entry)
        if self.kind in ("added", "removed") and self.level == "task":
            data["measures"] = self.measures
        return data


def compare(old: Checklist, new: Checklist) -> list[Change]:
    """Every change from ``old`` to ``new``, in id order (3.2 before 3.10)."""
    changes: list[Change] = []
    for name in type(old.file.plan).model_fields:
        before, after = getattr(old.file.plan, name), getattr(new.file.plan, name)
        if before != after:
            changes.append(Change("", "plan", "field", name, before, after))
    old_tasks = {t.id: t for t in old.file.tasks}
    new_tasks = {t.id: t for t in new.file.tasks}
    for task in new.file.tasks:
        before_task = old_tasks.get(task.id)
        if before_task is None:
            changes.append(
                Change(task.id, "task", "added", new=task.title, measures=len(task.measures))
            )
            continue
        changes += _task_changes(old, new, before_task, task)
        old_measures = {m.id: m for m in before_task.measures}
        new_ids = {m.id for m in task.measures}
        for measure in task.measures:
            before_measure = old_measures.get(measure.id)
            if before_measure is None:
                changes.append(Change(measure.id, "measure", "added", new=measure.text))
            else:
                changes += _measure_changes(
                    old, new, (before_task, before_measure), (task, measure)
                )
        changes += [
            Change(m.id, "measure", "removed", old=m.text)
            for m in before_task.measures
            if m.id not in new_ids
        ]
    changes += [
        Change(t.id, "task", "removed", old=t.title, measures=len(t.measures))
        for t in old.file.tasks
        if t.id not in new_tasks
    ]
    order = {"plan": 0, "task": 1, "measure": 2}
    return sorted(changes, key=lambda c: (_natural(c.item_id), order[c.level]))


def _task_changes(old: Checklist, new: Checklist, before: Task, after: Task) -> list[Change]:
    changes: list[Change] = []
    if before.deadline != after.deadline:
        changes.append(_deadline_change(old, new, after.id, "task"))
    before_units = [old.units.resolve(n) or n for n in before.units]
    after_units = [new.units.resolve(n) or n for n in after.units]
    if sorted(before_units) != sorted(after_units):
        changes.append(Change(after.id, "task", "units", "units", before_units, after_units))
    changes += _field_changes(after.id, "task", before, after, skip={"supervisor"})
    old_sup = old.units.resolve(before.supervisor or "") or before.supervisor
    new_sup = new.units.resolve(after.supervisor or "") or after.supervisor
    if old_sup != new_sup:
        changes.append(Change(after.id, "task", "field", "supervisor", old_sup, new_sup))
    return changes


def _measure_changes(
    old: Checklist, new: Checklist, before: tuple[Task, Measure], after: tuple[Task, Measure]
) -> list[Change]:
    (old_task, was), (new_task, now) = before, after
    mid = now.id
    changes: list[Change] = []
    kept = len(was.progress)
    appended = now.progress[kept:] if now.progress[:kept] == was.progress else None
    if appended is None:
        changes.append(
            Change(mid, "measure", "rewritten", "progress", len(was.progress), len(now.progress))
        )
    added = appended or []
    newest = added[-1] if added else None
    if was.status != now.status:
        changes.append(
            Change(
                mid,
                "measure",
                "status",
                "status",
                was.status,
                now.status,
                entry=newest,
                entries=len(added),
            )
        )
    elif added:
        changes.append(
            Change(mid, "measure", "progress", "progress", entry=newest, entries=len(added))
        )
    approvals = [e for e in added if e.action == "延期"]
    if approvals:  # an approved extension: the deadline moves, approved
        moved = _deadline_change(old, new, mid, "measure")
        changes.append(replace(moved, approval=approvals[-1]))
    own_deadline = (was.deadline, [m.deadline for m in was.milestones])
    if own_deadline != (now.deadline, [m.deadline for m in now.milestones]):
        moved = _deadline_change(old, new, mid, "measure")
        # New milestones may leave the effective deadline as it was: they are a field change.
        if (moved.old, moved.old_due) != (moved.new, moved.new_due):
            changes.append(moved)
    if was.units != now.units:
        before_units = old.measure_units(old_task, was)
        after_units = new.measure_units(new_task, now)
        if sorted(before_units) != sorted(after_units):
            changes.append(Change(mid, "measure", "units", "units", before_units, after_units))
    return changes + _field_changes(mid, "measure", was, now)


def _deadline_change(old: Checklist, new: Checklist, item_id: str, level: Level) -> Change:
    before, after = old.deadlines.get(item_id), new.deadlines.get(item_id)
    return Change(
        item_id,
        level,
        "deadline",
        "deadline",
        before.text if before else None,
        after.text if after else None,
        old_due=before.due if before else None,
        new_due=after.due if after else None,
    )


def _field_changes(
    item_id: str, level: Level, before: BaseModel, after: BaseModel, skip: Iterable[str] = ()
) -> list[Change]:
    """Changes of the fields not compared specially (text, persons, milestones…)."""
    skipped = _OWN | set(skip)
    return [
        Change(item_id, level, "field", name, getattr(before, name), getattr(after, name))
        for name in type(after).model_fields
        if name not in skipped and getattr(before, name) != getattr(after, name)
    ]


def _natural(item_id: str) -> tuple[tuple[int, str], ...]:
    """A sort key that puts 3.2 before 3.10 and 9 before 10."""
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"[.\s]", item_id))


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
