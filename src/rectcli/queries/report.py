"""The 调度/通报 report and its 信息公开 (public) table, computed: a dataclass, never printed.

Renderers (``report_rich``, ``report_html``, ``report_text``, ``report_xlsx``) turn a
:class:`Report` into terminal output, HTML, Markdown, CSV or a workbook. ``today`` is
passed in; nothing here reads the clock or a file.

A measure of a group (各区) counts for each of the group's members: 通报 names the units
that must act, and each district must. A missed occurrence of a recurring duty
(``agenda.duty_rows``) is overdue like a measure: it is listed in its units' overdue
sections, as the duty (``1.5 每季度``), and ranks them, but it is no measure: totals,
shares finished and the progress chart count measures only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from rectcli.dates.periods import Period
from rectcli.labels import Labels
from rectcli.model.checklist import Checklist
from rectcli.model.shapes import Measure, Plan, ProgressEntry, Task
from rectcli.queries.agenda import duty_rows
from rectcli.queries.redact import redact
from rectcli.queries.rows import (
    DUE_SOON_DAYS,
    Filter,
    MeasureRow,
    measure_rows,
    resolve_unit,
    select,
)
from rectcli.queries.units import unit_view
from rectcli.statuses import FINISHED, Status

DEFAULT_SINCE_DAYS = 30
CHART_LIMIT = 50  # problems drawn in a chart; the least advanced when there are more


@dataclass(frozen=True)
class Item:
    """One measure (or a missed duty occurrence) in a unit's section, with what the
    report says about it."""

    row: MeasureRow
    behind: bool  # 序时进度滞后 (when the schedule module supplies it)
    done_on: date | None  # its latest done/closed entry in (since, as_of]
    latest: ProgressEntry | None  # its latest progress entry up to as_of (for a duty: its own)

    @property
    def label(self) -> str:
        """The id, and for a duty's occurrence its phrase: '1.5 每季度'."""
        return f"{self.row.id} {self.row.duty}" if self.row.duty else self.row.id


@dataclass(frozen=True)
class UnitSection:
    unit: str
    total: int
    finished: int
    overdue: tuple[Item, ...]  # most days overdue first; measures and missed duties
    due_soon: tuple[Item, ...]  # soonest first
    behind: tuple[Item, ...]
    done: tuple[Item, ...]  # finished since the last report, latest first
    days_overdue: int  # summed over its overdue measures

    @property
    def percent(self) -> int:
        return round(100 * self.finished / self.total) if self.total else 0

    @property
    def overdue_measures(self) -> int:
        return sum(i.row.duty is None for i in self.overdue)


@dataclass(frozen=True)
class Bar:
    """One bar of the progress chart: a problem or a unit."""

    key: str
    label: str
    finished: int
    total: int
    overdue: int


@dataclass(frozen=True)
class PublicStep:
    """One measure in the public table: its ordinal （一） and its latest reported state."""

    id: str
    ordinal: str
    text: str
    status: str
    date: date | None
    note: str  # with phone numbers and contact names masked


@dataclass(frozen=True)
class PublicRow:
    """One problem as the 信息公开 table shows it."""

    number: int  # 序号
    task: str
    title: str
    goal: str
    deadline: str
    steps: tuple[PublicStep, ...]
    finished: int
    total: int
    all_closed: bool
    ongoing: bool  # 长期坚持: finished measures still go on


@dataclass(frozen=True)
class Report:
    title: str
    as_of: date
    since: date
    soon_days: int
    unit: str | None  # the --unit asked for, resolved
    total: int
    finished: int
    overdue: int  # measures
    due_soon: int
    behind: int
    done: int
    units: tuple[UnitSection, ...]  # ranked: most behind first
    tasks: tuple[Bar, ...]  # per problem, document order
    public: tuple[PublicRow, ...]  # filled only for --public
    duties_overdue: int = 0  # missed occurrences of recurring duties
    period: Period | None = None  # --period: a 月报/季报, set by the command
    plan: Plan | None = None  # for documents: issuer (署名), number (发文字号)


