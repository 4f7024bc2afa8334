"""Pure questions over a loaded checklist: which measures, how late, how far along.

Nothing here reads the clock: ``today`` is always passed in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rectcli.errors import RectError, did_you_mean
from rectcli.model.checklist import Checklist
from rectcli.model.parts import Parts, part_statuses
from rectcli.model.policy import expected_percent, is_behind
from rectcli.statuses import FINISHED, STATUSES, Status

DUE_SOON_DAYS = 14


@dataclass(slots=True)  # not frozen: 50k rows build 40% faster
class MeasureRow:
    """One measure as every report sees it: the contract's JSON keys and a bit more."""

    id: str
    task: str
    text: str
    units: tuple[str, ...]
    status: Status
    deadline: str
    due: date | None
    overdue: bool
    days_overdue: int
    days_left: int | None
    supervisor: str | None
    line: int
    col: int
    # deadlines (docs/deadlines.md): escalation, warning, 序时进度, 长期坚持, duties
    level: str | None = None  # escalation reached when overdue: notice | supervise | summon
    warn_tier: int | None = None  # the warning tier (30/15/7 days) a due date is inside
    percent: int | None = None  # the latest reported percent
    expected: int | None = None  # 序时进度: the share of start → due elapsed, in percent
    behind: bool = False  # 滞后: percent trails expected by more than the policy's lag
    ongoing: bool = False  # 长期坚持 / 持续整改
    last_checkin: date | None = None  # the latest progress entry's date
    duty: str | None = None  # set on a recurring duty's occurrence: its phrase
    period_start: date | None = None  # that occurrence's first day
    times: int | None = None  # entries its period needs (至少N次)
    done_times: int | None = None  # entries it has so far
    file: str | None = None  # in a list kept in several files: the one holding the measure
    member: str | None = None  # read through a workspace (issue 17): the member list's name
    # a shared measure whose log names a unit: each unit's part and its status
    # (model/parts.py); empty when every part has the measure's status
    parts: Parts = ()

    @property
    def kind(self) -> str:
        """``measure``, or ``duty`` for an occurrence of a recurring duty."""
        return "measure" if self.duty is None else "duty"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "task": self.task,
            "text": self.text,
            "units": list(self.units),
            "status": self.status,
            "deadline": self.deadline,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
            "supervisor": self.supervisor,
            "line": self.line,
            "level": self.level,
            "warn_tier": self.warn_tier,
            "percent": self.percent,
            "expected": self.expected,
            "behind": self.behind,
            "ongoing": self.ongoing,
            "last_checkin": self.last_checkin.isoformat() if self.last_checkin else None,
        }
        if self.duty is not None:  # an occurrence of a recurring duty
            data["duty"] = self.duty
            data["period_start"] = self.period_start.isoformat() if self.period_start else None
            data["times"] = self.times
            data["done_times"] = self.done_times
        if self.parts:
            data["parts"] = [{"unit": unit, "status": status} for unit, status in self.parts]
        if self.file is not None:
            data["file"] = self.file
        if self.member is not None:
            data["member"] = self.member
        return data


def measure_rows(checklist: Checklist, today: date) -> list[MeasureRow]:
    """A row per measure, in file order, as of ``today``."""
    policy = checklist.policy
    lag = policy.lag
    levels: dict[int, str | None] = {}  # days overdue → escalation level
    tiers: dict[tuple[int | None, int | None], int | None] = {}  # (days left, lead) → tier
    rows = []
    # 50k rows at 10k tasks: the facts that do not depend on the day come ready-made.
    for (
        measure_id,
        task_id,
        text,
        units,
        status,
        deadline,
        due,
        supervisor,
        line,
        col,
        file,
        lead,
        start,
        percent,
        last_checkin,
        ongoing,
        _,
        shared,
        part_log,
    ) in checklist.measure_facts():
        finished = status in FINISHED
        overdue = due is not None and today > due and not finished
        days_overdue = (today - due).days if overdue and due else 0
        days_left = (due - today).days if due and not finished else None
        expected = None
        if not finished and not overdue:
            expected = expected_percent(start, due, today)
        level = None
        if overdue:
            level = levels[days_overdue] if days_overdue in levels else policy.level(days_overdue)
            levels[days_overdue] = level
        tier_key = (days_left, lead)
        tier = tiers[tier_key] if tier_key in tiers else policy.tier(days_left, lead)
        tiers[tier_key] = tier
        row = MeasureRow(
            measure_id,
            task_id,
            text,
            units,
            status,
            deadline,
            due,
            overdue,
            days_overdue,
            days_left,
            supervisor,
            line,
            col,
            level,
            tier,
            percent,
            expected,
            is_behind(expected, percent, lag),
            ongoing,
            last_checkin,
            file=file,
        )
        if part_log and shared:  # once an entry names a unit; else every part has the status
            row.parts = part_statuses(shared, status, part_log)
        rows.append(row)
    return rows


