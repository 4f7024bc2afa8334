"""mark → fmt → load: whatever is recorded reads back exactly, and nothing else changes."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectcli.edits.fmt import format_text
from rectcli.edits.mark import Entry, mark
from rectcli.edits.transitions import transition_problem
from rectcli.errors import RectError
from rectcli.model.checklist import Checklist
from rectcli.model.shapes import ProgressEntry
from rectcli.model.validate import parse_tasks, parse_units
from rectcli.statuses import STATUSES
from tests.helpers import FIXTURES

FUZZ = settings(
    max_examples=int(os.environ.get("RECT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
MINI = (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8")
UNITS = parse_units((FIXTURES / "mini" / "units.yaml").read_text(encoding="utf-8"), "units.yaml")
PATH = "tasks.yaml"


def load(text: str) -> Checklist:
    return parse_tasks(text, PATH, UNITS)


def measures(checklist: Checklist) -> dict[str, Any]:
    return {m.id: m for _, m in checklist.measures()}


TEXT = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["yes", "1.10", "#3", "a: b"]))
ENTRIES = st.builds(
    Entry,
    date=st.dates(min_value=date(2024, 6, 1), max_value=date(2030, 12, 31)),
    status=st.sampled_from(STATUSES),
    note=TEXT,
    by=TEXT,
    percent=st.one_of(st.none(), st.integers(0, 100)),
    evidence=TEXT,
)


@FUZZ
@given(
    marks=st.lists(
        st.tuples(st.sampled_from(["1.1", "1.2", "1.3", "2.1"]), ENTRIES), min_size=1, max_size=3
    )
)
def test_marks_read_back_after_fmt(marks: list[tuple[str, Entry]]) -> None:
    text = MINI
    expected = measures(load(text))
    for item_id, entry in sorted(marks, key=lambda m: m[1].date):
        refusal = transition_problem(expected[item_id], entry)
        try:
            text = mark(text, PATH, item_id, entry).text
        except RectError as exc:
            assert refusal is not None, exc  # refused only by the office's rules
            assert all(p.line for p in exc.problems)
            continue
        assert refusal is None
        old = expected[item_id]
        recorded = ProgressEntry(**dict(entry.fields()))
        expected[item_id] = old.model_copy(
            update={"status": entry.status, "progress": [*old.progress, recorded]}
        )
    formatted = format_text(text, PATH)
    assert format_text(formatted, PATH) == formatted  # canonical is a fixed point
    marked, reread = load(text), load(formatted)
    assert measures(marked) == expected
    assert measures(reread) == expected
    assert reread.deadlines == marked.deadlines
