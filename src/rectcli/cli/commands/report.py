"""Documents out and back: report, export-sheet, import-sheet, calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rectcli.cli.app import Settings, app, echo, print_renderable, settings_of
from rectcli.cli.options import (
    MemberFilter,
    OutputFile,
    UnitFilter,
    complete_units,
    is_stdout,
    output_file,
    parse_date_option,
)

if TYPE_CHECKING:
    from rectcli.exchange.sheet_in import MarkRequest
    from rectcli.model.checklist import Checklist
    from rectcli.reports import ReportFormat


def _report_format(name: str | None, output: Path | None) -> ReportFormat:
    """The --format asked for, else the one -o's suffix names, else the terminal table."""
    from rectcli import reports
    from rectcli.errors import RectError

    if name is not None:
        if name not in reports.FORMATS:
            raise RectError(f"--format {name}: use one of {'|'.join(reports.NAMES)}")
        chosen = reports.get(name)
    elif output is None or is_stdout(output):
        chosen = reports.get("table")
    else:
        found = reports.by_suffix(output.suffix)
        if found is None:
            raise RectError(
                f"-o {output}: cannot tell the format from '{output.suffix or output.name}'; "
                f"add --format {'|'.join(reports.NAMES)} or name the file "
                + ", ".join(reports.suffixes()[:-1])
                + f" or {reports.suffixes()[-1]}"
            )
        chosen = found
    if chosen.binary and output is None:  # -o - sends the bytes to standard output
        raise RectError(
            f"--format {chosen.name} writes a file: name it with -o report{chosen.suffixes[0]}"
        )
    return chosen


def _emit(settings: Settings, output: Path | None, data: str | bytes) -> None:
    """Print to stdout (no -o, or -o -), or write the file atomically and say so."""
    if output is None or is_stdout(output):
        typer.echo(data, nl=False)
        return
    from rectcli.store import display_path, write_output

    write_output(output, data)
    typer.echo(settings.labels("written", path=display_path(output)))


@app.command()
def report(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table, markdown, html, xlsx, csv, json, docx or pdf (default: from the -o "
            "file's suffix; the terminal without -o). json: English keys, the measures as "
            "`rect list --format json` has them. docx and pdf: A4 documents for print.",
        ),
    ] = None,
    output: OutputFile = None,
    unit: UnitFilter = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="The 信息公开 table instead: the standard columns (序号 问题 整改目标 整改时限 "
            "整改措施 整改进展 完成情况), without names or phone numbers.",
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Count measures done after this date, i.e. since the last report "
            "(default: 30 days before --as-of).",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="A 月报/季报: 2024-06, 2024-Q2, 2024-H1, 2024, 本月 or 上月. The report is "
            "as of the period's last day, counts what was done from its first, and its "
            "title names it (2024年6月整改进展情况). Not with --since.",
        ),
    ] = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            metavar="TEXT",
            help="The issuing office on docx/pdf reports (default: plan.issuer).",
        ),
    ] = None,
    due_within: Annotated[
        str | None,
        typer.Option("--due-within", metavar="14d", help="What counts as due soon (default 14d)."),
    ] = None,
    member: MemberFilter = None,
) -> None:
    """The 调度/通报 report: each unit, most behind first, with what is overdue, due
    soon, behind schedule and done since the last report, and a progress chart. A .csv
    file written with -o starts with a UTF-8 BOM, for Excel."""
    from dataclasses import replace

    from rectcli import reports
    from rectcli.errors import RectError
    from rectcli.queries.report import build_report
    from rectcli.queries.rows import DUE_SOON_DAYS, parse_days

    settings = settings_of(ctx)
    chosen = _report_format(fmt, output)
    today = settings.today
    since_day = parse_date_option(since, "--since") if since else None
    chosen_period = None
    if period is not None:
        from datetime import timedelta

        from rectcli.dates.periods import parse_period

        if since is not None:
            raise RectError("--period sets --since itself (its first day): give one of them")
        chosen_period = parse_period(period, today)
        # as of its last day, counting as newly done what was done from its first day on
        today, since_day = chosen_period.last, chosen_period.first - timedelta(days=1)
    if since_day is not None and since_day >= today:
        raise RectError(f"--since {since_day} is not before the report's day {today}")
    soon_days = parse_days(due_within) if due_within else DUE_SOON_DAYS
    labels = settings.labels
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_report

        if public or unit is not None:
            raise RectError("--public and --unit read one list: leave out --workspace")
        result = ws_report(settings, member, since_day, soon_days)
        labels = labels.replaced(
            report_units="ws_report_units",
            report_unit="ws_member",
            report_tasks="ws_report_members",
            report_details="ws_report_details",
        )
    else:
        settings.check_member(member)
        result = build_report(
            settings.load(),
            today,
            since=since_day,
            unit=unit,
            soon_days=soon_days,
            public=public,
        )
    if chosen_period is not None:
        result = replace(result, since=chosen_period.first, period=chosen_period)
    if issuer is not None and result.plan is not None:
        result = replace(result, plan=result.plan.model_copy(update={"issuer": issuer}))
    data = reports.render(chosen, result, labels, public=public)
    if chosen.output == "rich":
        if output is None or is_stdout(output):
            print_renderable(data)  # type: ignore[arg-type]  # the registry says: rich
            return
        data = _plain_text(data)
    elif chosen.output == "workbook":
        from rectcli.store import display_path, write_workbook

        assert output is not None  # _report_format insists
        if is_stdout(output):
            from rectcli.store.documents import workbook_bytes

            typer.echo(workbook_bytes(data), nl=False)  # type: ignore[arg-type]
            return
        write_workbook(output, data)  # type: ignore[arg-type]
        typer.echo(labels("written", path=display_path(output)))
        return
    elif chosen.name == "csv" and output is not None and not is_stdout(output):
        data = "\ufeff" + str(data)  # Excel on a Chinese Windows reads UTF-8 only with a BOM
    assert isinstance(data, str | bytes)
    _emit(settings, output, data)


