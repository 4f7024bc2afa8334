"""Rich renderables for the terminal. Built here, printed only by cli.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .checklist import Checklist
from .labels import Labels
from .models import Measure, Task
from .queries import Dashboard, MeasureRow

STATUS_STYLES = {"todo": "", "doing": "yellow", "done": "green", "closed": "dim green"}


def _one_line(text: str) -> Text:
    # A wrappable column that the table may narrow, holding one line cut with "…".
    return Text(text, no_wrap=True, overflow="ellipsis")


def progress_bar(done: int, total: int, width: int = 16) -> Text:
    """A bar of block characters: readable without colour, in a log or a pipe."""
    filled = round(width * done / total) if total else 0
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


def _status_text(row_status: str, overdue: bool, labels: Labels) -> Text:
    style = "bold red" if overdue else STATUS_STYLES[row_status]
    return Text(labels.status(row_status), style=style)


def _due_text(row: MeasureRow, labels: Labels) -> Text:
    if row.due is None:
        return Text(labels("ongoing") if row.deadline else "—", style="dim")
    text = Text(row.due.isoformat())
    if row.overdue:
        text.append(f" +{row.days_overdue}", style="bold red")
    return text


def status_view(board: Dashboard, title: str, labels: Labels) -> RenderableType:
    heading = Text(title, style="bold")
    counts = Text(
        f"{labels('as_of')} {board.today.isoformat()} · {board.total} {labels('measures')}\n"
    )
    for index, (status, number) in enumerate(board.by_status.items()):
        counts.append(" · " if index else "")
        counts.append(f"{labels.status(status)} {number}", style=STATUS_STYLES[status])
    counts.append("\n")
    counts.append(f"{labels('overdue')} {board.overdue}", style="bold red" if board.overdue else "")
    counts.append(
        f" · {labels('due_soon', n=board.soon_days)} {board.due_soon}",
        style="yellow" if board.due_soon else "",
    )
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("progress"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    table.add_column(labels("title"))
    for summary in board.tasks:
        table.add_row(
            summary.task.id,
            progress_bar(summary.finished, summary.total),
            f"{summary.finished}/{summary.total}",
            Text(str(summary.overdue), style="bold red" if summary.overdue else "dim"),
            _one_line(summary.task.title),
        )
    parts: list[RenderableType] = [heading, counts, table]
    if board.units_behind:
        behind = Text(f"\n{labels('units_behind')}: ", style="bold")
        behind.append(" · ".join(f"{unit} {n}" for unit, n in board.units_behind))
        parts.append(behind)
    return Group(*parts)


def list_table(rows: Sequence[MeasureRow], labels: Labels) -> RenderableType:
    if not rows:
        return Text(labels("no_rows"))
    table = Table(
        box=None,
        pad_edge=False,
        show_edge=False,
        caption_justify="left",
        caption=labels("count", n=len(rows)),
    )
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("status"), no_wrap=True)
    table.add_column(labels("due"), no_wrap=True)
    table.add_column(labels("units"), max_width=16, overflow="fold")
    table.add_column(labels("text"), min_width=10)
    for row in rows:
        table.add_row(
            row.id,
            _status_text(row.status, row.overdue, labels),
            _due_text(row, labels),
            " ".join(row.units),
            _one_line(row.text),
        )
    return table


def tasks_table(checklist: Checklist, rows: Sequence[MeasureRow], labels: Labels) -> RenderableType:
    by_task: dict[str, list[MeasureRow]] = {}
    for row in rows:
        by_task.setdefault(row.task, []).append(row)
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    table.add_column(labels("deadline"), max_width=14, overflow="fold")
    table.add_column(labels("title"), min_width=10)
    for task in checklist.file.tasks:
        mine = by_task.get(task.id)
        if not mine:
            continue
        finished = sum(r.status in ("done", "closed") for r in mine)
        overdue = sum(r.overdue for r in mine)
        table.add_row(
            task.id,
            f"{finished}/{len(mine)}",
            Text(str(overdue), style="bold red" if overdue else "dim"),
            task.deadline,
            _one_line(task.title),
        )
    return table


def show_view(
    checklist: Checklist,
    task: Task,
    measure: Measure | None,
    row: MeasureRow | None,
    labels: Labels,
) -> RenderableType:
    fields = Table.grid(padding=(0, 1))
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")  # CJK text has no spaces to wrap at
    if measure is None:
        fields.add_row(labels("id"), task.id)
        fields.add_row(labels("title"), task.title)
        if task.finding:
            fields.add_row(labels("finding"), task.finding)
        units = [checklist.units.resolve(n) or n for n in task.units]
        fields.add_row(labels("units"), "、".join(units))
        if task.persons:
            fields.add_row(labels("persons"), task.persons)
        if task.supervisor:
            fields.add_row(labels("supervisor"), task.supervisor)
        if task.goal:
            fields.add_row(labels("goal"), task.goal)
        fields.add_row(labels("deadline"), _deadline_cell(checklist, task.id))
        measures = Table(box=None, pad_edge=False, show_edge=False)
        measures.add_column(labels("id"), no_wrap=True)
        measures.add_column(labels("status"), no_wrap=True)
        measures.add_column(labels("text"), overflow="fold")
        for m in task.measures:
            measures.add_row(m.id, labels.status(m.status), m.text)
        return Group(fields, Text(""), measures)
    assert row is not None
    fields.add_row(labels("id"), f"{measure.id}  ({labels('task')} {task.id}: {task.title})")
    fields.add_row(labels("status"), _status_text(measure.status, row.overdue, labels))
    fields.add_row(labels("text"), measure.text)
    fields.add_row(labels("units"), "、".join(row.units))
    if measure.persons or task.persons:
        fields.add_row(labels("persons"), measure.persons or task.persons or "")
    if task.supervisor:
        fields.add_row(labels("supervisor"), task.supervisor)
    fields.add_row(labels("deadline"), _deadline_cell(checklist, measure.id, row))
    for milestone in measure.milestones:
        done = f" ✓ {milestone.done.isoformat()}" if milestone.done else ""
        fields.add_row(labels("milestones"), f"{milestone.deadline}: {milestone.text or ''}{done}")
    for duty in measure.recurring:
        fields.add_row(labels("recurring"), f"{duty.every}: {duty.text or ''}")
    log = Table(
        box=None,
        pad_edge=False,
        show_edge=False,
        title=labels("log"),
        title_justify="left",
        title_style="bold",
    )
    log.add_column(labels("date"), no_wrap=True)
    log.add_column(labels("status"), no_wrap=True)
    log.add_column(labels("by"), max_width=12, overflow="fold")
    log.add_column(labels("note"), overflow="fold")
    for entry in measure.progress:
        note = entry.note or ""
        if entry.percent is not None:
            note = f"{entry.percent}% {note}".strip()
        if entry.evidence:
            note = f"{note} [{entry.evidence}]".strip()
        log.add_row(entry.date.isoformat(), labels.status(entry.status), entry.by or "", note)
    if not measure.progress:
        return Group(fields, Text(""), Text(labels("no_log"), style="dim"))
    return Group(fields, Text(""), log)


def _deadline_cell(checklist: Checklist, item_id: str, row: MeasureRow | None = None) -> Text:
    deadline = checklist.deadlines.get(item_id)
    if deadline is None:
        return Text("—")
    text = Text(deadline.text)
    if deadline.due:
        text.append(f" → {deadline.due.isoformat()}", style="dim")
    if row is not None and row.overdue:
        text.append(f" (+{row.days_overdue})", style="bold red")
    return text


def overdue_view(groups: dict[str, list[MeasureRow]], labels: Labels) -> RenderableType:
    if not groups:
        return Text(labels("none_overdue"), style="green")
    parts: list[RenderableType] = []
    for unit, rows in groups.items():
        table = Table(
            box=None,
            pad_edge=False,
            show_edge=False,
            title_justify="left",
            title=f"{unit} ({len(rows)})",
            title_style="bold",
        )
        table.add_column(labels("id"), no_wrap=True)
        table.add_column(labels("due"), no_wrap=True)
        table.add_column(labels("days_overdue"), justify="right", no_wrap=True)
        table.add_column(labels("supervisor"), no_wrap=True)
        table.add_column(labels("text"), min_width=10)
        for row in rows:
            table.add_row(
                row.id,
                row.due.isoformat() if row.due else "",
                Text(str(row.days_overdue), style="bold red"),
                row.supervisor or "",
                _one_line(row.text),
            )
        parts.extend([table, Text("")])
    return Group(*parts[:-1])


def today_line(today: date, labels: Labels) -> str:
    return f"{labels('as_of')} {today.isoformat()}"
