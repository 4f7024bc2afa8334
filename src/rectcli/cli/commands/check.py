"""The CI gate: ``rect check`` validates every file a list uses, then checks deadlines.

Invalid data is reported in the format asked for (stdout, exit 2), so that CI shows it
as annotations or a test report: ``text`` keeps the boundary's ``path:line:col: error:``
lines on stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from rectcli.cli.app import app, settings_of
from rectcli.cli.options import CheckFormat, MemberFilter

if TYPE_CHECKING:
    from datetime import date

    from rectcli.errors import Problem
    from rectcli.labels import Labels
    from rectcli.model.checklist import Checklist
    from rectcli.queries.gate import Findings
    from rectcli.queries.rows import MeasureRow
    from rectcli.views.ci import JUnitCase

FailOn = Literal["overdue", "new-overdue", "warning", "never"]


@app.command()
def check(
    ctx: typer.Context,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", help="text (path:line:col: level: message), json, github or junit."
        ),
    ] = CheckFormat.text,
    warn_within: Annotated[
        str,
        typer.Option(
            "--warn-within",
            metavar="14d",
            help="Warn about items due within this period (30d, 2w; 0: due today).",
        ),
    ] = "14d",
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on overdue items (default), only on items that became overdue "
            "since --since REV (new-overdue), on overdue or soon-due ones (warning), or "
            "never (report only).",
        ),
    ] = "overdue",
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="With --fail-on new-overdue: the git revision to compare with "
            "(origin/main, HEAD).",
        ),
    ] = None,
    member: MemberFilter = None,
) -> None:
    """The CI gate: validate the data, then check deadlines and recurring duties.

    Exit 0 when nothing is overdue, 1 when something is (per --fail-on), 2 when the
    data is invalid (in every --format).
    """
    from rectcli.errors import RectError
    from rectcli.queries.gate import findings, newly_overdue
    from rectcli.queries.rows import parse_days

    settings = settings_of(ctx)
    days = parse_days(warn_within)
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_check

        if fmt is CheckFormat.junit or fail_on == "new-overdue":
            raise RectError(
                "check --format junit and --fail-on new-overdue read one list: "
                "leave out --workspace"
            )
        late, soon = ws_check(settings, member, fmt.value, days)
        failed = bool(late) if fail_on == "overdue" else bool(late or soon)
        raise typer.Exit(1 if failed and fail_on != "never" else 0)
    settings.check_member(member)
    if fail_on == "new-overdue" and since is None:
        raise RectError(
            "--fail-on new-overdue needs --since REV (the git revision to compare with)"
        )
    checklist = _validated(ctx, fmt)
    today = settings.today
    found = findings(checklist, today, days)
    failing = found.errors
    if fail_on == "new-overdue" and since is not None:
        from rectcli.history.revisions import checklist_at

        before = checklist_at(settings.tasks_path, since)
        failing = newly_overdue(found.errors, before, today, days)
    _report(checklist, fmt, found, failing, fail_on, days, ctx)
    if fail_on == "never":
        failed = False
    elif fail_on == "warning":
        failed = bool(found.errors or found.warnings)
    else:
        failed = bool(failing)
    raise typer.Exit(1 if failed else 0)


def _validated(ctx: typer.Context, fmt: CheckFormat) -> Checklist:
    """The list, valid, and its targets.yaml too; else every problem in ``fmt``, exit 2."""
    from rectcli.errors import RectError

    settings = settings_of(ctx)
    problems: list[Problem] = []
    checklist = None
    try:
        checklist = settings.load()
        if settings.as_of is None:  # a day set by --as-of may look back before later entries
            problems += _future_entries(checklist, settings.today)
        if not settings.from_stdin:
            problems += _target_problems(settings.tasks_path, not settings.no_cache)
    except RectError as exc:
        problems += exc.problems
    if checklist is not None and not problems:
        return checklist
    if fmt is CheckFormat.text:
        raise RectError(problems)
    from rectcli.catalog.messages import localized
    from rectcli.views import ci

    lang = settings.labels.lang
    problems = [localized(p, lang) for p in problems]
    if fmt is CheckFormat.json:
        typer.echo(ci.problems_json(problems))
    elif fmt is CheckFormat.github:
        typer.echo(ci.problems_github(problems, _repo_relative), nl=False)
    else:
        typer.echo(ci.problems_junit(problems), nl=False)
    raise typer.Exit(2)


def _future_entries(checklist: Checklist, today: date) -> list[Problem]:
    """The log is the truth (docs/format.md): no entry is dated after today."""
    from rectcli.errors import Problem
    from rectcli.model.checklist import FILE_FACT, LINE_FACT

    return [
        Problem(
            fact[FILE_FACT] or checklist.path,
            fact[LINE_FACT],
            fact[9],  # its column
            f"{fact[0]} has a progress entry dated {fact[14]}, after today ({today}); "
            "record progress once it has happened",
        )
        for fact in checklist.measure_facts()
        if fact[14] is not None and fact[14] > today
    ]


def _target_problems(tasks_path: Path, use_cache: bool) -> list[Problem]:
    from rectcli import store
    from rectcli.store.loading import target_problems

    path = store.targets_file_for(store.main_path(tasks_path))
    return target_problems(path, use_cache=use_cache) if path.is_file() else []


def _repo_relative(shown: str) -> str:
    from rectcli.store.layout import repo_relative

    return repo_relative(shown, Path.cwd())


def _report(
    checklist: Checklist,
    fmt: CheckFormat,
    found: Findings,
    failing: list[MeasureRow],
    fail_on: FailOn,
    days: int,
    ctx: typer.Context,
) -> None:
    from rectcli.views import ci, serialize

    labels = settings_of(ctx).labels
    path = checklist.path
    errors, warnings = found.errors, found.warnings
    if fmt is CheckFormat.json:
        listed = [("error", r) for r in errors] + [("warning", r) for r in warnings]
        listed.sort(
            key=lambda f: (f[1].file or "", f[1].line, f[1].due.isoformat() if f[1].due else "")
        )
        data = [{**r.to_json(), "severity": level} for level, r in listed]
        typer.echo(serialize.json_text(data))
    elif fmt is CheckFormat.github:
        typer.echo(ci.check_github(path, errors, warnings, labels, _repo_relative), nl=False)
    elif fmt is CheckFormat.junit:
        shown = failing if fail_on == "new-overdue" else errors
        soon = warnings if fail_on == "warning" else []
        cases = _junit_cases(checklist, found.measures, shown, soon, labels)
        typer.echo(ci.check_junit(path, cases), nl=False)
    else:
        typer.echo(ci.check_text(path, errors, warnings, labels), nl=False)
        typer.echo(labels("valid", path=path, n=len(found.measures)))
        late = sum(r.duty is None for r in errors)
        if late:
            typer.echo(labels("overdue_n", n=late))
        if len(errors) > late:
            typer.echo(labels("duties_overdue_n", n=len(errors) - late))
        if warnings:
            typer.echo(labels("warning_n", n=len(warnings), days=days))
        if fail_on == "new-overdue":
            typer.echo(labels("new_overdue_n", n=len(failing)))


def _junit_cases(
    checklist: Checklist,
    measures: list[MeasureRow],
    errors: list[MeasureRow],
    warnings: list[MeasureRow],
    labels: Labels,
) -> list[JUnitCase]:
    """A testcase per measure and per recurring duty; a failure per overdue one (and, with
    --fail-on warning, per one due soon)."""
    from rectcli.views.ci import JUnitCase, finding_message

    failing: dict[tuple[str, str | None], list[tuple[str, MeasureRow]]] = {}
    for kind, found in (("overdue", errors), ("due-soon", warnings)):
        for row in found:
            failing.setdefault((row.id, row.duty), []).append((kind, row))
    cases: list[JUnitCase] = []
    for row in measures:
        keys = [(row.id, None)] + [(row.id, d.every) for d in checklist.duties.get(row.id, [])]
        for key in keys:
            hits = failing.get(key, [])
            failure = None
            if hits:
                kind = "overdue" if any(k == "overdue" for k, _ in hits) else "due-soon"
                failure = (kind, "; ".join(finding_message(r, labels) for _, r in hits))
            name = row.id if key[1] is None else f"{row.id} {key[1]}"
            cases.append(JUnitCase(f"task {row.task}", name, row.line, failure, row.file))
    return cases
