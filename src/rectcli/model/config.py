"""The optional files beside tasks.yaml that set rect's calendar: ``policy.yaml`` (when to
warn and escalate) and ``holidays.yaml`` (holiday arrangements chinese-calendar lacks).
Validated like the task list, every problem at its line.
"""

from __future__ import annotations

from rectcli.dates.workdays import WorkCalendar
from rectcli.errors import Problem, RectError
from rectcli.model.policy import LEVELS, Policy
from rectcli.model.shapes import HolidayFile, PolicyFile
from rectcli.model.validate import parse_source, validate_model


def parse_policy(text: str, path: str) -> Policy:
    """data/policy.yaml: warning tiers, escalation levels, look-back periods."""
    source = parse_source(text, path, "warn:")
    policy_file: PolicyFile = validate_model(PolicyFile, source)
    problems = [
        Problem(path, *source.at(["warn", i]), "warn: a tier of 0 days warns of nothing")
        for i, days in enumerate(policy_file.warn)
        if days == 0
    ]
    last = 0
    for level in LEVELS:
        days = getattr(policy_file.escalate, level)
        if days is not None and days <= last:
            problems.append(
                Problem(
                    path,
                    *source.at(["escalate", level]),
                    f"escalate: {level} must start later than the level before it "
                    f"(after more than {last} days overdue)",
                )
            )
        last = max(last, days or 0)
    if problems:
        raise RectError(problems)
    return Policy.from_file(policy_file)


def parse_holidays(text: str, path: str) -> WorkCalendar:
    """data/holidays.yaml: official holiday arrangements for years chinese-calendar lacks."""
    source = parse_source(text, path, "years:")
    holiday_file: HolidayFile = validate_model(HolidayFile, source)
    problems: list[Problem] = []
    seen: set[int] = set()
    for y_index, year in enumerate(holiday_file.years):
        y_loc: list[str | int] = ["years", y_index]
        if year.year in seen:
            problems.append(
                Problem(path, *source.at([*y_loc, "year"]), f"year {year.year} is listed twice")
            )
        seen.add(year.year)
        for s_index, span in enumerate(year.holidays):
            last = span.last or span.first
            if {span.first.year, last.year} != {year.year} or last < span.first:
                problems.append(
                    Problem(
                        path,
                        *source.at([*y_loc, "holidays", s_index]),
                        f"holidays: {span.first}..{last} is not a span of days in {year.year}",
                    )
                )
        for d_index, day in enumerate(year.workdays):
            if day.year != year.year or day.weekday() < 5:
                problems.append(
                    Problem(
                        path,
                        *source.at([*y_loc, "workdays", d_index]),
                        f"workdays: {day} is not a Saturday or Sunday of {year.year}; "
                        "list only the weekend days worked in exchange (调休)",
                    )
                )
    if problems:
        raise RectError(problems)
    return WorkCalendar.from_years(holiday_file.years)
