"""Warning tiers (预警), escalation levels (通报 督办 约谈), 序时进度 and policy.yaml."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rectcli.errors import RectError
from rectcli.model.config import parse_policy
from rectcli.model.policy import Policy, expected_percent, is_behind
from tests.helpers import Invoke

D = date
DEFAULT = Policy()


@pytest.mark.parametrize(
    ("days_left", "tier"),
    [(None, None), (-1, None), (0, 7), (7, 7), (8, 15), (15, 15), (16, 30), (30, 30), (31, None)],
)
def test_default_tiers(days_left: int | None, tier: int | None) -> None:
    assert DEFAULT.tier(days_left) == tier


@pytest.mark.parametrize(
    ("lead", "days_left", "tier"),
    [
        (60, 60, 60),  # a measure's own lead time warns earlier …
        (60, 61, None),
        (60, 31, 60),
        (60, 30, 30),  # … and keeps the policy's tiers below it
        (10, 12, None),  # a shorter lead replaces the tiers above it
        (10, 10, 10),
        (10, 7, 7),
    ],
)
def test_a_measures_lead(lead: int, days_left: int, tier: int | None) -> None:
    assert DEFAULT.tier(days_left, lead) == tier


@pytest.mark.parametrize(
    ("days_overdue", "level"),
    [
        (0, None),
        (1, "notice"),
        (14, "notice"),
        (15, "supervise"),
        (29, "supervise"),
        (30, "summon"),
    ],
)
def test_default_levels(days_overdue: int, level: str | None) -> None:
    assert DEFAULT.level(days_overdue) == level


@pytest.mark.parametrize(
    ("start", "due", "today", "expected"),
    [
        (D(2024, 4, 12), D(2024, 6, 30), D(2024, 4, 11), None),  # not begun
        (D(2024, 4, 12), D(2024, 6, 30), D(2024, 4, 12), 0),
        (D(2024, 4, 12), D(2024, 6, 30), D(2024, 5, 20), 48),  # 38 of 79 days
        (D(2024, 4, 12), D(2024, 6, 30), D(2024, 6, 30), 100),
        (D(2024, 4, 12), D(2024, 6, 30), D(2024, 8, 1), 100),
        (D(2024, 4, 12), D(2024, 2, 29), D(2024, 5, 1), None),  # due before it started
        (None, D(2024, 6, 30), D(2024, 5, 1), None),
        (D(2024, 4, 12), None, D(2024, 5, 1), None),
    ],
)
def test_expected_percent(
    start: date | None, due: date | None, today: date, expected: int | None
) -> None:
    assert expected_percent(start, due, today) == expected


@pytest.mark.parametrize(
    ("expected", "percent", "lag", "behind"),
    [(48, 10, 0, True), (48, 48, 0, False), (48, 40, 10, False), (48, 37, 10, True)],
)
def test_behind(expected: int, percent: int, lag: int, behind: bool) -> None:
    assert is_behind(expected, percent, lag) is behind


def test_nothing_reported_is_not_behind() -> None:
    assert not is_behind(48, None, 0)  # 未启动 shows as such; 滞后 compares a reported percent
    assert not is_behind(None, 10, 0)


POLICY = """\
warn: [20d, 5]
escalate:
  notice: 3d
  supervise: 2w
  summon: null
review:
  stale: 30d
  look_back: 60
