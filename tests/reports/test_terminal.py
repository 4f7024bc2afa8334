"""report_rich.py: the terminal report when there is too much, or nothing, to show.

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


def test_the_worst_ten_of_a_kind_then_a_count(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("report", file=crowded(tmp_path / "crowded"), as_of=AS_OF, lang="en")
    shown = lines(result.stdout)
    assert "(the 50 least advanced of 51 problems)" in shown
    section = shown[shown.index("1. 池北区  0/51 (0%)") :]
    assert section[10:] == [
        "overdue  10.1  2024-02-29  +86  措施10。",
        "overdue                         … 41 more (the -o file lists all)",
    ]


def test_a_unit_with_nothing_to_report(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--unit", "池北区", file=data, as_of="2024-01-05", lang="en")
    assert lines(result.stdout)[-2:] == [
        "1. 池北区  0/2 (0%)",
        "Nothing overdue, due soon, behind or newly done.",
    ]


def test_a_unit_without_measures(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--unit", "办公室", file=data, as_of=AS_OF)
    assert lines(result.stdout) == [
        "测试整改方案",
        "调度通报 · 截至 2024-05-25，新完成自 2024-04-25 起计 · 责任单位 办公室",
        "共 0 项 · 完成 0 · 逾期 0 · 即将到期 0 · 序时滞后 0 · 新完成 0",
        "",
        "没有符合条件的整改措施。",
    ]
    public = invoke("report", "--public", "--unit", "办公室", file=data, as_of=AS_OF)
    assert lines(public.stdout) == [
        "测试整改方案",
        "整改落实情况 · 截至 2024-05-25",
        "",
        "没有符合条件的整改措施。",
    ]
