"""The Chinese deadline grammar (整改时限) → a due date.

A phrase is split on ``，`` ``,`` ``、`` ``；`` spaces and ``并`` into parts; each part
is a date (``2024年6月底前``, ``2024-06-30``, ``2024年第三季度末`` …), an immediate
marker (``立行立改``), an ongoing marker (``长期坚持``) or a relative period
(``7个工作日内``). The parts combine as follows:

* dates: the due date is the **latest** one, since the phrase covers every step
  (``2024年2月底前，2024年6月底前`` is due 2024-06-30);
* ``立行立改`` alone is due on the plan's issue date; with a date it is due on that
  date; with ``长期坚持`` there is no end date, so it is never overdue;
* ``长期坚持`` / ``持续整改`` / ``常态化`` alone: no due date;
* a relative period (``N个工作日内``, ``N日内``) counts from an event, not the plan,
  so it has no due date unless the phrase also names one.

A phrase without a year (``6月底前``, ``一季度``, ``年底前``) takes the year of
``issued``. An impossible date is an error, never a guess.
"""

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["Deadline", "DeadlineError", "add_months", "parse_deadline", "relative_of"]


FIRST_YEAR, LAST_YEAR = 1900, 2999  # the years of a deadline, and of --as-of


class DeadlineError(ValueError):
    """A phrase rect cannot read, or an impossible date; str(e) is one line."""


@dataclass(frozen=True)
class Deadline:
    text: str  # the original phrase, unchanged
    due: date | None  # last day that still counts as on time; None = no fixed date
    immediate: bool  # 立行立改 / 立即整改 / 立查立改
    ongoing: bool  # 长期坚持 / 持续整改 / 常态化 (no end)
    working_days: int | None = None  # "7个工作日内" → 7 (relative to an event)
    days: int | None = None  # "15日内" / "15天内" → 15 calendar days
    months: int | None = None  # "3个月内" → 3 months

    @property
    def kind(self) -> str:
        """One of "date", "immediate", "ongoing" or "relative"."""
        if self.due is None:
            relative = any(n is not None for n in (self.working_days, self.days, self.months))
            return "relative" if relative else "ongoing"
        # due on plan.issued only when the phrase itself names no date
        if self.immediate and not _NAMES_A_DATE.search(self.text):
            return "immediate"
        return "date"


_EXAMPLES = (
    "write e.g. 2024年6月30日, 2024年6月底前, 2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持"
)
# English month names, independent of the locale (calendar.month_name is not)
_MONTHS: tuple[str, ...] = ("", "January", "February", "March", "April", "May", "June")
_MONTHS += ("July", "August", "September", "October", "November", "December")
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
    "两": 2,
}


