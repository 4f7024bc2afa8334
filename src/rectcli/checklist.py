"""Validate parsed YAML into a :class:`Checklist`: the task list with its units resolved,
its deadlines read and every item's line known. Every problem found is collected and
raised at once, each at its place in the file.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from . import yamlsrc
from .deadlines import Deadline, DeadlineError, parse_deadline
from .duties import Duty, read_duties
from .errors import Problem, RectError, did_you_mean
from .models import Measure, Status, Task, TaskFile, UnitFile
from .policy import Policy
from .units import UnitRegistry
from .workdays import UnknownYear, WorkCalendar

CONFLICT_MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")  # ||||||| : diff3 style

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
]
LINE_FACT: Final = 8  # the line, which an edit above the measure moves
FILE_FACT: Final = 10


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
    # Derived from the above when first asked (measure_facts); never compared.
    facts: list[MeasureFacts] | None = field(default=None, repr=False, compare=False)

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


def _measure_facts(checklist: Checklist) -> list[MeasureFacts]:
    issued, files, positions = checklist.issued, checklist.files, checklist.positions
    facts: list[MeasureFacts] = []
    for task in checklist.file.tasks:  # 50k measures at 10k tasks: kept lean
        task_units = tuple(checklist.units.resolve(n) or n for n in task.units)
        for measure in task.measures:
            deadline = checklist.deadlines.get(measure.id)
            units = task_units
            if measure.units is not None:
                units = tuple(checklist.measure_units(task, measure))
            status, percent, checkin = progress_facts(measure)
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
                )
            )
    return facts


def progress_facts(measure: Measure) -> tuple[Status, int | None, date | None]:
    """The facts a mark changes: status, the latest percent, the latest entry's date."""
    progress = measure.progress
    if not progress:
        return measure.status, None, None
    percent = next((e.percent for e in reversed(progress) if e.percent is not None), None)
    return measure.status, percent, max(e.date for e in progress)


def parse_units(text: str, path: str) -> UnitRegistry:
    source = _parse(text, path, "units:")
    unit_file = _validate(UnitFile, source)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    unit_names = {u.name for u in unit_file.units}
    for kind, items in (("units", unit_file.units), ("groups", unit_file.groups)):
        for index, item in enumerate(items):
            for name_index, name in enumerate([item.name, *item.aliases]):
                loc: list[str | int] = [kind, index, "name"]
                if name_index:
                    loc = [kind, index, "aliases", name_index - 1]
                line, col = source.at(loc)
                if name in seen:
                    problems.append(
                        Problem(
                            path,
                            line,
                            col,
                            f"the name '{name}' is used twice (first on line {seen[name]})",
                        )
                    )
                seen.setdefault(name, line)
    for index, group in enumerate(unit_file.groups):
        for member_index, member in enumerate(group.members):
            if member not in unit_names:
                problems.append(
                    Problem(
                        path,
                        *source.at(["groups", index, "members", member_index]),
                        f"group member '{member}' is not a unit name"
                        + did_you_mean(member, unit_names),
                    )
                )
    if problems:
        raise RectError(problems)
    return UnitRegistry(unit_file)


def parse_tasks(
    text: str,
    path: str,
    units: UnitRegistry,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
) -> Checklist:
    source = _parse(text, path, "plan:\ntasks:")
    with yamlsrc.gc_paused():  # pydantic builds ~10 objects per line; see gc_paused
        task_file = _validate(TaskFile, source)
        checklist = Checklist(path, task_file, units, policy=policy or Policy())
        checklist.calendar = calendar or checklist.calendar
        problems = _check_tasks(checklist, source)
    if problems:
        raise RectError(problems)
    return checklist


def conflict_markers(text: str, path: str) -> list[Problem]:
    """A located problem for each marker line of a git merge conflict left in ``text``."""
    if "<<<<<<<" not in text:
        return []
    return [
        Problem(
            path,
            n,
            1,
            "unresolved merge conflict; keep the right lines and delete "
            "the <<<<<<< ======= >>>>>>> markers",
        )
        for n, line in enumerate(text.splitlines(), 1)
        if line.startswith(CONFLICT_MARKERS)
    ]


