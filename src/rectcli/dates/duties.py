"""A measure's recurring duties: validated against the file, then evaluated for a day.

An occurrence of a calendar duty is fulfilled by the progress entries dated in its
period (``至少N次``: N of them), or by an entry that ``covers`` it (a late make-up). An
entry that names a ``duty`` counts for that duty only; one that names none counts for
every duty of its measure. A response-time duty (``7个工作日内``) is due per incident:
an item of the measure's ``incidents`` log naming it (or naming none, when it is the
measure's only response time), or, in older files, an item of its own ``incidents``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rectcli.dates.recurrence import (
    Schedule,
    ScheduleError,
    agrees,
    due_dates,
    next_due,
    parse_rrule,
    parse_schedule,
    periods,
    window_end,
)
from rectcli.dates.workdays import WorkCalendar
from rectcli.errors import Problem, did_you_mean

if TYPE_CHECKING:
    from rectcli.model.shapes import Incident, Measure, ProgressEntry, Recurring

Locate = Callable[[list[str | int]], tuple[int, int]]
Report = Callable[[list[str | int], str], None]
# What a duty's occurrences take from a progress entry: its date, the duty it names
# and the due date it makes up (ProgressEntry's date, duty, covers).
Checkin = tuple[date, str | None, date | None]


@dataclass(frozen=True)
class Case:
    """One incident of a response-time duty, with its due date."""

    found: date
    cleared: date | None
    note: str | None
    due: date


@dataclass(frozen=True)
class Duty:
    """One recurring item of a measure, validated and placed in the file. Plain values,
    no models: duties are kept in the parse cache's eager part, and a cached
    `rect status` evaluates them without importing pydantic."""

    index: int  # its place in the measure's `recurring` list
    every: str  # the plan's phrase (每季度)
    text: str | None  # what must be done
    units: tuple[str, ...] | None  # who does it, as written; None: the measure's units
    schedule: Schedule
    start: date | None  # the first period starts here (calendar duties)
    cases: tuple[Case, ...] = ()


def checkins(progress: Sequence[ProgressEntry]) -> tuple[Checkin, ...]:
    """What occurrences of duties take from a progress log."""
    return tuple((e.date, e.duty, e.covers) for e in progress)


@dataclass(frozen=True)
class Occurrence:
    """One period of a calendar duty, or one incident of a response-time duty."""

    first: date | None  # the period's first day (None for an incident: its found date)
    due: date
    count: int  # entries that fulfil it (an incident: 1 once cleared)
    needed: int
    note: str | None = None  # an incident's note

    @property
    def fulfilled(self) -> bool:
        return self.count >= self.needed


def occurrences(duty: Duty, progress: Sequence[Checkin], until: date) -> list[Occurrence]:
    """Every occurrence of ``duty`` due up to ``until``, with how far each is fulfilled,
    given the measure's progress log (see :func:`checkins`)."""
    if duty.schedule.rrule is None:
        return [
            Occurrence(c.found, c.due, int(c.cleared is not None), 1, c.note)
            for c in duty.cases
            if c.due <= until or c.cleared is None
        ]
    assert duty.start is not None
    mine = [(day, covers) for day, named, covers in progress if named in (None, duty.every)]
    made_up: list[date] = [covers for _, covers in mine if covers is not None]
    dated = sorted(day for day, covers in mine if covers is None)
    result = []
    for first, due in periods(duty.schedule.rrule, duty.start, until):
        count = sum(first <= d <= due for d in dated) + made_up.count(due)
        result.append(Occurrence(first, due, count, duty.schedule.times))
    return result


def next_occurrence(duty: Duty, today: date) -> date | None:
    """The next due date of a calendar duty on or after ``today``."""
    if duty.schedule.rrule is None or duty.start is None:
        return None
    return next_due(duty.schedule.rrule, duty.start, max(today, duty.start))


