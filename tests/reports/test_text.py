"""report_text.py: the Markdown report when there is too much, or nothing, to show.

The usual report is tests/test_report.py's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import AS_OF, Invoke, crowded, lines, report_copy


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/report; returns its tasks.yaml."""
    return report_copy(tmp_path)


def markdown(invoke: Invoke, tasks: Path, *args: str, as_of: str = AS_OF) -> list[str]:
    result = invoke("report", "--format", "markdown", *args, file=tasks, as_of=as_of, lang="en")
    assert result.exit_code == 0, result.output
    return lines(result.stdout)


def test_a_chart_of_the_least_advanced_says_so(invoke: Invoke, tmp_path: Path) -> None:
    shown = markdown(invoke, crowded(tmp_path / "crowded"))
    chart_end = shown.index("## each unit in detail") - 1
    assert shown[chart_end - 2 : chart_end] == ["", "(the 50 least advanced of 51 problems)"]
    assert "| overdue | 51.1 | 2024-02-29 | +86 | 措施51。 |  |" in shown  # files list all


def test_a_unit_with_nothing_to_report(invoke: Invoke, data: Path) -> None:
    shown = markdown(invoke, data, "--unit", "池北区", as_of="2024-01-05")
    assert shown[-3:] == [
        "### 1. 池北区 · 0/2 (0%)",
        "",
        "Nothing overdue, due soon, behind or newly done.",
    ]


def test_a_unit_without_measures(invoke: Invoke, data: Path) -> None:
    assert markdown(invoke, data, "--unit", "办公室") == [
        "# 测试整改方案",
        "",
        "**progress report** · as of 2024-05-25; done counted since 2024-04-25 · units 办公室",
        "",
        "| measures | finished | overdue | due soon | behind | done |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        "| 0 | 0 | 0 | 0 | 0 | 0 |",
        "",
        "No measures match.",
    ]
