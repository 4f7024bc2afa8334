"""A validated task list and what rect derives from it (:class:`Checklist`): the models,
every item's line, effective deadlines, duties, and the facts a cached run works from.

Validation lives in ``validate.py``; this module imports no pydantic at run time, so a
command served from the parse cache needs none (see cache.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from rectcli.dates.duties import Checkin, Duty, checkins
from rectcli.dates.grammar import Deadline
from rectcli.dates.workdays import WorkCalendar
from rectcli.model.parts import PartLog, reduce_log
from rectcli.model.policy import Policy
from rectcli.model.units import UnitRegistry
from rectcli.statuses import Status

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure, Task, TaskFile


# What a measure's row (queries.measure_rows) takes from the list, whatever the day: built
# once per checklist and kept in the parse cache, so that a cached run makes its rows
# without unpickling the models. A plain tuple: 50k of them unpickle in a few ms.
MeasureFacts = tuple[
    str,  # 0 id
    str,  # 1 task id
    str,  # 2 text
    tuple[str, ...],  # 3 units, by their own names
    Status,  # 4 status
    str,  # 5 the effective deadline's phrase ("" when none)
    date | None,  # 6 due
    str | None,  # 7 supervisor (the task's)
    int,  # 8 line of its `- id:` item
    int,  # 9 column
    str | None,  # 10 the file holding it, in a list kept in several files
    int | None,  # 11 lead (days of warning)
    date | None,  # 12 where 序时进度 counts from: its start, else plan.issued
    int | None,  # 13 the latest percent reported
    date | None,  # 14 the latest progress entry's date
    bool,  # 15 ongoing (长期坚持)
    tuple[Checkin, ...],  # 16 its progress log as its recurring duties see it (else empty)
    tuple[str, ...],  # 17 a shared measure's parts: its units, groups expanded (else empty)
    PartLog,  # 18 the entries that decide its parts (model/parts.py; else empty)
]
STATUS_FACT: Final = 4
LINE_FACT: Final = 8  # the line, which an edit above the measure moves
FILE_FACT: Final = 10
LEAD_FACT: Final = 11
START_FACT: Final = 12
PARTS_FACT: Final = 17
PART_LOG_FACT: Final = 18
# What a mark changes (facts 4, 13, 14, 16 and 18): status, the latest percent, the latest
# entry's date, the check-ins of a measure with recurring duties, and its parts' log.
ProgressFacts = tuple[Status, int | None, date | None, tuple[Checkin, ...], PartLog]


@dataclass(frozen=True)
class Outline:
    """What a dashboard shows of the list beside its rows: the plan's title and each
    problem's id and title, in file order. Kept in the parse cache like the facts."""

    title: str
    tasks: tuple[tuple[str, str], ...]

    def has_task(self, task_id: str) -> bool:
        return any(t == task_id for t, _ in self.tasks)


