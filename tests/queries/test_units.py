"""One definition of a unit's items (queries/units.py): every view gives the same ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import SHIPPED_DATA, Invoke

DATES = ("2024-05-01", "2024-07-01", "2025-01-15")
UNITS = [u["name"] for u in yaml.safe_load((SHIPPED_DATA / "units.yaml").read_text())["units"]]


@pytest.fixture
def marked(shipped: Path, invoke: Invoke) -> Path:
    """The shipped list with parts recorded: 池北区 has done its part of 3.5, 池南区 has
    started its part of 2.2."""
    for args in (
        ["3.5", "done", "--unit", "池北区", "--note", "方案已印发", "--date", "2024-06-20"],
        ["2.2", "doing", "--unit", "池南区", "--note", "排查中", "--date", "2024-05-10"],
    ):
        result = invoke("mark", *args, "--by", "测试", file=shipped, as_of="2024-06-25")
        assert result.exit_code == 0, result.output
    return shipped


def _json(invoke: Invoke, path: Path, day: str, *args: str) -> list[dict[str, object]]:
    result = invoke(*args, "--format", "json", file=path, as_of=day)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def _keys(rows: list[dict[str, object]], kind: str) -> list[tuple[object, ...]]:
    return sorted((r["id"], r.get("duty"), r["due"]) for r in rows if r["kind"] == kind)


@pytest.mark.parametrize("day", DATES)
def test_every_view_gives_each_unit_the_same_overdue_items(
    marked: Path, invoke: Invoke, day: str
) -> None:
    seen_any = False
    for unit in UNITS:
        listed = _json(invoke, marked, day, "list", "--unit", unit, "--overdue")
        overdue = _json(invoke, marked, day, "overdue", "--unit", unit)
        result = invoke("report", "--unit", unit, "--format", "json", file=marked, as_of=day)
        sections = [s for s in json.loads(result.stdout)["units"] if s["unit"] == unit]
        reported = sections[0]["overdue"] if sections else []
        assert _keys(listed, "measure") == _keys(overdue, "measure") == _keys(reported, "measure")
        assert _keys(overdue, "duty") == _keys(reported, "duty")
        assert all(r["overdue"] for r in [*listed, *overdue])
        seen_any = seen_any or bool(listed)
    assert seen_any


def test_a_done_part_is_not_overdue_for_its_unit_only(marked: Path, invoke: Invoke) -> None:
    def ids(unit: str) -> list[object]:
        return [r["id"] for r in _json(invoke, marked, "2024-07-01", "overdue", "--unit", unit)]

    assert "3.5" not in ids("池北区")
    assert "3.5" in ids("池南区") and "3.5" in ids("池西区")
    rows = _json(invoke, marked, "2024-07-01", "list", "--task", "3")
    whole = next(r for r in rows if r["id"] == "3.5")
    assert (whole["status"], whole["overdue"]) == ("doing", True)
    assert whole["parts"] == [
        {"unit": "池北区", "status": "done"},
        {"unit": "池南区", "status": "todo"},
        {"unit": "池西区", "status": "todo"},
    ]


def test_overdue_lists_each_district_not_the_group(marked: Path, invoke: Invoke) -> None:
    result = invoke("overdue", file=marked, as_of="2024-07-01")
    headings = [line.split(" (")[0] for line in result.stdout.splitlines() if " (" in line]
    assert "各区" not in headings
    assert {"池北区", "池南区", "池西区"} <= set(headings)


def test_status_ranks_units_by_the_same_count(marked: Path, invoke: Invoke) -> None:
    day = "2025-01-15"
    result = invoke("status", file=marked, as_of=day)
    ranked = result.stdout.rsplit("逾期最多的单位: ", 1)[1].split(" · ")
    for entry in ranked:
        unit, count = entry.split()
        assert int(count) == len(_json(invoke, marked, day, "overdue", "--unit", unit))


def test_a_group_asks_for_its_members_items(marked: Path, invoke: Invoke) -> None:
    day = "2024-07-01"
    group = {r["id"] for r in _json(invoke, marked, day, "list", "--unit", "各区", "--overdue")}
    members = set()
    for unit in ("池北区", "池南区", "池西区"):
        members |= {
            r["id"] for r in _json(invoke, marked, day, "list", "--unit", unit, "--overdue")
        }
    assert group == members


def test_upcoming_and_the_calendar_leave_out_a_units_finished_part(
    marked: Path, invoke: Invoke
) -> None:
    day = "2024-06-25"
    north = _json(invoke, marked, day, "upcoming", "--unit", "池北区")
    south = _json(invoke, marked, day, "upcoming", "--unit", "池南区")
    assert "3.5" not in [r["id"] for r in north]
    assert "3.5" in [r["id"] for r in south]
    for unit, has in (("池北区", False), ("池南区", True)):
        result = invoke("calendar", "--unit", unit, "--open", file=marked, as_of=day)
        assert result.exit_code == 0, result.output
        assert ("3.5" in result.stdout) is has
