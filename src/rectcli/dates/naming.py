"""Naming a measure's duty from the command line (``rect mark --duty``, ``--covers``,
``rect incident``): which duty a word means, and whether a date is one it can make up.
Apart from duties.py, which loading and every `rect status` import: only editing
commands need these."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rectcli.dates.recurrence import ScheduleError, due_dates, next_due, parse_rrule, parse_schedule
from rectcli.errors import did_you_mean

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure, Recurring


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
