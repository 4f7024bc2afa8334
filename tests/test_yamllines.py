"""Finding items and cutting a task list into tasks, by lines alone."""

from __future__ import annotations

import pytest

from rectcli.errors import RectError
from rectcli.yamllines import find_item, task_chunks

from .conftest import FIXTURES

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
