"""YAML text → plain Python data, keeping the node tree so every problem has a place.

PyYAML's safe loaders silently keep the last of two duplicate keys, expand alias bombs
and turn ``1.10`` into a float. rect composes the node tree (libyaml's C parser when
present) and builds the data itself, so it can refuse duplicates and aliases and say
where, and so a later validation error can be traced back to its node.

A node tree of a 40 MB list takes 700 MB, so :class:`Source` first builds the data
straight from the parser's events, keeping only the positions of the top few levels
of mappings (every task and measure). Anything unusual (an anchor, a tag, a duplicate
key, a syntax error) sends it down the node-tree path, which reports it exactly; the
tree is also composed, lazily, when a later check needs a deeper position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rectcli.errors import Problem, RectError
from rectcli.memory import gc_paused
from rectcli.yamltext.events import Loc, Unusual, load_events
from rectcli.yamltext.loader import CONSTRUCTORS, Loader

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}


# libyaml's composer recurses in C and overflows the stack some 30,000 levels down (a
# segfault, not an exception); construct recurses in Python. rect's files nest about ten
# levels, so a text that may nest deeper is measured first and refused past this depth.
MAX_DEPTH = 200
# What deep nesting looks like when nobody meant it: openers without a closer between
# them, or compact dashes `- - - …`, or a huge indent. Cheap: 0.1 s for 40 MB.
_DEEP_FLOW = re.compile(r"[\[{](?:[^\]}\[{]*[\[{]){63}")
_DEEP_DASHES = "- " * 64
_DEEP_INDENT = "\n" + " " * 256


def compose(text: str, path: str) -> Node | None:
    """Parse ``text`` into a node tree; a syntax error becomes a located problem."""
    if _DEEP_DASHES in text or _DEEP_INDENT in text or _DEEP_FLOW.search(text):
        _refuse_deep_nesting(text, path)
    try:
        with gc_paused():
            node: Node | None = yaml.compose(text, Loader=Loader)
            return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        # The culprit may sit on the line before the one libyaml stops at.
        source_line = "\n".join(text.split("\n", line)[max(line - 2, 0) : line])
        raise RectError([Problem(path, line, col, syntax_message(exc, source_line))]) from None
    except yaml.reader.ReaderError:
        raise RectError([_bad_character(text, path)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml's errors are marked or reader's
        raise RectError([Problem(path, 1, 1, f"not valid YAML: {exc}")]) from None


TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep; a rect file nests about ten "
    "(is a bracket or an indent out of place?)"
)


def _refuse_deep_nesting(text: str, path: str) -> None:
    """A located problem where ``text`` nests deeper than :data:`MAX_DEPTH`, found from
    libyaml's events (which come without recursion); a syntax error is left to compose."""
    loader = Loader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    assert mark is not None  # libyaml marks every event
                    raise RectError([Problem(path, mark.line + 1, mark.column + 1, TOO_DEEP)])
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # compose reports it, nesting no deeper than here
    finally:
        loader.dispose()


# What YAML 1.1 lets a file hold; libyaml reports others with a byte offset.
_DISALLOWED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _bad_character(text: str, path: str) -> Problem:
    found = _DISALLOWED.search(text)
    if found is None:  # pragma: no cover - the reader only fails on such a character
        return Problem(path, 1, 1, "not valid YAML: a character YAML does not allow")
    start = found.start()
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    code = ord(found.group())
    kind = "control character" if code < 0xA0 else "character"
    return Problem(path, line, col, f"the {kind} U+{code:04X} is not allowed in YAML; delete it")


def syntax_message(exc: yaml.MarkedYAMLError, source_line: str) -> str:
    problem = exc.problem or str(exc)
    if "maximum nesting depth" in problem:  # libyaml 0.2.6 stops at 1,000 levels itself
        return TOO_DEEP
    if "\t" in source_line and "cannot start any token" in problem:
        return "a tab character in the indentation; YAML indents with spaces only"
    if any("：" in part and ": " not in part for part in source_line.split("\n")):
        return "a full-width colon '：' does not make a key; use ':' followed by a space"
    context = f"{exc.context}: " if exc.context else ""
    return f"invalid YAML: {context}{problem}"


