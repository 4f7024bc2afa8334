"""The report as Markdown (for a wiki, an issue or a pandoc → Word conversion) and as CSV."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from rectcli.dates.periods import Period
from rectcli.labels import Labels
from rectcli.queries.report import (
    Bar,
    Item,
    Report,
    UnitSection,
    chart_bars,
    completion_text,
    item_note,
    step_progress,
)
from rectcli.textsafe import csv_text, visible

BAR_WIDTH = 10


def summary_figures(report: Report) -> list[tuple[str, str, int]]:
    """The headline numbers of a report as (JSON key, label key, number), in the order
    every format shows them."""
    return [
        ("total", "measures_total", report.total),
        ("finished", "finished", report.finished),
        ("overdue", "overdue", report.overdue),
        ("due_soon", "report_due_soon", report.due_soon),
        ("behind", "report_behind", report.behind),
        ("done", "report_done", report.done),
        ("duties_overdue", "duties_overdue", report.duties_overdue),
    ]


def period_title(period: Period, labels: Labels) -> str:
    """A 月报/季报's title: 2024年6月整改进展情况, 2024年第二季度整改进展情况."""
    if period.kind == "month":
        return labels("period_month", year=period.year, n=period.number)
    if period.kind == "quarter":
        n = "一二三四"[period.number - 1] if labels.lang == "zh" else period.number
        return labels("period_quarter", year=period.year, n=n)
    if period.kind == "half":
        return labels(f"period_half_{period.number}", year=period.year)
    return labels("period_year", year=period.year)


def report_heading(report: Report, labels: Labels) -> str:
    """What the report is: its period's title, or 调度通报."""
    return period_title(report.period, labels) if report.period else labels("report_heading")


def summary_facts(report: Report, labels: Labels) -> list[tuple[str, int]]:
    """The headline numbers of a report, labelled; missed duties only when there are any."""
    return [
        (labels(label), number)
        for key, label, number in summary_figures(report)
        if number or key != "duties_overdue"
    ]


# What makes inline Markdown of a cell's text: links and images ([…](…), ![…](…)),
# emphasis, code, strikethrough, column breaks; raw HTML is escaped apart.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")


def md_cell(text: str) -> str:
    """Text safe in a Markdown table cell: no raw HTML, no column breaks, one line, and
    no Markdown syntax from the data (a note's ``[x](http://…)`` or ``![](…)`` shows as
    written, never a link or an image; issue 14)."""
    text = visible(" ".join(text.split()))  # and no control character: it may be printed
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def _md_lines(texts: Iterable[str]) -> str:
    return "<br>".join(md_cell(t) for t in texts)


