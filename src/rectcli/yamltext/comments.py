"""Where the comments of a YAML file are, and which key or list item each belongs to.

PyYAML drops comments; ``rect fmt`` must keep them. The node tree gives the position of
every scalar, and a '#' in the text between scalars can only start a comment. Each
comment is attached to an *element* — a key of a block mapping, or an item of a block
list: a comment on its own line to the element after it, a comment at the end of a line
to the deepest element whose head (the key and its inline value) holds that line. A
comment inside a head that spans lines (a flow map written over several lines) is kept
at the end of that head, which is written on one line.
"""

from __future__ import annotations

import bisect
import heapq
import re
import typing
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_HASH = re.compile("#")
_BLOCK_STYLES = ("|", ">")


def has_trivia(text: str) -> bool:
    """Whether ``text`` may hold a comment or a blank line that :class:`Layout` would find
    (outside every scalar); if not, there is nothing to attach, and no need to walk the
    tree — most tasks of a big list."""
    return "#" in text or BLANK_LINE.search(text) is not None


@dataclass
class Trivia:
    leading: list[str] = field(default_factory=list)  # "# …" comment lines, "" = blank line
    trailing: list[tuple[int, str]] = field(default_factory=list)  # (spaces before, "# …")


class _Element(typing.NamedTuple):  # a tuple: thousands are made per task with comments
    """A mapping key or block list item: the unit comments attach to."""

    start: tuple[int, int]  # (line, column), 0-based
    last_line: int  # last line of its head: the key and an inline value
    depth: int
    node: int  # id() of the key node, or of the item node


class Layout:
    """Where the elements are, where the comments are, and which comment is whose."""

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.elements: list[_Element] = []
        self.trivia: dict[int, Trivia] = {}
        self.end_trivia: list[str] = []
        self.comments = 0
        if has_trivia(text):
            self._walk(root, 0)
            self._attach()

    def _walk(self, node: Node, depth: int) -> None:
        if isinstance(node, ScalarNode):
            self._span(node)
            return
        spans, walk = self.spans, self._walk
        pairs: list[tuple[Node | None, Node]]
        if isinstance(node, MappingNode):
            pairs = node.value
        else:
            assert isinstance(node, SequenceNode)
            pairs = [(None, item) for item in node.value]
        block = not node.flow_style
        for key, value in pairs:
            if block:
                self._element(value if key is None else key, head_end(key, value), depth)
            for child in (key, value):
                if child is None:
                    continue
                if type(child) is ScalarNode and child.style not in _BLOCK_STYLES:
                    spans.append((child.start_mark.index, child.end_mark.index))  # _span's
                else:
                    walk(child, depth + 1)

    def _span(self, node: ScalarNode) -> None:
        start = node.start_mark.index
        if node.style in _BLOCK_STYLES:  # its header line (`>-  # why`) may end in a comment
            start = self.text.find("\n", start) + 1 or node.end_mark.index
        self.spans.append((start, node.end_mark.index))

    def _element(self, node: Node, last_line: int, depth: int) -> None:
        start = (node.start_mark.line, node.start_mark.column)
        self.elements.append(_Element(start, max(last_line, start[0]), depth, id(node)))

    def _attach(self) -> None:
        owner: dict[int, _Element] = {}  # line → deepest element whose head covers it
        for element in self.elements:
            for line in range(element.start[0], element.last_line + 1):
                current = owner.get(line)
                if current is None or current.depth <= element.depth:
                    owner[line] = element
        starts = [element.start for element in self.elements]

        def leading(line: int, col: int) -> list[str]:
            index = bisect.bisect_right(starts, (line, col))
            if index == len(self.elements):
                return self.end_trivia
            return self._trivia(self.elements[index]).leading

        gaps = self._gaps()
        blanks = ((line, 0, "", True) for line in self._blank_lines(gaps))
        for line, col, text, own_line in heapq.merge(self._comments(gaps), blanks):
            holder = owner.get(line)
            inside = holder is not None and holder.start[0] < line  # a line folded into one
            if not text:
                if not inside:
                    leading(line, col).append("")
                continue
            self.comments += 1
            if holder is not None and (inside or not own_line):
                spaces = 1 if own_line else len(text) - len(text.lstrip(" "))
                self._trivia(holder).trailing.append((spaces, text.lstrip(" ")))
            else:
                leading(line, col).append(text.strip())

    def _trivia(self, element: _Element) -> Trivia:
        return self.trivia.setdefault(element.node, Trivia())

    def _gaps(self) -> list[tuple[int, int]]:
        """The stretches of text outside every scalar: indicators, spaces, comments."""
        gaps = []
        position = 0
        for start, end in sorted(self.spans):
            if start > position:
                gaps.append((position, start))
            if end > position:
                position = end
        if position < len(self.text):
            gaps.append((position, len(self.text)))
        return gaps

    def _comments(self, gaps: list[tuple[int, int]]) -> typing.Iterator[tuple[int, int, str, bool]]:
        """(line, column, text with the spaces before it, whether alone on its line)."""
        text = self.text
        line_of = _LineCounter(text)
        for start, end in _holding(gaps, (match.start() for match in _HASH.finditer(text))):
            hash_at = text.find("#", start, end)
            while hash_at >= 0:
                line_start = text.rfind("\n", 0, hash_at) + 1
                line_end = text.find("\n", hash_at)
                line_end = len(text) if line_end < 0 else line_end
                before = text[line_start:hash_at]
                content = before.rstrip(" \t")
                spaces = " " * (len(before) - len(content))
                line = line_of(hash_at)
                comment = spaces + text[hash_at:line_end].rstrip()
                yield line, hash_at - line_start, comment, not content.strip()
                hash_at = text.find("#", line_end, end)

    def _blank_lines(self, gaps: list[tuple[int, int]]) -> typing.Iterator[int]:
        text = self.text
        line_of = _LineCounter(text)
        blanks = (match.start() for match in BLANK_LINE.finditer(text))
        for start, end in _holding(gaps, blanks):
            for match in BLANK_LINE.finditer(text, start, end):
                yield line_of(match.start()) + 1


def _holding(gaps: list[tuple[int, int]], offsets: typing.Iterable[int]) -> list[tuple[int, int]]:
    """The gaps that hold one of the ``offsets`` (increasing): the only ones worth a search
    for a '#' or a blank line, which a text holds so much more rarely than gaps."""
    starts = [start for start, _ in gaps]
    holding: list[tuple[int, int]] = []
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < gaps[index][1] and holding[-1:] != [gaps[index]]:
            holding.append(gaps[index])
    return holding


class _LineCounter:
    """0-based line of an offset, for offsets met in increasing order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 0

    def __call__(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def head_end(key: Node | None, value: Node) -> int:
    """The last line of an element's head: where its inline value ends."""
    if isinstance(value, ScalarNode):
        if value.style in ("|", ">"):
            return int(value.start_mark.line)
        if value.style is None and not value.value and key is not None:
            return int(key.end_mark.line)  # an empty value: the key line
        return int(value.end_mark.line)
    if isinstance(value, (MappingNode, SequenceNode)) and value.flow_style:
        return int(value.end_mark.line)
    return int(key.end_mark.line if key is not None else value.start_mark.line)
