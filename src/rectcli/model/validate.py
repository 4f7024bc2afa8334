"""Validate parsed YAML into a :class:`~rectcli.checklist.Checklist`: the task list with
its units resolved, its deadlines read and every item's line known. Every problem found
is collected and raised at once, each at its place in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from rectcli.dates.duties import read_duties
from rectcli.dates.grammar import Deadline, DeadlineError, add_months, parse_deadline
from rectcli.dates.workdays import WorkCalendar
from rectcli.errors import Problem, RectError, did_you_mean
from rectcli.memory import gc_paused
from rectcli.model.checklist import Checklist
from rectcli.model.logrules import dated_entries, log_findings
from rectcli.model.policy import Policy
from rectcli.model.roles import measure_role_findings, task_role_findings
from rectcli.model.shapes import Task, TaskFile, UnitFile
from rectcli.model.units import UnitRegistry, person_email
from rectcli.statuses import FINISHED
from rectcli.textsafe import control_char
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.conflicts import conflict_markers


def parse_units(text: str, path: str) -> UnitRegistry:
    source = parse_source(text, path, "units:")
    unit_file = validate_model(UnitFile, source)
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
                bad = control_char(name)
                if bad is not None:
                    problems.append(Problem(path, line, col, _control_message("a unit name", bad)))
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
    people: dict[str, tuple[str, int]] = {}
    for index, unit in enumerate(unit_file.units):
        for person_index, person in enumerate(unit.people):
            line, col = source.at(["units", index, "people", person_index])
            email = person_email(person)
            if not email:
                message = f"people: '{person}' is no git identity; write name <email> or email"
                problems.append(Problem(path, line, col, message))
            elif email in people and people[email][0] != unit.name:
                first, first_line = people[email]
                problems.append(
                    Problem(
                        path,
                        line,
                        col,
                        f"people: {email} records for {first} already (line {first_line}); "
                        "a person records for one unit",
                    )
                )
            else:
                people.setdefault(email, (unit.name, line))
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
    source = parse_source(text, path, "plan:\ntasks:")
    with gc_paused():  # pydantic builds ~10 objects per line; see gc_paused
        task_file = validate_model(TaskFile, source)
        checklist = Checklist(path, task_file, units, policy=policy or Policy())
        checklist.calendar = calendar or checklist.calendar
        problems = check_tasks(checklist, source)
    if problems:
        raise RectError(problems)
    return checklist


def parse_source(text: str, path: str, expected: str) -> yamlsrc.Source:
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


def validate_model(model: type[BaseModel], source: yamlsrc.Source) -> Any:
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
    "top": (
        *("plan", "tasks", "units", "groups", "warn", "escalate", "review", "lag", "years"),
        *("title", "members", "upper"),  # workspace.yaml
    ),
}


def _known_keys(root: Node, loc: Sequence[str | int]) -> str:
    from rectcli.model.shapes import (
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
    from rectcli.model.workspace_shapes import Member, Source

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
        "members": Member,
        "upper": Source,
    }
    parent = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "top")
    model = by_parent.get(parent)
    fields = (
        tuple(f.alias or name for name, f in model.model_fields.items())
        if model
        else _FIELDS["top"]
    )
    return did_you_mean(str(loc[-1]), fields)


def check_tasks(
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
        if task.parent is not None:
            checklist.parents[task.id] = task.parent
        check_units(task.units, [*t_loc, "units"])
        roles = task_role_findings(task, units)
        problems += [Problem(path, *at([*t_loc, *w]), message) for w, message in roles]
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
            if measure.parent is not None:
                checklist.parents[measure.id] = measure.parent
            if not measure.id.startswith(f"{task.id}."):
                wrong_id = f"measure id '{measure.id}' must start with its task's id: '{task.id}.N'"
                problems.append(Problem(path, *at([*m_loc, "id"]), wrong_id))
            if measure.units is not None:
                check_units(measure.units, [*m_loc, "units"])
            roles = measure_role_findings(task, measure, units)
            problems += [Problem(path, *at([*m_loc, *w]), message) for w, message in roles]
            for r_index, duty in enumerate(measure.recurring):
                if duty.units is not None:
                    check_units(duty.units, [*m_loc, "recurring", r_index, "units"])
            reached, extensions, wrong = dated_entries(measure)  # milestones, 延期
            problems += [Problem(path, *at([*m_loc, *w]), message) for w, message in wrong]
            extended: Deadline | None = None  # the last approved extension (延期)
            for e_index, phrase in extensions:
                e_loc: list[str | int] = [*m_loc, "progress", e_index, "deadline"]
                extended = read_deadline(phrase, e_loc) or extended
            own = None
            if measure.deadline is not None:
                own = read_deadline(measure.deadline, [*m_loc, "deadline"])
            ms_loc: list[str | int] = [*m_loc, "milestones"]
            steps = [
                (
                    read_deadline(ms.deadline, [*ms_loc, i, "deadline"]),
                    ms.done or reached.get(ms.deadline),
                )
                for i, ms in enumerate(measure.milestones)
            ]
            effective = extended or (
                own or _milestone_deadline(steps) or (None if measure.deadline else task_deadline)
            )
            start = measure.start or issued  # 3天内 counts from the plan's issue date
            if effective and effective.due is None and start is not None:
                counted = _count_from(effective, start, checklist.calendar)
                if isinstance(counted, str):
                    problems.append(Problem(path, *at([*m_loc, "start"]), counted))
                effective = counted if isinstance(counted, Deadline) else None
            if effective:
                checklist.deadlines[measure.id] = effective
            if measure.progress or measure.status in FINISHED:
                names = measure.units if measure.units is not None else task.units
                parts = units.parts((units.resolve(n) or n for n in names), measure.finished_by)
                for where, message in log_findings(measure, parts, units):
                    problems.append(Problem(path, *at([*m_loc, *where]), message))
            if measure.recurring or measure.incidents:
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
    bad = control_char(item_id)
    if bad is not None:
        problems.append(Problem(path, *where, _control_message("an id", bad)))
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


def _control_message(what: str, shown: str) -> str:
    return (
        f"{what} cannot hold a control, bidi or line-break character ({shown}): "
        "it would change how a terminal or a CI log shows it"
    )


def _count_from(deadline: Deadline, start: date, calendar: WorkCalendar) -> Deadline | str:
    """A relative deadline (``7个工作日内``) counted from the measure's start, or a message."""
    if deadline.working_days is not None:
        return replace(deadline, due=calendar.add(start, deadline.working_days))
    if deadline.days is not None:
        return replace(deadline, due=start + timedelta(days=deadline.days))
    if deadline.months is not None:
        return replace(deadline, due=add_months(start, deadline.months))
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