def position(node: Node) -> tuple[int, int]:
    """1-based (line, column) of a node's start."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def construct(root: Node, path: str, *, check_aliases: bool = True) -> Any:
    """Build plain dicts, lists and scalars from ``root``, refusing what YAML gets wrong."""
    problems: list[Problem] = []
    seen: set[int] | None = set() if check_aliases else None
    with gc_paused():
        data = _build(root, path, problems, seen)
    if problems:
        raise RectError(problems)
    return data


def _build(node: Node, path: str, problems: list[Problem], seen: set[int] | None) -> Any:
    if seen is not None:
        # Composed aliases are the anchored node itself, met a second time.
        if id(node) in seen:  # one report is enough: an alias bomb repeats millions of times
            raise RectError([Problem(path, *position(node), _ALIAS_MESSAGE)])
        seen.add(id(node))
    if isinstance(node, ScalarNode):
        return _scalar(node, path, problems)
    if node.tag not in _COLLECTION_TAGS:
        problems.append(
            Problem(path, *position(node), f"the YAML tag {node.tag} is not allowed here")
        )
        return None
    # Without aliases to look out for, a text scalar is its value: no call of its own.
    quick = seen is None
    if isinstance(node, SequenceNode):
        return [
            item.value
            if quick and type(item) is ScalarNode and item.tag == _STR
            else _build(item, path, problems, seen)
            for item in node.value
        ]
    assert isinstance(node, MappingNode)
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:  # <<: *base, the way to an alias's keys
            raise RectError([Problem(path, *position(key_node), _ALIAS_MESSAGE)])
        if quick and type(key_node) is ScalarNode and key_node.tag == _STR:
            key = key_node.value
        else:
            key = _build(key_node, path, problems, seen)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            problems.append(Problem(path, *position(key_node), "a key must be plain text"))
            continue
        if isinstance(key, str) and key.startswith("\u3000"):
            problems.append(
                Problem(
                    path,
                    *position(key_node),
                    "full-width space (U+3000) in the indentation; indent with ASCII spaces",
                )
            )
        if key in result:
            problems.append(
                Problem(
                    path,
                    *position(key_node),
                    f"duplicate key '{key}' (first on line "
                    f"{first_line[key]}); YAML would silently keep only the last one",
                )
            )
            continue
        first_line[key] = key_node.start_mark.line + 1
        if quick and type(value_node) is ScalarNode and value_node.tag == _STR:
            result[key] = value_node.value
        else:
            result[key] = _build(value_node, path, problems, seen)
    return result


_ALIAS_MESSAGE = (
    "YAML anchors, aliases and merge keys are not allowed in rect files; write the value out"
)


def _scalar(node: ScalarNode, path: str, problems: list[Problem]) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    build = CONSTRUCTORS.get(tag)
    if build is None:
        problems.append(Problem(path, *position(node), f"the YAML tag {tag} is not allowed here"))
        return None
    try:
        if tag in _SHAREABLE:
            return _shared_scalar(tag, node.value)
        return build(node)
    except ValueError as exc:  # 2024-02-30 reaches datetime.date and fails there
        problems.append(Problem(path, *position(node), f"impossible date {node.value}: {exc}"))
        return None


# Dates, numbers and booleans repeat, and are immutable: one object for each. (Not
# floats: two NaNs are unequal, but one NaN object equals itself in a list.)
_SHAREABLE = frozenset(
    {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"}
)


@lru_cache(maxsize=4096)
def _shared_scalar(tag: str, value: str) -> Any:
    return CONSTRUCTORS[tag](ScalarNode(tag, value))


def scalar_kind(node: Node) -> str | None:
    """How YAML read an unquoted scalar that was meant as text ('a number', …), else None."""
    if isinstance(node, ScalarNode) and not node.style:  # None (Python) or '' (libyaml)
        return _TAG_NAMES.get(node.tag)
    return None


def locate(root: Node, loc: Sequence[str | int]) -> Node:
    """The deepest node on a validation error's ``loc`` path.

    A missing key points at its mapping (the item's first line); use :func:`key_node`
    to point at an unknown key itself.
    """
    node = root
    for part in loc:
        if isinstance(node, MappingNode):
            value = next((v for k, v in node.value if k.value == part), None)
            if value is None:
                return node
            node = value
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def key_node(mapping: Node, key: str) -> Node | None:
    """The key node for ``key`` in a mapping node, if present."""
    if isinstance(mapping, MappingNode):
        for k, _ in mapping.value:
            if k.value == key:
                found: Node = k
                return found
    return None


class Source:
    """One YAML file's data, and the way back from a place in the data to its line."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.known: dict[Loc, tuple[int, int]] = {}
        self._root: Node | None = None
        try:
            self.empty, self.data = load_events(text, self.known)
        except Unusual:  # never an empty file: the event path reads those itself
            self.known.clear()
            self._root = compose(text, path)
            assert self._root is not None
            self.empty = False
            # Aliases can only exist where an anchor does: skip the identity check otherwise.
            self.data = construct(self._root, path, check_aliases="&" in text)

    @property
    def root(self) -> Node:
        """The node tree (composed on first use); only for a non-empty file."""
        if self._root is None:
            self._root = compose(self.text, self.path)
        assert self._root is not None
        return self._root

    def at(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """1-based (line, column) of the node on ``loc`` (as :func:`locate` finds it)."""
        known = self.known.get(tuple(loc))
        return known if known is not None else position(locate(self.root, loc))
