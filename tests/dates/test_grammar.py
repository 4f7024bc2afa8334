from dataclasses import FrozenInstanceError
from datetime import date, datetime

import pytest

from rectcli.dates.grammar import Deadline, DeadlineError, parse_deadline

ISSUED = date(2024, 4, 12)
D = date

# text, due, immediate, ongoing, kind — parsed with issued=ISSUED
FORMS = [
    # ISO and numeric dates
    ("2024-06-30", D(2024, 6, 30), False, False, "date"),
    ("2024-6-30", D(2024, 6, 30), False, False, "date"),
    ("2024.6.30", D(2024, 6, 30), False, False, "date"),
    ("2024/6/30", D(2024, 6, 30), False, False, "date"),
    ("2024-06-30前", D(2024, 6, 30), False, False, "date"),
    ("2024年6月30日", D(2024, 6, 30), False, False, "date"),
    ("2024年6月30日前", D(2024, 6, 30), False, False, "date"),
    ("2024年6月30日之前", D(2024, 6, 30), False, False, "date"),
    ("2024年6月30日以前", D(2024, 6, 30), False, False, "date"),
    ("2024年6月30号", D(2024, 6, 30), False, False, "date"),
    ("2024年2月29日", D(2024, 2, 29), False, False, "date"),
    # month ends (the phrases in our data first)
    ("2024年2月底前", D(2024, 2, 29), False, False, "date"),
    ("2024年12月底前", D(2024, 12, 31), False, False, "date"),
    ("2024年6月底", D(2024, 6, 30), False, False, "date"),
    ("2025年12月底", D(2025, 12, 31), False, False, "date"),
    ("2024年5月底前", D(2024, 5, 31), False, False, "date"),
    ("2024年9月底前", D(2024, 9, 30), False, False, "date"),
    ("2023年2月底", D(2023, 2, 28), False, False, "date"),
    ("2024年10月末", D(2024, 10, 31), False, False, "date"),
    ("2024年10月末前", D(2024, 10, 31), False, False, "date"),
    ("2024年6月", D(2024, 6, 30), False, False, "date"),
    ("2024年2月份", D(2024, 2, 29), False, False, "date"),
    ("2024年2月份前", D(2024, 2, 29), False, False, "date"),
    # ten-day periods
    ("2024年6月上旬", D(2024, 6, 10), False, False, "date"),
    ("2024年6月中旬", D(2024, 6, 20), False, False, "date"),
    ("2024年6月下旬", D(2024, 6, 30), False, False, "date"),
    ("2024年2月下旬前", D(2024, 2, 29), False, False, "date"),
    # quarters
    ("2024年第一季度", D(2024, 3, 31), False, False, "date"),
    ("2024年第一季度末", D(2024, 3, 31), False, False, "date"),
    ("2024年第一季度末前", D(2024, 3, 31), False, False, "date"),
    ("2024年一季度", D(2024, 3, 31), False, False, "date"),
    ("2024年第二季度", D(2024, 6, 30), False, False, "date"),
    ("2024年第3季度", D(2024, 9, 30), False, False, "date"),
    ("2024年Q3", D(2024, 9, 30), False, False, "date"),
    ("2024年第三季度末前", D(2024, 9, 30), False, False, "date"),
    ("2024年四季度", D(2024, 12, 31), False, False, "date"),
    # half years
    ("2024年上半年", D(2024, 6, 30), False, False, "date"),
    ("2024年下半年", D(2024, 12, 31), False, False, "date"),
    # year ends
    ("2024年底", D(2024, 12, 31), False, False, "date"),
    ("2024年底前", D(2024, 12, 31), False, False, "date"),
    ("2024年年底", D(2024, 12, 31), False, False, "date"),
    ("2024年末", D(2024, 12, 31), False, False, "date"),
    ("2024年", D(2024, 12, 31), False, False, "date"),
    ("2024年内", D(2024, 12, 31), False, False, "date"),
    ("2024年度", D(2024, 12, 31), False, False, "date"),
    ("到2025年底", D(2025, 12, 31), False, False, "date"),
    # Chinese numerals
    ("二〇二四年六月底前", D(2024, 6, 30), False, False, "date"),
    ("二零二四年十二月底", D(2024, 12, 31), False, False, "date"),
    ("2024年十月", D(2024, 10, 31), False, False, "date"),
    ("2024年十二月", D(2024, 12, 31), False, False, "date"),
    ("2024年六月三十日", D(2024, 6, 30), False, False, "date"),
    ("2024年十月二十一日", D(2024, 10, 21), False, False, "date"),
    ("2024年十一月十日", D(2024, 11, 10), False, False, "date"),
    ("二〇二四年第三季度", D(2024, 9, 30), False, False, "date"),
    # year-less: the year of issued
    ("6月底前", D(2024, 6, 30), False, False, "date"),
    ("6月30日", D(2024, 6, 30), False, False, "date"),
    ("一季度", D(2024, 3, 31), False, False, "date"),
    ("下半年", D(2024, 12, 31), False, False, "date"),
    ("年底前", D(2024, 12, 31), False, False, "date"),
    ("年内", D(2024, 12, 31), False, False, "date"),
    ("今年底", D(2024, 12, 31), False, False, "date"),
    # open forms and their combinations
    ("立行立改", ISSUED, True, False, "immediate"),
    ("立即整改", ISSUED, True, False, "immediate"),
    ("立查立改", ISSUED, True, False, "immediate"),
    ("长期坚持", None, False, True, "ongoing"),
    ("持续整改", None, False, True, "ongoing"),
    ("常态化", None, False, True, "ongoing"),
    ("立行立改，长期坚持", None, True, True, "ongoing"),
    ("立行立改，长期坚持。", None, True, True, "ongoing"),
    ("持续整改，长期坚持", None, False, True, "ongoing"),
    ("立行立改,长期坚持", None, True, True, "ongoing"),
    ("立行立改、长期坚持", None, True, True, "ongoing"),
    ("立行立改；长期坚持", None, True, True, "ongoing"),
    ("立行立改 长期坚持", None, True, True, "ongoing"),
    ("立行立改并长期坚持", None, True, True, "ongoing"),
    ("2024年6月底前，长期坚持", D(2024, 6, 30), False, True, "date"),
    ("立行立改，2024年6月底前", D(2024, 6, 30), True, False, "date"),
    ("立行立改，6月底前", D(2024, 6, 30), True, False, "date"),
    # two dates: the latest is due, whatever the order
    ("2024年2月底前，2024年6月底前", D(2024, 6, 30), False, False, "date"),
    ("2024年6月底前，2024年2月底前", D(2024, 6, 30), False, False, "date"),
    # relative periods
    ("7个工作日内", None, False, False, "relative"),
    ("15日内", None, False, False, "relative"),
    ("30天内", None, False, False, "relative"),
    ("十五个工作日内", None, False, False, "relative"),
    # whitespace, trailing full stop, full-width digits
    ("  2024年6月底前。 ", D(2024, 6, 30), False, False, "date"),
    ("2024年6月底前.", D(2024, 6, 30), False, False, "date"),
    ("2024年 6月底前", D(2024, 6, 30), False, False, "date"),
    ("2024 年 6 月 30 日 前", D(2024, 6, 30), False, False, "date"),
    ("2024年第 三 季度 末", D(2024, 9, 30), False, False, "date"),
    ("2024-06-30 2024-12-31", D(2024, 12, 31), False, False, "date"),
    ("2024年6月底 2024年9月底", D(2024, 9, 30), False, False, "date"),
    ("2024年6月 长期坚持", D(2024, 6, 30), False, True, "date"),
    ("２０２４年６月３０日", D(2024, 6, 30), False, False, "date"),
    ("２０２４－０６－３０", D(2024, 6, 30), False, False, "date"),
    ("２０２４年Ｑ３", D(2024, 9, 30), False, False, "date"),
    ("２０２４年２月底前，长期坚持", D(2024, 2, 29), False, True, "date"),
]


