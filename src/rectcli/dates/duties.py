"""A measure's recurring duties: validated against the file, then evaluated for a day.

An occurrence of a calendar duty is fulfilled by the progress entries dated in its
period (``至少N次``: N of them), or by an entry that ``covers`` it (a late make-up). An
entry that names a ``duty`` counts for that duty only; one that names none counts for
every duty of its measure. A response-time duty (``7个工作日内``) is due per incident.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
    from rectcli.model.shapes import Measure, ProgressEntry, Recurring

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
            cases = _read_cases(item, schedule, calendar, here, report)
            units = None if item.units is None else tuple(item.units)
            duties.append(Duty(index, item.every, item.text, units, schedule, start, cases))
    phrases = [item.every for item in measure.recurring]  # a bad duty is reported once
    for index, entry in enumerate(measure.progress):
        here = ["progress", index]
        if entry.duty is not None and entry.duty not in phrases:
            known = f" ({'、'.join(phrases)})" if phrases else " (it has none)"
            report(
                [*here, "duty"],
                f"duty: '{entry.duty}' is not one of this measure's recurring duties"
                + (did_you_mean(entry.duty, phrases) or known),
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
    item: Recurring,
    schedule: Schedule,
    calendar: WorkCalendar,
    here: list[str | int],
    report: Report,
) -> tuple[Case, ...]:
    cases: list[Case] = []
    for index, incident in enumerate(item.incidents):
        where: list[str | int] = [*here, "incidents", index]
        if incident.cleared is not None and incident.cleared < incident.found:
            report([*where, "cleared"], "cleared: before the incident was found")
            continue
        due = response_due(schedule, incident.found, calendar)  # an unknown year: weekends
        cases.append(Case(incident.found, incident.cleared, incident.note, due))
    return tuple(cases)


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


# ---- naming a duty from the command line (rect mark --duty, rect incident) ----


class DutyChoiceError(ValueError):
    """``--duty`` names no duty of the measure (or several); str(e) says which there are."""


def match_duty(measure: Measure, wanted: str, option: str = "--duty") -> Recurring:
    """The measure's recurring duty that ``wanted`` names: its ``every`` phrase (每季度),
    else its text, else a part of either; one only, or DutyChoiceError."""
    duties = measure.recurring
    if not duties:
        raise DutyChoiceError(
            f"{measure.id} has no recurring duties; {option} names one of a measure's "
            "recurring: items (docs/deadlines.md)"
        )
    word = wanted.strip()
    for found in (
        [d for d in duties if d.every == word],
        [d for d in duties if d.text == word],
        [d for d in duties if word and (word in d.every or word in (d.text or ""))],
    ):
        phrases = list(dict.fromkeys(d.every for d in found))
        if len(phrases) == 1:
            return found[0]
        if phrases:
            raise DutyChoiceError(
                f"{option} '{wanted}' fits several duties of {measure.id} "
                f"({'、'.join(phrases)}); name one by its phrase"
            )
    every = [d.every for d in duties]
    raise DutyChoiceError(
        f"{measure.id} has no recurring duty '{wanted}'"
        + (did_you_mean(word, every) or f" (its duties: {'、'.join(every)})")
    )


def duty_rule(duty: Recurring) -> str | None:
    """The RRULE of a calendar duty's due dates; None for a response time (or a duty
    rect cannot read: loading reports it)."""
    try:
        if duty.rrule is not None:
            return parse_rrule(duty.rrule)
        return parse_schedule(duty.every).rrule
    except ScheduleError:
        return None


def covers_problem(
    measure: Measure, duty: Recurring | None, covers: date, start: date | None
) -> str | None:
    """Why ``covers`` cannot be the due date a make-up entry names, or None: it must be a
    due date of ``duty`` (of one of the measure's calendar duties, when None)."""
    if duty is not None:
        rule = duty_rule(duty)
        if rule is None:
            return (
                f"'{duty.every}' of {measure.id} has no due dates to make up (a response time "
                "is due per incident: record incidents with rect incident)"
            )
        rules = [(duty.every, rule)]
    else:
        rules = [(d.every, r) for d in measure.recurring if (r := duty_rule(d)) is not None]
        if not rules:
            return f"{measure.id} has no recurring calendar duty whose due date --covers could name"
    if start is None:  # no start known here: loading checks the date against the calendar
        return None
    befores: list[date] = []
    afters: list[date] = []
    for _, rule in rules:
        before = due_dates(rule, start, covers)
        if before and before[-1] == covers:
            return None
        befores += before[-1:]
        after = next_due(rule, start, covers)
        afters += [after] if after else []
    near = [str(d) for d in (max(befores, default=None), min(afters, default=None)) if d]
    names = [every for every, _ in rules]
    return (
        f"--covers {covers} is not a due date of "
        + (names[0] if len(names) == 1 else f"{'、'.join(names[:-1])} or {names[-1]}")
        + (f" (the nearest: {', '.join(near)})" if near else "")
    )