def build_report(
    checklist: Checklist,
    today: date,
    *,
    since: date | None = None,
    unit: str | None = None,
    soon_days: int = DUE_SOON_DAYS,
    public: bool = False,
) -> Report:
    since = since if since is not None else today - timedelta(days=DEFAULT_SINCE_DAYS)
    wanted = resolve_unit(checklist, unit) if unit else None
    items, missed = report_items(checklist, today, since, wanted)
    shown = checklist.units.members(wanted) if wanted else None
    owners: dict[str, tuple[list[Item], list[Item]]] = {}
    for index, item in enumerate([*items, *missed]):
        for name in sorted(checklist.units.expand(item.row.units)):
            if shown is None or name in shown:
                # the item as this unit sees it: a shared measure by its part (queries/units)
                seen = unit_view(checklist, item.row, frozenset((name,)), today)
                mine = item if seen is None or seen is item.row else replace(item, row=seen)
                owners.setdefault(name, ([], []))[index >= len(items)].append(mine)
    sections = sorted(
        (unit_section(name, *mine, soon_days) for name, mine in owners.items()), key=rank_key
    )
    return Report(
        title=checklist.file.plan.title,
        as_of=today,
        since=since,
        soon_days=soon_days,
        unit=wanted,
        total=len(items),
        finished=sum(i.row.status in FINISHED for i in items),
        overdue=sum(i.row.overdue for i in items),
        due_soon=sum(due_soon(i, soon_days) for i in items),
        behind=sum(i.behind for i in items),
        done=sum(i.done_on is not None for i in items),
        units=tuple(sections),
        tasks=tuple(_task_bars(checklist, items)),
        public=tuple(_public_rows(checklist, items)) if public else (),
        duties_overdue=len(missed),
        plan=checklist.file.plan,
    )


def report_items(
    checklist: Checklist, today: date, since: date, wanted: str | None = None
) -> tuple[list[Item], list[Item]]:
    """The report's items: each measure (of the unit ``wanted``, resolved, if given), and
    each missed occurrence of a recurring duty."""
    rows = select(measure_rows(checklist, today), Filter(unit=wanted), checklist, today)
    by_id = {m.id: m for _, m in checklist.measures()}
    items = [_item(row, by_id[row.id], since, today) for row in rows]
    late = select(duty_rows(checklist, today), Filter(unit=wanted), checklist, today)
    missed = [_duty_item(row, by_id[row.id], today) for row in late if row.overdue]
    return items, missed


def is_behind(row: MeasureRow) -> bool:
    """序时进度滞后: the hook for the schedule module, which adds ``behind`` to MeasureRow."""
    return bool(getattr(row, "behind", False))


def _item(row: MeasureRow, measure: Measure, since: date, today: date) -> Item:
    latest = None
    done_on = None
    for entry in measure.progress:  # oldest first
        if entry.date > today:
            continue  # recorded after the report's day: not yet known then
        latest = entry
        if entry.status in FINISHED and entry.date > since:
            done_on = entry.date
    return Item(row, is_behind(row), done_on, latest)


def _duty_item(row: MeasureRow, measure: Measure, today: date) -> Item:
    """A missed duty occurrence: its latest entry is the latest that counts for it."""
    mine = [
        e for e in measure.progress if e.date <= today and e.duty in (None, row.duty)
    ]  # oldest first
    return Item(row, False, None, mine[-1] if mine else None)


def due_soon(item: Item, soon_days: int) -> bool:
    left = item.row.days_left
    return left is not None and 0 <= left <= soon_days


def unit_section(unit: str, items: list[Item], missed: list[Item], soon_days: int) -> UnitSection:
    """One unit's section (or, in a workspace, one member's)."""
    late = [i for i in items if i.row.overdue] + missed
    overdue = sorted(late, key=lambda i: -i.row.days_overdue)
    soon = sorted((i for i in items if due_soon(i, soon_days)), key=lambda i: i.row.days_left or 0)
    done = sorted((i for i in items if i.done_on), key=lambda i: i.done_on or date.min)
    return UnitSection(
        unit=unit,
        total=len(items),
        finished=sum(i.row.status in FINISHED for i in items),
        overdue=tuple(overdue),
        due_soon=tuple(soon),
        behind=tuple(i for i in items if i.behind),
        done=tuple(reversed(done)),
        days_overdue=sum(i.row.days_overdue for i in overdue),
    )


def rank_key(section: UnitSection) -> tuple[int, int, int, float, int, str]:
    """Most behind first: overdue count, behind count, days overdue, least finished."""
    share = section.finished / section.total if section.total else 1.0
    return (
        -len(section.overdue),
        -len(section.behind),
        -section.days_overdue,
        share,
        -len(section.due_soon),
        section.unit,
    )


def _task_bars(checklist: Checklist, items: list[Item]) -> list[Bar]:
    by_task: dict[str, list[Item]] = {}
    for item in items:
        by_task.setdefault(item.row.task, []).append(item)
    return [
        Bar(
            key=task.id,
            label=task.title,
            finished=sum(i.row.status in FINISHED for i in mine),
            total=len(mine),
            overdue=sum(i.row.overdue for i in mine),
        )
        for task in checklist.file.tasks
        if (mine := by_task.get(task.id))
    ]


