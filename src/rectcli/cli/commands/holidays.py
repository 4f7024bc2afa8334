"""rect holidays YEAR: the days off and 调休 working days rect counts with (issue 14)."""

from __future__ import annotations

from typing import Annotated

import typer

from rectcli.cli.app import app, settings_of


@app.command("holidays")
def holidays(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(metavar="YEAR", min=1900, max=2999, help="The year.")],
    fmt: Annotated[
        str,
        typer.Option("--format", metavar="text|json", help="text (default) or json."),
    ] = "text",
) -> None:
    """Show the holiday arrangement rect counts working days with in YEAR, and whence:
    data/holidays.yaml, the official one (chinese-calendar), or weekends only for a year
    neither knows (with how to add it)."""
    import json

    import chinese_calendar

    from rectcli import store
    from rectcli.dates.workdays import WorkCalendar, year_plan
    from rectcli.errors import RectError

    if fmt not in ("text", "json"):
        raise RectError(f"--format: '{fmt}' is not text or json")
    settings = settings_of(ctx)
    labels = settings.labels
    try:
        side = store.side_dir(settings.tasks_path)
    except RectError:  # no task list here: the official arrangement alone
        calendar = None
    else:
        _, calendar, problems = store.load_calendar(side)
        if problems:
            raise RectError(problems)
    plan = year_plan(calendar or WorkCalendar(), year)
    if fmt == "json":
        typer.echo(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
        return
    source = {
        "holidays.yaml": "holidays_source_yaml",
        "chinese-calendar": "holidays_source_official",
        "weekends": "holidays_source_weekends",
    }[plan.source]
    lines = [labels(source, year=year, version=chinese_calendar.__version__)]
    if plan.off:
        lines.append(f"{labels('holidays_off')}:")
        lines += _spans(plan.off)
    if plan.workdays:
        lines.append(f"{labels('holidays_workdays')}:")
        lines += [f"  {day.isoformat()} {name or ''}".rstrip() for day, name in plan.workdays]
    from rectcli.cli.app import echo

    echo("\n".join(lines))


def _spans(days: tuple[tuple[object, str], ...]) -> list[str]:
    """Consecutive days of one holiday as one line: '  2026-02-15..2026-02-23 春节'."""
    from datetime import date, timedelta

    lines: list[str] = []
    spans: list[list[tuple[date, str]]] = []
    for day, name in days:
        assert isinstance(day, date)
        if spans and spans[-1][-1][1] == name and day - spans[-1][-1][0] == timedelta(days=1):
            spans[-1].append((day, name))
        else:
            spans.append([(day, name)])
    for span in spans:
        first, last = span[0][0], span[-1][0]
        when = first.isoformat() if first == last else f"{first}..{last}"
        lines.append(f"  {when} {span[0][1]}")
    return lines