class LazyPattern:
    """A regular expression compiled on first use: compiling the grammars takes ~6 ms,
    which commands that never read a phrase (``rect status`` on a cached list) skip."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def sub(self, repl: str, text: str) -> str:
        return self.pattern.sub(repl, text)

    def split(self, text: str) -> list[str]:
        return self.pattern.split(text)


# Numbers: Arabic (full-width ones are folded by NFKC first) or Chinese, up to 99.
NUMBER = r"[0-9]{1,2}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[〇零一二两三四五六七八九]"
_YEAR = r"(?:(?P<y>[0-9]{4}|[〇零○O一二三四五六七八九]{4})年|(?P<this>今年|本年))?"
_ISO = LazyPattern(r"(?P<y>[0-9]{4})(?P<s>[-./])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})")
_DAY = LazyPattern(rf"{_YEAR}(?P<m>{NUMBER})月(?P<d>{NUMBER})[日号]")
_MONTH = LazyPattern(rf"{_YEAR}(?P<m>{NUMBER})月份?(?:(?P<xun>[上中下])旬)?[底末]?")
_QUARTER = LazyPattern(rf"{_YEAR}(?:第?(?P<q>{NUMBER})季度|[Qq](?P<qq>[0-9]))[底末]?")
_HALF = LazyPattern(rf"{_YEAR}(?P<h>[上下])半年[底末]?")
_WHOLE_YEAR = LazyPattern(rf"{_YEAR}(?P<tail>年?[底末内度])?")
# 7个工作日内, 15日内, 3天, 5天内, 3个月内: "3月" is March and "15日" a day, so 月 needs 个
# and 日 needs 内.
_RELATIVE = LazyPattern(
    rf"(?P<n>[0-9]+|{NUMBER})(?P<ge>个)?(?P<unit>工作日|自然日|日|天|月)(?P<within>以内|之内|内)?"
)
_IMMEDIATE = LazyPattern(r"立行立改|立查立改|即知即改|即查即改|立即整改|立即")
# How a plan writes around a date: 确保2024年4月底前完成整改 is 2024年4月底前.
_LEAD = LazyPattern(r"^(?:确保|力争|务必|必须|须)(?:在|于)?")
_TRAIL = LazyPattern(
    r"(?<=[前内底末日月年])(?:全面|全部|基本)?(?:完成整改|整改完成|整改到位|整改完毕|完成|完毕"
    r"|到位|办结|销号|落实到位)$"
)
# "十四五"期间 / 十四五末: the five-year plan's last day (十一五 2010 … 十五五 2030).
_FIVE_YEAR = LazyPattern(
    r"[“\"']?十(?P<n>[一二三四五六])五[”\"']?(?:规划)?(?:期间|时期|期末|末|内)?(?:前|之前)?"
)
_FESTIVAL = LazyPattern(
    r"(?:(?P<y>[0-9]{4}|[〇零○O一二三四五六七八九]{4})年)?(?P<f>国庆节|国庆|春节|元旦)(?:前|之前|以前)"
)
# A season whose dates differ by region: never guessed.
_REGIONAL = LazyPattern(
    r"(?:主)?汛期(?:来临)?(?:前|之前)|汛前|雨季(?:前|之前)|(?:采暖|供暖)季(?:前|之前)"
)
_ONGOING = LazyPattern(r"长期坚持|持续整改|持续推进|常态化(?:整改|推进)?")
_SEPARATORS = LazyPattern(r"[,、;\s]+|并")
_BEFORE = LazyPattern(r"(?:之前|以前|前)$")
_BY = LazyPattern(r"^(?:截至|截止到|截止|到|至)")
# "2024年 6月底" is one date, not two: a space inside a date is dropped so the space
# separator cannot silently split it (and then pick the later "2024年"). A space
# between two numbers or after a finished date ("2024-06-30 2024-12-31") separates.
_N, _U = "0-9〇零○O一二两三四五六七八九十", "年月日号底末前上中下旬季度"
_INNER_SPACE = LazyPattern(
    rf"(?<=[{_N}])\s+(?=[{_U}])"  # 2024 年, 30 日, 三 季度
    rf"|(?<=[年月第季度Qq])\s+(?=[{_N}{_U}第])"  # 2024年 6月, 第 三, 季度 末
    r"|(?<=[日号底末旬])\s+(?=[前末底])"  # 6月底 前
)
_NAMES_A_DATE = LazyPattern(r"\d|[年月季旬]")


def read_number(digits: str) -> int:
    """'2024', '二〇二四', '十', '十二', '二十一' → int (the regexes admit only these)."""
    if digits.isascii():
        return int(digits)
    if "十" in digits:
        tens, _, units = digits.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(units, 0)
    return int("".join(str(_DIGITS[c]) for c in digits))


def _day(year: int, month: int, day: int | None, part: str) -> date:
    """The date, or the month's last day when day is None; impossible → error."""
    if year < 1:
        raise DeadlineError(f"impossible date {part}: there is no year {year}")
    if not FIRST_YEAR <= year <= LAST_YEAR:  # a due date ± a year must still be a date
        raise DeadlineError(
            f"date {part} is out of range: rect reads years {FIRST_YEAR} to {LAST_YEAR}"
        )
    if not 1 <= month <= 12:
        raise DeadlineError(f"impossible date {part}: there is no month {month} (months run 1-12)")
    last = monthrange(year, month)[1]
    if day is None:
        return date(year, month, last)
    if day < 1:
        raise DeadlineError(f"impossible date {part}: there is no day {day}")
    if day > last:
        raise DeadlineError(f"impossible date {part}: {_MONTHS[month]} {year} has {last} days")
    return date(year, month, day)


def _year(m: re.Match[str], shown: str, issued: date | None) -> int:
    if m["y"]:
        return read_number(m["y"])
    if issued is None:
        raise DeadlineError(
            f"deadline '{shown}' has no year: write one, e.g. 2024年6月底前 "
            "(or set plan.issued, whose year it would take)"
        )
    return issued.year


def _date(part: str, shown: str, issued: date | None) -> date | None:
    """The last day of the period a date part names, or None if it is not one."""
    body = _BEFORE.sub("", _BY.sub("", part))
    if m := _ISO.fullmatch(body):
        return _day(int(m["y"]), int(m["m"]), int(m["d"]), part)
    if m := _DAY.fullmatch(body):
        year = _year(m, shown, issued)
        return _day(year, read_number(m["m"]), read_number(m["d"]), part)
    if m := _MONTH.fullmatch(body):
        year, month = _year(m, shown, issued), read_number(m["m"])
        ten_day = {"上": 10, "中": 20, "下": None, None: None}[m["xun"]]
        return _day(year, month, ten_day, part)
    if m := _QUARTER.fullmatch(body):
        quarter = read_number(m["q"] or m["qq"])
        if not 1 <= quarter <= 4:
            raise DeadlineError(
                f"impossible date {part}: there is no quarter {quarter} "
                "(quarters run 1-4, 一季度 to 四季度)"
            )
        return _day(_year(m, shown, issued), quarter * 3, None, part)
    if m := _HALF.fullmatch(body):
        return _day(_year(m, shown, issued), 6 if m["h"] == "上" else 12, None, part)
    m = _WHOLE_YEAR.fullmatch(body)
    # a bare "底" or "内" names no year: only "2024年…", "今年…" or "年底" count
    if m and (m["y"] or m["this"] or (m["tail"] or "").startswith("年")):
        return _day(_year(m, shown, issued), 12, None, part)
    return None


