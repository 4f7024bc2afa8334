"""Chinese working days (工作日): weekends and official holidays off, 调休 make-up days on.

The official arrangement comes from the ``chinese-calendar`` package; ``data/holidays.yaml``
may add years it does not know yet or correct one (a year listed there replaces the
package's data for that year).

A day in a year neither knows counts by weekends alone (Monday to Friday working), and
the year is noted in :attr:`WorkCalendar.guessed`, so that the CLI warns, naming the
year and how to add it (issue 14). Never an error: the State Council publishes each
year's arrangement late in the year before, and an incident found on 29 December must
still be recorded, and every command still run, in January.
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
    # years asked about that neither knows: counted by weekends alone (the CLI warns)
    guessed: set[int] = field(default_factory=set)

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
        """Whether ``day`` is a working day, and the holiday behind it; in a year neither
        holidays.yaml nor chinese-calendar knows, by weekends alone (noted in guessed)."""
        override = self.overrides.get(day.year)
        if override is not None:
            off, make_up = override
            if day in make_up:
                return DayInfo(day, True, _holiday_near(off, day))
            if day in off:
                return DayInfo(day, False, off[day])
            return DayInfo(day, day.weekday() < 5, None)
        if not self.knows(day.year):
            self.guessed.add(day.year)
            return DayInfo(day, day.weekday() < 5, None)
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


@dataclass(frozen=True)
class YearPlan:
    """What rect counts as days off and make-up working days in one year, and whence."""

    year: int
    source: str  # "holidays.yaml" | "chinese-calendar" | "weekends"
    off: tuple[tuple[date, str], ...]  # days off beyond weekends
    workdays: tuple[tuple[date, str | None], ...]  # 调休: weekend days worked

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "source": self.source,
            "off": [{"date": d.isoformat(), "name": n} for d, n in self.off],
            "workdays": [{"date": d.isoformat(), "name": n} for d, n in self.workdays],
        }


def year_plan(calendar: WorkCalendar, year: int) -> YearPlan:
    """The arrangement ``calendar`` uses for ``year`` (``rect holidays YEAR``)."""
    override = calendar.overrides.get(year)
    if override is not None:
        off, make_up = override
        return YearPlan(
            year,
            "holidays.yaml",
            tuple(sorted(off.items())),
            tuple((d, _holiday_near(off, d)) for d in sorted(make_up)),
        )
    if not calendar.knows(year):
        return YearPlan(year, "weekends", (), ())
    official_off = tuple(
        (d, _chinese_name(n) or n) for d, n in sorted(_official.holidays.items()) if d.year == year
    )
    worked = tuple(
        (d, _chinese_name(n)) for d, n in sorted(_official.workdays.items()) if d.year == year
    )
    return YearPlan(year, "chinese-calendar", official_off, worked)


KNOWN_YEARS = (_FIRST_YEAR, _LAST_YEAR)  # what the installed chinese-calendar knows


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
