"""Holidays beyond the data (issue 14): a year chinese-calendar does not know counts by
weekends with a warning, never an error; `rect holidays YEAR` says what is used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Invoke

WARNING_2027 = (
    "warning: no official holiday arrangement for 2027 (chinese-calendar knows up to 2026): "
    "2027 counts weekends only; once the State Council publishes it, add it to "
    "data/holidays.yaml (see docs/deadlines.md) or upgrade chinesecalendar. "
    "rect holidays 2027 shows what is used\n"
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "calendar", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def test_an_incident_of_29_december_2026_is_recorded_and_2027_still_runs(
    data: Path, invoke: Invoke
) -> None:
    result = invoke("incident", "2.3", "--found", "2026-12-29", as_of="2026-12-29", lang="en")
    assert result.exit_code == 0, result.output
    assert result.stderr == WARNING_2027
    # Tue 29: 30, 31 (2026, official), then 2027 by weekends: Fri 1, Mon 4 … Thu 7
    assert "2027-01-07" in result.stdout
    for args in (
        ["status"],
        ["list"],
        ["check"],
        ["overdue"],
        ["upcoming"],
        ["report"],
        ["show", "2.3"],
        ["calendar", "-o", "c.ics"],
    ):
        later = invoke(*args, as_of="2027-01-15", lang="en")
        assert later.exit_code in (0, 1), (args, later.output)
        assert later.stderr.startswith(WARNING_2027), args
        assert later.stderr.count("holiday arrangement") == 1  # once per command


def test_holidays_of_a_known_year(invoke: Invoke, data: Path) -> None:
    result = invoke("holidays", "2026")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2026 年：国务院公布的安排（chinese-calendar ")
    assert "  2026-02-15..2026-02-23 春节" in lines
    assert "  2026-02-14 春节" in lines  # a Saturday worked
    plan = json.loads(invoke("holidays", "2026", "--format", "json").stdout)
    assert plan["source"] == "chinese-calendar"
    assert {"date": "2026-10-01", "name": "国庆节"} in plan["off"]


def test_holidays_of_an_unknown_year(invoke: Invoke, data: Path) -> None:
    result = invoke("holidays", "2027", lang="en")
    assert result.exit_code == 0
    assert result.stdout == (
        "2027: no official holiday arrangement; weekends only (Monday to Friday working). "
        "Add 2027 to data/holidays.yaml (see docs/deadlines.md)\n"
    )


def test_holidays_from_holidays_yaml(invoke: Invoke, data: Path) -> None:
    (data.parent / "holidays.yaml").write_text(
        "years:\n  - year: 2027\n    holidays:\n      - {name: 元旦, from: 2027-01-01}\n"
        "    workdays: []\n",
        encoding="utf-8",
    )
    result = invoke("holidays", "2027", lang="en")
    assert result.stdout == (
        "2027: the arrangement in data/holidays.yaml\nDays off:\n  2027-01-01 元旦\n"
    )
    assert invoke("status", as_of="2027-01-15").stderr == ""  # 2027 is known now
