"""Reporting periods (月报 / 季报 / 半年报 / 年报): ``2024-06``, ``2024-Q2``, ``2024-H1``,
``2024``, ``本月``, ``上月``; each the days from its first to its last, both counted.

``today`` is passed in: 本月 and 上月 are relative to the report's day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from typing import Literal

from rectcli.errors import RectError

Kind = Literal["month", "quarter", "half", "year"]

_FORMS = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|[Qq](?P<quarter>[1-4])|[Hh](?P<half>[12])))?"
)
RELATIVE = {"本月": 0, "this-month": 0, "上月": -1, "last-month": -1}


@dataclass(frozen=True)
class Period:
    """One reporting period: its kind, year and number (month 1-12, quarter 1-4, half 1-2)."""

    kind: Kind
    year: int
    number: int  # 0 for a year
    first: date
    last: date

    @property
    def key(self) -> str:
        """The period as ``--period`` writes it: 2024-06, 2024-Q2, 2024-H1, 2024."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        if self.kind == "half":
            return f"{self.year}-H{self.number}"
        return str(self.year)


def month_period(year: int, month: int) -> Period:
    return Period("month", year, month, date(year, month, 1), _month_end(year, month))


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def parse_period(text: str, today: date) -> Period:
    """``--period``'s value as a Period; RectError saying the forms for anything else."""
    spoken = text.strip()
    if spoken in RELATIVE:
        month = today.year * 12 + today.month - 1 + RELATIVE[spoken]
        return month_period(month // 12, month % 12 + 1)
    match = _FORMS.fullmatch(spoken)
    if match is None or not 1 <= int(match["year"]) <= 9999:
        raise RectError(
            f"--period {text}: use a month 2024-06, a quarter 2024-Q2, a half year 2024-H1, "
            "a year 2024, or 本月 / 上月"
        )
    year = int(match["year"])
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise RectError(f"--period {text}: there is no month {month}")
        return month_period(year, month)
    if match["quarter"]:
        quarter = int(match["quarter"])
        first = date(year, 3 * quarter - 2, 1)
        return Period("quarter", year, quarter, first, _month_end(year, 3 * quarter))
    if match["half"]:
        half = int(match["half"])
        first = date(year, 6 * half - 5, 1)
        return Period("half", year, half, first, _month_end(year, 6 * half))
    return Period("year", year, 0, date(year, 1, 1), date(year, 12, 31))