def read_duties(
    measure: Measure,
    start: date | None,
    calendar: WorkCalendar,
    path: str,
    at: Locate,
    loc: list[str | int],
) -> tuple[list[Duty], list[Problem]]:
    """Validate a measure's recurring duties and the progress entries that name them.

    Lines are looked up only for problems: a report points at the measure's own line,
    which loading knows without walking the node tree.
    """
    duties: list[Duty] = []
    problems: list[Problem] = []

    def report(where: list[str | int], message: str) -> None:
        problems.append(Problem(path, *at([*loc, *where]), message))

    for index, item in enumerate(measure.recurring):
        here: list[str | int] = ["recurring", index]
        schedule = _read_schedule(item, start, here, report)
        if schedule is not None:
            cases = _own_cases(item, schedule, calendar, here, report)
            units = None if item.units is None else tuple(item.units)
            duties.append(Duty(index, item.every, item.text, units, schedule, start, cases))
    phrases = [item.every for item in measure.recurring]  # a bad duty is reported once
    if measure.incidents:
        duties = _add_cases(measure, duties, calendar, report)
    for index, entry in enumerate(measure.progress):
        here = ["progress", index]
        if entry.duty is not None and entry.duty not in phrases:
            report(
                [*here, "duty"],
                f"duty: '{entry.duty}' is not one of this measure's recurring duties"
                + (did_you_mean(entry.duty, phrases) or _known(phrases)),
            )
        elif entry.covers is not None and len(duties) == len(measure.recurring):
            _check_covers(entry.duty, entry.covers, duties, [*here, "covers"], report)
    return duties, problems


def _read_schedule(
    item: Recurring, start: date | None, here: list[str | int], report: Report
) -> Schedule | None:
    try:
        schedule: Schedule | None = parse_schedule(item.every)
    except ScheduleError as exc:
        if item.rrule is None:
            report([*here, "every"], f"every: {exc}")
            return None
        schedule = None  # a phrase rect cannot read: its rrule says when
    if item.rrule is not None:
        try:
            given = parse_rrule(item.rrule)
        except ScheduleError as exc:
            report([*here, "rrule"], str(exc))
            return None
        if schedule is not None and schedule.rrule is None:
            report(
                [*here, "rrule"],
                f"rrule: '{item.every}' is a response time per incident, not a calendar; "
                "remove the rrule",
            )
            return None
        if schedule and schedule.rrule and start and not agrees(given, schedule.rrule, start):
            report(
                [*here, "rrule"],
                f"rrule: {given} does not agree with every: {item.every}; "
                f"write rrule: {schedule.rrule}",
            )
            return None
        schedule = Schedule(item.every, given, schedule.times if schedule else 1)
    assert schedule is not None
    if schedule.rrule is None:
        return schedule
    if start is None:
        report(
            [*here, "every"],
            f"every: the duty '{item.every}' counts from plan.issued or the measure's "
            "start; set one (e.g. start: 2024-04-12)",
        )
        return None
    if not due_dates(schedule.rrule, start, window_end(start)):
        report(
            [*here, "rrule" if item.rrule else "every"],
            f"'{item.rrule or item.every}' falls due on no day in the 4 years from {start}",
        )
        return None
    if item.incidents:
        report(
            [*here, "incidents"],
            f"incidents belong to a response-time duty such as 7个工作日内, not to '{item.every}'",
        )
        return None
    return schedule


def _read_cases(
    incidents: Sequence[tuple[list[str | int], Incident]],
    schedule: Schedule,
    calendar: WorkCalendar,
    report: Report,
) -> tuple[Case, ...]:
    """The cases of one duty, from its incidents and where each is."""
    cases: list[Case] = []
    for where, incident in incidents:
        if incident.cleared is not None and incident.cleared < incident.found:
            report([*where, "cleared"], "cleared: before the incident was found")
            continue
        due = response_due(schedule, incident.found, calendar)  # an unknown year: weekends
        cases.append(Case(incident.found, incident.cleared, incident.note, due))
    return tuple(cases)


