"""Chinese working days: holidays off, 调休 make-up days on, unknown years refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from chinese_calendar import constants
from hypothesis import given
from hypothesis import strategies as st

from rectcli.dates.workdays import DayInfo, UnknownYear, WorkCalendar
from rectcli.errors import RectError
from rectcli.model.config import parse_holidays
from rectcli.model.shapes import HolidaySpan, HolidayYear
from tests.helpers import Invoke

D = date
CAL = WorkCalendar()
KNOWN = f"2004-{max(constants.holidays).year}"  # the package's years: newer releases add one
UNKNOWN_2030 = (
    f"no official holiday arrangement for 2030: chinese-calendar knows {KNOWN}; "
    "add 2030 to data/holidays.yaml (see docs/deadlines.md) or upgrade chinesecalendar"
)


@pytest.mark.parametrize(
    ("day", "workday", "name"),
    [
        (D(2024, 9, 27), True, None),  # a Friday
        (D(2024, 9, 28), False, None),  # a plain Saturday
        (D(2024, 9, 29), True, "国庆节"),  # Sunday worked in exchange (调休)
        (D(2024, 10, 1), False, "国庆节"),
        (D(2024, 10, 4), False, "国庆节"),  # a Friday inside the holiday week
        (D(2024, 10, 7), False, "国庆节"),
        (D(2024, 10, 8), True, None),
        (D(2024, 10, 12), True, "国庆节"),  # Saturday worked in exchange (调休)
        (D(2024, 9, 14), True, "中秋"),  # Saturday worked for the Mid-autumn break
        (D(2024, 9, 16), False, "中秋"),
    ],
)
def test_days_of_2024(day: date, workday: bool, name: str | None) -> None:
    assert CAL.info(day) == DayInfo(day, workday, name)
    assert CAL.is_workday(day) is workday


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (D(2024, 9, 23), 4, D(2024, 9, 27)),  # an ordinary week
        (D(2024, 9, 27), 1, D(2024, 9, 29)),  # the make-up Sunday counts
        (D(2024, 9, 27), 2, D(2024, 9, 30)),
        (D(2024, 9, 27), 3, D(2024, 10, 8)),  # the holiday week is skipped
        (D(2024, 9, 27), 7, D(2024, 10, 12)),  # ends on the make-up Saturday
        (D(2024, 9, 30), 1, D(2024, 10, 8)),
        (D(2024, 10, 3), 1, D(2024, 10, 8)),  # counted from inside the holiday
        (D(2024, 9, 20), 15, D(2024, 10, 16)),
        (D(2024, 9, 13), 1, D(2024, 9, 14)),  # Mid-autumn make-up Saturday
    ],
)
def test_add_working_days(start: date, count: int, due: date) -> None:
    assert CAL.add(start, count) == due


def test_counted_days_show_what_was_skipped() -> None:
    days = CAL.counted(D(2024, 9, 27), 7)
    assert [(d.day.day, d.workday) for d in days] == [
        (28, False),
        (29, True),
        (30, True),
        (1, False),
        (2, False),
        (3, False),
        (4, False),
        (5, False),
        (6, False),
        (7, False),
        (8, True),
        (9, True),
        (10, True),
        (11, True),
        (12, True),
    ]


def test_an_unknown_year_counts_weekends_and_is_noted() -> None:
    # issue 14: never an error (an incident of 29 December must be recorded); the CLI
    # warns of every year in ``guessed``
    cal = WorkCalendar()
    assert cal.add(D(2030, 3, 2), 3) == D(2030, 3, 6)  # Saturday + 3: Mon Tue Wed
    assert cal.guessed == {2030}
    assert str(UnknownYear(2030)) == UNKNOWN_2030
    assert not CAL.knows(2030)
    assert CAL.knows(2024)


def test_an_override_year_replaces_the_packages() -> None:
    spring = HolidaySpan.model_validate({"name": "春节", "from": "2030-02-02", "to": "2030-02-08"})
    year = HolidayYear(year=2030, holidays=[spring], workdays=[D(2030, 2, 9)])
    cal = WorkCalendar.from_years([year])
    assert cal.knows(2030)
    assert cal.info(D(2030, 2, 4)) == DayInfo(D(2030, 2, 4), False, "春节")
    assert cal.info(D(2030, 2, 9)) == DayInfo(D(2030, 2, 9), True, "春节")  # a Saturday worked
    assert cal.info(D(2030, 2, 16)) == DayInfo(D(2030, 2, 16), False, None)
    assert cal.add(D(2030, 2, 1), 1) == D(2030, 2, 9)
    assert cal.add(D(2030, 2, 1), 2) == D(2030, 2, 11)


def test_an_override_of_a_known_year_corrects_it() -> None:
    cal = WorkCalendar.from_years([HolidayYear(year=2024)])  # "no holidays at all in 2024"
    assert cal.is_workday(D(2024, 10, 1))
    assert not cal.is_workday(D(2024, 10, 12))  # no make-up days either: a Saturday


HOLIDAYS = """\
# 2030 is beyond chinese-calendar's data
years:
  - year: 2030
    holidays:
      - {name: 元旦, from: 2030-01-01}
      - {name: 春节, from: 2030-02-02, to: 2030-02-08}
    workdays: [2030-02-09]
