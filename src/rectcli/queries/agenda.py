"""What the calendar asks of the office on a given day: recurring duties due or missed,
items falling due soon (预警), and items due for a look-back (回头看).

Pure: ``today`` is always passed in. Rows are :class:`~rectcli.queries.MeasureRow` so
that every report, JSON and CI format handles a duty's occurrence like a measure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rectcli.dates.duties import Duty, occurrences
from rectcli.model.checklist import (
    LEAD_FACT,
    START_FACT,
    STATUS_FACT,
    Checklist,
    MeasureFacts,
)
from rectcli.queries.rows import MeasureRow
from rectcli.statuses import FINISHED


def duty_rows(checklist: Checklist, today: date, horizon: int = 0) -> list[MeasureRow]:
    """One row per unfulfilled occurrence of a recurring duty due up to ``today +
    horizon`` days: overdue once its due date has passed. A closed (已销号) measure's
    duties end; a done one's go on (长期坚持 is never done forever).

    Made from the measure facts and the duties alone, never the models: a cached
    ``rect status`` then runs without pydantic (see cache.py)."""
    until = today + timedelta(days=horizon)
    rows: list[MeasureRow] = []
    if not checklist.duties:
        return rows
    for facts in checklist.measure_facts():
        duties = checklist.duties.get(facts[0])
        if not duties or facts[STATUS_FACT] == "closed":
            continue
        for duty in duties:
            rows.extend(_duty_rows(checklist, facts, duty, today, until))
    rows.sort(key=lambda r: (r.due or date.max, r.line))
    return rows


def _duty_rows(
    checklist: Checklist, facts: MeasureFacts, duty: Duty, today: date, until: date
) -> Iterable[MeasureRow]:
    (measure_id, task_id, text, units, status, _, _, supervisor, line, col, file, lead) = facts[:12]
    last_checkin, checkins = facts[14], facts[16]
    policy = checklist.policy
    if duty.units is not None:
        units = tuple(checklist.units.resolve(n) or n for n in duty.units)
    calendar = duty.schedule.rrule is not None  # else a response time: one row per incident
    for occurrence in occurrences(duty, checkins, until):
        if occurrence.fulfilled or occurrence.due > until:
            continue
        late = (today - occurrence.due).days
        overdue = late > 0
        yield MeasureRow(
            id=measure_id,
            task=task_id,
            text=occurrence.note or duty.text or text,
            units=units,
            status=status,
            deadline=duty.every,
            due=occurrence.due,
            overdue=overdue,
            days_overdue=late if overdue else 0,
            days_left=None if overdue else -late,
            supervisor=supervisor,
            line=line,
            col=col,
            file=file,
            level=policy.level(late) if overdue else None,
            warn_tier=None if overdue else policy.tier(-late, lead),
            last_checkin=last_checkin,
            duty=duty.every,
            period_start=occurrence.first,
            times=occurrence.needed if calendar else None,
            done_times=occurrence.count if calendar else None,
        )


def upcoming(rows: Iterable[MeasureRow], within: int | None = None) -> list[MeasureRow]:
    """Rows not yet overdue and due within ``within`` days; by default within each
    row's own warning tiers (the policy's, or the measure's ``lead``). Soonest first."""
    soon = [
        r
        for r in rows
        if r.days_left is not None
        and r.days_left >= 0
        and (r.warn_tier is not None if within is None else r.days_left <= within)
    ]
    return sorted(soon, key=lambda r: (r.due or date.max, r.line))


def warning_horizon(checklist: Checklist) -> int:
    """The longest warning period of the list: its policy's tiers and its measures' leads
    (from the facts: a cached run reads no models)."""
    leads = [f[LEAD_FACT] for f in checklist.measure_facts() if f[LEAD_FACT] is not None]
    return max((*checklist.policy.warn, *leads))


def by_unit(rows: Iterable[MeasureRow]) -> dict[str, list[MeasureRow]]:
    """Rows under each of their units (a row with two units is under both), units by name
    order of first appearance, rows in the order given."""
    groups: dict[str, list[MeasureRow]] = {}
    for row in rows:
        for unit in row.units:
            groups.setdefault(unit, []).append(row)
    return groups


@dataclass(frozen=True)
class ReviewItem:
    """A measure due for 回头看: a 长期坚持 item gone quiet, or a finished one to re-check."""

    row: MeasureRow
    reason: str  # "stale" (长期坚持, no check-in) | "look_back" (done/closed)
    since: date | None  # the last entry (or the start, for an item never checked in)
    days: int | None  # days since then; None when nothing is dated


def review(
    checklist: Checklist,
    rows: Iterable[MeasureRow],
    today: date,
    stale: int | None = None,
    look_back: int | None = None,
) -> list[ReviewItem]:
    """Ongoing items with no check-in for ``stale`` days, and done/closed items whose
    last entry is ``look_back`` days old (defaults: the policy's). Longest first."""
    stale = checklist.policy.stale if stale is None else stale
    look_back = checklist.policy.look_back if look_back is None else look_back
    starts = {facts[0]: facts[START_FACT] for facts in checklist.measure_facts()}
    items: list[ReviewItem] = []
    for row in rows:
        if row.ongoing and row.status != "closed":
            since = row.last_checkin or starts.get(row.id)  # the start: its own, or issued
            reason, wait = "stale", stale
        elif row.status in FINISHED:
            since, reason, wait = row.last_checkin, "look_back", look_back
        else:
            continue
        days = (today - since).days if since else None
        if days is None or days >= wait:
            items.append(ReviewItem(row, reason, since, days))
    items.sort(key=lambda i: (i.reason != "stale", -(i.days if i.days is not None else 1 << 30)))
    return items
