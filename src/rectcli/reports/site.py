"""The static 信息公开 site: an index page and one page per problem, from the report's
public rows only (what ``report --public`` shows: nothing personal).

Every page is self-contained: inline CSS, no script, no font, image or link that leaves
the directory, so any static host (GitLab Pages, an intranet share) serves it as it is.
"""

from __future__ import annotations

from html import escape

from rectcli.labels import Labels
from rectcli.queries.report import PublicRow, Report, completion, completion_text
from rectcli.reports.html import html_page
from rectcli.reports.office import chinese_date

INDEX = "index.html"

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; margin: 2em auto; max-width: 64em; padding: 0 1em;
       color: #111827; line-height: 1.6; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; margin: 1.5em 0 .5em; }
.meta { color: #4b5563; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #d1d5db; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f3f4f6; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.state { white-space: nowrap; }
.done { color: #15803d; } .doing { color: #b45309; } .todo { color: #6b7280; }
.closed { color: #15803d; font-weight: bold; }
.bar { display: inline-block; width: 6em; height: .7em; background: #e5e7eb;
       vertical-align: middle; margin-right: .4em; }
.bar span { display: block; height: 100%; background: #16a34a; }
nav { margin: 0 0 1em; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: .3em 1em; }
dt { color: #4b5563; } dd { margin: 0; }
@page { size: A4; margin: 15mm; }
@media print { nav { display: none; } body { margin: 0; max-width: none; } }
"""


def page_name(row: PublicRow) -> str:
    """A problem's page: problem-1.html for 序号 1 (ids may hold any character)."""
    return f"problem-{row.number}.html"


def _bar(finished: int, total: int) -> str:
    share = round(100 * finished / total) if total else 0
    return f'<span class="bar" aria-hidden="true"><span style="width:{share}%"></span></span>'


def _state(row: PublicRow, labels: Labels) -> str:
    return f'<span class="{completion(row)}">{escape(completion_text(row, labels))}</span>'


def index_page(report: Report, labels: Labels) -> str:
    heading = labels("site_index")
    finished = sum(r.finished for r in report.public)
    total = sum(r.total for r in report.public)
    updated = labels("site_updated", as_of=chinese_date(report.as_of, labels))
    summary = labels("doc_site_summary", n=len(report.public), finished=finished, total=total)
    rows = []
    for row in report.public:
        link = f'<a href="{page_name(row)}">{escape(row.title)}</a>'
        rows.append(
            f'<tr data-id="{escape(row.task)}"><td class="num">{row.number}</td><td>{link}</td>'
            f"<td>{escape(row.deadline)}</td>"
            f'<td class="state">{_bar(row.finished, row.total)}{row.finished}/{row.total}</td>'
            f"<td>{_state(row, labels)}</td></tr>"
        )
    head = "".join(
        f"<th>{escape(labels(key))}</th>"
        for key in ("public_number", "public_task", "public_deadline", "progress")
    )
    head += f"<th>{escape(labels('public_completion'))}</th>"
    body = [
        f"<header><h1>{escape(report.title)}</h1>",
        f'<p class="meta">{escape(heading)} · {escape(updated)}</p></header>',
        f'<p id="summary">{_bar(finished, total)}{escape(summary)}</p>',
        f'<table id="problems"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table>",
    ]
    return html_page(f"{report.title} {heading}", body, labels, _CSS)


def problem_page(report: Report, row: PublicRow, labels: Labels) -> str:
    facts = [
        ("public_goal", escape(row.goal or "—")),
        ("public_deadline", escape(row.deadline)),
        ("public_completion", _state(row, labels)),
    ]
    steps = []
    for step in row.steps:
        when = step.date.isoformat() if step.date else ""
        steps.append(
            f'<tr data-id="{escape(step.id)}"><td class="num">{escape(step.ordinal)}</td>'
            f"<td>{escape(step.text)}</td>"
            f'<td class="state {step.status}">{escape(labels.status(step.status))}</td>'
            f'<td class="num">{when}</td><td>{escape(step.note)}</td></tr>'
        )
    head = "".join(
        f"<th>{escape(text)}</th>"
        for text in (
            labels("id"),
            labels("public_measures"),
            labels("status"),
            labels("sheet_date"),
            labels("public_progress"),
        )
    )
    body = [
        f'<nav><a href="{INDEX}">← {escape(labels("site_back"))}</a></nav>',
        f"<header><h1>{row.number}. {escape(row.title)}</h1>",
        f'<p class="meta">{escape(report.title)} · '
        f"{escape(labels('site_updated', as_of=chinese_date(report.as_of, labels)))}</p>"
        "</header>",
        "<dl>" + "".join(f"<dt>{escape(labels(k))}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>",
        f'<table id="measures"><thead><tr>{head}</tr></thead><tbody>{"".join(steps)}</tbody>'
        "</table>",
    ]
    return html_page(f"{row.title} · {report.title}", body, labels, _CSS)


def site_pages(report: Report, labels: Labels) -> dict[str, str]:
    """File name → page: index.html and one page per problem."""
    pages = {INDEX: index_page(report, labels)}
    for row in report.public:
        pages[page_name(row)] = problem_page(report, row, labels)
    return pages
