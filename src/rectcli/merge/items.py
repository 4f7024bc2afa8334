"""The item-level half of the merge: lists matched by key, items merged key by key.

Every function returns lines at ours' indentation: ours' own lines untouched, theirs'
lines re-indented to fit. See :mod:`rectcli.merge` for the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, SequenceNode

from rectcli.errors import Problem, RectError
from rectcli.merge.text import (
    Chunk,
    Field,
    Lines,
    ListBody,
    Marker,
    choose,
    entry_key,
    inline_value,
    key_order,
    mapping_fields,
    merge_log,
    node_items,
    same,
    shift,
    substitute,
)
from rectcli.model.shapes import Measure, Task
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.lines import yaml_lines

LineMerge = Callable[[bytes, bytes, bytes], tuple[bytes, int]]
"""(base, ours, theirs) → (merged, number of conflicts): ``git merge-file -p``."""


@dataclass(frozen=True)
class Shape:
    """How the items of one list are matched and merged."""

    noun: str
    key: str
    model: type[BaseModel]
    lists: Mapping[str, Shape] = field(default_factory=dict)  # keyed sub-lists
    logs: frozenset[str] = frozenset()  # append-only logs: merged as sets of entries


MEASURE = Shape("measure", "id", Measure, logs=frozenset({"progress", "incidents"}))
TASK = Shape("task", "id", Task, {"measures": MEASURE})


class LineLevel(Exception):
    """Merge the whole file line by line instead (with a note saying why, if any)."""

    def __init__(self, note: Problem | None = None) -> None:
        self.note = note
        super().__init__(str(note))


@dataclass(frozen=True)
class _Clash:
    ours: Lines
    theirs: Lines
    reason: str


@dataclass(frozen=True)
class _Side:
    """One version of an item: its chunk, its keys' regions and its data."""

    chunk: Chunk
    fields: dict[str, Field]
    data: dict[str, Any]

    def text(self, key: str) -> Lines | None:
        found = self.fields.get(key)
        return self.chunk.lines[found.start : found.end] if found else None

    def value(self, key: str) -> Any:
        return self.data.get(key, _MISSING)


_MISSING: Any = object()
_BY_LINE = "; merged line by line"  # what a note of LineLevel ends with


