"""Documents for the public and the office: the 销号公示 (notice), the static 信息公开 site
(site) and the deadlines as an iCalendar feed (calendar)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rectcli.cli.app import app, settings_of
from rectcli.cli.options import MemberFilter, UnitFilter, is_stdout, output_file

NOTICE_SUFFIXES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".html": "html"}
NOTICE_FORMATS = ("markdown", "html", "docx")


@app.command()
def notice(
    ctx: typer.Context,
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="A done measure (3.2) or a problem (3).")
    ],
    output: Annotated[
        Path | None,
        output_file("Write to FILE: .docx, .md or .html (default: Markdown on stdout)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", metavar="FORMAT", help="markdown, html or docx (default: from -o)."
        ),
    ] = None,
    days: Annotated[
        int,
        typer.Option(
            "--days",
            min=1,
            max=60,
            help="The 公示期 in working days, from --as-of (the day of publication).",
        ),
    ] = 10,
) -> None:
    """The 销号公示 of a finished measure, or of a problem whose measures are all
    finished: 整改问题, 整改实施主体, 整改措施, 目标任务, 完成时限, 整改完成情况 and the
    公示期 in working days; contact from plan.contact. Refused (exit 2) before it is done."""
    from rectcli.errors import RectError
    from rectcli.queries.notice import build_notice
    from rectcli.reports import notice as render

    settings = settings_of(ctx)
    to_file = output is not None and not is_stdout(output)
    if fmt is None:
        fmt = "markdown"
        if to_file:
            assert output is not None
            found = NOTICE_SUFFIXES.get(output.suffix.lower())
            if found is None:
                raise RectError(f"-o {output}: name the notice .docx, .md or .html")
            fmt = found
    if fmt not in NOTICE_FORMATS:
        raise RectError(f"--format {fmt}: use one of {'|'.join(NOTICE_FORMATS)}")
    if fmt == "docx" and not to_file:
        raise RectError("--format docx writes a file: name it with -o notice.docx")
    labels = settings.labels
    checklist = settings.load()
    result = build_notice(checklist, item_id, settings.today, labels, days)
    settings.warn_guessed(checklist.calendar)  # a 公示期 in a year without holiday data
    data: str | bytes
    if fmt == "docx":
        data = render.notice_docx(result, labels)
    elif fmt == "html":
        data = render.notice_html(result, labels)
    else:
        data = render.notice_markdown(result, labels)
    if not to_file:
        typer.echo(data, nl=False)
        return
    from rectcli.reports.office import chinese_date
    from rectcli.store import display_path, write_output

    assert output is not None
    write_output(output, data)
    last = chinese_date(result.last, labels)
    typer.echo(labels("notice_written", path=display_path(output), last=last))


@app.command()
def site(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            file_okay=False,
            help="The directory to write (created if missing; its parent must exist).",
        ),
    ],
) -> None:
    """A static 信息公开 site: index.html (each problem with its progress) and one page
    per problem, the --public data only (nothing personal), self-contained: no script,
    nothing fetched from elsewhere. Serve the directory from any static host."""
    from rectcli.errors import RectError
    from rectcli.queries.report import build_report
    from rectcli.reports.site import site_pages
    from rectcli.store import display_path, write_output

    settings = settings_of(ctx)
    if not output.parent.is_dir():
        raise RectError(f"-o {display_path(output)}: no directory {display_path(output.parent)}")
    result = build_report(settings.load(), settings.today, public=True)
    pages = site_pages(result, settings.labels)
    output.mkdir(exist_ok=True)
    for stale in output.glob("problem-*.html"):  # a problem no longer listed
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        write_output(output / name, text)
    typer.echo(settings.labels("site_written", path=display_path(output), n=len(pages)))


@app.command()
def calendar(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        output_file("The .ics file to write (default: print it; - is standard output)."),
    ] = None,
    unit: UnitFilter = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Leave out measures already done or closed.")
    ] = False,
    member: MemberFilter = None,
) -> None:
    """Deadlines as an iCalendar (.ics) file to subscribe to in Outlook or on a phone: an
    all-day event per due date, a repeating event (RRULE) per recurring duty."""
    from rectcli.queries.rows import Filter, measure_rows, select
    from rectcli.statuses import FINISHED
    from rectcli.views.calendar import build_calendar, calendar_bytes

    settings = settings_of(ctx)
    today = settings.today
    labels = settings.labels
    if settings.workspace is not None:
        from rectcli.cli.workspace import ws_calendar

        cal, skipped = ws_calendar(settings, member, Filter(unit=unit), open_only)
    else:
        settings.check_member(member)
        checklist = settings.load()
        rows = select(measure_rows(checklist, today), Filter(unit=unit), checklist, today)
        if open_only:
            rows = [r for r in rows if r.status not in FINISHED]
        cal, skipped = build_calendar(checklist, rows, today, labels)
    for item in skipped:
        typer.echo(
            "warning: " + labels("calendar_skipped", id=item.measure, every=item.every), err=True
        )
    data = calendar_bytes(cal)
    if output is None or is_stdout(output):
        typer.echo(data, nl=False)  # bytes: RFC 5545 wants its CRLF line ends kept
        return
    from rectcli.store import display_path, write_output

    write_output(output, data)
    count = len(cal.walk("VEVENT"))
    typer.echo(labels("calendar_written", path=display_path(output), n=count))
