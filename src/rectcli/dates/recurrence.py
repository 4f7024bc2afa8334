"""Recurring duties (常态化要求): the plan's phrase → a schedule of due dates.

A calendar duty (``每年10月末``, ``每半年``, ``每季度``, ``每年至少2次``, ``每月至少巡查1次``)
becomes an RFC 5545 RRULE of its due dates, aligned to the calendar (每季度 is due at
each quarter's end), and the number of entries each period needs (``至少N次``). Each
period runs from the day after the previous due date (the first one from the duty's start:
the measure's ``start`` or ``plan.issued``) to its due date. Occurrences are generated on
the fly with python-dateutil, never stored.

A response-time duty (``7个工作日内``) has no calendar: each incident is due N (working)
days after it was found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from rectcli.dates.grammar import NUMBER, DeadlineError, LazyPattern, parse_deadline, read_number

__all__ = ["Schedule", "ScheduleError", "parse_rrule", "parse_schedule", "periods"]


class ScheduleError(ValueError):
    """A phrase or RRULE rect cannot read; str(e) is one line that says the fix."""


@dataclass(frozen=True)
class Schedule:
    text: str  # the plan's phrase, unchanged
    rrule: str | None  # RFC 5545 RRULE of the due dates; None for a response time
    times: int = 1  # entries each period needs (至少N次)
    working_days: int | None = None  # response time: N个工作日内
    days: int | None = None  # response time: N日内 / N天内

    @property
    def kind(self) -> str:
        """Either "calendar" (due dates from the RRULE) or "response" (per incident)."""
        return "calendar" if self.rrule else "response"


_EXAMPLES = "write e.g. 每年10月末, 每半年, 每季度, 每月, 每年至少2次 or 7个工作日内"
_MONTH_END = "BYMONTHDAY=-1"
_UNITS: dict[str, str] = {
    "年": "year",
    "年度": "year",
    "半年": "half",
    "季度": "quarter",
    "季": "quarter",
    "个季度": "quarter",
    "月": "month",
    "个月": "month",
    "周": "week",
    "星期": "week",
    "日": "day",
    "天": "day",
}
_PHRASE = LazyPattern(
    r"每(?P<unit>个季度|季度|半年|年度|年|季|个月|月|周|星期|日|天)"
    r"(?:(?<=[周期])(?P<wd>[一二三四五六日天]))?"
    rf"(?:(?P<month>{NUMBER})月(?:(?P<mday>{NUMBER})[日号]|[底末])?|(?P<day>{NUMBER})[日号]"
    r"|(?P<xun>[上中下])旬|年?[底末])?(?:前|之前)?"
    rf"(?:(?:至少|不少于|最少)?(?P<verb>[^0-9]{{0,8}}?)(?:至少|不少于|最少)?(?P<n>{NUMBER}|[0-9]+)次(?:以上)?)?"
)


def parse_schedule(text: str) -> Schedule:
    """Read a recurring phrase; raises ScheduleError on one rect cannot read."""
    shown = " ".join(text.split())
    body = unicodedata.normalize("NFKC", text).strip().rstrip("。.").replace(" ", "")
    match = _PHRASE.fullmatch(body)
    if match is None:
        try:
            deadline = parse_deadline(body)
        except DeadlineError:
            deadline = None
        if deadline is not None and deadline.kind == "relative":
            return Schedule(text, None, 1, deadline.working_days, deadline.days)
        raise ScheduleError(
            f"cannot read the recurring duty '{shown}'; {_EXAMPLES}, "
            "or give the rule as rrule: FREQ=…"
        )
    times = read_number(match["n"]) if match["n"] else 1
    if times < 1:
        raise ScheduleError(f"'{shown}' asks for {times} times: at least 1")
    return Schedule(text, _rule(match, shown), times)


def _rule(m: re.Match[str], shown: str) -> str:
    unit = _UNITS[m["unit"]]
    month = read_number(m["month"]) if m["month"] else None
    mday = read_number(m["mday"] or m["day"]) if (m["mday"] or m["day"]) else None
    anchored = month is not None or mday is not None or m["xun"] is not None
    if unit == "year":
        if m["xun"] or (m["day"] and not m["month"]):
            raise ScheduleError(f"cannot read '{shown}': name a month, e.g. 每年10月末")
        month = month or 12
        if not 1 <= month <= 12:
            raise ScheduleError(f"'{shown}': there is no month {month} (months run 1-12)")
        if mday is None:
            return f"FREQ=YEARLY;BYMONTH={month};{_MONTH_END}"
        if not 1 <= mday <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            raise ScheduleError(f"'{shown}': month {month} has no day {mday}")
        if month == 2 and mday == 29:
            raise ScheduleError(f"'{shown}' happens only in leap years; write 每年2月底")
        return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={mday}"
    if unit == "month" and month is None:
        if m["xun"]:
            return f"FREQ=MONTHLY;BYMONTHDAY={ {'上': 10, '中': 20, '下': -1}[m['xun']] }"
        if mday is None:
            return f"FREQ=MONTHLY;{_MONTH_END}"
        if not 1 <= mday <= 28:
            raise ScheduleError(
                f"'{shown}': not every month has day {mday}; write 每月底 for the month's end"
            )
        return f"FREQ=MONTHLY;BYMONTHDAY={mday}"
    if anchored:
        raise ScheduleError(f"cannot read '{shown}': {m['unit']} takes no date; {_EXAMPLES}")
    return {
        "half": f"FREQ=YEARLY;BYMONTH=6,12;{_MONTH_END}",
        "quarter": f"FREQ=YEARLY;BYMONTH=3,6,9,12;{_MONTH_END}",
        "month": f"FREQ=MONTHLY;{_MONTH_END}",
        "week": f"FREQ=WEEKLY;BYDAY={_WEEKDAYS[m['wd'] or '日']}",  # weeks end on Sunday
        "day": "FREQ=DAILY",
    }[unit]


_WEEKDAYS = dict(
    zip("一二三四五六日天", ("MO", "TU", "WE", "TH", "FR", "SA", "SU", "SU"), strict=True)
)
WINDOW_YEARS = 4  # two rules agree when their due dates agree over this many years


def window_end(start: date) -> date:
    """The end of the checking window that begins on ``start``."""
    return start + timedelta(days=366 * WINDOW_YEARS)


def parse_rrule(text: str) -> str:
    """Check an RRULE value (``FREQ=…``, optionally after ``RRULE:``); return it bare."""
    bare = text.strip()
    if bare.upper().startswith("RRULE:"):
        bare = bare[len("RRULE:") :].strip()
    if "\n" in bare or ":" in bare or "DTSTART" in bare.upper():
        raise ScheduleError(
            "rrule: give one RRULE value such as FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1 "
            "(the start is the measure's start or plan.issued)"
        )
    try:
        _compile(bare, date(2000, 1, 1))
    except ValueError as exc:
        raise ScheduleError(f"rrule: cannot read '{bare}': {exc}") from None
    if re.search(r"FREQ=(HOURLY|MINUTELY|SECONDLY)\b", bare.upper()):
        raise ScheduleError(f"rrule: '{bare}' repeats within a day; the finest is FREQ=DAILY")
    return bare


def agrees(given: str, derived: str, start: date) -> bool:
    """Whether two RRULEs give the same due dates from ``start`` over a few years."""
    until = window_end(start)
    return due_dates(given, start, until) == due_dates(derived, start, until)


def _compile(text: str, start: date) -> rrule:
    rule = rrulestr(text, dtstart=datetime(start.year, start.month, start.day))
    assert isinstance(rule, rrule)
    return rule


@lru_cache(maxsize=4096)
def due_dates(rule_text: str, start: date, until: date) -> tuple[date, ...]:
    """The rule's due dates from ``start`` to ``until`` (both included).

    Cached: a plan's duties share a few rules and one start (plan.issued).
    """
    if until < start:
        return ()
    rule = _compile(rule_text, start)
    first, last = (datetime(d.year, d.month, d.day) for d in (start, until))
    return tuple(d.date() for d in rule.between(first, last, inc=True))


def next_due(rule_text: str, start: date, after: date) -> date | None:
    """The first due date on or after ``after``, if the rule has one."""
    rule = _compile(rule_text, start)
    found = rule.after(datetime(after.year, after.month, after.day), inc=True)
    return found.date() if found else None


def periods(rule_text: str, start: date, until: date) -> list[tuple[date, date]]:
    """(first day, due date) of each period due up to ``until``: a period runs from the day
    after the previous due date; the first from ``start``."""
    result: list[tuple[date, date]] = []
    begin = start
    for due in due_dates(rule_text, start, until):
        result.append((begin, due))
        begin = due + timedelta(days=1)
    return result
