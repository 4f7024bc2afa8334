"""The 销号公示: the public notice that precedes 销号 of a finished measure or problem.

Its sections follow the notices offices publish (tests/fixtures/notices/README.md keeps
the ones followed, with their addresses): 整改问题, 整改实施主体, 整改措施, 目标任务,
完成时限, 整改完成情况, then the 公示期 and whom to tell. Computed here, rendered by
``reports.notice``; ``today`` (the day of publication) is passed in.

The 公示期 is ``days`` working days (工作日, by the holiday calendar with data/holidays.yaml)
counted from the day of publication if that is a working day, else from the next one.
Nothing personal is published: notes are masked as ``report --public`` masks them, and
``by`` and evidence paths are left out (the evidence is counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rectcli.dates.workdays import UnknownYear
from rectcli.errors import Problem, RectError
from rectcli.labels import Labels
from rectcli.model.checklist import Checklist
from rectcli.model.shapes import Measure, Task
from rectcli.queries.report import mask_personal, measure_ordinal
from rectcli.queries.rows import measure_rows
from rectcli.statuses import FINISHED

DEFAULT_DAYS = 10


@dataclass(frozen=True)
class DoneStep:
    """One finished measure: its ordinal, text and what was reported done."""

    id: str
    ordinal: str
    text: str
    deadline: str
    finished_on: date | None  # its latest done/closed entry
    notes: tuple[tuple[date, str], ...]  # the log's notes, oldest first, masked
    evidence: int  # entries citing evidence


@dataclass(frozen=True)
class Notice:
    id: str  # the measure's or the problem's
    task: str
    plan: str
    problem: str  # the problem's title
    finding: str  # 督察发现, verbatim
    units: tuple[str, ...]  # 整改实施主体, official full names
    goal: str
    deadline: str  # 完成时限: the measure's (or the problem's) phrase
    steps: tuple[DoneStep, ...]
    published: date  # the day of publication (--as-of)
    first: date  # the 公示期's first working day
    last: date  # and its last
    days: int
    issuer: str | None
    contact: str | None


def build_notice(
    checklist: Checklist, item_id: str, today: date, labels: Labels, days: int = DEFAULT_DAYS
) -> Notice:
    """The notice of measure or problem ``item_id``; RectError (at its line) when it is
    not finished, saying what is missing."""
    found = checklist.find(item_id)
    if found is None:
        raise RectError(f"no task or measure '{item_id}'; see rect list")
    task, measure = found
    rows = {r.id: r for r in measure_rows(checklist, today)}
    measures = [measure] if measure is not None else list(task.measures)
    where = checklist.positions.get(item_id, (0, 0))
    open_ones = [m for m in measures if rows[m.id].status not in FINISHED]
    if not measures or open_ones:
        if measure is not None:
            status = labels.status(rows[measure.id].status)
            message = labels("notice_not_done", id=item_id, status=status)
        else:
            listed = "、".join(m.id for m in open_ones) or "—"
            message = labels("notice_not_done_task", id=item_id, open=listed)
        raise RectError([Problem(checklist.path, where[0], where[1], message)])
    units: dict[str, None] = {}
    for m in measures:
        for name in checklist.measure_units(task, m):
            units[checklist.units.full_name(name)] = None
    first, last = notice_period(checklist, today, days)
    deadline = (measure.deadline if measure is not None else None) or task.deadline
    return Notice(
        id=item_id,
        task=task.id,
        plan=checklist.file.plan.title,
        problem=task.title,
        finding=task.finding or "",
        units=tuple(units),
        goal=task.goal or "",
        deadline=deadline,
        steps=tuple(_step(task, m, today) for m in measures),
        published=today,
        first=first,
        last=last,
        days=days,
        issuer=checklist.file.plan.issuer,
        contact=checklist.file.plan.contact,
    )


def notice_period(checklist: Checklist, today: date, days: int) -> tuple[date, date]:
    """The first and last working day of a 公示期 of ``days`` working days from ``today``."""
    calendar = checklist.calendar
    try:
        first = calendar.add(today - timedelta(days=1), 1)
        last = calendar.add(first - timedelta(days=1), days)
    except UnknownYear as error:
        raise RectError(str(error)) from None
    return first, last


def _step(task: Task, measure: Measure, today: date) -> DoneStep:
    entries = [e for e in measure.progress if e.date <= today]
    finished = [e.date for e in entries if e.status in FINISHED]
    return DoneStep(
        id=measure.id,
        ordinal=measure_ordinal(task.id, measure.id),
        text=measure.text,
        deadline=measure.deadline or task.deadline,
        finished_on=finished[-1] if finished else None,
        notes=tuple((e.date, mask_personal(e.note)) for e in entries if e.note),
        evidence=sum(1 for e in entries if e.evidence),
    )
