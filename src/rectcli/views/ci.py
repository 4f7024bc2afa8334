"""The CI formats of ``rect check``: compiler-style text, GitHub Actions workflow
commands, JUnit XML, and invalid data in each (with JSON). Strings, never printed here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from rectcli.errors import Problem
from rectcli.queries.rows import MeasureRow
from rectcli.textsafe import one_line, visible
from rectcli.views.serialize import json_text

if TYPE_CHECKING:
    from rectcli.labels import Labels


def finding_message(row: MeasureRow, labels: Labels) -> str:
    """One line on an overdue or soon-due measure or duty occurrence, for CI output."""
    units = "、".join(row.units)
    days, due = row.days_overdue, row.due
    if row.duty is not None and row.times is None:  # an incident of a response time
        found = labels("finding_incident", id=row.id, duty=row.duty, found=row.period_start)
        if row.overdue:
            return labels("finding_incident_overdue", found=found, days=days, units=units)
        when = _due_in(row.days_left, labels)
        return labels("finding_incident_soon", found=found, when=when, due=due, units=units)
    if row.duty is not None:
        values: dict[str, object] = {"id": row.id, "duty": row.duty, "times": row.times}
        values["done"] = row.done_times
        if row.overdue:
            return labels(
                "finding_duty_overdue",
                **values,
                start=row.period_start,
                due=due,
                days=days,
                units=units,
            )
        when = _due_in(row.days_left, labels)
        return labels("finding_duty_soon", **values, when=when, due=due, units=units)
    item: dict[str, object] = {"id": row.id, "due": due, "deadline": row.deadline}
    item["units"] = units
    if row.overdue:
        return labels("finding_overdue", **item, days=days)
    return labels("finding_due_in", **item, when=_due_in(row.days_left, labels))


def _due_in(days: int | None, labels: Labels) -> str:
    return labels("due_today") if days == 0 else labels("due_in_days", n=days)


def check_text(
    path: str, errors: Sequence[MeasureRow], warnings: Sequence[MeasureRow], labels: Labels
) -> str:
    """yamllint/gcc style: ``path:line:col: error: message``, in file order."""
    found = [("error", r) for r in errors] + [("warning", r) for r in warnings]
    found.sort(key=lambda f: (f[1].file or "", f[1].line, f[1].due or date.max))
    return "".join(
        f"{one_line(r.file or path)}:{r.line}:{r.col}: {level}: "
        f"{one_line(finding_message(r, labels))}\n"
        for level, r in found
    )


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it (its line
    breaks become the annotation's); any other control character is shown, never sent
    to the log viewer (textsafe.visible)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A workflow command's property value (file=, title=): also ``:`` and ``,``."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _same(path: str) -> str:
    return path


def check_github(
    path: str,
    errors: Sequence[MeasureRow],
    warnings: Sequence[MeasureRow],
    labels: Labels,
    where: Callable[[str], str] = _same,
) -> str:
    """GitHub Actions workflow commands: an annotation at each finding's line.
    ``where`` turns a shown path into the repository-relative one GitHub needs."""
    found = [("error", r) for r in errors] + [("warning", r) for r in warnings]
    found.sort(key=lambda f: (f[1].file or "", f[1].line, f[1].due or date.max))
    return "".join(
        f"::{level} file={github_property(where(r.file or path))},line={r.line},col={r.col},"
        f"title={github_property(f'rect {r.id}')}::{github_data(finding_message(r, labels))}\n"
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
            f"    <testcase classname={quoteattr(one_line(problem.path or 'rect'))} "
            f'name={quoteattr(one_line(place or "rect"))} time="0">'
        )
        lines.append(
            f'      <error type="invalid" message={quoteattr(one_line(problem.message))}>'
            f"{escape(one_line(str(problem)))}</error>"
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
            f"  <testsuite name={quoteattr(one_line(file))} file={quoteattr(one_line(file))} "
            f'tests="{len(group)}" failures="{failed}" errors="0" skipped="0" time="0">'
        )
        for case in group:
            head = (
                f"    <testcase classname={quoteattr(one_line(case.classname))} "
                f'name={quoteattr(one_line(case.name))} time="0"'
            )
            if case.failure is None:
                lines.append(head + "/>")
                continue
            kind, message = case.failure
            lines.append(head + ">")
            lines.append(
                f"      <failure type={quoteattr(one_line(kind))} "
                f"message={quoteattr(one_line(message))}>"
                f"{escape(one_line(f'{file}:{case.line}: {message}'))}</failure>"
            )
            lines.append("    </testcase>")
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"