class ItemMerger:
    def __init__(self, path: str, marker_size: int, line_merge: LineMerge) -> None:
        self.path = path
        self.size = marker_size
        self.line_merge = line_merge

    def note(self, line: int, message: str) -> Problem:
        where = (line, 1) if line else (0, 0)
        return Problem(self.path, *where, message + _BY_LINE, "warning")

    def merge_region(self, base: Lines | None, ours: Lines | None, theirs: Lines | None) -> Lines:
        """Lines merged by git's line-level merge, conflict markers and all."""
        return self.merge_lines(base, ours, theirs, clean=False) or []

    def merge_lines(
        self, base: Lines | None, ours: Lines | None, theirs: Lines | None, *, clean: bool = True
    ) -> Lines | None:
        """Lines merged by git's line-level merge; with ``clean``, None if that conflicts."""
        if ours == theirs or theirs == base:
            return ours or []
        if ours == base:
            return theirs or []
        encoded = ("".join(x or []).encode("utf-8") for x in (base, ours, theirs))
        merged, conflicts = self.line_merge(*encoded)
        return None if clean and conflicts else yaml_lines(merged.decode("utf-8"))

    def conflict(self, ours: Lines, theirs: Lines, reason: str) -> Lines:
        return [
            Marker("<" * self.size + " ours\n", reason),
            *ours,
            Marker("=" * self.size + "\n"),
            *theirs,
            Marker(">" * self.size + " theirs\n"),
        ]

    # -- lists: items matched by key -----------------------------------------------------

    def merge_list(
        self, shape: Shape, base: list[Chunk], ours: list[Chunk], theirs: list[Chunk], indent: int
    ) -> Lines:
        """The merged items, in ours' order, at ours' indentation ``indent``."""
        o, a, b = (self._index(shape, chunks) for chunks in (base, ours, theirs))
        after: dict[str | None, list[str]] = {}  # theirs' new items, by the item they follow
        previous: str | None = None
        for chunk in theirs:
            if chunk.key not in a:
                after.setdefault(previous, []).append(chunk.key)
            previous = chunk.key
        out: Lines = []

        def emit_after(key: str | None) -> None:
            for new in after.pop(key, []):
                out.extend(self._theirs_only(shape, o.get(new), b[new], indent))
                emit_after(new)

        emit_after(None)
        anchors: list[str] = []  # theirs' new items follow ours' new items after an anchor
        for chunk in ours:
            if chunk.key in o or chunk.key in b:
                for key in anchors:
                    emit_after(key)
                anchors = []
            out.extend(self._in_ours(shape, o.get(chunk.key), chunk, b.get(chunk.key)))
            anchors.append(chunk.key)
        for key in anchors:
            emit_after(key)
        return out

    def _index(self, shape: Shape, chunks: list[Chunk]) -> dict[str, Chunk]:
        index: dict[str, Chunk] = {}
        for chunk in chunks:
            if not chunk.key:
                self.parse(shape, chunk)  # an item not opened by `- id:` tells its key so
            if chunk.key in index:
                raise LineLevel(self.note(chunk.origin + 1, f"{shape.key} {chunk.key} used twice"))
            index[chunk.key] = chunk
        return index

    def _in_ours(self, shape: Shape, o: Chunk | None, a: Chunk, b: Chunk | None) -> Lines:
        if b is None:
            if o is None:
                return a.lines  # ours added it
            if self._same_item(shape, a, o):
                return []  # theirs deleted it
            return self.conflict(
                a.lines, [], f"{shape.noun} {a.key}: deleted by theirs, changed by ours"
            )
        decided, lines = choose(
            o.lines if o else None, o.indent if o else 0, a.lines, a.indent, b.lines, b.indent
        )
        if decided and lines is not None:
            return lines
        return self.merge_item(shape, o, a, b)

    def _theirs_only(self, shape: Shape, o: Chunk | None, b: Chunk, indent: int) -> Lines:
        lines = shift(b.lines, indent - b.indent)
        if o is None:
            return lines  # theirs added it
        if self._same_item(shape, b, o):
            return []  # ours deleted it
        return self.conflict([], lines, f"{shape.noun} {b.key}: deleted by ours, changed by theirs")

    def _same_item(self, shape: Shape, x: Chunk, y: Chunk) -> bool:
        if same(x.lines, x.indent, y.lines, y.indent):
            return True
        if x.data is None or y.data is None:  # a nested item's data comes from its parent
            self.parse(shape, x)
            self.parse(shape, y)
        return bool(x.data == y.data)

    def parse(self, shape: Shape, chunk: Chunk, validate: bool = False) -> tuple[MappingNode, Any]:
        """Compose one item's lines on their own (cached on the chunk)."""
        if chunk.node is None:
            try:
                root = yamlsrc.compose("".join(chunk.lines), self.path)
                data = yamlsrc.construct(root, self.path) if root is not None else None
            except RectError as exc:
                problem = exc.problems[0]
                raise LineLevel(self.note(chunk.origin + problem.line, problem.message)) from None
            single = isinstance(root, SequenceNode) and len(root.value) == 1
            item = root.value[0] if single and root is not None else None
            if (
                not isinstance(item, MappingNode)
                or not isinstance(data, list)
                or not isinstance(data[0], dict)
            ):
                raise LineLevel(self.note(chunk.origin + 1, f"a {shape.noun} must be a mapping"))
            chunk.node, chunk.data = item, data[0]
            chunk.key = chunk.key or str(chunk.data.get(shape.key, ""))
        if validate:
            self.validate(shape, chunk.data, chunk.origin + 1)
        return chunk.node, chunk.data

    def validate(self, shape: Shape, data: Any, line: int) -> None:
        try:
            shape.model.model_validate(data)
        except ValidationError as exc:
            error = exc.errors(include_input=False, include_url=False)[0]
            where = ".".join(str(p) for p in error["loc"]) or shape.noun
            name = data.get(shape.key, "?") if isinstance(data, dict) else "?"
            raise LineLevel(
                self.note(line, f"{shape.noun} {name}: {where}: {error['msg']}")
            ) from None

    # -- items: merged key by key ---------------------------------------------------------

    def merge_item(self, shape: Shape, o: Chunk | None, a: Chunk, b: Chunk) -> Lines:
        sides = [
            self._side(shape, chunk, validate=chunk is not o) if chunk else None
            for chunk in (o, a, b)
        ]
        so, sa, sb = sides
        assert sa is not None and sb is not None
        if (
            any(s is not None and not s.fields for s in sides)
            or len({next(iter(s.fields)) for s in sides if s is not None}) > 1
        ):
            return self._whole_item(shape, so, sa, sb)  # flow style, or the first key moved
        ours: Lines = []
        theirs: Lines = []
        reasons: list[str] = []
        head = self._trivia(so, sa, sb, lambda s: (0, next(iter(s.fields.values())).start))
        ours += head
        theirs += head
        for key in key_order(sa.fields, sb.fields):
            result = self._merge_key(shape, key, so, sa, sb)
            if not isinstance(result, _Clash):
                ours += result
                theirs += result
            elif shape.lists:  # a task: markers around just this key
                block = self.conflict(
                    result.ours, result.theirs, f"{shape.noun} {sa.chunk.key}: {result.reason}"
                )
                ours += block
                theirs += block
            else:
                ours += result.ours
                theirs += result.theirs
                reasons.append(result.reason)
        tail = self._trivia(
            so, sa, sb, lambda s: (list(s.fields.values())[-1].end, len(s.chunk.lines))
        )
        ours += tail
        theirs += tail
        if reasons:
            return self.conflict(
                ours, theirs, f"{shape.noun} {sa.chunk.key}: " + "; ".join(reasons)
            )
        if not any(isinstance(line, Marker) for line in ours):
            merged = Chunk(sa.chunk.key, ours, sa.chunk.indent, sa.chunk.origin)
            try:
                self.parse(shape, merged, validate=True)
            except LineLevel as exc:  # not merged line by line: marked around the item
                why = exc.note.message.removesuffix(_BY_LINE) if exc.note else "invalid"
                return self.conflict(
                    a.lines, shift(b.lines, a.indent - b.indent), f"{shape.noun} {a.key}: {why}"
                )
        return ours

    def _side(self, shape: Shape, chunk: Chunk, validate: bool) -> _Side:
        node, data = self.parse(shape, chunk, validate)
        fields = {} if node.flow_style else mapping_fields(node, chunk.lines)
        return _Side(chunk, fields, data)

    def _trivia(
        self, so: _Side | None, sa: _Side, sb: _Side, span: Callable[[_Side], tuple[int, int]]
    ) -> Lines:
        """Comment lines before the first key or after the last: ours' unless theirs changed."""
        texts = [s.chunk.lines[slice(*span(s))] if s else None for s in (so, sa, sb)]
        indents = [s.chunk.indent if s else 0 for s in (so, sa, sb)]
        decided, lines = choose(texts[0], indents[0], texts[1], indents[1], texts[2], indents[2])
        return (lines or []) if decided else texts[1] or []

    def _whole_item(self, shape: Shape, so: _Side | None, sa: _Side, sb: _Side) -> Lines:
        theirs = shift(sb.chunk.lines, sa.chunk.indent - sb.chunk.indent)
        if sa.data == sb.data or (so and sb.data == so.data):
            return sa.chunk.lines
        if so and sa.data == so.data:
            return theirs
        return self.conflict(
            sa.chunk.lines, theirs, f"{shape.noun} {sa.chunk.key}: changed on both sides"
        )

    def _merge_key(
        self, shape: Shape, key: str, so: _Side | None, sa: _Side, sb: _Side
    ) -> Lines | _Clash:
        to, ta, tb = (s.text(key) if s else None for s in (so, sa, sb))
        oi, ai, bi = (s.chunk.indent if s else 0 for s in (so, sa, sb))
        decided, lines = choose(to, oi, ta, ai, tb, bi)
        if decided:
            return lines or []
        vo, va, vb = (s.value(key) if s else _MISSING for s in (so, sa, sb))
        fa, fb = sa.fields.get(key), sb.fields.get(key)
        theirs = shift(tb, ai - bi) if tb is not None else None
        if fa and fb and (key in shape.lists or key in shape.logs):
            merged = self._merge_sequence(shape, key, so, sa, sb)
            if merged is not None:
                return merged
        base = shift(to, ai - oi) if to is not None else None
        if va == vb or vb == vo:  # theirs changed only comments or layout here
            if ta is None or theirs is None:
                return ta or []
            if va != vb and fa and fb and ai == bi:
                value = inline_value(fa, sa.chunk.lines)
                if value is not None and inline_value(fb, sb.chunk.lines) is not None:
                    return substitute(theirs, fb, value)  # ours' value, theirs' comment
            return self.merge_lines(base, ta, theirs) or ta  # both comments changed: ours
        if va == vo:  # ours changed only comments or layout, theirs the value
            if fa and fb and ta is not None:
                value = inline_value(fb, sb.chunk.lines)
                if value is not None and inline_value(fa, sa.chunk.lines) is not None:
                    return substitute(ta, fa, value)  # theirs' value, ours' comment
                return self.merge_lines(base, ta, theirs) or theirs or []
            return theirs or []
        return _Clash(ta or [], theirs or [], f"{key} changed on both sides" + _values(va, vb))

    # -- sequences inside an item: measures by id, progress as a set of entries ----------------

    def _merge_sequence(
        self, shape: Shape, key: str, so: _Side | None, sa: _Side, sb: _Side
    ) -> Lines | None:
        bodies = [self._body(shape, key, s) if s else None for s in (so, sa, sb)]
        bo, ba, bb = bodies
        if ba is None or bb is None:
            return None
        base = bo.chunks if bo else []
        if key in shape.lists:
            body = self.merge_list(shape.lists[key], base, ba.chunks, bb.chunks, ba.indent)
        else:
            body = merge_log(base, ba, bb)
        lines, region = sa.chunk.lines, sa.fields[key]
        return [*lines[region.start : ba.start], *body, *lines[ba.end : region.end]]

    def _body(self, shape: Shape, key: str, side: _Side) -> ListBody | None:
        region = side.fields.get(key)
        items = side.value(key)
        if (
            region is None
            or not isinstance(region.value, SequenceNode)
            or not isinstance(items, list)
        ):
            return None
        if key in shape.lists:
            sub = shape.lists[key]
            keys = [str(item.get(sub.key, "")) if isinstance(item, dict) else "" for item in items]
        else:
            keys = [entry_key(item) for item in items]
        body = node_items(
            region.value, side.chunk.lines, keys, side.chunk.origin, region.key.start_mark.line + 1
        )
        if body is not None:
            for chunk, item in zip(body.chunks, items, strict=True):
                chunk.data = item
        return body


def _values(ours: Any, theirs: Any) -> str:
    def show(value: Any) -> str | None:
        if value is _MISSING:
            return "deleted"
        text = value if isinstance(value, str) else str(value)
        return text if len(text) <= 24 and not isinstance(value, (list, dict)) else None

    shown = show(ours), show(theirs)
    return f" (ours: {shown[0]}, theirs: {shown[1]})" if None not in shown else ""
