"""The one canonical layout of rect's YAML files (``rect fmt``), comments kept.

Canonical: keys in the order of docs/format.md (the models' field order), two-space
indentation, ids double-quoted, other text plain where YAML reads it back unchanged (else
double-quoted, on one line), lists of names as ``[a, b]``, progress / milestones /
recurring / incidents entries as one-line ``{…}`` maps, at most one blank line in a row.

The file is composed into a node tree (positions kept), its comments are found in the
text between scalars, and each comment is attached to an element — a mapping key or a
block list item: a comment on its own line to the element after it (and indented like
it), a comment at the end of a line to the element that line belongs to (a line folded
into one keeps all its comments at its end). The tree is then written out afresh; the
result must read back as the same data, with every comment, or nothing is returned.
"""

from __future__ import annotations

import re
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rectcli.errors import Problem, RectError
from rectcli.memory import gc_paused
from rectcli.model.shapes import Task, TaskFile, UnitFile
from rectcli.model.validate import validate_model  # the loader's own checks, located
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.comments import Layout, Trivia
from rectcli.yamltext.conflicts import conflict_markers
from rectcli.yamltext.emit import double_quoted, plain_ok, text_scalar
from rectcli.yamltext.lines import shifted, task_chunks

# one `{…}` line each
FLOW_ENTRIES = frozenset({"progress", "milestones", "recurring", "incidents"})
QUOTED_KEYS = frozenset({"id"})
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_NO_TRIVIA = Trivia()  # shared: the writer only reads an element's trivia


def format_text(text: str, path: str, *, shard: bool = False) -> str:
    """``text`` (a tasks.yaml or units.yaml, as stored) in the canonical layout; with
    ``shard``, one file of a list kept in several (its ``plan:`` is optional).

    The BOM and the line-end style (LF or CRLF) of the file are kept. Raises RectError
    if the file is not valid, and (a bug) if the result would not read back the same.
    A task list is formatted task by task, so that memory grows with a task, not the file.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    eol = "\r\n" if body.split("\n", 1)[0].endswith("\r") else "\n"
    body = body.replace("\r\n", "\n")
    problems: list[Problem] = conflict_markers(body, path)
    if problems:  # a file left mid-merge: its markers are no layout to tidy
        raise RectError(problems)

    def formatted(piece: str, model: type[BaseModel] | None, **how: Any) -> str:
        try:
            return _format_doc(piece, path, model, **how)
        except RectError as exc:  # go on, to report the problems of every task at once
            problems.extend(exc.problems)
            return piece

    with gc_paused():  # the node trees are garbage-free; see gc_paused
        cut = task_chunks(body)
        head: type[BaseModel] = TaskFile
        if shard:
            from rectcli.model.shards import Shard

            head = Shard
        elif cut is not None and not re.search(r"^plan[ ]*:", body[: cut[0]], re.M):
            cut = None  # no plan before the tasks: the whole file says what is missing
        if cut is None:
            result = formatted(body, head if shard else None)
        else:
            start, end, bounds = cut
            parts = [formatted(body[:start], head, final=False), _tasks_line(body[start:end])]
            bounds.append(len(body))
            line = body.count("\n", 0, bounds[0])
            for index in range(len(bounds) - 1):
                piece = body[bounds[index] : bounds[index + 1]]
                done = formatted(
                    "tasks:\n" + piece,
                    _TaskItems,
                    offset=line - 1,
                    continuing=index > 0,
                    final=index == len(bounds) - 2,
                )
                parts.append(done.split("\n", 1)[1])  # without the `tasks:` line
                line += piece.count("\n")
            result = "".join(parts)
    if problems:
        raise RectError(problems)
    return bom + result.replace("\n", eol)


class _TaskItems(BaseModel):
    """A piece of a task list: the ``tasks:`` key and one task."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    tasks: list[Task]


def _tasks_line(line: str) -> str:
    found = re.match(r"tasks[ ]*:([ ]*)(#.*)?", line.rstrip())
    assert found is not None  # task_chunks matched this line
    return f"tasks:{found[1]}{found[2]}\n" if found[2] else "tasks:\n"