def _table(head: Sequence[str], align: str, rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table; ``align`` has one letter per column: l(eft) or r(ight)."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(md_cell(h) for h in head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _bar(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def kinds_of(section: UnitSection) -> list[tuple[str, str, Item]]:
    """(csv kind, label key, item) for every line of a unit's section, in report order."""
    return [
        *(("overdue", "overdue", i) for i in section.overdue),
        *(("due_soon", "report_due_soon", i) for i in section.due_soon),
        *(("behind", "report_behind", i) for i in section.behind),
        *(("done", "report_done", i) for i in section.done),
    ]


def when_text(kind: str, item: Item, labels: Labels) -> str:
    if kind == "overdue":
        return f"+{item.row.days_overdue}"
    if kind == "due_soon":
        return labels("report_days_left", n=item.row.days_left)
    if kind == "done" and item.done_on:
        return item.done_on.isoformat()
    return ""


def report_markdown(report: Report, labels: Labels) -> str:
    meta = labels("report_period", as_of=report.as_of, since=report.since)
    if report.unit:
        meta += f" · {labels('units')} {report.unit}"
    lines = [
        f"# {md_cell(report.title)}",
        "",
        f"**{md_cell(report_heading(report, labels))}** · {md_cell(meta)}",
    ]
    facts = summary_facts(report, labels)
    head = [name for name, _ in facts]
    lines += ["", *_table(head, "r" * len(facts), [[str(n) for _, n in facts]])]
    if not report.total:
        return "\n".join([*lines, "", labels("no_rows"), ""])
    lines += ["", f"## {labels('report_units')}", ""]
    lines += _table(
        [
            labels("report_rank"),
            labels("report_unit"),
            labels("progress"),
            labels("finished"),
            labels("overdue"),
            labels("report_due_soon"),
            labels("report_behind"),
            labels("report_done"),
        ],
        "rllrrrrr",
        (
            [
                str(rank),
                md_cell(s.unit),
                f"{_bar(s.finished, s.total)} {s.percent}%",
                f"{s.finished}/{s.total}",
                str(len(s.overdue)),
                str(len(s.due_soon)),
                str(len(s.behind)),
                str(len(s.done)),
            ]
            for rank, s in enumerate(report.units, 1)
        ),
    )
    lines += ["", f"## {labels('report_tasks')}", "", *_task_lines(report, labels)]
    lines += ["", f"## {labels('report_details')}"]
    for rank, section in enumerate(report.units, 1):
        lines += _section_lines(rank, section, labels)
    return "\n".join(lines) + "\n"


def _task_lines(report: Report, labels: Labels) -> list[str]:
    bars: list[Bar] = chart_bars(report.tasks)
    lines = _table(
        [labels("id"), labels("progress"), labels("finished"), labels("overdue"), labels("title")],
        "llrrl",
        (
            [
                md_cell(b.key),
                _bar(b.finished, b.total),
                f"{b.finished}/{b.total}",
                str(b.overdue),
                md_cell(b.label),
            ]
            for b in bars
        ),
    )
    if len(bars) < len(report.tasks):
        lines += ["", labels("report_chart_limited", n=len(bars), m=len(report.tasks))]
    return lines


def _section_lines(rank: int, section: UnitSection, labels: Labels) -> list[str]:
    title = f"{rank}. {section.unit} · {section.finished}/{section.total} ({section.percent}%)"
    lines = ["", f"### {md_cell(title)}", ""]
    kinds = kinds_of(section)
    if not kinds:
        return [*lines, labels("report_nothing")]
    return lines + _table(
        [
            labels("report_kind"),
            labels("id"),
            labels("due"),
            labels("report_when"),
            labels("text"),
            labels("report_latest"),
        ],
        "lllrll",
        (
            [
                md_cell(labels(key)),
                md_cell(item.label),
                item.row.due.isoformat() if item.row.due else md_cell(item.row.deadline or "—"),
                md_cell(when_text(kind, item, labels)),
                md_cell(item.row.text),
                md_cell(item_note(item)),
            ]
            for kind, key, item in kinds
        ),
    )


def public_markdown(report: Report, labels: Labels) -> str:
    lines = [
        f"# {md_cell(report.title)}",
        "",
        f"**{md_cell(labels('report_public_title'))}** · {labels('as_of')} {report.as_of}",
        "",
    ]
    lines += _table(
        [labels(key) for key in PUBLIC_COLUMNS],
        "rllllll",
        (
            [
                str(row.number),
                md_cell(row.title),
                md_cell(row.goal),
                md_cell(row.deadline),
                _md_lines(s.ordinal + s.text for s in row.steps),
                _md_lines(step_progress(s, labels) for s in row.steps),
                md_cell(completion_text(row, labels)),
            ]
            for row in report.public
        ),
    )
    return "\n".join(lines) + "\n"


PUBLIC_COLUMNS = (
    "public_number",
    "public_task",
    "public_goal",
    "public_deadline",
    "public_measures",
    "public_progress",
    "public_completion",
)
# The detail CSV: machine-readable, so English keys whatever the --lang.
CSV_COLUMNS = (
    "rank",
    "unit",
    "kind",
    "id",
    "task",
    "status",
    "deadline",
    "due",
    "days_overdue",
    "days_left",
    "done_on",
    "text",
    "latest",
    "duty",
)


def _csv(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    return csv_text(head, rows)  # formula-safe cells


def report_csv(report: Report) -> str:
    """One row per (unit, kind, measure): overdue, due_soon, behind, done."""
    return _csv(CSV_COLUMNS, report_rows(report))


def report_rows(report: Report) -> Iterable[list[object]]:
    for rank, section in enumerate(report.units, 1):
        for kind, _, item in kinds_of(section):
            row = item.row
            yield [
                rank,
                section.unit,
                kind,
                row.id,
                row.task,
                row.status,
                row.deadline,
                row.due.isoformat() if row.due else "",
                row.days_overdue,
                "" if row.days_left is None else row.days_left,
                item.done_on.isoformat() if item.done_on else "",
                row.text,
                item_note(item),
                row.duty or "",
            ]


def public_rows(report: Report, labels: Labels) -> Iterable[list[object]]:
    """The public table's rows as plain values; several measures → lines in one cell."""
    for row in report.public:
        yield [
            row.number,
            row.title,
            row.goal,
            row.deadline,
            "\n".join(s.ordinal + s.text for s in row.steps),
            "\n".join(step_progress(s, labels) for s in row.steps),
            completion_text(row, labels),
        ]


def public_csv(report: Report, labels: Labels) -> str:
    return _csv([labels(key) for key in PUBLIC_COLUMNS], public_rows(report, labels))
