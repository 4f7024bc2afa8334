"""Machine-readable output: JSON, CSV and the CI formats. Strings, never printed here."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from rectcli.queries.rows import MeasureRow

if TYPE_CHECKING:
    from collections.abc import Callable

    from rectcli.errors import Problem
    from rectcli.model.shapes import Measure, Task
    from rectcli.queries.rows import Dashboard

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
        f"{r.file or path}:{r.line}:{r.col}: {level}: {finding_message(r)}\n" for level, r in found
    )


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value (file=, title=): also ``:`` and ``,``."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _same(path: str) -> str:
    return path


def check_github(
    path: str,
    errors: Sequence[MeasureRow],
    warnings: Sequence[MeasureRow],
    where: Callable[[str], str] = _same,
) -> str:
    """GitHub Actions workflow commands: an annotation at each finding's line.
    ``where`` turns a shown path into the repository-relative one GitHub needs."""
    found = [("error", r) for r in errors] + [("warning", r) for r in warnings]
    found.sort(key=lambda f: (f[1].file or "", f[1].line, f[1].due or date.max))
    return "".join(
        f"::{level} file={github_property(where(r.file or path))},line={r.line},col={r.col},"
        f"title={github_property(f'rect {r.id}')}::{github_data(finding_message(r))}\n"
        for level, r in found
    )


def problems_github(problems: Sequence[Problem], where: Callable[[str], str] = _same) -> str:
    """Invalid data as GitHub annotations: ``::error file=…,line=…,col=…::message``."""
    out = []
    for problem in problems:
        props = []
        if problem.path:
            props.append(f"file={github_property(where(problem.path))}")
            if problem.line:
                props.append(f"line={problem.line}")
                if problem.col:
                    props.append(f"col={problem.col}")
        head = f"::{problem.level} {','.join(props)}" if props else f"::{problem.level}"
        out.append(f"{head}::{github_data(problem.message)}\n")
    return "".join(out)


def problems_json(problems: Sequence[Problem]) -> str:
    """Invalid data: ``{"valid": false, "errors": [{path, line, col, message}]}``."""
    errors = [
        {"path": p.path, "line": p.line, "col": p.col, "message": p.message} for p in problems
    ]
    return json_text({"valid": False, "errors": errors})


def problems_junit(problems: Sequence[Problem]) -> str:
    """Invalid data as JUnit XML: a testcase per problem, each with an ``<error>``."""
    count = len(problems)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuites name="rect" tests="{count}" failures="0" errors="{count}" time="0">',
        f'  <testsuite name="rect validate" tests="{count}" failures="0" errors="{count}" '
        'skipped="0" time="0">',
    ]
    for problem in problems:
        place = str(problem).rsplit(f" {problem.level}: ", 1)[0].rstrip(":")
        lines.append(
            f"    <testcase classname={quoteattr(problem.path or 'rect')} "
            f'name={quoteattr(place or "rect")} time="0">'
        )
        lines.append(
            f'      <error type="invalid" message={quoteattr(problem.message)}>'
            f"{escape(str(problem))}</error>"
        )
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class JUnitCase:
    """One JUnit testcase: a measure, or one recurring duty of a measure."""

    classname: str
    name: str
    line: int
    failure: tuple[str, str] | None = None  # (type, message)
    file: str | None = None  # in a list kept in several files: the one holding it


def check_junit(path: str, cases: Sequence[JUnitCase]) -> str:
    """JUnit XML as the common schema (Jenkins' junit-10, GitLab) has it: a testsuite per
    file of the list (``file=``), a testcase per measure or duty, a failure per finding
    whose text starts with its place (``data/tasks.yaml:85: …``)."""
    by_file: dict[str, list[JUnitCase]] = {}
    for case in cases:
        by_file.setdefault(case.file or path, []).append(case)
    failures = sum(c.failure is not None for c in cases)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuites name="rect" tests="{len(cases)}" failures="{failures}" errors="0" time="0">',
    ]
    for file, group in by_file.items():
        failed = sum(c.failure is not None for c in group)
        lines.append(
            f"  <testsuite name={quoteattr(file)} file={quoteattr(file)} "
            f'tests="{len(group)}" failures="{failed}" errors="0" skipped="0" time="0">'
        )
        for case in group:
            head = (
                f"    <testcase classname={quoteattr(case.classname)} "
                f'name={quoteattr(case.name)} time="0"'
            )
            if case.failure is None:
                lines.append(head + "/>")
                continue
            kind, message = case.failure
            lines.append(head + ">")
            lines.append(
                f"      <failure type={quoteattr(kind)} message={quoteattr(message)}>"
                f"{escape(f'{file}:{case.line}: {message}')}</failure>"
            )
            lines.append("    </testcase>")
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"


def status_json(board: Dashboard, title: str) -> str:
    """``rect status --format json``: the dashboard's numbers."""
    data = {
        "title": title,
        "as_of": board.today.isoformat(),
        "total": board.total,
        "by_status": board.by_status,
        "overdue": board.overdue,
        "due_soon": board.due_soon,
        "soon_days": board.soon_days,
        "behind": board.behind,
        "duties_overdue": board.duties_overdue,
        "tasks": [
            {
                "id": t.task,
                "title": t.title,
                "total": t.total,
                "finished": t.finished,
                "overdue": t.overdue,
                "by_status": t.status_counts,
            }
            for t in board.tasks
        ],
        "units_behind": [{"unit": u, "overdue": n} for u, n in board.units_behind],
    }
    return json_text(data)


def show_json(
    task: Task,
    measure: Measure | None,
    rows: Sequence[MeasureRow],
    duties: Sequence[MeasureRow],
) -> str:
    """``rect show ID --format json``: a measure's row, log and duties, or a problem with
    its measures' rows."""
    if measure is not None:
        row = next(r for r in rows if r.id == measure.id)
        data = {
            "kind": "measure",
            **row.to_json(),
            "task_title": task.title,
            "persons": measure.persons,
            "progress": [e.model_dump(mode="json", exclude_none=True) for e in measure.progress],
            "duties": [d.to_json() for d in duties],
        }
    else:
        data = {
            "kind": "task",
            "id": task.id,
            "title": task.title,
            "finding": task.finding,
            "units": list(task.units),
            "persons": task.persons,
            "supervisor": task.supervisor,
            "goal": task.goal,
            "deadline": task.deadline,
            "measures": [r.to_json() for r in rows if r.task == task.id],
        }
    return json_text(data)