lag: 5
"""


def test_policy_file() -> None:
    policy = parse_policy(POLICY, "data/policy.yaml")
    assert policy == Policy(
        warn=(20, 5),
        escalate=(("notice", 3), ("supervise", 14)),
        stale=30,
        look_back=60,
        lag=5,
    )
    assert policy.level(2) is None
    assert policy.level(40) == "supervise"  # 约谈 switched off
    assert parse_policy("lag: 0\n", "p") == DEFAULT  # every key optional


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "warn: [20d, 5]",
            "warn: [20x, 5]",
            "data/policy.yaml:1:8: error: warn: cannot read the period '20x'; write days as 30d "
            "or weeks as 2w",
        ),
        (
            "warn: [20d, 5]",
            "warn: [20d, 0]",
            "data/policy.yaml:1:13: error: warn: a tier of 0 days warns of nothing",
        ),
        (
            "supervise: 2w",
            "supervise: 2d",
            "data/policy.yaml:4:14: error: escalate: supervise must start later than the level "
            "before it (after more than 3 days overdue)",
        ),
        (
            "  notice: 3d",
            "  notise: 3d",
            "data/policy.yaml:3:3: error: unknown key 'notise'; did you mean 'notice'?",
        ),
        (
            "lag: 5",
            "lag: 101",
            "data/policy.yaml:9:6: error: lag: input should be less than or equal to 100",
        ),
        (
            "lag: 5",
            "lags: 5",
            "data/policy.yaml:9:1: error: unknown key 'lags'; did you mean 'lag'?",
        ),
    ],
)
def test_policy_file_errors(old: str, new: str, message: str) -> None:
    assert old in POLICY
    with pytest.raises(RectError) as info:
        parse_policy(POLICY.replace(old, new), "data/policy.yaml")
    assert "\n".join(str(p) for p in info.value.problems) == message


def rows(invoke: Invoke, file: Path, as_of: str, *args: str) -> dict[str, dict[str, object]]:
    result = invoke(*args, "--format", "json", file=file, as_of=as_of)
    assert result.exit_code in (0, 1), result.output
    return {str(r["id"]) + str(r.get("duty") or ""): r for r in json.loads(result.stdout)}


@pytest.mark.parametrize(
    ("as_of", "tier"),
    [
        ("2024-03-31", None),  # 61 days before 2024-05-31
        ("2024-04-12", 60),  # inside the measure's own lead: 60d
        ("2024-05-01", 30),
        ("2024-05-16", 15),
        ("2024-05-24", 7),
        ("2024-05-31", 7),  # due today
        ("2024-06-01", None),  # overdue: a level, no tier
    ],
)
def test_every_tier_in_list(invoke: Invoke, calendar_data: Path, as_of: str, tier: int) -> None:
    assert rows(invoke, calendar_data, as_of, "list")["2.2"]["warn_tier"] == tier


@pytest.mark.parametrize(
    ("as_of", "level"),
    [
        ("2024-10-31", None),  # due today: not overdue
        ("2024-11-01", "notice"),  # 通报
        ("2024-11-14", "notice"),
        ("2024-11-15", "supervise"),  # 督办
        ("2024-11-29", "supervise"),
        ("2024-11-30", "summon"),  # 约谈
    ],
)
def test_every_level_of_a_missed_duty(
    invoke: Invoke, calendar_data: Path, as_of: str, level: str | None
) -> None:
    found = rows(invoke, calendar_data, as_of, "overdue").get("1.2每年10月末")
    assert (found["level"] if found else None) == level


def test_a_policy_file_changes_tiers_and_levels(invoke: Invoke, calendar_data: Path) -> None:
    (calendar_data.parent / "policy.yaml").write_text(POLICY, encoding="utf-8")
    late = rows(invoke, calendar_data, "2024-11-02", "overdue")["1.2每年10月末"]
    assert late["level"] is None  # 2 days: under policy.yaml's notice: 3d
    late = rows(invoke, calendar_data, "2024-12-31", "overdue")["1.2每年10月末"]
    assert late["level"] == "supervise"  # summon: null
    soon = rows(invoke, calendar_data, "2024-10-14", "list")["2.4"]
    assert soon["warn_tier"] == 5  # 2 days left; tiers 20/5


def test_behind_schedule_in_list_and_status(invoke: Invoke, calendar_data: Path) -> None:
    row = rows(invoke, calendar_data, "2024-05-20", "list")["2.1"]
    assert (row["percent"], row["expected"], row["behind"]) == (10, 48, True)
    listing = invoke("list", "--task", "2", file=calendar_data, as_of="2024-05-20").stdout
    assert "2.1   推进中 滞后  2024-06-30" in listing
    status = invoke("status", file=calendar_data, as_of="2024-05-20").stdout.splitlines()
    assert status[3] == "逾期 0 · 14天内到期 1 · 序时滞后 1"
    (calendar_data.parent / "policy.yaml").write_text("lag: 40\n", encoding="utf-8")
    assert not rows(invoke, calendar_data, "2024-05-20", "list")["2.1"]["behind"]