def _own_cases(
    item: Recurring,
    schedule: Schedule,
    calendar: WorkCalendar,
    here: list[str | int],
    report: Report,
) -> tuple[Case, ...]:
    """The cases an older file keeps under the duty itself."""
    listed: list[tuple[list[str | int], Incident]] = []
    for index, incident in enumerate(item.incidents):
        where: list[str | int] = [*here, "incidents", index]
        if incident.duty is not None and incident.duty != item.every:
            report(
                [*where, "duty"],
                f"duty: '{incident.duty}' is not the duty this incident is listed under "
                f"({item.every}); move it to the measure's incidents",
            )
            continue
        listed.append((where, incident))
    return _read_cases(listed, schedule, calendar, report)


def _add_cases(
    measure: Measure, duties: list[Duty], calendar: WorkCalendar, report: Report
) -> list[Duty]:
    """``duties`` with the cases of the measure's ``incidents`` log added to the duty
    each names (or to its only response time). An incident naming a duty that could
    not be read is not reported: the duty was."""
    phrases = [item.every for item in measure.recurring]
    responses = [d.every for d in duties if d.schedule.rrule is None]
    all_read = len(duties) == len(measure.recurring)
    mine: dict[str, list[tuple[list[str | int], Incident]]] = {}
    for index, incident in enumerate(measure.incidents):
        named = incident.duty
        where: list[str | int] = ["incidents", index]
        if named is None and len(responses) == 1 and all_read:
            named = responses[0]
        elif named is None:
            if all_read or len(responses) > 1:
                report(where, _no_duty_named(responses))
            continue
        elif named not in phrases:
            report(
                [*where, "duty"],
                f"duty: '{named}' is not one of this measure's recurring duties"
                + (did_you_mean(named, phrases) or _known(phrases)),
            )
            continue
        elif named not in responses:
            if any(d.every == named for d in duties):
                report(
                    [*where, "duty"],
                    f"duty: '{named}' is a calendar duty; an incident belongs to a "
                    "response-time duty such as 7个工作日内",
                )
            continue
        mine.setdefault(named, []).append((where, incident))
    return [
        replace(d, cases=d.cases + _read_cases(mine[d.every], d.schedule, calendar, report))
        if d.every in mine
        else d
        for d in duties
    ]


def _no_duty_named(responses: list[str]) -> str:
    if not responses:
        return (
            "this measure has no response-time duty (such as 7个工作日内) for an incident; "
            "add one to its recurring: items"
        )
    return (
        f"this measure has several response-time duties ({'、'.join(responses)}); "
        "name the incident's one with duty:"
    )


def _known(phrases: list[str]) -> str:
    return f" ({'、'.join(phrases)})" if phrases else " (it has none)"


def response_due(schedule: Schedule, event: date, calendar: WorkCalendar) -> date:
    """When a response-time duty started by an event on ``event`` is due."""
    if schedule.working_days is not None:
        return calendar.add(event, schedule.working_days)
    return event + timedelta(days=schedule.days or 0)


def _check_covers(
    phrase: str | None, covers: date, duties: list[Duty], where: list[str | int], report: Report
) -> None:
    rules = [
        (d.every, d.schedule.rrule, d.start)
        for d in duties
        if d.schedule.rrule and d.start and (phrase is None or d.every == phrase)
    ]
    for _, rule, start in rules:
        assert rule is not None and start is not None
        if covers in due_dates(rule, start, covers):
            return
    if not rules:
        report(where, "covers: this measure has no calendar duty to make up")
        return
    every, rule, start = rules[0]
    assert rule is not None and start is not None
    near = next_due(rule, start, covers)
    report(
        where,
        f"covers: {covers} is not a due date of {every}"
        + (f"; the next one is {near}" if near else ""),
    )