"""


def test_holidays_file() -> None:
    cal = parse_holidays(HOLIDAYS, "data/holidays.yaml")
    assert not cal.is_workday(D(2030, 1, 1))
    assert cal.is_workday(D(2030, 2, 9))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "workdays: [2030-02-09]",
            "workdays: [2030-02-11]",
            "data/holidays.yaml:7:16: error: workdays: 2030-02-11 is not a Saturday or Sunday "
            "of 2030; list only the weekend days worked in exchange (调休)",
        ),
        (
            "to: 2030-02-08",
            "to: 2030-01-08",
            "data/holidays.yaml:6:9: error: holidays: 2030-02-02..2030-01-08 is not a span of "
            "days in 2030",
        ),
        (
            "{name: 元旦, from: 2030-01-01}",
            "{name: 元旦, from: 2031-01-01}",
            "data/holidays.yaml:5:9: error: holidays: 2031-01-01..2031-01-01 is not a span of "
            "days in 2030",
        ),
        (
            "from: 2030-02-02,",
            "form: 2030-02-02,",
            "data/holidays.yaml:6:9: error: missing required key 'from'\n"
            "data/holidays.yaml:6:20: error: unknown key 'form'; did you mean 'from'?",
        ),
        (
            "    workdays: [2030-02-09]\n",
            "    workdays: [2030-02-09]\n  - year: 2030\n",
            "data/holidays.yaml:8:11: error: year 2030 is listed twice",
        ),
    ],
)
def test_holidays_file_errors(old: str, new: str, message: str) -> None:
    assert old in HOLIDAYS
    with pytest.raises(RectError) as info:
        parse_holidays(HOLIDAYS.replace(old, new), "data/holidays.yaml")
    assert "\n".join(str(p) for p in info.value.problems) == message


def test_a_measure_counts_working_days_from_its_start(invoke: Invoke, calendar_data: Path) -> None:
    result = invoke("list", "--format", "json", file=calendar_data, as_of="2024-10-14")
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["2.4"]["deadline"] == "15个工作日内"
    assert rows["2.4"]["due"] == "2024-10-16"  # 2024-09-20 + 15 working days, 国庆 skipped


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_an_unknown_year_in_the_data_counts_weekends_with_a_warning(
    invoke: Invoke, calendar_data: Path
) -> None:
    text = calendar_data.read_text(encoding="utf-8")
    calendar_data.write_text(text.replace("start: 2024-09-20", "start: 2030-09-20"), "utf-8")
    result = invoke("list", "--format", "json", file=calendar_data, lang="en")
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: no official holiday arrangement for 2030")
    # 2030-09-20 (Fri) + 15 working days, weekends only
    assert next(r for r in json.loads(result.stdout) if r["id"] == "2.4")["due"] == "2030-10-11"
    national_day = "\n      - {name: 国庆节, from: 2030-10-01, to: 2030-10-07}"
    (calendar_data.parent / "holidays.yaml").write_text(
        HOLIDAYS.replace("2030-02-08}", "2030-02-08}" + national_day), encoding="utf-8"
    )
    rows = json.loads(invoke("list", "--format", "json", file=calendar_data).stdout)
    # 2030-09-20 (Fri) + 15 working days, 10-01..10-07 off and no make-up days listed
    assert next(r for r in rows if r["id"] == "2.4")["due"] == "2030-10-18"


def test_an_incident_in_an_unknown_year_counts_weekends_with_a_warning(
    invoke: Invoke, calendar_data: Path
) -> None:
    text = calendar_data.read_text(encoding="utf-8")
    calendar_data.write_text(text.replace("found: 2024-09-27", "found: 2031-09-27"), "utf-8")
    result = invoke("check", file=calendar_data, as_of="2031-10-01")
    assert result.exit_code in (0, 1)
    assert "warning: 没有 2031 年的官方节假日安排" in result.stderr


def test_an_invalid_holidays_file_is_reported_with_the_tasks(
    invoke: Invoke, calendar_data: Path
) -> None:
    (calendar_data.parent / "holidays.yaml").write_text("years:\n  - year: x\n", "utf-8")
    result = invoke("list", file=calendar_data)
    assert result.exit_code == 2
    holidays = calendar_data.parent / "holidays.yaml"
    assert result.stderr == (
        f"{holidays}:2:11: error: year: input should be a valid integer, unable to parse string "
        "as an integer\n"
    )


@given(
    start=st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 10, 31)),
    count=st.integers(min_value=1, max_value=40),
)
def test_the_due_day_is_the_counted_working_day(start: date, count: int) -> None:
    due = CAL.add(start, count)
    assert CAL.is_workday(due)
    days = CAL.counted(start, count)
    assert days[-1].day == due and sum(d.workday for d in days) == count
    assert [d.day.toordinal() for d in days] == list(
        range(start.toordinal() + 1, due.toordinal() + 1)
    )


def test_a_make_up_day_of_a_year_without_holidays_names_none() -> None:
    calendar = WorkCalendar.from_years([HolidayYear(year=2030, workdays=[D(2030, 2, 9)])])
    assert calendar.info(D(2030, 2, 9)) == DayInfo(D(2030, 2, 9), True, None)  # a Saturday


def test_a_holiday_the_package_names_after_rect_was_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a newer chinese-calendar may name a holiday its Holiday enum here does not know
    monkeypatch.setattr(
        "chinese_calendar.get_holiday_detail", lambda day: (True, "Reunification Day")
    )
    assert CAL.info(D(2024, 10, 1)) == DayInfo(D(2024, 10, 1), False, "Reunification Day")
