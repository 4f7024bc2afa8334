"""Reporting periods: --period 2024-06 | 2024-Q2 | 2024-H1 | 2024 | 本月 | 上月."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rectcli.dates.periods import parse_period
from rectcli.errors import RectError
from tests.helpers import FIXTURES, Invoke

DATA = FIXTURES / "report" / "tasks.yaml"


@pytest.mark.parametrize(
    ("text", "first", "last", "key"),
    [
        ("2024-06", date(2024, 6, 1), date(2024, 6, 30), "2024-06"),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30), "2024-Q2"),
        ("2024-q4", date(2024, 10, 1), date(2024, 12, 31), "2024-Q4"),
        ("2024-H1", date(2024, 1, 1), date(2024, 6, 30), "2024-H1"),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "2024-H2"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("本月", date(2024, 1, 1), date(2024, 1, 31), "2024-01"),
        ("上月", date(2023, 12, 1), date(2023, 12, 31), "2023-12"),
    ],
)
def test_periods(text: str, first: date, last: date, key: str) -> None:
    period = parse_period(text, date(2024, 1, 15))
    assert (period.first, period.last, period.key) == (first, last, key)


@pytest.mark.parametrize("text", ["2024-13", "2024-Q5", "2024-H3", "June", "24-06", "0000"])
def test_not_a_period(text: str) -> None:
    with pytest.raises(RectError):
        parse_period(text, date(2024, 1, 15))


def test_report_period_json_has_the_period_s_days(invoke: Invoke) -> None:
    result = invoke("report", "--period", "2024-06", "--format", "json", file=DATA)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["since"], report["as_of"]) == ("2024-06-01", "2024-06-30")


def test_done_on_the_first_day_counts(invoke: Invoke) -> None:
    # 3.1 was done on 2024-05-01: a May report counts it, an April one does not
    may = json.loads(invoke("report", "--period", "2024-05", "--format", "json", file=DATA).stdout)
    april = json.loads(
        invoke("report", "--period", "2024-04", "--format", "json", file=DATA).stdout
    )
    done = lambda report: [  # noqa: E731
        line["id"] for unit in report["units"] for line in unit["done"]
    ]
    assert "3.1" in done(may)
    assert "3.1" not in done(april)


@pytest.mark.parametrize(
    ("period", "title"),
    [
        ("2024-06", "2024年6月整改进展情况"),
        ("2024-Q2", "2024年第二季度整改进展情况"),
        ("2024-H1", "2024年上半年整改进展情况"),
        ("2024", "2024年度整改进展情况"),
    ],
)
def test_the_title_says_the_period(invoke: Invoke, period: str, title: str) -> None:
    result = invoke("report", "--period", period, "--format", "markdown", file=DATA)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2].startswith(f"**{title}** · 截至 ")


def test_this_month_is_the_as_of_month(invoke: Invoke) -> None:
    result = invoke("report", "--period", "本月", "--format", "json", file=DATA, as_of="2024-02-10")
    report = json.loads(result.stdout)
    assert (report["since"], report["as_of"]) == ("2024-02-01", "2024-02-29")
    english = invoke("report", "--period", "上月", file=DATA, as_of="2024-02-10", lang="en")
    assert "Progress in 2024-01" in english.stdout


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2024-06", "--since", "2024-05-01"],
            "error: --period sets --since itself (its first day): give one of them\n",
        ),
        (
            ["--period", "Q2"],
            "error: --period Q2: use a month 2024-06, a quarter 2024-Q2, a half year 2024-H1, "
            "a year 2024, or 本月 / 上月\n",
        ),
        (["--period", "2024-13"], "error: --period 2024-13: there is no month 13\n"),
    ],
)
def test_period_refusals(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("report", *args, file=DATA)
    assert result.exit_code == 2
    assert result.output == message
