"""report_xlsx.py: the workbook of a report with no units in it has no chart.

The usual workbook is tests/test_report.py's.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers import AS_OF, Invoke, report_copy


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/report; returns its tasks.yaml."""
    return report_copy(tmp_path)


def charts(invoke: Invoke, tasks: Path, *args: str) -> int:
    target = tasks.parent / "report.xlsx"
    result = invoke("report", *args, "-o", str(target), file=tasks, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    return len(openpyxl.load_workbook(target)["各单位进度"]._charts)


def test_a_chart_of_the_units_only_when_there_are_units(invoke: Invoke, data: Path) -> None:
    assert charts(invoke, data) == 1
    assert charts(invoke, data, "--unit", "办公室") == 0