@dataclass
class Checklist:
    """A validated task list and what rect derives from it."""

    path: str
    file: TaskFile
    units: UnitRegistry
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → its `- id:` item
    deadlines: dict[str, Deadline] = field(default_factory=dict)  # id → effective deadline
    policy: Policy = field(default_factory=Policy)  # data/policy.yaml, or the defaults
    calendar: WorkCalendar = field(default_factory=WorkCalendar)  # with data/holidays.yaml
    duties: dict[str, list[Duty]] = field(default_factory=dict)  # measure id → its duties
    # A list kept in several files (shards.py): every id → the file holding it.
    files: dict[str, str] = field(default_factory=dict)
    # id → the upper list's item its `parent:` names (a workspace's rollup, issue 17);
    # plain values, kept in the parse cache's head: a cached check needs no models.
    parents: dict[str, str] = field(default_factory=dict)
    # Derived from the above when first asked (measure_facts, outline); never compared.
    facts: list[MeasureFacts] | None = field(default=None, repr=False, compare=False)
    headings: Outline | None = field(default=None, repr=False, compare=False)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Only for an attribute not set: a checklist from the parse cache (cache.py)
            # unpickles its models when they are first asked for.
            loaders = self.__dict__.get("_loaders")
            if loaders is None or name not in loaders:
                raise AttributeError(f"'Checklist' object has no attribute '{name}'")
            value = loaders.pop(name)()
            setattr(self, name, value)
            if self.__dict__.get("_lifelong"):
                gc.freeze()  # see lifelong()
            return value

    def lifelong(self) -> None:
        """Keep this checklist from the garbage collector (``gc.freeze``), now and as its
        lazy parts load: it lives until the process ends (a command's), and the collector
        would otherwise rescan its million objects again and again (0.7 s at 50k)."""
        self.__dict__["_lifelong"] = True
        gc.freeze()

    @property
    def issued(self) -> date | None:
        return self.file.plan.issued

    def measure_facts(self) -> list[MeasureFacts]:
        """Each measure's :data:`MeasureFacts`, in file order (built once)."""
        if self.facts is None:
            self.facts = _measure_facts(self)
        return self.facts

    def outline(self) -> Outline:
        """The plan's title and the problems' ids and titles (built once)."""
        if self.headings is None:
            tasks = tuple((task.id, task.title) for task in self.file.tasks)
            self.headings = Outline(self.file.plan.title, tasks)
        return self.headings

    def measures(self) -> Iterator[tuple[Task, Measure]]:
        return self.file.measures()

    def find(self, item_id: str) -> tuple[Task, Measure | None] | None:
        """The task, or the task and measure, with this id."""
        for task in self.file.tasks:
            if task.id == item_id:
                return task, None
            for measure in task.measures:
                if measure.id == item_id:
                    return task, measure
        return None

    def ids(self) -> list[str]:
        return list(self.positions)

    def measure_units(self, task: Task, measure: Measure) -> list[str]:
        """The measure's responsible units by their own names (aliases resolved)."""
        names = measure.units if measure.units is not None else task.units
        return [self.units.resolve(n) or n for n in names]

    def measure_helpers(self, task: Task, measure: Measure) -> list[str]:
        """The measure's 配合单位 (its own, else its task's) by their own names, less any
        of its responsible units: they assist and have no part (docs/format.md)."""
        names = measure.helpers if measure.helpers is not None else task.helpers
        responsible = set(self.units.expand(self.measure_units(task, measure)))
        resolved = (self.units.resolve(n) or n for n in names or ())
        return [n for n in dict.fromkeys(resolved) if n not in responsible]


def _measure_facts(checklist: Checklist) -> list[MeasureFacts]:
    issued, files, positions = checklist.issued, checklist.files, checklist.positions
    facts: list[MeasureFacts] = []
    expanded: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per set of units
    for task in checklist.file.tasks:  # 50k measures at 10k tasks: kept lean
        task_units = tuple(checklist.units.resolve(n) or n for n in task.units)
        for measure in task.measures:
            deadline = checklist.deadlines.get(measure.id)
            units = task_units
            if measure.units is not None:
                units = tuple(checklist.measure_units(task, measure))
            status, percent, checkin, duty_checkins, part_log = progress_facts(measure)
            parts = expanded.get(units)
            if measure.finished_by is not None:  # finished by its lead alone: one part
                parts = checklist.units.parts(units, measure.finished_by)
            elif parts is None:
                parts = expanded[units] = checklist.units.expand(units)
            facts.append(
                (
                    measure.id,
                    task.id,
                    measure.text,
                    units,
                    status,
                    deadline.text if deadline else "",
                    deadline.due if deadline else None,
                    task.supervisor,
                    *positions[measure.id],
                    files.get(measure.id),
                    measure.lead,
                    measure.start or issued,
                    percent,
                    checkin,
                    bool(deadline and deadline.ongoing),
                    duty_checkins,
                    parts if len(parts) > 1 else (),
                    part_log,
                )
            )
    return facts


def progress_facts(measure: Measure) -> ProgressFacts:
    """The facts a mark changes (:data:`ProgressFacts`): status, the latest percent, the
    latest entry's date, the check-ins its recurring duties count (if it has any), and
    the entries that decide its parts (if any entry names a unit)."""
    progress = measure.progress
    if not progress:
        return measure.status, None, None, (), ()
    percent = next((e.percent for e in reversed(progress) if e.percent is not None), None)
    duty_checkins = checkins(progress) if measure.recurring else ()
    part_log = reduce_log((e.unit, e.status) for e in progress)
    return measure.status, percent, max(e.date for e in progress), duty_checkins, part_log
