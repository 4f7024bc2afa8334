"""The report for the terminal: Rich renderables with block-character progress bars."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rectcli.labels import Labels
from rectcli.queries.report import (
    Bar,
    Item,
    Report,
    UnitSection,
    chart_bars,
    completion_text,
    step_progress,
)
from rectcli.reports.text import report_heading
from rectcli.textsafe import visible
from rectcli.views.tables import plain_table

BAR_WIDTH = 10
LINES_PER_KIND = 10  # per unit and kind: the terminal shows the worst; files show all


def _bar(done: int, total: int) -> Text:
    # the same blocks as `rect status`, so both read alike in a log or a pipe
    filled = round(BAR_WIDTH * done / total) if total else 0
    bar = Text("█" * filled, style="green")
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    return bar


def _count(number: int, style: str) -> Text:
    return Text(str(number), style=style if number else "dim")


def _one_line(text: str) -> Text:
    return Text(visible(" ".join(text.split())), no_wrap=True, overflow="ellipsis")


def headline(report: Report, labels: Labels) -> Text:
    text = Text(visible(report.title), style="bold")
    text.append("\n" + report_heading(report, labels), style="bold")
    text.append(" · " + labels("report_period", as_of=report.as_of, since=report.since))
    if report.unit:
        text.append(visible(f" · {labels('units')} {report.unit}"))
    text.append(f"\n{labels('count', n=report.total)} · {labels('finished')} {report.finished}")
    text.append(f" · {labels('overdue')} {report.overdue}", "bold red" if report.overdue else "")
    text.append(f" · {labels('report_due_soon')} {report.due_soon}")
    text.append(f" · {labels('report_behind')} {report.behind}")
    text.append(f" · {labels('report_done')} {report.done}")
    if report.duties_overdue:
        text.append(f" · {labels('duties_overdue')} {report.duties_overdue}", "bold red")
    return text


def _units_table(report: Report, labels: Labels) -> Table:
    table = plain_table(labels("report_units"))
    table.add_column(labels("report_rank"), justify="right", no_wrap=True)
    table.add_column(labels("report_unit"), max_width=14, overflow="fold")
    table.add_column(labels("progress"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    table.add_column(labels("report_due_soon"), justify="right", no_wrap=True)
    table.add_column(labels("report_behind"), justify="right", no_wrap=True)
    table.add_column(labels("report_done"), justify="right", no_wrap=True)
    for rank, section in enumerate(report.units, 1):
        table.add_row(
            str(rank),
            section.unit,
            _bar(section.finished, section.total),
            f"{section.finished}/{section.total}",
            _count(len(section.overdue), "bold red"),
            _count(len(section.due_soon), "yellow"),
            _count(len(section.behind), "yellow"),
            _count(len(section.done), "green"),
        )
    return table


def _tasks_table(bars: list[Bar], total: int, labels: Labels) -> Table:
    caption = labels("report_chart_limited", n=len(bars), m=total) if len(bars) < total else None
    table = plain_table(labels("report_tasks"), caption=caption, caption_justify="left")
    table.add_column(labels("id"), no_wrap=True)
    table.add_column(labels("progress"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    table.add_column(labels("title"), min_width=10)
    for bar in bars:
        table.add_row(
            bar.key,
            _bar(bar.finished, bar.total),
            f"{bar.finished}/{bar.total}",
            _count(bar.overdue, "bold red"),
            _one_line(bar.label),
        )
    return table


def _section_table(rank: int, section: UnitSection, labels: Labels) -> RenderableType:
    title = f"{rank}. {section.unit}  {section.finished}/{section.total} ({section.percent}%)"
    lines: list[tuple[str, str, Item | None, Text]] = []

    def add(key: str, style: str, items: tuple[Item, ...], when: Callable[[Item], str]) -> None:
        for item in items[:LINES_PER_KIND]:
            lines.append((key, style, item, Text(when(item), style)))
        if len(items) > LINES_PER_KIND:
            more = labels("report_more", n=len(items) - LINES_PER_KIND)
            lines.append((key, style, None, Text(more, "dim")))

    add("overdue", "bold red", section.overdue, lambda i: f"+{i.row.days_overdue}")
    add(
        "report_due_soon",
        "yellow",
        section.due_soon,
        lambda i: labels("report_days_left", n=i.row.days_left),
    )
    add("report_behind", "yellow", section.behind, lambda i: "")
    add(
        "report_done",
        "green",
        section.done,
        lambda i: i.done_on.isoformat() if i.done_on else "",
    )
    if not lines:
        return Group(Text(title, style="bold"), Text(labels("report_nothing"), style="dim"))
    table = plain_table(title, show_header=False)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(min_width=10)
    for key, style, item, when in lines:
        if item is None:  # the "… and N more" line
            table.add_row(Text(labels(key), style), "", "", "", when)
            continue
        due = item.row.due.isoformat() if item.row.due else "—"
        table.add_row(Text(labels(key), style), item.label, due, when, _one_line(item.row.text))
    return table


def report_view(report: Report, labels: Labels) -> RenderableType:
    if not report.total:
        return Group(headline(report, labels), Text(""), Text(labels("no_rows")))
    bars = chart_bars(report.tasks)
    parts: list[RenderableType] = [
        headline(report, labels),
        Text(""),
        _units_table(report, labels),
        Text(""),
        _tasks_table(bars, len(report.tasks), labels),
    ]
    for rank, section in enumerate(report.units, 1):
        parts += [Text(""), _section_table(rank, section, labels)]
    return Group(*parts)


def public_view(report: Report, labels: Labels) -> RenderableType:
    """The 信息公开 table in the terminal: one block per problem (the columns are long)."""
    parts: list[RenderableType] = [
        Text(
            visible(f"{report.title}\n{labels('report_public_title')} · {labels('as_of')}")
            + f" {report.as_of}",
            style="bold",
        ),
    ]
    for row in report.public:
        fields = Table.grid(padding=(0, 1))
        fields.add_column(style="bold", no_wrap=True)
        fields.add_column(overflow="fold")
        fields.add_row(labels("public_number"), str(row.number))
        fields.add_row(labels("public_task"), row.title)
        fields.add_row(labels("public_goal"), row.goal)
        fields.add_row(labels("public_deadline"), row.deadline)
        fields.add_row(labels("public_measures"), "\n".join(s.ordinal + s.text for s in row.steps))
        fields.add_row(
            labels("public_progress"), "\n".join(step_progress(s, labels) for s in row.steps)
        )
        fields.add_row(labels("public_completion"), completion_text(row, labels))
        parts += [Text(""), fields]
    if not report.public:
        parts += [Text(""), Text(labels("no_rows"))]
    return Group(*parts)
