"""The quick loader composes exactly the node trees PyYAML's own safe loader composes."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from rectcli.yamltext import loader as yamlloader
from tests.helpers import FUZZ, MINI_TEXT, UNUSUAL, mutated


def _stock_tree(text: str) -> Any:
    """``text`` composed by PyYAML's own safe loader: ("tree", …) or ("error", its class)."""
    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    try:
        return "tree", _shape(yaml.compose(text, Loader=loader))
    except (yaml.YAMLError, ValueError) as exc:
        return "error", type(exc).__name__


def _our_tree(text: str) -> Any:
    try:
        return "tree", _shape(yaml.compose(text, Loader=yamlloader.Loader))
    except (yaml.YAMLError, ValueError) as exc:
        return "error", type(exc).__name__


def _shape(node: Any) -> Any:
    """Everything a node tree says: kind, tag, style, marks, and its children's shapes."""
    if node is None:
        return None
    marks = [(m.index, m.line, m.column) for m in (node.start_mark, node.end_mark)]
    style = getattr(node, "style", None), getattr(node, "flow_style", None)
    head = (type(node).__name__, node.tag, style, marks)
    if isinstance(node, ScalarNode):
        return (*head, node.value)
    if isinstance(node, SequenceNode):
        return (*head, [_shape(item) for item in node.value])
    return (*head, [(_shape(k), _shape(v)) for k, v in node.value])


@pytest.mark.parametrize("text", [*UNUSUAL.values(), MINI_TEXT], ids=[*UNUSUAL.keys(), "mini"])
def test_the_quick_resolver_composes_the_trees_pyyaml_does(text: str) -> None:
    assert _our_tree(text) == _stock_tree(text)


@FUZZ
@given(mutated())
def test_the_quick_resolver_agrees_on_mutated_lists(text: str) -> None:
    assert _our_tree(text) == _stock_tree(text)


@FUZZ
@given(
    value=st.text()
    | st.sampled_from(["yes", "Off", "010", "0x1F", "1.10", "12:30", ".inf", "~", "<<", "="])
    | st.sampled_from(["2024-02-30", "2024-02-03 10:00:00", "-1", "+1", "null", ""]),
    implicit=st.tuples(st.booleans(), st.booleans()),
)
def test_the_quick_resolver_tags_as_pyyaml_does(value: str, implicit: tuple[bool, bool]) -> None:
    ours, stock = yamlloader.Loader(""), yaml.SafeLoader("")
    for kind in (ScalarNode, SequenceNode, MappingNode):
        assert ours.resolve(kind, value, implicit) == stock.resolve(kind, value, implicit)