def unit_bars(report: Report) -> list[Bar]:
    """The chart's per-unit bars, in rank order."""
    return [Bar(s.unit, s.unit, s.finished, s.total, s.overdue_measures) for s in report.units]


def chart_bars(bars: tuple[Bar, ...] | list[Bar], limit: int = CHART_LIMIT) -> list[Bar]:
    """At most ``limit`` bars: all of them, or the least advanced ones in their order."""
    if len(bars) <= limit:
        return list(bars)
    keep = sorted(bars, key=lambda b: (b.finished / b.total if b.total else 1.0, -b.overdue))
    chosen = {id(b) for b in keep[:limit]}
    return [b for b in bars if id(b) in chosen]


# ---- 信息公开 ------------------------------------------------------------------


_CN_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 105 (the plan stops well before)."""
    if 0 < number < 10:
        return _CN_DIGITS[number]
    if 10 <= number < 100:
        tens, units = divmod(number, 10)
        head = "" if tens == 1 else _CN_DIGITS[tens]
        return head + "十" + (_CN_DIGITS[units] if units else "")
    return str(number)


def measure_ordinal(task_id: str, measure_id: str) -> str:
    """'3.2' of task '3' → '（二）'; an id rect cannot number is shown as it is."""
    tail = measure_id.removeprefix(f"{task_id}.")
    return f"（{chinese_ordinal(int(tail))}）" if tail.isdigit() else f"（{tail}）"


def _public_rows(checklist: Checklist, items: list[Item]) -> list[PublicRow]:
    by_id = {i.row.id: i for i in items}
    rows: list[PublicRow] = []
    for task in checklist.file.tasks:
        mine = [(m, by_id[m.id]) for m in task.measures if m.id in by_id]
        if not mine:
            continue
        rows.append(_public_row(len(rows) + 1, checklist, task, mine))
    return rows


def _public_row(
    number: int, checklist: Checklist, task: Task, mine: list[tuple[Measure, Item]]
) -> PublicRow:
    steps = tuple(
        PublicStep(
            id=measure.id,
            ordinal=measure_ordinal(task.id, measure.id),
            text=redact(measure.text),
            status=item.row.status,
            date=item.latest.date if item.latest else None,
            note=redact(item.latest.note or "") if item.latest else "",
        )
        for measure, item in mine
    )
    deadline = checklist.deadlines.get(task.id)
    return PublicRow(
        number=number,
        task=task.id,
        title=redact(task.title),
        goal=redact(task.goal or ""),
        deadline=task.deadline,
        steps=steps,
        finished=sum(s.status in FINISHED for s in steps),
        total=len(steps),
        all_closed=all(s.status == "closed" for s in steps),
        ongoing=bool(deadline and deadline.ongoing),
    )


# ---- words shared by every renderer ---------------------------------------------


def completion(row: PublicRow) -> Status:
    """完成情况 as a status: closed or done when every measure is, todo when none has
    started, else doing."""
    if row.finished == row.total:
        return "closed" if row.all_closed else "done"
    if all(step.status == "todo" for step in row.steps):
        return "todo"
    return "doing"


def completion_text(row: PublicRow, labels: Labels) -> str:
    """完成情况: 已完成 / 已销号 / 未启动 / 推进中 with the count; 长期坚持 items say so."""
    state = completion(row)
    if state in FINISHED:
        text = labels.status(state)
        return labels("report_done_ongoing", state=text) if row.ongoing else text
    if state == "todo":
        return labels.status(state)
    return labels("report_partly", state=labels.status(state), n=row.finished, m=row.total)


def step_progress(step: PublicStep, labels: Labels) -> str:
    """整改进展 of one measure: '（一）2024-03-01 推进中：已清运约一半'."""
    when = f"{step.date.isoformat()} " if step.date else ""
    note = f"{labels('report_colon')}{step.note}" if step.note else ""
    return f"{step.ordinal}{when}{labels.status(step.status)}{note}"


def item_note(item: Item) -> str:
    """The latest entry in one line: '2024-03-01 已清运约一半 (池北区)'."""
    if item.latest is None:
        return ""
    entry = item.latest
    parts = [entry.date.isoformat()]
    if entry.percent is not None:
        parts.append(f"{entry.percent}%")
    if entry.note:
        parts.append(" ".join(entry.note.split()))
    if entry.by:
        parts.append(f"({entry.by})")
    return " ".join(parts)
