"""Line-level pieces of the merge driver: where items and keys begin and end in the text.

The merge never re-dumps YAML. It cuts each version of a file into regions of whole
lines (a list item, a key with its value), decides per region which side's lines to keep,
and pastes lines. These helpers find the regions: top-level list items by scanning the
text (so unchanged items are never parsed), nested ones from the composed node tree.

A region of one item runs from its ``-`` line, taking along the comment lines just above
it at the dash's own indentation (they describe it), to the next item's region. A key's
region takes the comment and blank lines above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rectcli.yamltext.lines import indent_of, is_trivia

Lines = list[str]


class Marker(str):
    """A conflict-marker line: kept at column 0 however its region is re-indented."""

    reason: str | None

    def __new__(cls, text: str, reason: str | None = None) -> Marker:
        line = super().__new__(cls, text)
        line.reason = reason
        return line


@dataclass
class Chunk:
    """One list item of one version: its lines, verbatim, and the column of its dash."""

    key: str
    lines: list[str]
    indent: int
    origin: int  # 0-based line of ``lines[0]`` in its file, for messages
    data: Any = None  # the constructed item, once composed
    node: MappingNode | None = None  # its node, composed from ``lines`` alone


@dataclass(frozen=True)
class ListBody:
    """The items of a block sequence: lines ``start:end`` of the text, dash at ``indent``."""

    start: int
    end: int
    indent: int
    chunks: list[Chunk]


def _is_comment_at(line: str, column: int) -> bool:
    return line.lstrip(" ").startswith("#") and indent_of(line) == column


def shift(lines: list[str], delta: int) -> list[str]:
    """Re-indent lines by ``delta`` columns (markers and blank lines stay as they are)."""
    if not delta:
        return lines
    out: list[str] = []
    for line in lines:
        if isinstance(line, Marker) or line == "\n":
            out.append(line)
        elif delta > 0:
            out.append(" " * delta + line)
        else:
            out.append(line[min(-delta, indent_of(line)) :])
    return out


def same(a: list[str], a_indent: int, b: list[str], b_indent: int) -> bool:
    """Whether two regions read the same once their indentation is lined up."""
    if a_indent == b_indent:
        return a == b
    return shift(a, -a_indent) == shift(b, -b_indent)


def choose(
    o: Lines | None, oi: int, a: Lines | None, ai: int, b: Lines | None, bi: int
) -> tuple[bool, Lines | None]:
    """Three-way choice between texts: (decided, ours' or theirs' lines or None = absent)."""

    def eq(x: Lines | None, xi: int, y: Lines | None, yi: int) -> bool:
        return x is y is None or (x is not None and y is not None and same(x, xi, y, yi))

    if eq(a, ai, b, bi) or eq(b, bi, o, oi):
        return True, a
    if eq(a, ai, o, oi):
        return True, None if b is None else shift(b, ai - bi)
    return False, None


def leading_start(lines: list[str], dash_line: int, column: int, floor: int) -> int:
    """The first line of an item: its dash line, moved up over the comments describing it."""
    start = dash_line
    while start > floor and _is_comment_at(lines[start - 1], column):
        start -= 1
    return start


def content_end(node: Node, lines: list[str]) -> int:
    """The 0-based line of a node's last character (comments after it excluded)."""
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return content_end(last[1] if isinstance(node, MappingNode) else last, lines)
    start, end = node.start_mark, node.end_mark
    line = end.line - 1 if end.column == 0 and end.line > start.line else end.line
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        while line > start.line and not lines[line].strip():
            line -= 1  # a block scalar's mark runs past the blank lines after it
    return line


def dash_column(lines: list[str], node: Node) -> int | None:
    """The column of the ``-`` that opens a block sequence item, if on the item's line."""
    before = lines[node.start_mark.line][: node.start_mark.column].rstrip()
    return len(before) - 1 if before.endswith("-") else None


def node_items(
    seq: SequenceNode, lines: list[str], keys: list[str], origin: int, floor: int
) -> ListBody | None:
    """The items of a composed block sequence as chunks (``keys[i]`` names item i).

    ``None`` when the items do not each begin on their own ``-`` line.
    """
    if seq.flow_style or not seq.value:
        return None
    dashes = [dash_column(lines, item) for item in seq.value]
    column = dashes[0]
    if column is None or any(d != column for d in dashes):
        return None
    starts: list[int] = []
    for item in seq.value:
        floor = leading_start(lines, item.start_mark.line, column, floor)
        starts.append(floor)
        floor = item.start_mark.line + 1
    end = content_end(seq.value[-1], lines) + 1
    bounds = [*starts[1:], end]
    chunks = [
        Chunk(key, lines[s:e], column, origin + s)
        for key, s, e in zip(keys, starts, bounds, strict=True)
    ]
    return ListBody(starts[0], end, column, chunks)


@dataclass(frozen=True)
class Field:
    """One key of a block mapping: lines ``start:end`` (comments above it included)."""

    start: int
    end: int
    key: ScalarNode
    value: Node


def mapping_fields(node: MappingNode, lines: list[str]) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    previous_end: int | None = None
    for key, value in node.value:
        key_line = key.start_mark.line
        start = key_line if previous_end is None else previous_end
        end = max(content_end(value, lines), key_line) + 1
        fields[str(key.value)] = Field(start, end, key, value)
        previous_end = end
    return fields