def _plain_text(view: object) -> str:
    import io

    from rectcli.views.console import safe_console

    out = io.StringIO()
    safe_console(file=out, width=100, color_system=None).print(view)
    return out.getvalue()


@app.command("export-sheet")
def export_sheet(
    ctx: typer.Context,
    unit: Annotated[
        str,
        typer.Option(
            "--unit",
            "-u",
            metavar="NAME",
            autocompletion=complete_units,
            help="The unit whose open measures go in the sheet (a group: all its members').",
        ),
    ],
    output: Annotated[
        Path | None,
        output_file("The .xlsx file to write (default: UNIT.xlsx here; - is standard output)."),
    ] = None,
) -> None:
    """Write a 调度 fill-in sheet (.xlsx) of a unit's open measures, for the unit to fill
    in status, progress, percent, evidence, name and date; read it back with import-sheet."""
    from rectcli.exchange.sheet_out import fill_sheet, sheet_title
    from rectcli.queries.rows import Filter, measure_rows, resolve_unit, select
    from rectcli.statuses import FINISHED
    from rectcli.store import display_path, write_workbook

    settings = settings_of(ctx)
    checklist = settings.load()
    name = resolve_unit(checklist, unit)
    target = output if output is not None else Path(f"{sheet_title(name)}.xlsx")
    if not is_stdout(target):
        _require_xlsx(target)
    today = settings.today
    rows = [
        r
        for r in select(measure_rows(checklist, today), Filter(unit=name), checklist, today)
        if r.status not in FINISHED
    ]
    labels = settings.labels
    book = fill_sheet(rows, name, today, labels)
    if is_stdout(target):
        from rectcli.store.documents import workbook_bytes

        typer.echo(workbook_bytes(book), nl=False)
        return
    write_workbook(target, book)
    typer.echo(labels("sheet_written", path=display_path(target), n=len(rows)))


def _require_xlsx(path: Path) -> None:
    from rectcli.errors import RectError

    if path.suffix.lower() != ".xlsx":
        raise RectError(
            f"-o {path}: a fill-in sheet is an .xlsx workbook; name it {path.stem}.xlsx"
        )


