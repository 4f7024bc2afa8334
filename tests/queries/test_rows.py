"""Pure queries: periods, rows, the dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rectcli.errors import RectError
from rectcli.queries.rows import dashboard, measure_rows, parse_days
from rectcli.queries.units import overdue_by_unit
from rectcli.store import load


@pytest.mark.parametrize(
    ("text", "days"), [("30d", 30), ("30", 30), ("2w", 14), (" 7天 ", 7), ("1周", 7)]
)
def test_parse_days(text: str, days: int) -> None:
    assert parse_days(text) == days


def test_parse_days_refuses_nonsense() -> None:
    with pytest.raises(RectError, match="cannot read the period 'd30'"):
        parse_days("d30")


def test_overdue_on_the_day_after_due(mini: Path) -> None:
    checklist = load(mini)
    on_due = {r.id: r for r in measure_rows(checklist, date(2024, 6, 30))}
    after = {r.id: r for r in measure_rows(checklist, date(2024, 7, 1))}
    assert (on_due["2.1"].overdue, on_due["2.1"].days_left) == (False, 0)
    assert (after["2.1"].overdue, after["2.1"].days_overdue) == (True, 1)
    assert after["1.2"].overdue is False  # done is never overdue
    assert after["1.3"].due is None and after["1.3"].overdue is False  # 长期坚持


def test_dashboard_counts(mini: Path) -> None:
    board = dashboard(mini_list := load(mini), date(2024, 6, 20))
    assert board.by_status == {"todo": 2, "doing": 1, "done": 1, "closed": 0}
    assert (board.total, board.overdue, board.due_soon) == (4, 1, 1)
    assert [(s.task, s.finished, s.total, s.overdue) for s in board.tasks] == [
        ("1", 1, 3, 1),
        ("2", 0, 1, 0),
    ]
    assert board.units_behind == [("池北区", 1)]
    assert mini_list.issued == date(2024, 4, 12)


def test_overdue_by_unit_orders_by_count_then_days(mini: Path) -> None:
    checklist = load(mini)
    rows = measure_rows(checklist, date(2024, 7, 1))
    groups = overdue_by_unit(checklist, rows, date(2024, 7, 1))
    assert {unit: [r.id for r in rs] for unit, rs in groups.items()} == {
        "池北区": ["1.1"],
        "池南区": ["2.1"],
    }
