"""yamlsrc.Source: the event path gives exactly what the node-tree path gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given

from rectcli.errors import RectError
from rectcli.yamltext import source as yamlsrc
from tests.helpers import FIXTURES, FUZZ, SHIPPED_DATA, UNUSUAL, mutated

MINI = (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8")


def tree_path(text: str) -> tuple[str, Any]:
    """What the node-tree path makes of ``text``: ("data", …) or ("error", problems)."""
    try:
        root = yamlsrc.compose(text, "t.yaml")
        if root is None:
            return "empty", None
        return "data", yamlsrc.construct(root, "t.yaml")
    except RectError as exc:
        return "error", exc.problems


def event_path(text: str) -> tuple[str, Any]:
    try:
        source = yamlsrc.Source(text, "t.yaml")
    except RectError as exc:
        return "error", exc.problems
    if source.empty:
        return "empty", None
    root = yamlsrc.compose(text, "t.yaml")
    assert root is not None
    for loc, where in source.known.items():  # every kept position is where locate() points
        assert where == yamlsrc.position(yamlsrc.locate(root, list(loc))), loc
    return "data", source.data


@pytest.mark.parametrize(
    "path",
    [SHIPPED_DATA / "tasks.yaml", SHIPPED_DATA / "units.yaml", FIXTURES / "mini" / "tasks.yaml"],
)
def test_shipped_files_take_the_event_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    source = yamlsrc.Source(text, "t.yaml")
    assert source._root is None  # no node tree was built
    assert event_path(text) == tree_path(text)


@pytest.mark.parametrize("text", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_unusual_input_is_read_as_the_node_tree_reads_it(text: str) -> None:
    assert event_path(text) == tree_path(text)


def test_positions_deeper_than_items_come_from_the_tree() -> None:
    source = yamlsrc.Source(MINI, "t.yaml")
    assert ("tasks", 0, "measures", 1) in source.known
    assert ("tasks", 0, "measures", 0, "progress", 0) not in source.known
    root = yamlsrc.compose(MINI, "t.yaml")
    assert root is not None
    deep = ["tasks", 0, "measures", 0, "progress", 0, "note"]
    assert source.at(deep) == yamlsrc.position(yamlsrc.locate(root, deep))


@FUZZ
@given(mutated())
def test_event_path_agrees_with_the_node_tree(text: str) -> None:
    assert event_path(text) == tree_path(text)


@FUZZ
@given(mutated())
def test_construct_without_the_alias_check_builds_the_same(text: str) -> None:
    # Without '&' in the text, fmt builds the data on the quick path (no alias check).
    try:
        root = yamlsrc.compose(text, "t.yaml")
    except RectError:
        return
    if root is None or "&" in text:
        return
    results = []
    for check in (True, False):
        try:
            results.append(("data", yamlsrc.construct(root, "t.yaml", check_aliases=check)))
        except RectError as exc:
            results.append(("error", exc.problems))
    assert results[0] == results[1]
    if results[0][0] == "data":  # and it is what PyYAML builds
        assert results[0][1] == yaml.load(text, Loader=yaml.CSafeLoader)


def test_dates_and_numbers_are_read_once_each_and_bad_dates_every_time() -> None:
    root = yamlsrc.compose("a: [2024-03-01, 2024-03-01, 010, yes]\n", "t.yaml")
    assert root is not None
    data = yamlsrc.construct(root, "t.yaml", check_aliases=False)
    assert data["a"] == [date(2024, 3, 1), date(2024, 3, 1), 8, True]
    assert data["a"][0] is data["a"][1]
    root = yamlsrc.compose("a: 2024-02-30\nb: [2024-02-30]\n", "t.yaml")
    assert root is not None
    with pytest.raises(RectError) as caught:
        yamlsrc.construct(root, "t.yaml")
    assert [p.line for p in caught.value.problems] == [1, 2]


def test_a_merge_key_is_refused_as_an_alias_is() -> None:
    with pytest.raises(RectError) as caught:
        yamlsrc.Source("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", "t.yaml")
    assert str(caught.value) == (
        "t.yaml:3:3: error: YAML anchors, aliases and merge keys are not allowed in rect "
        "files; write the value out"
    )


def test_locate_stops_where_the_tree_does() -> None:
    root = yamlsrc.compose("a: 1\nb: [x]\n", "t.yaml")
    assert root is not None
    assert yamlsrc.position(yamlsrc.locate(root, ["a", "deeper"])) == (1, 4)  # the scalar
    assert yamlsrc.position(yamlsrc.locate(root, ["b", 5])) == (2, 4)  # the list
    assert yamlsrc.key_node(root, "b") is not None
    assert yamlsrc.key_node(root, "c") is None
    assert yamlsrc.key_node(root.value[1][1], "b") is None  # not a mapping


@pytest.mark.parametrize(
    "text, where",
    [
        ("[" * 100_000, (1, 201)),  # crashed libyaml's composer (a segfault)
        ("a: " + "{b: " * 300 + "1" + "}" * 300 + "\n", (1, 4 + 4 * 199)),  # under the top
        ("&x a:\n  b: " + "[" * 3000 + "]" * 3000 + "\n", (2, 4 + 200)),  # the node-tree path
        ("- " * 300 + "x\n", (1, 1 + 2 * 200)),
    ],
)
def test_deep_nesting_is_one_located_problem(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(RectError) as caught:
        yamlsrc.Source(text, "t.yaml").root  # noqa: B018 - composes the node tree
    (problem,) = caught.value.problems
    line, col = where
    # libyaml 0.2.6 (PyYAML 6.0.4's wheels) refuses flow sequences 1,000 deep itself,
    # while scanning ahead of the first event: then its place is the 1,000th bracket.
    assert (problem.line, problem.col) in ((line, col), (line, col + 800))
    assert problem.message == (
        "nested more than 200 levels deep; a rect file nests about ten "
        "(is a bracket or an indent out of place?)"
    )


def test_libyamls_own_nesting_limit_reads_as_ours() -> None:
    error = yaml.MarkedYAMLError(problem="exceeded maximum nesting depth")
    assert yamlsrc.syntax_message(error, "[[[") == yamlsrc.TOO_DEEP


def test_nesting_up_to_the_limit_and_unclosed_brackets_are_left_to_compose() -> None:
    text = "a: " + "[" * 199 + "]" * 199 + "\n"  # 200 levels with the top mapping
    assert yamlsrc.compose(text, "t.yaml") is not None
    with pytest.raises(RectError) as caught:
        yamlsrc.compose("a: " + "[" * 100 + "\n", "t.yaml")
    assert "nested" not in str(caught.value)  # libyaml's own syntax error, located
