"""Documents out and back: report, export-sheet, import-sheet, calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from rectcli.cli.app import Settings, app, print_renderable, settings_of
from rectcli.cli.options import OutputFile, UnitFilter, complete_units, parse_date_option

if TYPE_CHECKING:
    from rectcli.exchange.sheet_in import MarkRequest

ReportFormat = Literal["table", "markdown", "html", "xlsx", "csv", "json"]
_BY_SUFFIX: dict[str, ReportFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".json": "json",
    ".txt": "table",
}


def _report_format(fmt: ReportFormat | None, output: Path | None) -> ReportFormat:
    from rectcli.errors import RectError

    if fmt is not None:
        chosen = fmt
    elif output is None:
        chosen = "table"
    elif output.suffix.lower() in _BY_SUFFIX:
        chosen = _BY_SUFFIX[output.suffix.lower()]
    else:
        raise RectError(
            f"-o {output}: cannot tell the format from '{output.suffix or output.name}'; "
            "add --format markdown|html|xlsx|csv|json or name the file .md, .html, .xlsx, "
            ".csv or .json"
        )
    if chosen == "xlsx" and output is None:
        raise RectError("--format xlsx writes a workbook: name the file with -o report.xlsx")
    return chosen


def _emit(settings: Settings, output: Path | None, data: str | bytes) -> None:
    """Print to stdout, or write the file atomically and say so."""
    if output is None:
        assert isinstance(data, str)
        typer.echo(data, nl=False)
        return
    from rectcli.store import display_path, write_output

    write_output(output, data)
    typer.echo(settings.labels("written", path=display_path(output)))


@app.command()
def report(
    ctx: typer.Context,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: from the -o file's suffix; the terminal without "
            "-o). json: English keys, the measures as `rect list --format json` has them.",
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
    due_within: Annotated[
        str | None,
        typer.Option("--due-within", metavar="14d", help="What counts as due soon (default 14d)."),
    ] = None,
) -> None:
    """The 调度/通报 report: each unit, most behind first, with what is overdue, due
    soon, behind schedule and done since the last report, and a progress chart."""
    from rectcli.errors import RectError
    from rectcli.queries.report import build_report
    from rectcli.queries.rows import DUE_SOON_DAYS, parse_days

    settings = settings_of(ctx)
    chosen = _report_format(fmt, output)
    today = settings.today
    since_day = parse_date_option(since, "--since") if since else None
    if since_day is not None and since_day >= today:
        raise RectError(f"--since {since_day} is not before the report's day {today}")
    checklist = settings.load()
    result = build_report(
        checklist,
        today,
        since=since_day,
        unit=unit,
        soon_days=parse_days(due_within) if due_within else DUE_SOON_DAYS,
        public=public,
    )
    labels = settings.labels
    data: str | bytes
    if chosen == "table":
        from rectcli.reports.terminal import public_view, report_view

        view = public_view(result, labels) if public else report_view(result, labels)
        if output is None:
            print_renderable(view)
            return
        data = _plain_text(view)
    elif chosen == "html":
        from rectcli.reports.html import public_html, report_html

        data = public_html(result, labels) if public else report_html(result, labels)
    elif chosen == "markdown":
        from rectcli.reports.text import public_markdown, report_markdown

        data = public_markdown(result, labels) if public else report_markdown(result, labels)
    elif chosen == "csv":
        from rectcli.reports.text import public_csv, report_csv

        data = public_csv(result, labels) if public else report_csv(result)
    elif chosen == "json":
        from rectcli.reports.json_doc import public_json, report_json

        data = public_json(result) if public else report_json(result)
    else:
        from rectcli.reports.xlsx import public_workbook, report_workbook
        from rectcli.store import display_path, write_workbook

        assert output is not None  # _report_format insists
        book = public_workbook(result, labels) if public else report_workbook(result, labels)
        write_workbook(output, book)
        typer.echo(labels("written", path=display_path(output)))
        return
    _emit(settings, output, data)


def _plain_text(view: object) -> str:
    import io

    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=100, color_system=None, highlight=False).print(view)
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
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="The .xlsx file to write (default: UNIT.xlsx here).",
        ),
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
    _require_xlsx(target)
    today = settings.today
    rows = [
        r
        for r in select(measure_rows(checklist, today), Filter(unit=name), checklist, today)
        if r.status not in FINISHED
    ]
    labels = settings.labels
    write_workbook(target, fill_sheet(rows, name, today, labels))
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
            help="The unit reporting (default: the one the sheet was exported for). Rows "
            "for other units' measures are refused; an empty 填报人 becomes this unit.",
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
    named = unit or sheet_unit(book)
    owner = resolve_unit(checklist, named) if named else None
    shown = display_path(sheet)
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
            typer.echo(_describe(request, labels))
        return
    _record(settings, requests)
    typer.echo(labels("sheet_recorded", path=shown, n=len(requests)))


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


@app.command()
def calendar(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="The .ics file to write (default: print it).",
        ),
    ] = None,
    unit: UnitFilter = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Leave out measures already done or closed.")
    ] = False,
) -> None:
    """Deadlines as an iCalendar (.ics) file to subscribe to in Outlook or on a phone: an
    all-day event per due date, a repeating event (RRULE) per recurring duty."""
    from rectcli.queries.rows import Filter, measure_rows, select
    from rectcli.statuses import FINISHED
    from rectcli.views.calendar import build_calendar, calendar_bytes

    settings = settings_of(ctx)
    checklist = settings.load()
    today = settings.today
    rows = select(measure_rows(checklist, today), Filter(unit=unit), checklist, today)
    if open_only:
        rows = [r for r in rows if r.status not in FINISHED]
    labels = settings.labels
    cal, skipped = build_calendar(checklist, rows, today, labels)
    for item in skipped:
        typer.echo(
            "warning: " + labels("calendar_skipped", id=item.measure, every=item.every), err=True
        )
    data = calendar_bytes(cal)
    if output is None:
        typer.echo(data, nl=False)  # bytes: RFC 5545 wants its CRLF line ends kept
        return
    from rectcli.store import display_path, write_output

    write_output(output, data)
    count = len(cal.walk("VEVENT"))
    typer.echo(labels("calendar_written", path=display_path(output), n=count))