@pytest.mark.parametrize(("text", "due", "immediate", "ongoing", "kind"), FORMS)
def test_forms(text: str, due: date | None, immediate: bool, ongoing: bool, kind: str) -> None:
    deadline = parse_deadline(text, ISSUED)
    assert (deadline.due, deadline.immediate, deadline.ongoing) == (
        due,
        immediate,
        ongoing,
    )
    assert deadline.kind == kind
    assert deadline.text == text  # kept unchanged, whitespace and all


@pytest.mark.parametrize(
    ("text", "working_days", "days"),
    [
        ("7个工作日内", 7, None),
        ("十五个工作日内", 15, None),
        ("15日内", None, 15),
        ("30天内", None, 30),
        ("2024年6月底前", None, None),
    ],
)
def test_relative_counts(text: str, working_days: int | None, days: int | None) -> None:
    deadline = parse_deadline(text)
    assert (deadline.working_days, deadline.days) == (working_days, days)


ERRORS = [
    (
        "",
        "empty deadline; write e.g. 2024年6月30日, 2024年6月底前, "
        "2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持",
    ),
    ("  。 ", None),
    ("，，", None),
    ("2024年2月30日", "impossible date 2024年2月30日: February 2024 has 29 days"),
    ("2024年2月30日前", "impossible date 2024年2月30日前: February 2024 has 29 days"),
    ("2023-02-29", "impossible date 2023-02-29: February 2023 has 28 days"),
    ("2024年6月32日", "impossible date 2024年6月32日: June 2024 has 30 days"),
    ("2024年6月0日", "impossible date 2024年6月0日: there is no day 0"),
    ("2024年13月底", "impossible date 2024年13月底: there is no month 13 (months run 1-12)"),
    ("2024年0月底", "impossible date 2024年0月底: there is no month 0 (months run 1-12)"),
    ("2024-13-01", None),
    ("0000-01-01", "impossible date 0000-01-01: there is no year 0"),
    (
        "2024年第五季度",
        "impossible date 2024年第五季度: there is no quarter 5 "
        "(quarters run 1-4, 一季度 to 四季度)",
    ),
    ("2024年Q0", None),
    ("２０２４年２月３０日", "impossible date 2024年2月30日: February 2024 has 29 days"),
    ("2024年2月30日，长期坚持", None),
    (
        "下个月",
        "cannot read deadline '下个月'; write e.g. 2024年6月30日, 2024年6月底前, "
        "2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持",
    ),
    ("尽快", None),
    (
        "立行立改，尽快",
        "cannot read deadline '立行立改，尽快': '尽快' is not a date; "
        "write e.g. 2024年6月30日, 2024年6月底前, 2024年第三季度末, 2024-06-30, "
        "立行立改 or 长期坚持",
    ),
    ("24年6月底", None),  # a two-digit year is not guessed
    ("2024-6/30", None),
    ("2024年100月", None),
    ("底", None),
    ("2024年 2025年", None),  # two years run together: not guessed
    ("0个工作日内", "deadline '0个工作日内' must allow at least 1 day"),
    ("7个工作日内，15日内", "deadline '7个工作日内，15日内' gives 2 relative periods: keep one"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_errors(text: str, message: str | None) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, ISSUED)
    if message is not None:
        assert str(info.value) == message
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("6月底前", D(2023, 6, 30)),
        ("一季度", D(2023, 3, 31)),
        ("年底前", D(2023, 12, 31)),
        ("10月上旬", D(2023, 10, 10)),
        ("上半年", D(2023, 6, 30)),
    ],
)
def test_yearless_takes_the_year_of_issued(text: str, due: date) -> None:
    assert parse_deadline(text, date(2023, 11, 1)).due == due


