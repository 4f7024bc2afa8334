"""Finding items and cutting a task list into tasks, by lines alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectcli.errors import RectError
from rectcli.yamltext.lines import (
    BlockScalars,
    Item,
    ItemIndex,
    find_item,
    measure_spans,
    plan_issued,
    task_chunks,
)
from tests.helpers import FIXTURES

TEXT = (FIXTURES / "commented" / "tasks.yaml").read_text(encoding="utf-8")


def test_find_item_any_quoting_and_its_span() -> None:
    item = find_item(TEXT, "t.yaml", "1.1")  # written '1.1'
    assert (item.line, item.dash, item.key_col, item.is_task) == (17, 6, 8, False)
    assert TEXT[item.start : item.end].splitlines()[-1].endswith("# 第一次")
    task = find_item(TEXT, "t.yaml", "2")
    assert task.is_task
    assert TEXT[task.end :] == "# the end of the file\n"  # trailing comments follow the item
    unquoted = find_item(TEXT.replace('- id: "1.3"', "- id: 1.3   # no quotes"), "t.yaml", "1.3")
    assert unquoted.line == 34


def test_find_item_ignores_an_id_that_is_not_an_item() -> None:
    text = TEXT.replace("text: 各区加强巡查", 'text: "- id: 1.9"')
    with pytest.raises(RectError, match=r"no problem or measure '1\.9'"):
        find_item(text, "t.yaml", "1.9")


# A finding that quotes an old list: its `- id:` lines are text, not items.
QUOTING = """tasks:
  - id: "1"
    finding: |
      旧清单写道：
      - id: "1.1"
        text: 旧措施

      - id: "1.9"
    goal: >-  # folded
      - id: "1.8"
    measures:
      - id: "1.1"
        text: 真措施
        note: 温度>30
      - |
        - id: "1.7"
      - id: "1.2"
"""


def test_find_item_skips_id_lines_inside_block_scalars() -> None:
    assert find_item(QUOTING, "t.yaml", "1.1").line == 12  # not "duplicate id" on line 5
    assert find_item(QUOTING, "t.yaml", "1.2").line == 17  # `温度>30` is no header
    for quoted in ("1.9", "1.8", "1.7"):
        with pytest.raises(RectError) as caught:
            find_item(QUOTING, "t.yaml", quoted)
        assert str(caught.value) == (
            f"t.yaml: error: no problem or measure '{quoted}'; did you mean '1.2'?"
        )
    index = ItemIndex(QUOTING)
    assert index.find("t.yaml", "1.1") == find_item(QUOTING, "t.yaml", "1.1")
    assert "1.9" not in index._lines


def test_block_scalars_span_the_lines_deeper_than_their_key_or_dash() -> None:
    blocks = BlockScalars(QUOTING)
    lines = QUOTING.splitlines(keepends=True)
    starts = [sum(map(len, lines[:n])) for n in range(len(lines))]
    inside = [n + 1 for n in range(len(lines)) if blocks.holds(starts[n])]
    assert inside == [4, 5, 6, 7, 8, 10, 16]  # the blank line 7 too
    assert BlockScalars("a: |\nb: 1\n").starts == []  # an empty block scalar


def test_task_chunks_cut_after_each_task() -> None:
    cut = task_chunks(TEXT)
    assert cut is not None
    start, end, bounds = cut
    assert TEXT[start:end] == "tasks:\n"
    assert [TEXT[b:].split("\n", 1)[0] for b in bounds] == [
        "  # ---- 问题一 ----",
        "  # ---- 问题二 ----",
    ]
    assert task_chunks("plan:\n  title: t\n") is None
    assert task_chunks("tasks:\n  - id: '1'\nplan:\n  title: t\n") is None  # plan after tasks


# An `- id:` line in any form find_item's pattern reads (and some it does not).
ID_LINES = st.tuples(
    st.sampled_from(["", "  ", "    ", "\ufeff"]),
    st.sampled_from(["- ", "-  ", "-\t", "x - "]),
    st.sampled_from(["id:", "id :", "id: ", "id:   ", "ids:"]),
    st.sampled_from(["3", "3.1", "3.1 ", "3#1", "a b", "", "'", '"3']),
    st.sampled_from(["", '"', "'"]),
    st.sampled_from(["", " ", "  # c", "# c", "#", " \r", "\r", " x"]),
).map(lambda p: f"{p[0]}{p[1]}{p[2]}{p[4]}{p[3]}{p[4]}{p[5]}")
WANTED = ["3", "3.1", "3.1 ", "3#1", "a b", "'", '"3', '"3"', " 3", "3 ", "", "nope", "3\r"]


def outcome(find: Callable[[], Item]) -> Item | list[str]:
    try:
        return find()
    except RectError as exc:
        return [str(p) for p in exc.problems]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.one_of(ID_LINES, st.sampled_from(["    text: a", "tasks:", ""]))))
def test_the_index_finds_what_find_item_finds(lines: list[str]) -> None:
    text = "plan:\n  title: t\ntasks:\n" + "\n".join(lines) + "\n"
    index = ItemIndex(text)
    for wanted in WANTED:
        expected = outcome(lambda: find_item(text, "t.yaml", wanted))  # noqa: B023
        assert outcome(lambda: index.find("t.yaml", wanted)) == expected  # noqa: B023


def test_the_index_of_a_list_finds_every_item() -> None:
    index = ItemIndex(TEXT)
    for item_id in ("1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"):
        assert index.find("t.yaml", item_id) == find_item(TEXT, "t.yaml", item_id)


def test_task_chunks_of_one_line_tasks_and_comments_between() -> None:
    text = 'tasks:\n  - {id: "1", title: a}\n  # 二\n\n  - {id: "2", title: b}\n  - {id: "3"}\n'
    cut = task_chunks(text)
    assert cut is not None
    _, _, bounds = cut
    # each piece ends after its task's line; the comment travels with the task below it
    assert [text[b:].split("\n", 1)[0] for b in bounds] == [
        '  - {id: "1", title: a}',
        "  # 二",
        '  - {id: "3"}',
    ]


def test_plan_issued_reads_only_the_plan() -> None:
    assert plan_issued(TEXT) == date(2024, 4, 12)
    assert plan_issued('tasks:\n  - id: "3"\n') is None  # a shard: no plan of its own
    assert plan_issued("plan:\n  issued: [2024\ntasks: []\n") is None  # does not read
    assert plan_issued("plan:\n  issued: soon\n") is None  # not a date


def test_measure_spans_skip_deeper_id_lines() -> None:
    # an `- id:` line inside a text, deeper than the measures, is not one of them
    segment = (
        '  - id: "1"\n    finding: |\n        - id: "1.9"\n    measures:\n'
        '      - id: "1.1"\n        text: a\n      - id: "1.2"\n        text: b\n'
    )
    assert [m.item_id for m in measure_spans(segment, 2)] == ["1.1", "1.2"]
