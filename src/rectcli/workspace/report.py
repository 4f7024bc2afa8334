"""The workspace's 通报 (``rect --workspace W report``): the members ranked as one list's
report ranks its units — most overdue first, then most behind, most days overdue, least
finished — each member's section holding its own items (its units' sections merged).

The result is a :class:`~rectcli.queries.report.Report`, so every renderer (terminal,
HTML, Markdown, CSV, JSON, xlsx) prints it: ``units`` are the members, ranked, and
``tasks`` (the progress chart) has a bar per member in the workspace's order, labelled
with the member's plan title.
"""

from __future__ import annotations

from datetime import date, timedelta

from rectcli.queries.report import (
    DEFAULT_SINCE_DAYS,
    Bar,
    Report,
    UnitSection,
    due_soon,
    rank_key,
    report_items,
    unit_section,
)
from rectcli.queries.rows import DUE_SOON_DAYS
from rectcli.statuses import FINISHED
from rectcli.workspace.members import Member


def workspace_report(
    title: str,
    members: list[Member],
    today: date,
    *,
    since: date | None = None,
    soon_days: int = DUE_SOON_DAYS,
) -> Report:
    since = since if since is not None else today - timedelta(days=DEFAULT_SINCE_DAYS)
    sections: list[UnitSection] = []
    bars: list[Bar] = []
    total = finished = overdue = soon = behind = done = missed_n = 0
    for member in members:
        if member.checklist is None:
            continue
        items, missed = report_items(member.checklist, today, since)
        for item in [*items, *missed]:
            item.row.member = member.name
        section = unit_section(member.name, items, missed, soon_days)
        sections.append(section)
        plan = member.checklist.outline().title  # the member's own plan, by its title
        bars.append(
            Bar(member.name, plan, section.finished, section.total, section.overdue_measures)
        )
        total += len(items)
        finished += sum(i.row.status in FINISHED for i in items)
        overdue += sum(i.row.overdue for i in items)
        soon += sum(due_soon(i, soon_days) for i in items)
        behind += sum(i.behind for i in items)
        done += sum(i.done_on is not None for i in items)
        missed_n += len(missed)
    return Report(
        title=title,
        as_of=today,
        since=since,
        soon_days=soon_days,
        unit=None,
        total=total,
        finished=finished,
        overdue=overdue,
        due_soon=soon,
        behind=behind,
        done=done,
        units=tuple(sorted(sections, key=rank_key)),
        tasks=tuple(bars),
        public=(),
        duties_overdue=missed_n,
    )
