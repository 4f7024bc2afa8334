"""YAML text → plain Python data, keeping the node tree so every problem has a place.

PyYAML's safe loaders silently keep the last of two duplicate keys, expand alias bombs
and turn ``1.10`` into a float. rect composes the node tree (libyaml's C parser when
present) and builds the data itself, so it can refuse duplicates and aliases and say
where, and so a later validation error can be traced back to its node.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, RectError

try:  # libyaml's parser is several times faster; fall back when it is not built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
}
_constructor = yaml.SafeLoader("")  # only its construct_yaml_* helpers are used


@contextmanager
def _gc_paused() -> Iterator[None]:
    # The garbage collector, not libyaml, dominates load time on big files: the
    # node tree is acyclic garbage-free data, so collecting during the load is waste.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compose(text: str, path: str) -> Node | None:
    """Parse ``text`` into a node tree; a syntax error becomes a located problem."""
    try:
        with _gc_paused():
            node: Node | None = yaml.compose(text, Loader=_Loader)
            return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        # The culprit may sit on the line before the one libyaml stops at.
        source_line = "\n".join(text.split("\n", line)[max(line - 2, 0) : line])
        raise RectError([Problem(path, line, col, _syntax_message(exc, source_line))]) from None
    except yaml.YAMLError as exc:
        raise RectError([Problem(path, 1, 1, f"not valid YAML: {exc}")]) from None


def _syntax_message(exc: yaml.MarkedYAMLError, source_line: str) -> str:
    problem = exc.problem or str(exc)
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
    with _gc_paused():
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
    if isinstance(node, SequenceNode):
        return [_build(item, path, problems, seen) for item in node.value]
    assert isinstance(node, MappingNode)
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = _build(key_node, path, problems, seen)
        if key == "<<":
            raise RectError([Problem(path, *position(key_node), _ALIAS_MESSAGE)])
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
        result[key] = _build(value_node, path, problems, seen)
    return result


_ALIAS_MESSAGE = (
    "YAML anchors, aliases and merge keys are not allowed in rect files; write the value out"
)


def _scalar(node: ScalarNode, path: str, problems: list[Problem]) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    try:
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return _constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:int":
            return _constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return _constructor.construct_yaml_float(node)
        if tag == "tag:yaml.org,2002:timestamp":
            return _constructor.construct_yaml_timestamp(node)
    except ValueError as exc:  # 2024-02-30 reaches datetime.date and fails there
        problems.append(Problem(path, *position(node), f"impossible date {node.value}: {exc}"))
        return None
    problems.append(Problem(path, *position(node), f"the YAML tag {tag} is not allowed here"))
    return None


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