def inline_value(field: Field, lines: list[str]) -> str | None:
    """The value's text when it sits on the key's line (a scalar or a flow collection)."""
    value = field.value
    start, end = value.start_mark, value.end_mark
    block_scalar = isinstance(value, ScalarNode) and value.style in ("|", ">")
    block = isinstance(value, (MappingNode, SequenceNode)) and not value.flow_style
    if block_scalar or block or not start.line == end.line == field.key.start_mark.line:
        return None
    return lines[start.line][start.column : end.column]


_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*):(?:\s|$)")
_KEY_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ITEM_KEY = r"-[ ]+{key}:[ ]+(?:\"([^\"\\]*)\"|'([^']*)'|([^\s\"'#][^#]*?))[ ]*(?:#.*)?$"


def top_keys(lines: list[str]) -> dict[str, int]:
    """Top-level keys (at column 0) and their lines."""
    found: dict[str, int] = {}
    for number, line in enumerate(lines):
        if line[:1] in _KEY_START:  # cheap: most lines are indented
            match = _TOP_KEY.match(line)
            if match:
                found.setdefault(match.group(1), number)
    return found


def top_items(lines: list[str], key_line: int, key: str) -> ListBody | None:
    """The block-sequence items under the top-level key on ``key_line``, found by scanning.

    A chunk's ``key`` is read from its ``- key: value`` line, or '' when the item does
    not begin that way (the caller composes it to learn its key). ``None`` when the
    value is not a non-empty block sequence.
    """
    first = key_line + 1
    while first < len(lines) and is_trivia(lines[first]):
        first += 1
    if first == len(lines) or not _is_dash(lines[first], indent_of(lines[first])):
        return None
    column = indent_of(lines[first])
    dashes: list[int] = []
    stop = len(lines)
    inside = " " * (column + 1)  # a line indented this far is inside an item
    for number in range(first, len(lines)):
        line = lines[number]
        if line.startswith(inside) or is_trivia(line):
            continue
        if _is_dash(line, column):
            dashes.append(number)
        else:  # content at or left of the dashes: the next key, the sequence is over
            stop = number
            break
    end = stop
    while end > dashes[-1] + 1 and (
        is_trivia(lines[end - 1])
        and (not lines[end - 1].strip() or indent_of(lines[end - 1]) <= column)
    ):
        end -= 1
    starts: list[int] = []
    floor = key_line + 1
    for dash in dashes:
        starts.append(leading_start(lines, dash, column, floor))
        floor = dash + 1
    pattern = re.compile(_ITEM_KEY.format(key=re.escape(key)))
    chunks: list[Chunk] = []
    for dash, start, bound in zip(dashes, starts, [*starts[1:], end], strict=True):
        match = pattern.match(lines[dash], column)
        name = match.group(match.lastindex or 0) if match and match.lastindex else ""
        chunks.append(Chunk(name, lines[start:bound], column, start))
    return ListBody(starts[0], end, column, chunks)


def _is_dash(line: str, column: int) -> bool:
    return indent_of(line) == column and line[column : column + 2] in ("- ", "-\n")


# -- small merges of regions already cut out -------------------------------------------


def merge_log(base: list[Chunk], ours: ListBody, theirs: ListBody) -> Lines:
    """Log entries (progress, incidents): ours', less those theirs deleted (an incident
    cleared is its old entry deleted and a new one added), plus theirs' new ones in order."""
    in_base = {c.key for c in base}
    in_theirs = {c.key for c in theirs.chunks}
    kept = [c for c in ours.chunks if c.key in in_theirs or c.key not in in_base]
    seen = {c.key for c in ours.chunks} | in_base
    new: list[Chunk] = []
    for chunk in theirs.chunks:
        if chunk.key not in seen:
            seen.add(chunk.key)
            new.append(chunk)
    for chunk in sorted(new, key=_entry_order):
        at = len(kept)
        while at and _entry_order(kept[at - 1]) > _entry_order(chunk):
            at -= 1
        kept.insert(at, chunk)
    added = {id(chunk) for chunk in new}
    lines: Lines = []
    for chunk in kept:
        lines += (
            shift(chunk.lines, ours.indent - chunk.indent) if id(chunk) in added else chunk.lines
        )
    return lines


def entry_key(entry: Any) -> str:
    return repr(sorted(entry.items())) if isinstance(entry, dict) else repr(entry)


def _entry_order(chunk: Chunk) -> tuple[str, str]:
    """A progress entry by its date, then author; an incident by the day it was found."""
    entry = chunk.data if isinstance(chunk.data, dict) else {}
    day = entry.get("date") or entry.get("found") or ""
    return str(day), str(entry.get("by") or "")


def key_order(ours: dict[str, Field], theirs: dict[str, Field]) -> list[str]:
    """Ours' keys in order, with keys only theirs has after the key they follow there."""
    after: dict[str | None, list[str]] = {}
    previous: str | None = None
    for key in theirs:
        if key not in ours:
            after.setdefault(previous, []).append(key)
        previous = key
    order: list[str] = []

    def emit(key: str | None) -> None:
        for new in after.pop(key, []):
            order.append(new)
            emit(new)

    for index, key in enumerate(ours):
        order.append(key)
        if index == 0:
            emit(None)  # nothing can go above the item's first line
        emit(key)
    return order


def substitute(lines: Lines, region: Field, value: str) -> Lines:
    """A key's lines with just its value's text replaced (a comment after it kept)."""
    start, end = region.value.start_mark, region.value.end_mark
    out = list(lines)
    index = start.line - region.start
    line = out[index]
    out[index] = line[: start.column] + value + line[end.column :]
    return out
