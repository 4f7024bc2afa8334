"""The report as one self-contained HTML page: inline CSS and SVG, no script, printable (A4).

Every piece of data goes through :func:`html.escape`: notes are typed by people and may
hold ``<`` or ``&``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from rectcli.labels import Labels
from rectcli.queries.report import (
    Item,
    PublicRow,
    Report,
    UnitSection,
    chart_bars,
    completion_text,
    item_note,
    step_progress,
    unit_bars,
)
from rectcli.reports.svg import bar_chart
from rectcli.reports.text import report_heading, summary_facts

_CSS = """
:root { --late: #b91c1c; --soon: #b45309; --done: #15803d; --line: #d1d5db; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
       color: #111827; line-height: 1.5; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.5em 0 .5em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
.meta { color: #4b5563; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid var(--line); padding: .3em .5em; vertical-align: top;
         text-align: left; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
tr.overdue td.kind { color: var(--late); font-weight: bold; }
tr.due-soon td.kind, tr.behind td.kind { color: var(--soon); }
tr.done td.kind { color: var(--done); }
.nothing { color: #6b7280; }
.public td { font-size: .95em; }
.public th:nth-child(1) { width: 3em; } .public th:nth-child(2) { width: 12%; }
.public th:nth-child(3) { width: 15%; } .public th:nth-child(4) { width: 9%; }
.public th:nth-child(5) { width: 28%; } .public th:nth-child(7) { width: 10%; }
.public p { margin: 0 0 .3em; }
svg.chart { display: block; margin: .5em 0 1em; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  svg.chart { break-inside: avoid; }
  /* a short row stays whole; a problem with many measures may run on to the next page
     (kept whole it would leave a page empty); a unit starts where the last one ended */
  tr { break-inside: avoid; }
  .public tr { break-inside: auto; }
}
"""
# the 信息公开 table has seven columns: it prints across the page
_PUBLIC_CSS = "@page { size: A4 landscape; margin: 12mm; }"


def html_page(title: str, body: Iterable[str], labels: Labels, style: str) -> str:
    """One self-contained page: its stylesheet inline, no script (the report, the site)."""
    lang = "zh-CN" if labels.lang == "zh" else "en"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="rect">',
            f"<title>{escape(title)}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _cells(*cells: tuple[str, str]) -> str:
    return "".join(f"<td{f' class={css!r}' if css else ''}>{text}</td>" for css, text in cells)


def _head(*names: tuple[str, str]) -> str:
    row = "".join(f"<th{f' class={css!r}' if css else ''}>{escape(n)}</th>" for css, n in names)
    return f"<thead><tr>{row}</tr></thead>"


def _summary(report: Report, labels: Labels) -> str:
    facts = summary_facts(report, labels)
    head = _head(*(("num", name) for name, _ in facts))
    cells = _cells(*(("num", str(value)) for _, value in facts))
    return f'<table id="summary">{head}<tbody><tr>{cells}</tr></tbody></table>'


def _units_table(report: Report, labels: Labels) -> str:
    head = _head(
        ("num", labels("report_rank")),
        ("", labels("report_unit")),
        ("num", labels("finished")),
        ("num", "%"),
        ("num", labels("overdue")),
        ("num", labels("report_due_soon")),
        ("num", labels("report_behind")),
        ("num", labels("report_done")),
    )
    rows = []
    for rank, s in enumerate(report.units, 1):
        cells = _cells(
            ("num", str(rank)),
            ("", f'<a href="#unit-{rank}">{escape(s.unit)}</a>'),
            ("num", f"{s.finished}/{s.total}"),
            ("num", str(s.percent)),
            ("num", str(len(s.overdue))),
            ("num", str(len(s.due_soon))),
            ("num", str(len(s.behind))),
            ("num", str(len(s.done))),
        )
        rows.append(f'<tr data-unit="{escape(s.unit)}">{cells}</tr>')
    return f'<table id="units">{head}<tbody>{"".join(rows)}</tbody></table>'


def _item_rows(section: UnitSection, labels: Labels) -> list[str]:
    kinds: list[tuple[str, str, tuple[Item, ...]]] = [
        ("overdue", "overdue", section.overdue),
        ("due-soon", "report_due_soon", section.due_soon),
        ("behind", "report_behind", section.behind),
        ("done", "report_done", section.done),
    ]
    rows = []
    for css, key, items in kinds:
        for item in items:
            row = item.row
            if css == "overdue":
                when = f"+{row.days_overdue}"
            elif css == "due-soon":
                when = labels("report_days_left", n=row.days_left)
            elif css == "done" and item.done_on:
                when = item.done_on.isoformat()
            else:
                when = ""
            cells = _cells(
                ("kind nowrap", escape(labels(key))),
                ("nowrap", escape(item.label)),
                ("nowrap", escape(row.due.isoformat() if row.due else row.deadline or "—")),
                ("num", escape(when)),
                ("", escape(row.text)),
                ("", escape(item_note(item))),
            )
            rows.append(f'<tr class="{css}" data-id="{escape(row.id)}">{cells}</tr>')
    return rows


def _section(rank: int, section: UnitSection, labels: Labels) -> str:
    title = f"{rank}. {section.unit} · {section.finished}/{section.total} ({section.percent}%)"
    parts = [
        f'<section class="unit" id="unit-{rank}" data-unit="{escape(section.unit)}">',
        f"<h3>{escape(title)}</h3>",
    ]
    rows = _item_rows(section, labels)
    if rows:
        head = _head(
            ("", labels("report_kind")),
            ("", labels("id")),
            ("", labels("due")),
            ("num", labels("report_when")),
            ("", labels("text")),
            ("", labels("report_latest")),
        )
        parts.append(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>")
    else:
        parts.append(f'<p class="nothing">{escape(labels("report_nothing"))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def report_html(report: Report, labels: Labels) -> str:
    """The 调度/通报 report page."""
    meta = labels("report_period", as_of=report.as_of, since=report.since)
    if report.unit:
        meta += f" · {labels('units')} {report.unit}"
    body = [
        f"<header><h1>{escape(report.title)}</h1>",
        f'<p class="meta">{escape(report_heading(report, labels))} · {escape(meta)}</p></header>',
        _summary(report, labels),
    ]
    if report.total:
        bars = chart_bars(report.tasks)
        note = ""
        if len(bars) < len(report.tasks):
            note = labels("report_chart_limited", n=len(bars), m=len(report.tasks))
        body += [
            f"<h2>{escape(labels('report_units'))}</h2>",
            bar_chart(unit_bars(report), labels("report_units"), css_class="chart units"),
            _units_table(report, labels),
            f"<h2>{escape(labels('report_tasks'))}</h2>",
            bar_chart(bars, labels("report_tasks"), css_class="chart tasks"),
            f'<p class="meta">{escape(note)}</p>' if note else "",
            f"<h2>{escape(labels('report_details'))}</h2>",
            *(_section(rank, s, labels) for rank, s in enumerate(report.units, 1)),
        ]
    else:
        body.append(f'<p class="nothing">{escape(labels("no_rows"))}</p>')
    return html_page(report.title, body, labels, _CSS)


def _public_row(row: PublicRow, labels: Labels) -> str:
    def lines(texts: Iterable[str]) -> str:
        return "".join(f"<p>{escape(t)}</p>" for t in texts)

    cells = _cells(
        ("num", str(row.number)),
        ("", escape(row.title)),
        ("", escape(row.goal)),
        ("", escape(row.deadline)),
        ("", lines(s.ordinal + s.text for s in row.steps)),
        ("", lines(step_progress(s, labels) for s in row.steps)),
        ("", escape(completion_text(row, labels))),
    )
    return f'<tr id="task-{escape(row.task)}" data-id="{escape(row.task)}">{cells}</tr>'


def public_html(report: Report, labels: Labels) -> str:
    """The 信息公开 table: the seven standard columns, nothing personal."""
    heading = labels("report_public_title")
    head = _head(
        ("num", labels("public_number")),
        ("", labels("public_task")),
        ("", labels("public_goal")),
        ("", labels("public_deadline")),
        ("", labels("public_measures")),
        ("", labels("public_progress")),
        ("", labels("public_completion")),
    )
    rows = "".join(_public_row(row, labels) for row in report.public)
    body = [
        f"<header><h1>{escape(report.title)}</h1>",
        f'<p class="meta">{escape(heading)} · {escape(labels("as_of"))} '
        f"{report.as_of.isoformat()}</p></header>",
        f'<table class="public" id="public">{head}<tbody>{rows}</tbody></table>',
    ]
    return html_page(f"{report.title} {heading}", body, labels, _CSS + _PUBLIC_CSS)
