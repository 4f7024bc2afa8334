"""How rect reads one phrase (``rect calc``): a deadline, a recurring duty or a response
time, with its due date, rule and next occurrences, or the working days it counts.

Pure: ``today``, the plan's issue date and the working-day calendar are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rectcli.dates.grammar import DeadlineError, add_months, parse_deadline
from rectcli.dates.recurrence import Schedule, ScheduleError, parse_schedule, periods
from rectcli.dates.workdays import DayInfo, WorkCalendar
from rectcli.errors import RectError


@dataclass(frozen=True)
class Reading:
    """What a phrase means, as ``rect calc`` shows it."""

    text: str
    kind: str  # date | immediate | ongoing | relative | calendar | response
    due: date | None = None
    rrule: str | None = None
    times: int | None = None  # 至少N次
    periods: tuple[tuple[date, date], ...] = ()  # the next (first day, due date) pairs
    working_days: int | None = None
    days: int | None = None
    start: date | None = None  # what a relative period counts from
    counted: tuple[DayInfo, ...] = field(default=())  # the days from start to due

    def to_json(self) -> dict[str, Any]:
        def iso(day: date | None) -> str | None:
            return day.isoformat() if day else None

        return {
            "text": self.text,
            "kind": self.kind,
            "due": iso(self.due),
            "rrule": self.rrule,
            "times": self.times,
            "next": [{"from": iso(a), "due": iso(b)} for a, b in self.periods],
            "working_days": self.working_days,
            "days": self.days,
            "from": iso(self.start),
            "days_counted": [
                {"date": d.day.isoformat(), "workday": d.workday, "holiday": d.name}
                for d in self.counted
            ],
        }


def read_phrase(
    text: str,
    today: date,
    *,
    issued: date | None = None,
    start: date | None = None,
    calendar: WorkCalendar | None = None,
    count: int = 4,
) -> Reading:
    """Read ``text`` as a recurring duty (``每…``) or a deadline. A calendar duty's
    periods start at ``start`` (else ``issued``, else ``today``); the next ``count`` due
    on or after ``today`` are shown. A relative period counts from ``start`` (else
    ``issued``, else today), as tasks.yaml counts a 整改时限 like 3天内.
    """
    calendar = calendar or WorkCalendar()
    try:
        schedule: Schedule | None = parse_schedule(text)
    except ScheduleError as exc:
        schedule, schedule_error = None, exc
    if schedule is None or schedule.rrule is None:
        try:
            deadline = parse_deadline(text, issued)
        except DeadlineError as exc:
            if text.lstrip().startswith("每"):
                raise RectError(str(schedule_error)) from None
            hint = "; outside a project, give --issued DATE" if "plan.issued" in str(exc) else ""
            raise RectError(f"{exc}{hint}") from None
        if deadline.due is not None or deadline.kind == "ongoing":
            return Reading(text, deadline.kind, due=deadline.due)
        if deadline.months is not None:
            first = start or issued or today
            due = add_months(first, deadline.months)
            return Reading(text, "relative", due=due, start=first)
        first = start or issued or today  # as tasks.yaml counts: from the plan's issue date
        return _relative(text, deadline.working_days, deadline.days, first, calendar)
    first = start or issued or today
    span = 400  # days: enough for a few periods of anything but a yearly duty
    while True:
        until = max(today, first) + timedelta(days=span)
        shown = [p for p in periods(schedule.rrule, first, until) if p[1] >= today][:count]
        if len(shown) >= count or span > 366 * 40:  # a rule with UNTIL may end early
            break
        span *= 4
    return Reading(
        text,
        "calendar",
        due=shown[0][1] if shown else None,
        rrule=schedule.rrule,
        times=schedule.times,
        periods=tuple(shown),
    )


def _relative(
    text: str, working_days: int | None, days: int | None, start: date, calendar: WorkCalendar
) -> Reading:
    kind = "relative"
    if working_days is None:
        assert days is not None
        return Reading(text, kind, due=start + timedelta(days=days), days=days, start=start)
    counted = calendar.counted(start, working_days)  # an unknown year: by weekends (warned)
    return Reading(
        text,
        kind,
        due=counted[-1].day,
        working_days=working_days,
        start=start,
        counted=tuple(counted),
    )
