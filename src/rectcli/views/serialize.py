"""Machine-readable output: JSON, CSV and the CI formats. Strings, never printed here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import quoteattr

from rectcli.queries.rows import MeasureRow
from rectcli.textsafe import csv_text, one_line

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
    return json_text([r.to_json() for r in rows])


def json_text(data: object) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text 5× faster: with an
    indent the standard encoder falls back to pure Python (0.5 s and 200 MB for 50k rows)."""
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


def rows_csv(rows: Sequence[MeasureRow]) -> str:
    return csv_text(CSV_COLUMNS, (_csv_row(row) for row in rows))  # formula-safe cells


def _csv_row(row: MeasureRow) -> list[object]:
    data = row.to_json()
    data["units"] = "、".join(row.units)
    data["overdue"] = "true" if row.overdue else "false"
    return ["" if data[c] is None else data[c] for c in CSV_COLUMNS]


def overdue_message(row: MeasureRow) -> str:
    return (
        f"{row.id} overdue by {row.days_overdue} days (due {row.due}, "
        f"{row.deadline}; {'、'.join(row.units)})"
    )


def finding_message(row: MeasureRow) -> str:
    """One line on an overdue or soon-due measure or duty occurrence, for CI output."""
    units = "、".join(row.units)
    if row.duty is not None and row.times is None:  # an incident of a response time
        found = f"{row.id} {row.duty}: found {row.period_start}, not cleared"
        if row.overdue:
            return f"{found}, overdue by {row.days_overdue} days ({units})"
        return f"{found}, {_due_in(row.days_left)} ({row.due}; {units})"
    if row.duty is not None:
        done = f"{row.id} {row.duty}: {row.done_times}/{row.times}"
        if row.overdue:
            return (
                f"{done} in {row.period_start}..{row.due}, "
                f"overdue by {row.days_overdue} days ({units})"
            )
        return f"{done} so far, {_due_in(row.days_left)} ({row.due}; {units})"
    if row.overdue:
        return overdue_message(row)
    return f"{row.id} {_due_in(row.days_left)} ({row.due}, {row.deadline}; {units})"


def _due_in(days: int | None) -> str:
    return "due today" if days == 0 else f"due in {days} days"


def check_text(path: str, errors: Sequence[MeasureRow], warnings: Sequence[MeasureRow]) -> str:
    """yamllint/gcc style: ``path:line:col: error: message``, in file order."""
    found = [("error", r) for r in errors] + [("warning", r) for r in warnings]
    found.sort(key=lambda f: (f[1].file or "", f[1].line, f[1].due or date.max))
    return "".join(
        f"{one_line(r.file or path)}:{r.line}:{r.col}: {level}: {one_line(finding_message(r))}\n"
        for level, r in found
    )


def _escape_github(text: str) -> str:
    """A workflow command's message: one line, whatever the data holds."""
    return one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value (file=…, title=…): ``,`` and ``:`` too."""
    return _escape_github(text).replace(":", "%3A").replace(",", "%2C")


def check_github(path: str, errors: Sequence[MeasureRow], warnings: Sequence[MeasureRow]) -> str:
    """GitHub Actions workflow commands: an annotation at each finding's line."""
    found = [("error", r) for r in errors] + [("warning", r) for r in warnings]
    found.sort(key=lambda f: (f[1].file or "", f[1].line, f[1].due or date.max))
    return "".join(
        f"::{level} file={_escape_property(r.file or path)},line={r.line},col={r.col},"
        f"title={_escape_property(f'rect {r.id}')}::"
        f"{_escape_github(finding_message(r))}\n"
        for level, r in found
    )


@dataclass(frozen=True)
class JUnitCase:
    """One JUnit testcase: a measure, or one recurring duty of a measure."""

    classname: str
    name: str
    line: int
    failure: tuple[str, str] | None = None  # (type, message)
    file: str | None = None  # in a list kept in several files: the one holding it


def check_junit(path: str, cases: Sequence[JUnitCase]) -> str:
    failures = sum(c.failure is not None for c in cases)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuites name="rect" tests="{len(cases)}" failures="{failures}">',
        f'  <testsuite name={quoteattr(path)} tests="{len(cases)}" failures="{failures}">',
    ]
    for case in cases:
        head = (  # control characters are no XML: shown (textsafe.visible)
            f"    <testcase classname={quoteattr(one_line(case.classname))} "
            f"name={quoteattr(one_line(case.name))} file={quoteattr(one_line(case.file or path))} "
            f'line="{case.line}"'
        )
        if case.failure is None:
            lines.append(head + "/>")
            continue
        kind, message = case.failure
        lines.append(head + ">")
        failure = f"type={quoteattr(one_line(kind))} message={quoteattr(one_line(message))}"
        lines.append(f"      <failure {failure}/>")
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"