def tally(checklist: Checklist, today: date, soon_days: int = DUE_SOON_DAYS) -> tuple[int, ...]:
    """(total, finished, overdue, due within ``soon_days``, behind): what the rows of
    :func:`measure_rows` count, without making them (a workspace's status over 31 lists)."""
    lag = checklist.policy.lag
    total = finished = overdue = soon = behind = 0
    for facts in checklist.measure_facts():
        total += 1
        status, due, start, percent = facts[4], facts[6], facts[12], facts[13]
        if status in FINISHED:
            finished += 1
            continue
        if due is not None and today > due:
            overdue += 1
            continue
        if due is not None and (due - today).days <= soon_days:
            soon += 1
        behind += is_behind(expected_percent(start, due, today), percent, lag)
    return total, finished, overdue, soon, behind


def parse_days(text: str) -> int:
    """``30d``, ``2w``, ``30`` → a number of days."""
    match = re.fullmatch(r"\s*(\d+)\s*([dw天周]?)\s*", text)
    if not match:
        raise RectError(f"cannot read the period '{text}'; write days as 30d or weeks as 2w")
    number, unit = int(match[1]), match[2]
    days = number * 7 if unit in ("w", "周") else number
    if days > MAX_DAYS:  # today + days must stay a date
        raise RectError(f"the period '{text}' is too long; at most {MAX_DAYS}d (100 years)")
    return days


MAX_DAYS = 36_500


@dataclass(frozen=True)
class Filter:
    task: str | None = None
    unit: str | None = None
    status: Status | None = None
    overdue: bool = False
    due_within: int | None = None
    search: str | None = None


def select(
    rows: Iterable[MeasureRow], wanted: Filter, checklist: Checklist, today: date
) -> list[MeasureRow]:
    """The rows that pass every filter given; with a unit, its items as it sees them
    (queries/units.py: a shared measure by that unit's part)."""
    if wanted.unit:
        from rectcli.queries.units import unit_rows  # it builds on this module

        rows = unit_rows(checklist, rows, resolve_unit(checklist, wanted.unit), today)
    if wanted.task is not None and not checklist.outline().has_task(wanted.task):
        raise RectError(f"no task '{wanted.task}'" + _suggest(wanted.task, checklist))
    needle = wanted.search.casefold() if wanted.search else None
    result = []
    for row in rows:
        if wanted.task is not None and row.task != wanted.task:
            continue
        if wanted.status is not None and row.status != wanted.status:
            continue
        if wanted.overdue and not row.overdue:
            continue
        if wanted.due_within is not None and not (
            row.days_left is not None and row.days_left <= wanted.due_within
        ):
            continue
        if needle is not None and needle not in row.text.casefold():
            continue
        result.append(row)
    return result


def resolve_unit(checklist: Checklist, name: str) -> str:
    resolved = checklist.units.resolve(name)
    if resolved is None:
        raise RectError(f"unknown unit '{name}'" + did_you_mean(name, checklist.units.canonical))
    return resolved


def _suggest(item_id: str, checklist: Checklist) -> str:
    return did_you_mean(item_id, checklist.ids())


@dataclass(frozen=True)
class TaskSummary:
    task: str  # the problem's id
    title: str
    total: int
    finished: int
    overdue: int
    status_counts: dict[str, int]


def task_summaries(checklist: Checklist, rows: list[MeasureRow]) -> list[TaskSummary]:
    by_task: dict[str, list[MeasureRow]] = {}
    for row in rows:
        by_task.setdefault(row.task, []).append(row)
    summaries = []
    for task_id, title in checklist.outline().tasks:
        mine = by_task.get(task_id, [])
        counts: Counter[str] = Counter(r.status for r in mine)
        summaries.append(
            TaskSummary(
                task=task_id,
                title=title,
                total=len(mine),
                finished=sum(counts[s] for s in FINISHED),
                overdue=sum(r.overdue for r in mine),
                status_counts={s: counts[s] for s in STATUSES},
            )
        )
    return summaries


@dataclass(frozen=True)
class Dashboard:
    today: date
    total: int
    by_status: dict[str, int]
    overdue: int
    due_soon: int
    soon_days: int
    tasks: list[TaskSummary]
    units_behind: list[tuple[str, int]]
    behind: int = 0  # 序时进度滞后
    duties_overdue: int = 0  # missed occurrences of recurring duties


def dashboard(
    checklist: Checklist,
    today: date,
    soon_days: int = DUE_SOON_DAYS,
    duties: Sequence[MeasureRow] = (),
) -> Dashboard:
    """The status page; ``duties`` are the rows of duty occurrences (agenda.duty_rows)."""
    from rectcli.queries.units import by_owner  # it builds on this module

    rows = measure_rows(checklist, today)
    counts = Counter(r.status for r in rows)
    behind: Counter[str] = Counter(
        {
            unit: n
            for unit, mine in by_owner(checklist, [*rows, *duties], today).items()
            if (n := sum(r.overdue for r in mine))
        }
    )
    return Dashboard(
        today=today,
        total=len(rows),
        by_status={s: counts[s] for s in STATUSES},
        overdue=sum(r.overdue for r in rows),
        due_soon=sum(1 for r in rows if r.days_left is not None and 0 <= r.days_left <= soon_days),
        soon_days=soon_days,
        tasks=task_summaries(checklist, rows),
        units_behind=sorted(behind.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
        behind=sum(r.behind for r in rows),
        duties_overdue=sum(r.overdue for r in duties),
    )
