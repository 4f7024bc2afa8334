"""Deadlines as real lists write them (issue 12): rect calc and tasks.yaml agree."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rectcli.dates.grammar import DeadlineError, parse_deadline
from tests.conftest import Invoke

ISSUED = date(2024, 4, 12)


@pytest.mark.parametrize(
    ("text", "due", "kind"),
    [
        ("2024年4月底前完成", date(2024, 4, 30), "date"),
        ("2024年6月底前完成整改", date(2024, 6, 30), "date"),
        ("确保2024年10月底前整改到位", date(2024, 10, 31), "date"),
        ("“十四五”期间", date(2025, 12, 31), "date"),
        ("十四五末", date(2025, 12, 31), "date"),
        ("十三五末", date(2020, 12, 31), "date"),
        ("十五五期间", date(2030, 12, 31), "date"),
        ("即知即改", ISSUED, "immediate"),
        ("国庆节前", date(2024, 9, 30), "date"),
        ("春节前", date(2025, 1, 28), "date"),  # the next Spring Festival after the issue date
        ("2024年春节前", date(2024, 2, 9), "date"),
        ("2026年春节前", date(2026, 2, 16), "date"),
        ("3月", date(2024, 3, 31), "date"),  # March, not three months
        ("3天", None, "relative"),
        ("5天内", None, "relative"),
        ("3个月内", None, "relative"),
        ("15个工作日内", None, "relative"),
    ],
)
def test_phrases(text: str, due: date | None, kind: str) -> None:
    deadline = parse_deadline(text, ISSUED)
    assert (deadline.due, deadline.kind) == (due, kind)


def test_a_regional_season_is_refused() -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("汛期前", ISSUED)
    assert str(caught.value) == (
        "deadline '汛期前': '汛期前' differs from region to region; "
        "write the date, e.g. 2024年5月底前"
    )


def _calc(invoke: Invoke, phrase: str) -> dict:  # type: ignore[type-arg]
    result = invoke("calc", phrase, "--issued", "2024-04-12", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_weekly_duty_keeps_its_weekday(invoke: Invoke) -> None:
    reading = _calc(invoke, "每周五")
    assert (reading["rrule"], reading["due"]) == ("FREQ=WEEKLY;BYDAY=FR", "2024-05-03")


TASKS = """\
plan:
  title: 相对时限
  issued: 2024-04-12
tasks:
  - id: "1"
    title: 问题一
    units: [住建局]
    deadline: {deadline}
    measures:
      - id: "1.1"
        text: 整改
        status: todo
"""


@pytest.mark.parametrize(
    ("deadline", "due"),
    [("3天", "2024-04-15"), ("5天内", "2024-04-17"), ("3个月内", "2024-07-12"),
     ("15个工作日内", "2024-05-07"), ("春节前", "2025-01-28")],
)  # fmt: skip
def test_calc_and_tasks_yaml_agree(invoke: Invoke, tmp_path: Path, deadline: str, due: str) -> None:
    assert _calc(invoke, deadline)["due"] == due
    tasks = tmp_path / "tasks.yaml"
    tasks.write_text(TASKS.format(deadline=deadline), encoding="utf-8")
    (tmp_path / "units.yaml").write_text("units:\n  - name: 住建局\n", encoding="utf-8")
    result = invoke("list", "--format", "json", file=tasks)
    assert result.exit_code == 0, result.output
    assert [row["due"] for row in json.loads(result.stdout)] == [due]
