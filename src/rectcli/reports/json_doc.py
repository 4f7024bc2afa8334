"""The report as JSON, for CI and other offices' tools: the computed :class:`Report`, keyed.

Keys are English and snake_case whatever ``--lang``; values are the data's own (statuses
``todo``/``doing``/``done``/``closed``, ISO dates). Each line of a unit's section is the
measure's ``rect list --format json`` row (``MeasureRow.to_json``) with what the report
adds: ``days_left``, ``done_on`` and its ``latest`` progress entry. Key order is fixed.
"""

from __future__ import annotations

from typing import Any

from rectcli.model.shapes import ProgressEntry
from rectcli.queries.report import Bar, Item, PublicRow, PublicStep, Report, UnitSection, completion
from rectcli.reports.text import summary_figures
from rectcli.views.serialize import json_text


def report_json(report: Report) -> str:
    """The 调度/通报 report: its figures, each unit's section, a bar per problem."""
    return json_text(report_data(report)) + "\n"


def public_json(report: Report) -> str:
    """The 信息公开 table: what the public formats show, nothing personal."""
    return json_text(public_data(report)) + "\n"


def report_data(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "public": False,
        "as_of": report.as_of.isoformat(),
        "since": report.since.isoformat(),
        "due_within_days": report.soon_days,
        "unit": report.unit,
        "summary": {key: number for key, _, number in summary_figures(report)},
        "units": [_section(rank, s) for rank, s in enumerate(report.units, 1)],
        "tasks": [_bar(b) for b in report.tasks],
    }


def _section(rank: int, section: UnitSection) -> dict[str, Any]:
    return {
        "rank": rank,
        "unit": section.unit,
        "total": section.total,
        "finished": section.finished,
        "percent": section.percent,
        "days_overdue": section.days_overdue,
        "overdue": [_item(i) for i in section.overdue],
        "due_soon": [_item(i) for i in section.due_soon],
        "behind": [_item(i) for i in section.behind],
        "done": [_item(i) for i in section.done],
    }


def _item(item: Item) -> dict[str, Any]:
    data = item.row.to_json()
    data["days_left"] = item.row.days_left
    data["done_on"] = item.done_on.isoformat() if item.done_on else None
    data["latest"] = _entry(item.latest) if item.latest else None
    return data


def _entry(entry: ProgressEntry) -> dict[str, Any]:
    """A progress entry with tasks.yaml's keys, each one, null where not given."""
    return {
        "date": entry.date.isoformat(),
        "status": entry.status,
        "note": entry.note,
        "by": entry.by,
        "percent": entry.percent,
        "evidence": entry.evidence,
        "duty": entry.duty,
        "covers": entry.covers.isoformat() if entry.covers else None,
    }


def _bar(bar: Bar) -> dict[str, Any]:
    return {
        "id": bar.key,
        "title": bar.label,
        "total": bar.total,
        "finished": bar.finished,
        "overdue": bar.overdue,
    }


def public_data(report: Report) -> dict[str, Any]:
    """Only what the 信息公开 table shows: no units, persons, ``by`` or evidence; notes
    with phone numbers and named contacts masked (``queries.redact``)."""
    return {
        "title": report.title,
        "public": True,
        "as_of": report.as_of.isoformat(),
        "unit": report.unit,
        "tasks": [_public_row(row) for row in report.public],
    }


def _public_row(row: PublicRow) -> dict[str, Any]:
    return {
        "number": row.number,
        "id": row.task,
        "title": row.title,
        "goal": row.goal or None,
        "deadline": row.deadline,
        "completion": completion(row),
        "ongoing": row.ongoing,
        "finished": row.finished,
        "total": row.total,
        "measures": [_public_step(s) for s in row.steps],
    }


def _public_step(step: PublicStep) -> dict[str, Any]:
    return {
        "id": step.id,
        "ordinal": step.ordinal,
        "text": step.text,
        "status": step.status,
        "date": step.date.isoformat() if step.date else None,
        "note": step.note or None,
    }