def relative_of(part: str) -> re.Match[str] | None:
    """The match of a relative period (``3天``, ``7个工作日内``, ``3个月内``), or None."""
    m = _RELATIVE.fullmatch(part)
    if m is None:
        return None
    if m["unit"] == "月" and not m["ge"]:
        return None  # 3月 is March
    if m["unit"] == "日" and not m["within"]:
        return None  # 15日 is a day of a month
    return m


def _period(found: list[re.Match[str]], shown: str) -> tuple[int | None, int | None, int | None]:
    """(working_days, days, months) of the phrase's one relative period, if it has one."""
    if not found:
        return None, None, None
    if len(found) > 1:
        raise DeadlineError(f"deadline '{shown}' gives {len(found)} relative periods: keep one")
    count = read_number(found[0]["n"]) if len(found[0]["n"]) <= 2 else int(found[0]["n"])
    if count < 1:
        raise DeadlineError(f"deadline '{shown}' must allow at least 1 day")
    unit = found[0]["unit"]
    if unit == "工作日":
        return count, None, None
    return (None, None, count) if unit == "月" else (None, count, None)


def add_months(start: date, months: int) -> date:
    """``start`` moved on ``months`` months (the month's last day if it is shorter)."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def _festival(m: re.Match[str], shown: str, issued: date | None) -> date:
    """The last day before a festival: 国庆节前 → 09-30, 春节前 → the eve of 春节."""
    if m["y"]:
        years = [read_number(m["y"])]
    elif issued is not None:
        years = [issued.year, issued.year + 1]  # the next one on or after the issue date
    else:
        raise DeadlineError(
            f"deadline '{shown}' has no year: write one, e.g. 2024年{m['f']}前 "
            "(or set plan.issued, whose year it would take)"
        )
    for year in years:
        if m["f"] in ("国庆", "国庆节"):
            day = date(year, 9, 30)
        elif m["f"] == "元旦":
            day = date(year - 1, 12, 31) if m["y"] else date(year, 12, 31)
        else:
            from lunardate import LunarDate  # the Spring Festival of that year, not a table

            try:
                day = LunarDate(year, 1, 1).to_solar_date() - timedelta(days=1)
            except ValueError:
                raise DeadlineError(f"deadline '{shown}': no calendar for {year}") from None
        if issued is None or m["y"] or day >= issued:
            return day
    return day


@lru_cache(maxsize=4096)
def _parse(text: str, issued: date | None) -> Deadline:
    shown = " ".join(text.split())  # messages stay on one line
    body = unicodedata.normalize("NFKC", text).strip().rstrip("。.").strip()
    body = _INNER_SPACE.sub("", body)
    dates: list[date] = []
    relative: list[re.Match[str]] = []
    immediate = ongoing = False
    for raw in filter(None, _SEPARATORS.split(body)):
        part = _TRAIL.sub("", _LEAD.sub("", raw)) or raw
        if _IMMEDIATE.fullmatch(part):
            immediate = True
        elif _ONGOING.fullmatch(part):
            ongoing = True
        elif m := relative_of(part):
            relative.append(m)
        elif m := _FIVE_YEAR.fullmatch(part):
            dates.append(date(2005 + 5 * read_number(m["n"]), 12, 31))
        elif m := _FESTIVAL.fullmatch(part):
            dates.append(_festival(m, shown, issued))
        elif _REGIONAL.fullmatch(part):
            raise DeadlineError(
                f"deadline '{shown}': '{part}' differs from region to region; "
                "write the date, e.g. 2024年5月底前"
            )
        elif (when := _date(part, shown, issued)) is not None:
            dates.append(when)
        else:
            which = "" if part == body else f": '{part}' is not a date"
            raise DeadlineError(f"cannot read deadline '{shown}'{which}; {_EXAMPLES}")
    if not (dates or relative or immediate or ongoing):
        found = f"cannot read deadline '{shown}'" if shown else "empty deadline"
        raise DeadlineError(f"{found}; {_EXAMPLES}")
    working_days, days, months = _period(relative, shown)
    due: date | None = None
    if dates:
        due = max(dates)  # two steps in one phrase: on time until the later one
    elif immediate and not ongoing and not relative:
        if issued is None:
            raise DeadlineError(
                f"deadline '{shown}' is due on the plan's issue date and "
                "needs plan.issued (e.g. issued: 2024-04-12)"
            )
        due = date(issued.year, issued.month, issued.day)  # not a datetime
    return Deadline(text, due, immediate, ongoing, working_days, days, months)


def parse_deadline(text: str, issued: date | None = None) -> Deadline:
    """Read a 整改时限 phrase; ``issued`` (plan.issued) supplies a missing year
    and the due date of ``立行立改``. Raises DeadlineError on an unreadable
    phrase or an impossible date.

    Results are cached by (text, issued): a plan reuses a few phrases across
    thousands of measures. Errors are not cached, so they are raised every time.
    """
    return _parse(text, issued)