def _format_doc(
    text: str,
    path: str,
    model: type[BaseModel] | None,
    *,
    offset: int = 0,
    continuing: bool = False,
    final: bool = True,
) -> str:
    """One YAML document (a file, or a piece of one ``offset`` lines down) formatted."""
    try:
        root = yamlsrc.compose(text, path)
        if root is None:
            return _comments_only(text, final=final)
        data = yamlsrc.construct(root, path, check_aliases="&" in text)
        if model is None:
            is_units = isinstance(data, dict) and "units" in data and "tasks" not in data
            model = UnitFile if is_units else TaskFile
        try:
            model.model_validate(data)
        except ValidationError:  # read it again the way that places every problem
            validate_model(model, yamlsrc.Source(text, path))
            raise
    except RectError as exc:
        if not offset:
            raise
        raise RectError(shifted(exc.problems, offset, offset + 2)) from None
    assert isinstance(root, MappingNode)  # validated: a mapping of keys
    layout = Layout(text, root)
    writer = _Writer(text, layout.trivia, continuing=continuing)
    writer.mapping(root, model, 0)
    writer.leading(layout.end_trivia, 0, first=False)
    while final and writer.lines and not writer.lines[-1]:
        writer.lines.pop()
    result = "\n".join(writer.lines) + "\n" if writer.lines else ""
    if writer.comments != layout.comments or (
        result != text and yamlsrc.Source(result, path).data != data
    ):
        raise RectError(
            f"{path}: rect fmt would change this file's data or lose a comment (a bug in "
            "rect; please report it); the file is left as it is"
        )
    return result


def _comments_only(text: str, *, final: bool) -> str:
    """A document without data: its comments, flush left, and single blank lines."""
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped or (lines and lines[-1]):
            lines.append(stripped)
    while final and lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


