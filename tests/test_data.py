"""The shipped data is the seed plan, whole and verbatim."""

from __future__ import annotations

from datetime import date

import pytest

from rectcli.model.checklist import Checklist
from rectcli.store import load
from tests.helpers import SEED_PLAN, SHIPPED_DATA

SEED = SEED_PLAN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load(SHIPPED_DATA / "tasks.yaml")


def test_all_problems_and_measures(checklist: Checklist) -> None:
    tasks = checklist.file.tasks
    assert [t.id for t in tasks] == [str(n) for n in range(1, 11)]
    assert [len(t.measures) for t in tasks] == [5, 4, 8, 3, 4, 3, 3, 5, 3, 5]
    for task in tasks:
        assert [m.id for m in task.measures] == [
            f"{task.id}.{n}" for n in range(1, len(task.measures) + 1)
        ]
    assert checklist.file.plan.issued == date(2024, 4, 12)


def test_texts_are_verbatim(checklist: Checklist) -> None:
    for task in checklist.file.tasks:
        for text in (task.title, task.finding, task.persons, task.goal, task.deadline):
            assert text and text in SEED, text
        for measure in task.measures:
            assert f"）{measure.text}" in SEED, measure.id
            for milestone in measure.milestones:
                assert milestone.text and milestone.text in SEED


def test_measure_deadlines_come_from_their_own_text(checklist: Checklist) -> None:
    found = checklist.find("3.2")
    assert found is not None and found[1] is not None
    assert found[1].deadline == "2024年2月底前"
    assert checklist.deadlines["3.2"].due == date(2024, 2, 29)
    assert checklist.measure_units(found[0], found[1]) == ["池北区"]


def test_milestones_give_the_earliest_unfinished_step(checklist: Checklist) -> None:
    found = checklist.find("10.5")
    assert found is not None and found[1] is not None
    assert [m.deadline for m in found[1].milestones] == [
        "2024年2月底前",
        "2024年6月底前",
        "2025年12月底前",
    ]
    assert checklist.deadlines["10.5"].due == date(2024, 2, 29)


def test_recurring_duties_are_recorded(checklist: Checklist) -> None:
    every = {m.id: [r.every for r in m.recurring] for _, m in checklist.measures() if m.recurring}
    assert every["1.5"] == ["每年至少2次", "每半年", "每季度"]
    assert every["4.3"] == ["每年10月末"]
    assert every["3.3"] == ["7个工作日内"]


def test_open_deadlines_have_no_due_date(checklist: Checklist) -> None:
    assert checklist.deadlines["1"].due is None  # 立行立改，长期坚持
    assert checklist.deadlines["1"].ongoing and checklist.deadlines["1"].immediate
    assert checklist.deadlines["7.3"].due == date(2024, 4, 12)  # 立行立改 alone