@app.command("import-sheet")
def import_sheet(
    ctx: typer.Context,
    sheet: Annotated[
        Path,
        typer.Argument(metavar="FILE.xlsx", help="A sheet made by export-sheet, filled in."),
    ],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="NAME",
            autocompletion=complete_units,
            help="The unit reporting (default: with people: in units.yaml, your git "
            "identity's unit; else the one the sheet was exported for). Rows for other units' "
            "measures are refused; an empty 填报人 becomes this unit.",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Check the sheet and list what would be recorded."),
    ] = False,
) -> None:
    """Record a filled-in sheet's rows as progress entries, as `rect mark` would: all or
    nothing, refusing bad rows with the cell named (FILE.xlsx!F7)."""
    from rectcli.exchange.sheet_in import read_fill_sheet
    from rectcli.exchange.sheet_out import sheet_unit
    from rectcli.queries.rows import resolve_unit
    from rectcli.store import display_path, read_workbook

    settings = settings_of(ctx)
    checklist = settings.load()
    book = read_workbook(sheet)
    shown = display_path(sheet)
    suggested = sheet_unit(book)  # a document property: anyone can edit it
    owner = resolve_unit(checklist, unit) if unit else None
    from_identity = owner is None and bool(checklist.units.people)
    if from_identity:  # who may record what is configured: the sheet only suggests
        owner = _identity_unit(settings, checklist, shown, suggested)
    if suggested and owner is not None:
        said = resolve_unit(checklist, suggested)
        if said != owner:  # the sheet says another unit: refused, never guessed
            from rectcli.errors import Problem, RectError

            message = (
                f"exported for {suggested}, but your git identity records for {owner}: "
                "a unit records only its own measures"
                if from_identity
                else f"exported for {suggested}, but --unit {unit}: a unit records only its "
                "own measures; import it with --unit of the unit that sent it"
            )
            raise RectError([Problem(shown, 0, 0, message)])
    elif suggested:
        owner = resolve_unit(checklist, suggested)
    labels = settings.labels
    requests = read_fill_sheet(book, shown, checklist, settings.today, owner, labels)
    skipped = sum(r.recorded for r in requests)
    if skipped:
        typer.echo(labels("sheet_skipped", path=shown, n=skipped))
    requests = [r for r in requests if not r.recorded]
    if not requests:
        if not skipped:
            typer.echo(labels("sheet_nothing", path=shown))
        return
    if dry_run:
        for request in requests:
            echo(_describe(request, labels))
        return
    _record(settings, requests)
    typer.echo(labels("sheet_recorded", path=shown, n=len(requests)))


def _identity_unit(
    settings: Settings, checklist: Checklist, shown: str, suggested: str | None
) -> str:
    """The unit a sheet is recorded for when units.yaml names people: and no --unit is
    given: the git identity's own unit, never the one the sheet's property says."""
    from rectcli.errors import Problem, RectError
    from rectcli.history.git import user_email

    found = checklist.units.unit_of(user_email(settings.tasks_path.parent))
    if found is None:
        said = f" (the sheet says {suggested})" if suggested else ""
        message = (
            f"name the unit that sent this sheet with --unit{said}: "
            "with people: in units.yaml it is recorded for the unit given, or yours"
        )
        raise RectError([Problem(shown, 0, 0, message)])
    return found


def _describe(request: MarkRequest, labels: object) -> str:
    from rectcli.labels import Labels

    assert isinstance(labels, Labels)
    parts = [request.measure_id, labels.status(request.status), request.date.isoformat()]
    if request.percent is not None:
        parts.append(f"{request.percent}%")
    if request.by:
        parts.append(request.by)
    if request.note:
        parts.append(request.note)
    return " ".join(parts)


def _record(settings: Settings, requests: list[MarkRequest]) -> None:
    """Record the rows with `rect mark`'s machinery: its lock, its edit, one atomic write."""
    from rectcli.edits.apply import apply_marks
    from rectcli.exchange.sheet_in import as_marks

    apply_marks(settings.tasks_path, as_marks(requests), use_cache=not settings.no_cache)
