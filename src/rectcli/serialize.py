"""Machine-readable output: JSON, CSV and the CI formats. Strings, never printed here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from .queries import MeasureRow

CSV_COLUMNS = (
    "id",
    "task",
    "status",
    "deadline",
    "due",
    "overdue",
    "days_overdue",
    "units",
    "supervisor",
    "text",
)


def rows_json(rows: Sequence[MeasureRow]) -> str:
    return json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2)


def rows_csv(rows: Sequence[MeasureRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.to_json()
        data["units"] = "、".join(row.units)
        data["overdue"] = "true" if row.overdue else "false"
        writer.writerow(["" if data[c] is None else data[c] for c in CSV_COLUMNS])
    return out.getvalue()


def overdue_message(row: MeasureRow) -> str:
    return (
        f"{row.id} overdue by {row.days_overdue} days (due {row.due}, "
        f"{row.deadline}; {'、'.join(row.units)})"
    )


def check_text(path: str, rows: Sequence[MeasureRow]) -> str:
    return "".join(
        f"{path}:{r.line}:{r.col}: error: {overdue_message(r)}\n" for r in rows if r.overdue
    )


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def check_github(path: str, rows: Sequence[MeasureRow]) -> str:
    return "".join(
        f"::error file={path},line={r.line},col={r.col},title=rect {r.id}::"
        f"{_escape_github(overdue_message(r))}\n"
        for r in rows
        if r.overdue
    )


def check_junit(path: str, rows: Sequence[MeasureRow]) -> str:
    failures = sum(r.overdue for r in rows)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuites name="rect" tests="{len(rows)}" failures="{failures}">',
        f'  <testsuite name={quoteattr(path)} tests="{len(rows)}" failures="{failures}">',
    ]
    for row in rows:
        case = (
            f"    <testcase classname={quoteattr(f'task {row.task}')} "
            f'name={quoteattr(row.id)} file={quoteattr(path)} line="{row.line}"'
        )
        if row.overdue:
            lines.append(case + ">")
            lines.append(
                f'      <failure type="overdue" message={quoteattr(overdue_message(row))}/>'
            )
            lines.append("    </testcase>")
        else:
            lines.append(case + "/>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"
