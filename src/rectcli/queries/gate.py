"""The CI gate's questions: what is overdue or due soon, and what became overdue since a
revision (``rect check --fail-on new-overdue --since REV``). ``today`` is passed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rectcli.model.checklist import Checklist
from rectcli.queries.agenda import duty_rows
from rectcli.queries.rows import MeasureRow, measure_rows

FindingKey = tuple[str, str | None, date | None]


@dataclass(frozen=True)
class Findings:
    """A list's measures, and its findings: overdue (errors) and due soon (warnings)."""

    measures: list[MeasureRow]
    errors: list[MeasureRow]
    warnings: list[MeasureRow]


def findings(checklist: Checklist, today: date, warn_days: int) -> Findings:
    measures = measure_rows(checklist, today)
    rows = [*measures, *duty_rows(checklist, today, warn_days)]
    errors = [r for r in rows if r.overdue]
    warnings = [
        r
        for r in rows
        if not r.overdue and r.days_left is not None and 0 <= r.days_left <= warn_days
    ]
    return Findings(measures, errors, warnings)


def finding_key(row: MeasureRow) -> FindingKey:
    """A measure, or one occurrence of a duty (its period), the same in two revisions."""
    return (row.id, row.duty, row.period_start if row.duty is not None else None)


def newly_overdue(
    errors: Sequence[MeasureRow], before: Checklist, today: date, warn_days: int
) -> list[MeasureRow]:
    """The overdue findings that were not overdue in ``before`` (the list as committed in
    an earlier revision) on the same day: what a change made overdue. Recording progress
    never adds one; moving a deadline earlier, reopening an item or adding a late one does."""
    old = {finding_key(r) for r in findings(before, today, warn_days).errors}
    return [r for r in errors if finding_key(r) not in old]
