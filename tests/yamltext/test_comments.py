"""Layout: each comment and blank line attached to its element, found the quick way
exactly as a search of every gap between scalars finds it."""

from __future__ import annotations

import typing

from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rectcli.errors import RectError
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.comments import BLANK_LINE, Layout, has_trivia, head_end
from tests.helpers import FIXTURES

LINES = (FIXTURES / "commented" / "tasks.yaml").read_text(encoding="utf-8").split("\n")


class EveryGap(Layout):
    """The layout found as it was before the quick paths: every node walked one call at
    a time, and every gap between scalars searched, whatever the text holds."""

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.spans = []
        self.elements = []
        self.trivia = {}
        self.end_trivia = []
        self.comments = 0
        self._walk(root, 0)
        self._attach()

    def _walk(self, node: Node, depth: int) -> None:
        if isinstance(node, ScalarNode):
            start = node.start_mark.index
            if node.style in ("|", ">"):
                start = self.text.find("\n", start) + 1 or node.end_mark.index
            self.spans.append((start, node.end_mark.index))
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                if not node.flow_style:
                    self._element(key, head_end(key, value), depth)
                self._walk(key, depth + 1)
                self._walk(value, depth + 1)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                if not node.flow_style:
                    self._element(item, head_end(None, item), depth)
                self._walk(item, depth + 1)

    def _comments(self, gaps: list[tuple[int, int]]) -> typing.Iterator[tuple[int, int, str, bool]]:
        text = self.text
        for start, end in gaps:
            hash_at = text.find("#", start, end)
            while hash_at >= 0:
                line_start = text.rfind("\n", 0, hash_at) + 1
                line_end = text.find("\n", hash_at)
                line_end = len(text) if line_end < 0 else line_end
                before = text[line_start:hash_at]
                content = before.rstrip(" \t")
                spaces = " " * (len(before) - len(content))
                comment = spaces + text[hash_at:line_end].rstrip()
                line = text.count("\n", 0, hash_at)
                yield line, hash_at - line_start, comment, not content.strip()
                hash_at = text.find("#", line_end, end)

    def _blank_lines(self, gaps: list[tuple[int, int]]) -> typing.Iterator[int]:
        for start, end in gaps:
            for match in BLANK_LINE.finditer(self.text, start, end):
                yield self.text.count("\n", 0, match.start()) + 1


def _found(layout: Layout) -> object:
    trivia = {node: (t.leading, t.trailing) for node, t in layout.trivia.items()}
    return trivia, layout.end_trivia, layout.comments


SNIPPETS = st.sampled_from(
    ["# c", "  # c", "#", " #x y", "", "  ", "\t", " \t ", "a # b", "'#'", "|", ">-  # why"]
)


@st.composite
def commented(draw: st.DrawFn) -> str:
    """The commented fixture with comments, blank lines and '#'s put anywhere."""
    lines = list(LINES)
    for _ in range(draw(st.integers(0, 10))):
        at = draw(st.integers(0, len(lines) - 1))
        snippet = draw(SNIPPETS)
        if draw(st.booleans()):
            lines.insert(at, " " * draw(st.integers(0, 10)) + snippet)
        else:
            lines[at] += " " * draw(st.integers(0, 3)) + snippet
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(commented())
def test_the_quick_search_finds_what_a_search_of_every_gap_finds(text: str) -> None:
    try:
        root = yamlsrc.compose(text, "t.yaml")
    except RectError:
        return
    if root is None:
        return
    quick, every = Layout(text, root), EveryGap(text, root)
    assert _found(quick) == _found(every)
    if has_trivia(text):
        assert (quick.elements, sorted(quick.spans)) == (every.elements, sorted(every.spans))


@settings(max_examples=100, deadline=None)
@given(commented())
def test_a_text_without_trivia_has_nothing_to_attach(text: str) -> None:
    lines = (line.split("#")[0].rstrip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    try:
        root = yamlsrc.compose(text, "t.yaml")
    except RectError:
        return
    if root is None:
        return
    assert not has_trivia(text)
    assert _found(Layout(text, root)) == _found(EveryGap(text, root)) == ({}, [], 0)


def test_a_hash_inside_a_scalar_is_no_comment() -> None:
    text = 'a: "x #1"   # one\nb: |\n  # text\n\n  more\n# two\n\nc: d\n'
    root = yamlsrc.compose(text, "t.yaml")
    assert root is not None
    layout = Layout(text, root)
    assert layout.comments == 2
    assert sorted(layout.trivia.values(), key=repr) == sorted(
        EveryGap(text, root).trivia.values(), key=repr
    )
    assert [t.leading for t in layout.trivia.values() if t.leading] == [["# two", ""]]