class _Writer:
    """Writes the node tree in the canonical layout, placing each element's comments."""

    def __init__(self, text: str, trivia: dict[int, Trivia], *, continuing: bool) -> None:
        self.text = text
        self.continuing = continuing  # a later piece of a file: its first item is not first
        self.trivia = trivia
        self.lines: list[str] = []
        self.pending: list[tuple[int, str]] = []  # comments of nodes folded into one line
        self.comments = 0

    def leading(self, items: list[str], indent: int, *, first: bool) -> None:
        """Comment lines (indented like the element) and single blank lines."""
        if not items:
            return
        out: list[str] = []
        for item in items:
            if item:
                self.comments += 1
                out.append(" " * indent + item)
            elif out[-1:] != [""] and (out or not first):
                out.append("")
        self.lines += out

    def _end(self, line: str, trailing: list[tuple[int, str]]) -> str:
        if not trailing and not self.pending:
            return line
        comments = [*trailing, *self.pending]
        self.pending = []
        for index, (spaces, comment) in enumerate(comments):
            self.comments += 1
            line += " " * (max(spaces, 1) if index == 0 else 1) + comment
        return line

    def _take(self, node: Node) -> Trivia:
        if not self.trivia:  # no comments left (or none at all, as in most tasks)
            return _NO_TRIVIA
        return self.trivia.pop(id(node), None) or _NO_TRIVIA

    def mapping(
        self,
        node: MappingNode,
        model: type[BaseModel] | None,
        indent: int,
        dash: str = "",
        item: Trivia | None = None,
        first_item: bool = False,
    ) -> None:
        """A block mapping; with ``dash`` (``"  - "``) its first key goes on the dash line,
        and the list item's own comments (``item``) go with that key."""
        keys = _keys(model)
        lines = self.lines
        spaces = " " * indent
        for index, (key, value) in enumerate(_in_order(node.value, keys)):
            trivia = self._take(key)
            name = key.value
            if index == 0 and dash:
                assert item is not None
                self.leading(item.leading + trivia.leading, len(dash) - 2, first=first_item)
                trailing = item.trailing + trivia.trailing
                prefix = dash
            else:
                self.leading(trivia.leading, indent, first=index == 0)
                trailing = trivia.trailing
                prefix = spaces
            sub = keys.get(name, _NO_KEY)[1]
            if isinstance(value, ScalarNode):  # the most common case, first
                text = self.scalar(value, flow=False, quoted=name in QUOTED_KEYS)
                lines.append(self._end(f"{prefix}{name}: {text}", trailing))
            elif _inline(value):
                text = self.inline(value, sub, name, flow=False)
                lines.append(self._end(f"{prefix}{name}: {text}", trailing))
            elif isinstance(value, MappingNode):
                lines.append(self._end(f"{prefix}{name}:", trailing))
                self.mapping(value, sub, indent + 2)
            else:
                assert isinstance(value, SequenceNode)
                lines.append(self._end(f"{prefix}{name}:", trailing))
                self.sequence(value, sub, indent + 2, flow_items=name in FLOW_ENTRIES)

    def sequence(
        self, node: SequenceNode, model: type[BaseModel] | None, indent: int, *, flow_items: bool
    ) -> None:
        dash = " " * indent + "- "
        for index, item in enumerate(node.value):
            trivia = self._take(item)
            first = index == 0 and not self.continuing
            if isinstance(item, MappingNode) and item.value and not flow_items:
                self.mapping(item, model, indent + 2, dash, trivia, first)
                continue
            self.leading(trivia.leading, indent, first=first)
            text = self.inline(item, model, None, flow=flow_items)
            self.lines.append(self._end(dash + text, trivia.trailing))

    def inline(
        self, node: Node, model: type[BaseModel] | None, key: str | None, *, flow: bool
    ) -> str:
        """A node on one line; comments of the elements folded into it become pending."""
        if isinstance(node, ScalarNode):
            return self.scalar(node, flow=flow, quoted=key in QUOTED_KEYS)
        parts = []
        if isinstance(node, SequenceNode):
            for item in node.value:
                if self.trivia:
                    self._fold(item)
                parts.append(self.inline(item, model, None, flow=True))
            return "[" + ", ".join(parts) + "]"
        assert isinstance(node, MappingNode)
        keys = _keys(model)
        for k, v in _in_order(node.value, keys):
            if self.trivia:
                self._fold(k)
            name = k.value
            if isinstance(v, ScalarNode):
                parts.append(f"{name}: {self.scalar(v, flow=True, quoted=name in QUOTED_KEYS)}")
            else:
                sub = keys.get(name, _NO_KEY)[1]
                parts.append(f"{name}: {self.inline(v, sub, name, flow=True)}")
        return "{" + ", ".join(parts) + "}"

    def _fold(self, node: Node) -> None:
        trivia = self._take(node)
        if trivia.leading or trivia.trailing:
            self.pending += [(1, c) for c in trivia.leading if c] + trivia.trailing

    def scalar(self, node: ScalarNode, *, flow: bool, quoted: bool) -> str:
        value: str = node.value
        if node.tag == _STR:
            if quoted:
                return double_quoted(value)
            if node.style is None and "\n" not in value:
                # Plain already, so YAML reads this text as text: only the context may differ.
                return value if plain_ok(value, flow=flow, as_text=True) else double_quoted(value)
            return text_scalar(value, flow=flow)
        if node.tag == _NULL:
            return "null"
        if node.style is None:
            return value  # a date or number: its own text, which YAML read as such
        return self.text[node.start_mark.index : node.end_mark.index]


def _inline(node: Node) -> bool:
    """Written on the key's line: scalars, empty collections, lists of scalars."""
    if isinstance(node, ScalarNode) or not node.value:
        return True
    return isinstance(node, SequenceNode) and all(isinstance(i, ScalarNode) for i in node.value)


_NO_KEY = (-1, None)  # a key the model does not know: last, without a model


@cache
def _keys(model: type[BaseModel] | None) -> dict[str, tuple[int, type[BaseModel] | None]]:
    """Each key the model knows (its fields, by their YAML names): its place in the
    documented order, and the model of its value, if any."""
    if model is None:
        return {}
    return {
        (info.alias or name): (index, _model_in(info.annotation))
        for index, (name, info) in enumerate(model.model_fields.items())
    }


def _in_order(
    pairs: list[tuple[Node, Node]], keys: dict[str, tuple[int, type[BaseModel] | None]]
) -> list[tuple[Node, Node]]:
    """The pairs of a mapping in the documented key order (unknown keys last, as found)."""
    last = len(keys)
    ranks = [keys.get(key.value, (last,))[0] for key, _ in pairs]
    if ranks == sorted(ranks):  # already in order: a canonical file
        return pairs
    return [pairs[i] for i in sorted(range(len(pairs)), key=ranks.__getitem__)]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
