"""serialize.py: rect check's one line per finding, for a duty's occurrence and an incident.

The measures' own lines, and every format, are tests/test_commands_deadline.py's.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Invoke


def findings(invoke: Invoke, data: Path, as_of: str) -> list[str]:
    result = invoke("check", file=data, as_of=as_of, lang="en")
    return [line.split(": ", 2)[2] for line in result.stdout.splitlines() if line.count(":") >= 4]


def test_an_open_incident_not_yet_due(invoke: Invoke, calendar_data: Path) -> None:
    assert findings(invoke, calendar_data, "2024-10-01")[-1] == (
        "2.3 7个工作日内: found 2024-09-27, not cleared, due in 11 days (2024-10-12; 池北区)"
    )


def test_a_missed_occurrence_of_a_duty(invoke: Invoke, calendar_data: Path) -> None:
    assert findings(invoke, calendar_data, "2025-01-05")[:2] == [
        "1.1 每年至少2次: 1/2 in 2024-04-12..2024-12-31, overdue by 5 days (池南区)",
        "1.1 每季度: 0/1 in 2024-10-01..2024-12-31, overdue by 5 days (池南区)",
    ]