@pytest.mark.parametrize("text", ["6月底前", "一季度", "年底前", "今年底", "6月30日"])
def test_yearless_without_issued(text: str) -> None:
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text)
    assert str(info.value) == (
        f"deadline '{text}' has no year: write one, e.g. 2024年6月底前 "
        "(or set plan.issued, whose year it would take)"
    )


@pytest.mark.parametrize("text", ["立行立改", "立即整改", "立查立改。"])
def test_immediate_without_issued(text: str) -> None:
    with pytest.raises(DeadlineError, match=r"needs plan\.issued"):
        parse_deadline(text)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("立行立改，长期坚持", None),
        ("立行立改，2024年6月底前", D(2024, 6, 30)),
        ("长期坚持", None),
        ("2024年6月底前", D(2024, 6, 30)),
        ("7个工作日内", None),
    ],
)
def test_no_issued_needed(text: str, due: date | None) -> None:
    assert parse_deadline(text).due == due


def test_immediate_due_is_a_plain_date() -> None:
    due = parse_deadline("立行立改", datetime(2024, 4, 12, 9, 30)).due
    assert type(due) is date
    assert due == ISSUED


def test_full_width_digits_equal_ascii() -> None:
    wide = parse_deadline("２０２４年１０月２１日")
    assert wide.due == parse_deadline("2024年10月21日").due == D(2024, 10, 21)
    assert wide.text == "２０２４年１０月２１日"


def test_cache_returns_equal_results() -> None:
    first = parse_deadline("2024年6月底前", ISSUED)
    second = parse_deadline("2024年6月底前", ISSUED)
    assert first == second
    assert first is second  # served from the cache
    assert parse_deadline("立行立改", ISSUED) != parse_deadline("立行立改", date(2024, 5, 1))


def test_errors_are_raised_every_time() -> None:
    for _ in range(3):
        with pytest.raises(DeadlineError, match="February 2024 has 29 days"):
            parse_deadline("2024年2月30日", ISSUED)
    for _ in range(3):
        with pytest.raises(DeadlineError, match="has no year"):
            parse_deadline("6月底前")


def test_deadline_is_frozen() -> None:
    deadline = parse_deadline("长期坚持")
    assert deadline == Deadline("长期坚持", None, False, True)
    with pytest.raises(FrozenInstanceError):
        deadline.due = ISSUED  # type: ignore[misc]
