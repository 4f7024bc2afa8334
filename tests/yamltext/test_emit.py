"""Scalars written by hand read back exactly, in a block and in a flow map, by both loaders."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from rectcli.yamltext import emit as yamlemit
from rectcli.yamltext.emit import double_quoted, flow_map, plain_ok, reads_as_text, text_scalar

LOADERS = [yaml.SafeLoader, yaml.CSafeLoader]
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


def _read(doc: str, loader: type) -> object:
    return yaml.load(doc, Loader=loader)["k"]  # only safe loaders are passed


@settings(max_examples=400, deadline=None)
@given(value=TEXT | st.sampled_from(["yes", "No", "010", "1.10", "12:30", "~", "2024-03-01"]))
def test_any_text_reads_back(value: str) -> None:
    for loader in LOADERS:
        assert _read(f"k: {text_scalar(value)}\n", loader) == value
        assert _read(f"{{k: {text_scalar(value, flow=True)}, z: 1}}\n", loader) == value


@pytest.mark.parametrize(
    "value, block, flow",
    [
        ("已清运约一半", "已清运约一半", "已清运约一半"),
        ("a: b", '"a: b"', '"a: b"'),
        ("x,y", "x,y", '"x,y"'),
        ("0?", "0?", '"0?"'),
        ("yes", '"yes"', '"yes"'),
        ("2024-03-01", '"2024-03-01"', '"2024-03-01"'),
        ("https://example.org", "https://example.org", '"https://example.org"'),
        ("第 #3 号", '"第 #3 号"', '"第 #3 号"'),
        ("a#b", "a#b", "a#b"),
        (" lead", '" lead"', '" lead"'),
        ("", '""', '""'),
        ('say "hi"\n', '"say \\"hi\\"\\n"', '"say \\"hi\\"\\n"'),
        ("\u2028", '"\\u2028"', '"\\u2028"'),
    ],
)
def test_plain_only_where_safe(value: str, block: str, flow: str) -> None:
    assert (text_scalar(value), text_scalar(value, flow=True)) == (block, flow)


def test_plain_ok_trusting_a_known_text() -> None:
    assert not plain_ok("yes")
    assert plain_ok("yes", as_text=True)  # it was plain already, and read as text
    assert not plain_ok("a, b", flow=True, as_text=True)


def test_flow_map_and_double_quotes() -> None:
    entry = flow_map([("date", date(2024, 3, 1)), ("status", "doing"), ("percent", 50)])
    assert entry == "{date: 2024-03-01, status: doing, percent: 50}"
    assert double_quoted("a\\b\t") == '"a\\\\b\\t"'


def test_every_special_character_is_unprintable() -> None:
    # _clearly_safe leans on str.isprintable to rule out the characters of _SPECIAL.
    special = re.compile(f"[{yamlemit._SPECIAL}]")
    assert all(not chr(c).isprintable() for c in range(0x110000) if special.match(chr(c)))


@settings(max_examples=500, deadline=None)
@given(value=TEXT.filter(bool) | st.sampled_from(["a:b", "a #b", "a,b", "{x}", "-x", "x\u2028"]))
def test_clearly_safe_text_is_what_the_patterns_pass(value: str) -> None:
    for flow, unsafe in ((False, yamlemit._BLOCK_UNSAFE), (True, yamlemit._FLOW_UNSAFE)):
        if yamlemit._clearly_safe(value, flow):
            assert unsafe.search(value) is None


@settings(max_examples=300, deadline=None)
@given(value=TEXT | st.sampled_from(["yes", "No", "010", "1.10", "12:30", "~", "<<", "=", ".nan"]))
def test_reads_as_text_is_what_the_resolver_says(value: str) -> None:
    tag = Resolver().resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    assert reads_as_text(value) == (tag == "tag:yaml.org,2002:str")