def _parse(text: str, path: str, expected: str) -> yamlsrc.Source:
    markers = conflict_markers(text, path)
    if markers:
        raise RectError(markers)
    source = yamlsrc.Source(text, path)
    if source.empty:
        raise RectError(
            [
                Problem(
                    path,
                    1,
                    1,
                    f"the file is empty; it should start with {expected.splitlines()[0]!r}",
                )
            ]
        )
    return source


def _validate(model: type[BaseModel], source: yamlsrc.Source) -> Any:
    path = source.path
    if not isinstance(source.data, dict):
        raise RectError(
            [Problem(path, *source.at([]), "expected a mapping of keys at the top of the file")]
        )
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise RectError(
            _pydantic_problem(err["type"], err["loc"], err["msg"], source.root, path)
            for err in exc.errors(include_input=False, include_url=False)
        ) from None


def _pydantic_problem(
    kind: str, loc: Sequence[str | int], msg: str, root: Node, path: str
) -> Problem:
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    if kind == "extra_forbidden":
        parent = yamlsrc.locate(root, loc[:-1])
        key = yamlsrc.key_node(parent, str(loc[-1])) or parent
        return Problem(
            path, *yamlsrc.position(key), f"unknown key '{loc[-1]}'" + _known_keys(root, loc)
        )
    node = yamlsrc.locate(root, loc)
    line, col = yamlsrc.position(node)
    if kind == "missing":
        return Problem(path, line, col, f"missing required key '{loc[-1]}'")
    read_as = yamlsrc.scalar_kind(node)
    if kind == "string_type" and read_as:
        value = getattr(node, "value", "")
        return Problem(
            path,
            line,
            col,
            f'{name}: YAML reads {value} as {read_as}, not text; quote it: {name}: "{value}"',
        )
    if kind == "literal_error":
        return Problem(path, line, col, f"{name}: {msg.replace('Input should be', 'must be')}")
    if kind in {"dict_type", "model_type"} and "：" in str(getattr(node, "value", "")):
        return Problem(
            path,
            line,
            col,
            f"{name}: a full-width colon '：' does not make a key; use ':' followed by a space",
        )
    return Problem(path, line, col, f"{name}: {msg[0].lower()}{msg[1:]}")


_FIELDS: dict[str, tuple[str, ...]] = {
    "top": ("plan", "tasks", "units", "groups", "warn", "escalate", "review", "lag", "years"),
}


def _known_keys(root: Node, loc: Sequence[str | int]) -> str:
    from .models import (
        Escalation,
        Group,
        HolidaySpan,
        HolidayYear,
        Incident,
        Measure,
        Milestone,
        Plan,
        ProgressEntry,
        Recurring,
        Review,
        Unit,
    )

    by_parent: dict[str, type[BaseModel]] = {
        "plan": Plan,
        "tasks": Task,
        "measures": Measure,
        "progress": ProgressEntry,
        "milestones": Milestone,
        "recurring": Recurring,
        "units": Unit,
        "groups": Group,
        "incidents": Incident,
        "escalate": Escalation,
        "review": Review,
        "years": HolidayYear,
        "holidays": HolidaySpan,
    }
    parent = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "top")
    model = by_parent.get(parent)
    fields = (
        tuple(f.alias or name for name, f in model.model_fields.items())
        if model
        else _FIELDS["top"]
    )
    return did_you_mean(str(loc[-1]), fields)


