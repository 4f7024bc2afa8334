"""Rich renderables for the terminal. Built here, printed only by cli.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from rectcli.labels import Labels
from rectcli.model.checklist import Checklist
from rectcli.queries.rows import Dashboard, MeasureRow
from rectcli.statuses import FINISHED
from rectcli.textsafe import visible

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure, Task

STATUS_STYLES = {"todo": "", "doing": "yellow", "done": "green", "closed": "dim green"}


def data_text(text: str, **options: Any) -> Text:
    """A data string for a table: never read as Rich markup, its control characters
    shown (textsafe.visible), never sent to the terminal."""
    return Text(visible(text), **options)


def _one_line(text: str) -> Text:
    # A wrappable column that the table may narrow, holding one line cut with "…".
    return data_text(text, no_wrap=True, overflow="ellipsis")


def plain_table(title: str | None = None, **options: Any) -> Table:
    """rect's table: no borders (they cost columns at 80 wide), a bold title on the left."""
    return Table(
        box=None,
        pad_edge=False,
        show_edge=False,
        title=title,
        title_justify="left",
        title_style="bold",
        **options,
    )


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
        text = Text(labels("ongoing") if row.deadline else "—", style="dim")
        if row.last_checkin:  # 长期坚持: when it last reported
            text.append(f" {row.last_checkin.isoformat()}")
        return text
    text = Text(row.due.isoformat())
    if row.overdue:
        text.append(f" +{row.days_overdue}", style="bold red")
    return text


def status_view(board: Dashboard, title: str, labels: Labels) -> RenderableType:
    heading = Text(visible(title), style="bold")
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
    if board.duties_overdue:
        counts.append(f" · {labels('duties_overdue')} {board.duties_overdue}", style="bold red")
    if board.behind:
        counts.append(f" · {labels('behind_n')} {board.behind}", style="yellow")
    table = plain_table()
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("progress"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    table.add_column(labels("title"))
    for summary in board.tasks:
        table.add_row(
            summary.task,
            progress_bar(summary.finished, summary.total),
            f"{summary.finished}/{summary.total}",
            Text(str(summary.overdue), style="bold red" if summary.overdue else "dim"),
            _one_line(summary.title),
        )
    parts: list[RenderableType] = [heading, counts, table]
    if board.units_behind:
        behind = Text(f"\n{labels('units_behind')}: ", style="bold")
        behind.append(visible(" · ".join(f"{unit} {n}" for unit, n in board.units_behind)))
        parts.append(behind)
    return Group(*parts)


def list_table(rows: Sequence[MeasureRow], labels: Labels, limit: int = 0) -> RenderableType:
    """The rows as a table; only the first ``limit`` (if not 0): Rich needs ~0.6 s a 1,000."""
    if not rows:
        return Text(labels("no_rows"))
    cut = bool(limit) and len(rows) > limit
    count = labels("count_cut", n=len(rows), shown=limit) if cut else labels("count", n=len(rows))
    table = plain_table(caption_justify="left", caption=count)
    rows = rows[:limit] if cut else rows
    members = any(row.member is not None for row in rows)  # read through a workspace
    if members:
        table.add_column(labels("ws_member"), no_wrap=True, max_width=10)
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("status"), no_wrap=True)
    table.add_column(labels("due"), no_wrap=True)
    table.add_column(labels("units"), max_width=16, overflow="fold")
    table.add_column(labels("text"), min_width=10)
    for row in rows:
        status = _status_text(row.status, row.overdue, labels)
        if row.behind:  # 序时进度滞后
            status.append(f" {labels('behind')}", style="yellow")
        cells: list[RenderableType] = [data_text(row.member or "")] if members else []
        table.add_row(
            *cells,
            data_text(row.id),  # data is never read as Rich markup
            status,
            _due_text(row, labels),
            data_text(" ".join(row.units)),
            _one_line(row.text),
        )
    return table


