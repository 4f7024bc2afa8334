"""Recurring phrases → RFC 5545 RRULEs of their due dates, and the periods they make."""

from __future__ import annotations

from datetime import date

import pytest

from rectcli.dates.recurrence import (
    Schedule,
    ScheduleError,
    agrees,
    due_dates,
    next_due,
    parse_rrule,
    parse_schedule,
    periods,
)

D = date
YEAR_END = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"
HALF = "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
QUARTER = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
MONTH_END = "FREQ=MONTHLY;BYMONTHDAY=-1"

# phrase, RRULE, times per period — every recurrence kind rect reads
PHRASES = [
    # the shipped data's own phrases
    ("每年10月末", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1", 1),
    ("每年至少2次", YEAR_END, 2),
    ("每半年", HALF, 1),
    ("每季度", QUARTER, 1),
    # the issue's examples
    ("每年至少召开2次", YEAR_END, 2),
    ("每月至少巡查1次", MONTH_END, 1),
    # yearly
    ("每年", YEAR_END, 1),
    ("每年度", YEAR_END, 1),
    ("每年底前", YEAR_END, 1),
    ("每年年底", YEAR_END, 1),
    ("每年10月底前", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1", 1),
    ("每年10月", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1", 1),
    ("每年6月15日", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15", 1),
    ("每年十月末", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1", 1),
    ("每年召开两次", YEAR_END, 2),
    ("每年2次以上", YEAR_END, 2),
    ("每年不少于3次", YEAR_END, 3),
    # half years and quarters
    ("每半年至少1次", HALF, 1),
    ("每季度末", QUARTER, 1),
    ("每季", QUARTER, 1),
    ("每个季度", QUARTER, 1),
    ("每季度至少研究1次", QUARTER, 1),
    # months, weeks, days
    ("每月", MONTH_END, 1),
    ("每个月", MONTH_END, 1),
    ("每月底", MONTH_END, 1),
    ("每月15日前", "FREQ=MONTHLY;BYMONTHDAY=15", 1),
    ("每月上旬", "FREQ=MONTHLY;BYMONTHDAY=10", 1),
    ("每月中旬", "FREQ=MONTHLY;BYMONTHDAY=20", 1),
    ("每月下旬", MONTH_END, 1),
    ("每月至少巡查2次", MONTH_END, 2),
    ("每周", "FREQ=WEEKLY;BYDAY=SU", 1),
    ("每星期", "FREQ=WEEKLY;BYDAY=SU", 1),
    ("每天", "FREQ=DAILY", 1),
    ("每日", "FREQ=DAILY", 1),
    # spacing, full-width digits and a final 。
    ("每 季 度", QUARTER, 1),
    ("每年至少召开 2 次。", YEAR_END, 2),
    ("每年至少２次", YEAR_END, 2),
]


@pytest.mark.parametrize(("phrase", "rule", "times"), PHRASES)
def test_phrases(phrase: str, rule: str, times: int) -> None:
    schedule = parse_schedule(phrase)
    assert schedule == Schedule(phrase, rule, times)
    assert schedule.kind == "calendar"
    parse_rrule(rule)  # every derived rule is a valid RRULE


@pytest.mark.parametrize(
    ("phrase", "working_days", "days"),
    [
        ("7个工作日内", 7, None),
        ("十五个工作日内", 15, None),
        ("15日内", None, 15),
        ("30天内", None, 30),
    ],
)
def test_response_times(phrase: str, working_days: int | None, days: int | None) -> None:
    schedule = parse_schedule(phrase)
    assert schedule == Schedule(phrase, None, 1, working_days, days)
    assert schedule.kind == "response"


READ_AS = "write e.g. 每年10月末, 每半年, 每季度, 每月, 每年至少2次 or 7个工作日内"


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        (
            "每两年",
            f"cannot read the recurring duty '每两年'; {READ_AS}, "
            "or give the rule as rrule: FREQ=…",
        ),
        ("每季度研究", None),  # a verb with no count is not guessed
        ("定期", None),
        ("2024年6月底前", None),  # a deadline, not a duty
        ("每年13月底", "'每年13月底': there is no month 13 (months run 1-12)"),
        ("每年2月30日", "'每年2月30日': month 2 has no day 30"),
        ("每年2月29日", "'每年2月29日' happens only in leap years; write 每年2月底"),
        ("每月30日", "'每月30日': not every month has day 30; write 每月底 for the month's end"),
        ("每月10月末", f"cannot read '每月10月末': 月 takes no date; {READ_AS}"),
        ("每季度15日", f"cannot read '每季度15日': 季度 takes no date; {READ_AS}"),
        ("每年15日", "cannot read '每年15日': name a month, e.g. 每年10月末"),
        ("每年至少0次", "'每年至少0次' asks for 0 times: at least 1"),
    ],
)
def test_unreadable_phrases(phrase: str, message: str | None) -> None:
    with pytest.raises(ScheduleError) as info:
        parse_schedule(phrase)
    if message is not None:
        assert str(info.value) == message


def test_rrule_prefix_and_spaces() -> None:
    assert parse_rrule("  RRULE:FREQ=MONTHLY;BYMONTHDAY=-1 ") == MONTH_END
    assert parse_rrule("rrule: FREQ=WEEKLY") == "FREQ=WEEKLY"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=FOO", "rrule: cannot read 'FREQ=FOO': invalid 'FREQ': FOO"),
        ("FREQ=YEARLY;FOO=1", "rrule: cannot read 'FREQ=YEARLY;FOO=1': unknown parameter 'FOO'"),
        ("FREQ=HOURLY", "rrule: 'FREQ=HOURLY' repeats within a day; the finest is FREQ=DAILY"),
        (
            "DTSTART:20240101\nRRULE:FREQ=DAILY",
            "rrule: give one RRULE value such as FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1 "
            "(the start is the measure's start or plan.issued)",
        ),
    ],
)
def test_bad_rrules(rule: str, message: str) -> None:
    with pytest.raises(ScheduleError) as info:
        parse_rrule(rule)
    assert str(info.value) == message


def test_agreement_is_by_due_dates_not_by_spelling() -> None:
    start = D(2024, 4, 12)
    assert agrees("FREQ=YEARLY;BYMONTH=12,6;BYMONTHDAY=-1", HALF, start)
    assert agrees("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1", HALF, D(2024, 6, 1))
    assert not agrees("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1", HALF, D(2024, 5, 1))
    assert not agrees(QUARTER, HALF, start)


def test_quarterly_periods_from_the_plans_issue() -> None:
    assert periods(QUARTER, D(2024, 4, 12), D(2025, 1, 1)) == [
        (D(2024, 4, 12), D(2024, 6, 30)),  # the first period starts at the start
        (D(2024, 7, 1), D(2024, 9, 30)),
        (D(2024, 10, 1), D(2024, 12, 31)),
    ]


def test_yearly_october_end_periods() -> None:
    rule = parse_schedule("每年10月末").rrule
    assert rule is not None
    assert periods(rule, D(2024, 4, 12), D(2026, 10, 31)) == [
        (D(2024, 4, 12), D(2024, 10, 31)),
        (D(2024, 11, 1), D(2025, 10, 31)),
        (D(2025, 11, 1), D(2026, 10, 31)),
    ]


def test_weekly_weeks_end_on_sunday() -> None:
    assert periods("FREQ=WEEKLY;BYDAY=SU", D(2024, 9, 25), D(2024, 10, 13)) == [
        (D(2024, 9, 25), D(2024, 9, 29)),
        (D(2024, 9, 30), D(2024, 10, 6)),
        (D(2024, 10, 7), D(2024, 10, 13)),
    ]


def test_due_dates_and_next_due() -> None:
    assert due_dates(MONTH_END, D(2024, 1, 15), D(2024, 4, 30)) == (
        D(2024, 1, 31),
        D(2024, 2, 29),
        D(2024, 3, 31),
        D(2024, 4, 30),
    )
    assert due_dates(MONTH_END, D(2024, 5, 1), D(2024, 4, 30)) == ()
    assert next_due(QUARTER, D(2024, 4, 12), D(2024, 7, 1)) == D(2024, 9, 30)
    assert next_due(QUARTER, D(2024, 4, 12), D(2024, 9, 30)) == D(2024, 9, 30)
    assert (
        next_due("FREQ=YEARLY;COUNT=1;BYMONTH=6;BYMONTHDAY=-1", D(2024, 1, 1), D(2025, 1, 1))
        is None
    )