def _check_tasks(
    checklist: Checklist, source: yamlsrc.Source, tasks: Sequence[Task] | None = None
) -> list[Problem]:
    """What pydantic cannot see: ids, unit names and deadline phrases; of ``tasks``, the
    tasks of ``source`` (default: the whole list, from one file)."""
    path, units, issued = source.path, checklist.units, checklist.issued
    problems: list[Problem] = []

    at = source.at

    def check_units(names: list[str], loc: list[str | int]) -> None:
        for index, name in enumerate(names):
            if units.resolve(name) is None:
                problems.append(
                    Problem(
                        path,
                        *at([*loc, index]),
                        f"unknown unit '{name}'"
                        + did_you_mean(name, units.canonical)
                        + " (units are listed in units.yaml)",
                    )
                )

    def read_deadline(text: str, loc: list[str | int]) -> Deadline | None:
        try:
            return parse_deadline(text, issued)
        except DeadlineError as exc:
            problems.append(Problem(path, *at(loc), f"deadline: {exc}"))
            return None

    for t_index, task in enumerate(checklist.file.tasks if tasks is None else tasks):
        t_loc: list[str | int] = ["tasks", t_index]
        _record_id(checklist, task.id, path, at(t_loc), problems)
        check_units(task.units, [*t_loc, "units"])
        if task.supervisor is not None and units.resolve(task.supervisor) is None:
            problems.append(
                Problem(
                    path,
                    *at([*t_loc, "supervisor"]),
                    f"unknown unit "
                    f"'{task.supervisor}'" + did_you_mean(task.supervisor, units.canonical),
                )
            )
        task_deadline = read_deadline(task.deadline, [*t_loc, "deadline"])
        if task_deadline:
            checklist.deadlines[task.id] = task_deadline
        for m_index, measure in enumerate(task.measures):
            m_loc: list[str | int] = [*t_loc, "measures", m_index]
            _record_id(checklist, measure.id, path, at(m_loc), problems)
            if not measure.id.startswith(f"{task.id}."):
                problems.append(
                    Problem(
                        path,
                        *at([*m_loc, "id"]),
                        f"measure id '{measure.id}' must start with its task's id: '{task.id}.N'",
                    )
                )
            if measure.units is not None:
                check_units(measure.units, [*m_loc, "units"])
            for r_index, duty in enumerate(measure.recurring):
                if duty.units is not None:
                    check_units(duty.units, [*m_loc, "recurring", r_index, "units"])
            own = None
            if measure.deadline is not None:
                own = read_deadline(measure.deadline, [*m_loc, "deadline"])
            steps = [
                (read_deadline(ms.deadline, [*m_loc, "milestones", i, "deadline"]), ms.done)
                for i, ms in enumerate(measure.milestones)
            ]
            effective = (
                own or _milestone_deadline(steps) or (None if measure.deadline else task_deadline)
            )
            if effective and effective.due is None and measure.start is not None:
                counted = _count_from(effective, measure.start, checklist.calendar)
                if isinstance(counted, str):
                    problems.append(Problem(path, *at([*m_loc, "start"]), counted))
                effective = counted if isinstance(counted, Deadline) else None
            if effective:
                checklist.deadlines[measure.id] = effective
            if measure.recurring:
                duties, found = read_duties(
                    measure, measure.start or issued, checklist.calendar, path, at, m_loc
                )
                checklist.duties[measure.id] = duties
                problems.extend(found)
    return problems


def _record_id(
    checklist: Checklist,
    item_id: str,
    path: str,
    where: tuple[int, int],
    problems: list[Problem],
) -> None:
    if item_id in checklist.positions:
        first = checklist.files.get(item_id, checklist.path)
        where_first = "" if first == path else f"{first} "
        problems.append(
            Problem(
                path,
                *where,
                f"duplicate id '{item_id}' (first on {where_first}"
                f"line {checklist.positions[item_id][0]}); ids must be unique",
            )
        )
    else:
        checklist.positions[item_id] = where
        if path != checklist.path:
            checklist.files[item_id] = path


def _count_from(deadline: Deadline, start: date, calendar: WorkCalendar) -> Deadline | str:
    """A relative deadline (``7个工作日内``) counted from the measure's start, or a message."""
    if deadline.working_days is not None:
        try:
            return replace(deadline, due=calendar.add(start, deadline.working_days))
        except UnknownYear as exc:
            return f"start: counting {deadline.text} from {start}: {exc}"
    if deadline.days is not None:
        return replace(deadline, due=start + timedelta(days=deadline.days))
    return deadline


def _milestone_deadline(steps: list[tuple[Deadline | None, date | None]]) -> Deadline | None:
    """The earliest unfinished step's deadline; the last step's once all are done."""
    dated = [(d, done) for d, done in steps if d is not None]
    if not dated:
        return None
    pending = [d for d, done in dated if done is None]
    if pending:
        return min(pending, key=lambda d: d.due or date.max)
    return max((d for d, _ in dated), key=lambda d: d.due or date.min)