def tasks_table(checklist: Checklist, rows: Sequence[MeasureRow], labels: Labels) -> RenderableType:
    by_task: dict[str, list[MeasureRow]] = {}
    for row in rows:
        by_task.setdefault(row.task, []).append(row)
    table = plain_table()
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
    duties: Sequence[MeasureRow] = (),
) -> RenderableType:
    """One task or measure; ``duties`` are the measure's open duty occurrences."""
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
        if task.helpers:
            helpers = [checklist.units.resolve(n) or n for n in task.helpers]
            fields.add_row(labels("helpers"), "、".join(helpers))
        if task.persons:
            fields.add_row(labels("persons"), task.persons)
        if task.supervisor:
            fields.add_row(labels("supervisor"), task.supervisor)
        if task.goal:
            fields.add_row(labels("goal"), task.goal)
        fields.add_row(labels("deadline"), _deadline_cell(checklist, task.id))
        measures = plain_table()
        measures.add_column(labels("id"), no_wrap=True)
        measures.add_column(labels("status"), no_wrap=True)
        measures.add_column(labels("text"), overflow="fold")
        for m in task.measures:
            measures.add_row(m.id, labels.status(m.status), m.text)
        return Group(fields, Text(""), measures)
    assert row is not None
    fields.add_row(labels("id"), f"{measure.id}  ({labels('task')} {task.id}: {task.title})")
    status = _status_text(measure.status, row.overdue, labels)
    if row.percent is not None and row.expected is not None:  # 序时进度: percent/elapsed
        status.append(f" {row.percent}%/{row.expected}%", style="yellow" if row.behind else "")
    if row.behind:
        status.append(f" {labels('behind')}", style="yellow")
    fields.add_row(labels("status"), status)
    fields.add_row(labels("text"), measure.text)
    fields.add_row(labels("units"), "、".join(row.units))
    if helpers := checklist.measure_helpers(task, measure):
        fields.add_row(labels("helpers"), "、".join(helpers))
    shared = checklist.units.parts(row.units, measure.finished_by)
    if measure.finished_by is not None:
        fields.add_row(labels("parts"), labels("finished_by", unit=shared[0]))
    elif len(shared) > 1:  # a shared measure: each unit's part (docs/format.md)
        parts = Text()
        for index, (unit, part) in enumerate(row.parts or [(u, row.status) for u in shared]):
            lagging = row.overdue and part not in FINISHED
            parts.append("  " if index else "")
            parts.append(f"{unit} {labels.status(part)}", style="bold red" if lagging else "")
        fields.add_row(labels("parts"), parts)
    if measure.persons or task.persons:
        fields.add_row(labels("persons"), measure.persons or task.persons or "")
    if task.supervisor:
        fields.add_row(labels("supervisor"), task.supervisor)
    fields.add_row(labels("deadline"), _deadline_cell(checklist, measure.id, row))
    if row.level:
        by = f" {task.supervisor}" if row.level == "supervise" and task.supervisor else ""
        fields.add_row(labels("level"), Text(labels(f"level_{row.level}") + by, style="bold"))
    reached = {e.milestone: e.date for e in reversed(measure.progress) if e.milestone}
    for milestone in measure.milestones:
        when = milestone.done or reached.get(milestone.deadline)
        done = f" ✓ {when.isoformat()}" if when else ""
        fields.add_row(labels("milestones"), f"{milestone.deadline}: {milestone.text or ''}{done}")
    for duty in measure.recurring:
        cell = Text(visible(f"{duty.every}: {duty.text or ''}"))
        for open_ in (d for d in duties if d.duty == duty.every):  # missed ones, then next
            late = f" +{open_.days_overdue}" if open_.overdue else ""
            done = f"{open_.done_times}/{open_.times}" if open_.times else open_.text
            cell.append(
                f"\n{open_.period_start}..{open_.due} {done}{late}",
                style="bold red" if open_.overdue else "yellow",
            )
            if not open_.overdue:
                break
        fields.add_row(labels("recurring"), cell)
    log = plain_table(labels("log"))
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
        if entry.corrects is not None:
            note = f"{labels('log_corrects', day=entry.corrects.isoformat())} {note}".strip()
        said = labels.status(entry.status)
        if entry.unit:
            said = f"{entry.unit} {said}"
        if entry.action:
            said = f"{entry.action} {said}"
        day = entry.date.isoformat() + (f" {labels('log_late')}" if entry.late else "")
        log.add_row(day, said, entry.by or "", note)
    if not measure.progress:
        return Group(fields, Text(""), Text(labels("no_log"), style="dim"))
    return Group(fields, Text(""), log)


def _deadline_cell(checklist: Checklist, item_id: str, row: MeasureRow | None = None) -> Text:
    deadline = checklist.deadlines.get(item_id)
    if deadline is None:
        return Text("—")
    text = Text(visible(deadline.text))
    if deadline.due:
        text.append(f" → {deadline.due.isoformat()}", style="dim")
    if row is not None and row.overdue:
        text.append(f" (+{row.days_overdue})", style="bold red")
    return text


def overdue_view(
    groups: dict[str, list[MeasureRow]], labels: Labels, limit: int = 0
) -> RenderableType:
    """Each unit's overdue rows; only its ``limit`` most overdue (if not 0), then a count."""
    if not groups:
        return Text(labels("none_overdue"), style="green")
    parts: list[RenderableType] = []
    for unit, rows in groups.items():
        table = plain_table(f"{escape(visible(unit))} ({len(rows)})")
        table.add_column(labels("id"), no_wrap=True)
        table.add_column(labels("due"), no_wrap=True)
        table.add_column(labels("days_overdue"), justify="right", no_wrap=True)
        table.add_column(labels("level"), no_wrap=True)
        table.add_column(labels("supervisor"), no_wrap=True)
        table.add_column(labels("text"), min_width=10)
        for row in rows[:limit] if limit else rows:
            text = f"{row.duty}：{row.text}" if row.duty else row.text
            table.add_row(
                data_text(row.id),
                row.due.isoformat() if row.due else "",
                Text(str(row.days_overdue), style="bold red"),
                Text(labels(f"level_{row.level}") if row.level else "", style="bold"),
                data_text(row.supervisor or ""),
                _one_line(text),
            )
        if limit and len(rows) > limit:
            table.add_row("…", "", "", "", "", Text(labels("more_n", n=len(rows) - limit), "dim"))
        parts.extend([table, Text("")])
    return Group(*parts[:-1])
