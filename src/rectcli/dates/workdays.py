"""Chinese working days (工作日): weekends and official holidays off, 调休 make-up days on.

The official arrangement comes from the ``chinese-calendar`` package; ``data/holidays.yaml``
may add years it does not know yet or correct one (a year listed there replaces the
package's data for that year). A day in a year neither knows is an error, never a guess:
the State Council publishes each year's arrangement late in the year before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

import chinese_calendar
from chinese_calendar import constants as _official

if TYPE_CHECKING:
    from rectcli.model.shapes import HolidayYear


__all__ = ["UnknownYear", "WorkCalendar"]

_FIRST_YEAR = min(_official.holidays).year
_LAST_YEAR = max(_official.holidays).year


class UnknownYear(ValueError):
    """No holiday arrangement is known for a year; str(e) says how to add it."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"no official holiday arrangement for {year}: chinese-calendar knows "
            f"{_FIRST_YEAR}-{_LAST_YEAR}; add {year} to data/holidays.yaml "
            "(see docs/deadlines.md) or upgrade chinesecalendar"
        )


@dataclass(frozen=True)
class DayInfo:
    day: date
    workday: bool
    name: str | None  # the holiday's Chinese name; for a 调休 working day, the holiday it serves


@dataclass
class WorkCalendar:
    """Working days by the official arrangement, with ``data/holidays.yaml`` overrides."""

    # year → (days off beyond weekends with their names, make-up working days)
    overrides: dict[int, tuple[dict[date, str], frozenset[date]]] = field(default_factory=dict)

    @classmethod
    def from_years(cls, years: Iterable[HolidayYear]) -> WorkCalendar:
        overrides: dict[int, tuple[dict[date, str], frozenset[date]]] = {}
        for year in years:
            off: dict[date, str] = {}
            for span in year.holidays:
                day, last = span.first, span.last or span.first
                while day <= last:
                    off[day] = span.name or "假日"
                    day += timedelta(days=1)
            overrides[year.year] = (off, frozenset(year.workdays))
        return cls(overrides)

    def knows(self, year: int) -> bool:
        return year in self.overrides or _FIRST_YEAR <= year <= _LAST_YEAR

    def info(self, day: date) -> DayInfo:
        """Whether ``day`` is a working day, and the holiday behind it; UnknownYear if unknown."""
        override = self.overrides.get(day.year)
        if override is not None:
            off, make_up = override
            if day in make_up:
                return DayInfo(day, True, _holiday_near(off, day))
            if day in off:
                return DayInfo(day, False, off[day])
            return DayInfo(day, day.weekday() < 5, None)
        if not self.knows(day.year):
            raise UnknownYear(day.year)
        on_leave, english = chinese_calendar.get_holiday_detail(day)
        return DayInfo(day, not on_leave, _chinese_name(english))

    def is_workday(self, day: date) -> bool:
        return self.info(day).workday

    def add(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` ("N个工作日内" from an event on
        ``start``: the event's own day does not count)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def counted(self, start: date, count: int) -> list[DayInfo]:
        """Every day from the day after ``start`` to the ``count``-th working day, so a
        user can see which days were skipped and which 调休 days were counted."""
        days: list[DayInfo] = []
        day = start
        while count > 0:
            day += timedelta(days=1)
            info = self.info(day)
            days.append(info)
            count -= info.workday
        return days


def _chinese_name(english: str | None) -> str | None:
    if english is None:
        return None
    try:
        chinese: str = _official.Holiday(english).chinese
    except ValueError:  # a name the package adds in a later release
        return english
    return chinese


def _holiday_near(off: dict[date, str], day: date) -> str | None:
    """The holiday a make-up working day belongs to: the nearest day off."""
    if not off:
        return None
    nearest = min(off, key=lambda d: abs((d - day).days))
    return off[nearest]
