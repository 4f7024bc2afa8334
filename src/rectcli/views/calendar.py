"""Deadlines as an iCalendar feed (RFC 5545, via ``icalendar``) that Outlook or a phone
subscribes to: one all-day event per due date, one repeating event per recurring duty.

UIDs derive from the plan's title and the measure id, so a re-exported file updates the
events a calendar already holds instead of duplicating them. ``today`` only stamps the
file (DTSTAMP); nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from icalendar import Calendar, Event, vDDDTypes, vRecur, vText

from rectcli.dates.recurrence import ScheduleError, next_due, parse_rrule, parse_schedule
from rectcli.labels import Labels
from rectcli.model.checklist import Checklist
from rectcli.model.shapes import Measure, Recurring, Task
from rectcli.queries.rows import MeasureRow

SUMMARY_CHARS = 24


@dataclass(frozen=True)
class Skipped:
    """A recurring duty rect cannot put on a calendar (a response time, an unknown phrase)."""

    measure: str
    every: str


# ---- recurring duties → RRULE (the schedule module reads the phrases) ----------


def duty_rule(duty: Recurring) -> tuple[str, int] | None:
    """(RRULE, times per period) of a calendar duty: its own ``rrule`` or the one its
    phrase gives; None for a response time (7个工作日内) or a phrase rect cannot read."""
    try:
        schedule = parse_schedule(duty.every)
    except ScheduleError:
        schedule = None
    times = schedule.times if schedule else 1
    if duty.rrule is not None:
        try:
            return parse_rrule(duty.rrule), times
        except ScheduleError:  # pragma: no cover - the checklist was validated on load
            return None
    if schedule is None or schedule.rrule is None:
        return None
    return schedule.rrule, times


def first_due(rule: str, start: date) -> date | None:
    """The rule's first due date on or after ``start``."""
    return next_due(rule, start, start)


# ---- the calendar ----------------------------------------------------------------


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _event(uid: str, day: date, summary: str, description: str, stamp: vDDDTypes) -> Event:
    # Typed values set directly: Event.add() re-derives each one's type, and that is
    # half the time of a 50,000-event feed.
    event = Event()
    event["uid"] = vText(uid)
    event["dtstamp"] = stamp
    event["dtstart"] = vDDDTypes(day)  # a date: an all-day event
    event["dtend"] = vDDDTypes(day + timedelta(days=1))  # the end is exclusive
    event["summary"] = vText(summary)
    event["description"] = vText(description)
    event["transp"] = vText("TRANSPARENT")  # a deadline does not make anyone busy
    return event


def build_calendar(
    checklist: Checklist,
    rows: Iterable[MeasureRow],
    today: date,
    labels: Labels,
    member: str | None = None,
) -> tuple[Calendar, list[Skipped]]:
    """The feed for ``rows``, and the recurring duties left out of it. A workspace's
    ``member`` is named before each summary and in each event's uid."""
    plan = checklist.file.plan
    plan_key = _digest(plan.title) if member is None else _digest(plan.title, member)
    who = "" if member is None else f"{member} "
    stamp = vDDDTypes(datetime.combine(today, time(), tzinfo=timezone.utc))
    start = plan.issued or today
    cal = Calendar()
    cal.add("prodid", "-//rect//rectification deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{plan.title} {labels('deadline')}")
    skipped: list[Skipped] = []
    found = {m.id: (t, m) for t, m in checklist.measures()}
    for row in rows:
        task, measure = found[row.id]
        about = _about(task, measure, row, labels)
        if row.due is not None:
            summary = f"{who}{row.id} {_short(row.text)}"
            uid = f"measure-{row.id}-{plan_key}@rect"
            cal.add_component(_event(uid, row.due, summary, about, stamp))
        for index, step in enumerate(measure.milestones, 1):
            step_due = _milestone_due(checklist, step.deadline)
            if step_due is None or step_due == row.due:
                continue  # the measure's own event already stands on that day
            summary = f"{who}{row.id} {labels('milestones')}: {_short(step.text or step.deadline)}"
            uid = f"milestone-{row.id}-{index}-{plan_key}@rect"
            cal.add_component(_event(uid, step_due, summary, about, stamp))
        for duty in measure.recurring:
            found_rule = duty_rule(duty)
            first = first_due(found_rule[0], measure.start or start) if found_rule else None
            if found_rule is None or first is None:
                skipped.append(Skipped(row.id, duty.every))
                continue
            rule, times = found_rule
            summary = f"{who}{row.id} {duty.every}: {_short(duty.text or row.text)}"
            uid = f"duty-{row.id}-{_digest(duty.every, duty.text or '')}-{plan_key}@rect"
            owners = duty.units or list(row.units)
            text = f"{labels('recurring')}: {duty.every}"
            if times > 1:
                text += labels("calendar_times", n=times)
            text += f"\n{labels('units')}: {'、'.join(owners)}"
            event = _event(uid, first, summary, f"{text}\n{about}", stamp)
            event["rrule"] = vRecur.from_ical(rule)
            cal.add_component(event)
    return cal, skipped


def _milestone_due(checklist: Checklist, phrase: str) -> date | None:
    from rectcli.dates.grammar import DeadlineError, parse_deadline

    try:
        return parse_deadline(phrase, checklist.issued).due
    except DeadlineError:  # pragma: no cover - the checklist was validated on load
        return None


def _about(task: Task, measure: Measure, row: MeasureRow, labels: Labels) -> str:
    due = f" ({row.due.isoformat()})" if row.due else ""
    return "\n".join(
        [
            f"{labels('task')} {task.id}: {task.title}",
            f"{labels('text')}: {measure.text}",
            f"{labels('units')}: {'、'.join(row.units)}",
            f"{labels('deadline')}: {row.deadline}{due}",
            f"{labels('status')}: {labels.status(row.status)}",
        ]
    )


def merged_calendar(title: str, calendars: Iterable[Calendar], labels: Labels) -> Calendar:
    """One feed of the events of ``calendars`` (a workspace's members'), named ``title``."""
    cal = Calendar()
    cal.add("prodid", "-//rect//rectification deadlines//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{title} {labels('deadline')}")
    for one in calendars:
        for event in one.walk("VEVENT"):
            cal.add_component(event)
    return cal


def calendar_bytes(cal: Calendar) -> bytes:
    return bytes(cal.to_ical())
