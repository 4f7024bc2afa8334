"""Rich renderables for the calendar commands: upcoming, review, calc. Built, not printed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rectcli.dates.phrase import Reading
from rectcli.dates.workdays import DayInfo
from rectcli.labels import Labels
from rectcli.queries.agenda import ReviewItem
from rectcli.queries.rows import MeasureRow
from rectcli.textsafe import visible
from rectcli.views.tables import plain_table


def _one_line(text: str) -> Text:
    return Text(visible(text), no_wrap=True, overflow="ellipsis")


def _text(row: MeasureRow) -> str:
    return f"{row.duty}：{row.text}" if row.duty else row.text


def upcoming_view(
    groups: dict[str, list[MeasureRow]], labels: Labels, limit: int = 0
) -> RenderableType:
    """What falls due soon, per unit, soonest first, with each item's warning tier; only
    each unit's ``limit`` soonest (if not 0), then a count: Rich needs ~0.6 s a 1,000 rows."""
    parts: list[RenderableType] = []
    for unit, rows in groups.items():
        table = plain_table(f"{unit} ({len(rows)})")
        table.add_column(labels("id"), no_wrap=True)
        table.add_column(labels("due"), no_wrap=True)
        table.add_column(labels("days_left"), justify="right", no_wrap=True)
        table.add_column(labels("warn"), justify="right", no_wrap=True)
        table.add_column(labels("text"), min_width=10)
        for row in rows[:limit] if limit else rows:
            tier = labels("tier_days", n=row.warn_tier) if row.warn_tier is not None else ""
            table.add_row(
                row.id,
                row.due.isoformat() if row.due else "",
                Text(str(row.days_left), style="bold" if row.days_left == 0 else ""),
                Text(tier, style="yellow"),
                _one_line(_text(row)),
            )
        _more(table, len(rows), limit, labels)
        parts.extend([table, Text("")])
    return Group(*parts[:-1])


def review_view(
    items: Sequence[ReviewItem], labels: Labels, stale: int, look_back: int, limit: int = 0
) -> RenderableType:
    """回头看: 长期坚持 items gone quiet, then finished items due for a second look (the
    ``limit`` longest quiet of each, if not 0)."""
    if not items:
        return Text(labels("none_review"), style="green")
    parts: list[RenderableType] = []
    for reason, title in (
        ("stale", labels("review_stale", n=stale)),
        ("look_back", labels("review_look_back", n=look_back)),
    ):
        mine = [i for i in items if i.reason == reason]
        if not mine:
            continue
        table = plain_table(f"{title} ({len(mine)})")
        table.add_column(labels("id"), no_wrap=True)
        table.add_column(labels("status"), no_wrap=True)
        table.add_column(labels("last_checkin"), no_wrap=True)
        table.add_column(labels("days_since"), justify="right", no_wrap=True)
        table.add_column(labels("units"), max_width=12, overflow="ellipsis", no_wrap=True)
        table.add_column(labels("text"), min_width=10)
        for item in mine[:limit] if limit else mine:
            row = item.row
            checked = row.last_checkin.isoformat() if row.last_checkin else labels("no_checkin")
            table.add_row(
                row.id,
                labels.status(row.status),
                Text(checked, style="" if row.last_checkin else "dim"),
                str(item.days) if item.days is not None else "—",
                " ".join(row.units),
                _one_line(row.text),
            )
        _more(table, len(mine), limit, labels)
        parts.extend([table, Text("")])
    return Group(*parts[:-1])


def _more(table: Table, total: int, limit: int, labels: Labels) -> None:
    if limit and total > limit:
        cells = [""] * (len(table.columns) - 2)
        table.add_row("…", *cells, Text(labels("more_n", n=total - limit), style="dim"))


def _day(day: date, labels: Labels) -> str:
    return f"{day.isoformat()} {labels('weekdays').split()[day.weekday()]}"


def calc_view(reading: Reading, today: date, labels: Labels, stale: int) -> RenderableType:
    """How rect reads a phrase: kind, due date or rule, next periods, days counted."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(labels("calc_phrase"), reading.text)
    kind = labels(f"kind_{reading.kind}")
    if reading.working_days is not None:
        kind += f"（{labels('kind_working_days', n=reading.working_days)}）"
    elif reading.days is not None:
        kind += f"（{labels('kind_days', n=reading.days)}）"
    grid.add_row(labels("calc_kind"), kind)
    if reading.kind == "ongoing":
        grid.add_row(labels("due"), labels("calc_never", n=stale))
        return grid
    if reading.rrule is not None:
        grid.add_row("RRULE", reading.rrule)
        grid.add_row(labels("calc_times"), labels("calc_times_n", n=reading.times))
        periods = Text()
        for index, (first, due) in enumerate(reading.periods):
            periods.append("\n" if index else "")
            periods.append(_day(due, labels), style="bold" if index == 0 else "")
            periods.append(labels("calc_period", first=first, due=due), style="dim")
        grid.add_row(labels("calc_next"), periods)
        return grid
    if reading.start is not None:
        grid.add_row(labels("calc_from"), _day(reading.start, labels))
    assert reading.due is not None  # a date, or a period counted: only ongoing has none
    when = Text(_day(reading.due, labels), style="bold")
    left = (reading.due - today).days
    note = labels("calc_in_days", today=today, n=left) if left >= 0 else labels("calc_ago", n=-left)
    when.append(note, style="dim")
    grid.add_row(labels("due"), when)
    for key, text in _counted(reading.counted, labels):
        grid.add_row(labels(key), text)
    return grid


def _counted(days: Sequence[DayInfo], labels: Labels) -> list[tuple[str, str]]:
    """The days a working-day count passed: 调休 days worked, holidays and weekends off."""
    made_up = [d for d in days if d.workday and d.day.weekday() >= 5]
    off = [d for d in days if not d.workday and d.name]
    weekends = [d for d in days if not d.workday and not d.name]
    lines: list[tuple[str, str]] = []
    if made_up:
        lines.append(
            ("calc_makeup", "、".join(f"{_day(d.day, labels)}（{d.name}）" for d in made_up))
        )
    if off:
        spans: list[list[DayInfo]] = []
        for day in off:
            if spans and (day.day - spans[-1][-1].day).days == 1 and day.name == spans[-1][0].name:
                spans[-1].append(day)
            else:
                spans.append([day])
        lines.append(
            (
                "calc_off",
                "、".join(
                    f"{s[0].day}" + (f"..{s[-1].day}" if len(s) > 1 else "") + f" {s[0].name}"
                    for s in spans
                ),
            )
        )
    if weekends:
        lines.append(("calc_weekend", "、".join(d.day.isoformat() for d in weekends)))
    return lines
