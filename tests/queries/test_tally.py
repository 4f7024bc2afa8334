"""queries.rows.tally counts what the dashboard counts from the rows, without the rows."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from rectcli.queries.rows import measure_rows, tally
from rectcli.statuses import FINISHED
from rectcli.store import load
from tests.conftest import FIXTURES, SHIPPED_DATA


@pytest.mark.parametrize(
    "tasks",
    [
        SHIPPED_DATA / "tasks.yaml",
        FIXTURES / "mini" / "tasks.yaml",
        FIXTURES / "calendar" / "tasks.yaml",
    ],
)
def test_tally_counts_as_the_rows_do(tasks: Path) -> None:
    checklist = load(tasks, use_cache=False)
    seen = set()
    for offset in range(-60, 800, 7):
        today = date(2024, 4, 12) + timedelta(days=offset)
        rows = measure_rows(checklist, today)
        counted = (
            len(rows),
            sum(r.status in FINISHED for r in rows),
            sum(r.overdue for r in rows),
            sum(r.days_left is not None and 0 <= r.days_left <= 14 for r in rows),
            sum(r.behind for r in rows),
        )
        assert tally(checklist, today, 14) == counted, today
        seen.add(counted)
    assert len(seen) >= 3  # the days chosen do move the counts
