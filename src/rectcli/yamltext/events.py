"""The fast path of :class:`~rectcli.yamltext.source.Source`: data built straight from
libyaml's parser events, with the positions of the top few levels of mappings.

A node tree of a 40 MB list takes 700 MB; the events need none. Anything unusual (an
anchor, a tag, a duplicate key, a syntax error, a second document) raises
:class:`Unusual`, and the caller takes the node-tree path, which reports it exactly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from rectcli.memory import gc_paused
from rectcli.yamltext.loader import CONSTRUCTORS, IMPLICIT_FIRST, Loader

Loc = tuple[str | int, ...]
# Mappings this deep or less keep their position on the fast path: the top level,
# plan, tasks[i] and tasks[i].measures[j] (every item a report points at).
_KNOWN_DEPTH = 4
_STR = "tag:yaml.org,2002:str"


class Unusual(Exception):
    """Input the event path leaves to the node-tree path, which reports it exactly."""


_MAPPING = object()  # a frame's "key" slot when the next scalar is a key
_SHARED_LENGTH = 16
_PLAIN_TAGS = (None, "!")


def load_events(text: str, known: dict[Loc, tuple[int, int]]) -> tuple[bool, Any]:
    """(empty, data) of ``text``, built from parser events; raises Unusual."""
    loader = Loader(text)
    get_event: Callable[[], Any] = loader.get_event
    resolve_all = None in loader.yaml_implicit_resolvers
    resolved: dict[str, Any] = {}  # statuses and dates repeat: read each once
    stack: list[list[Any]] = []  # [container, key] frames; key is _MAPPING between pairs
    result: Any = None
    try:
        with gc_paused():
            get_event()  # StreamStartEvent
            if isinstance(get_event(), StreamEndEvent):
                return True, None
            while True:
                event = get_event()
                kind = type(event)
                value: Any
                if kind is ScalarEvent:
                    if event.anchor is not None or event.tag not in _PLAIN_TAGS:
                        raise Unusual
                    value = event.value
                    if event.implicit[0] and (
                        resolve_all or value[:1] in IMPLICIT_FIRST or not value
                    ):
                        if value not in resolved:
                            resolved[value] = _resolved(loader, value)
                        value = resolved[value]
                    elif len(value) <= _SHARED_LENGTH:
                        # Unit names and keys repeat: one object each makes lookups
                        # faster and the parse cache smaller (pickle stores it once).
                        value = sys.intern(value)
                elif kind is MappingStartEvent or kind is SequenceStartEvent:
                    if event.anchor is not None or event.tag not in _PLAIN_TAGS:
                        raise Unusual
                    if kind is MappingStartEvent:
                        if len(stack) <= _KNOWN_DEPTH:
                            loc = tuple(f[1] if type(f[0]) is dict else len(f[0]) for f in stack)
                            mark = event.start_mark
                            known[loc] = (mark.line + 1, mark.column + 1)
                        stack.append([{}, _MAPPING])
                    else:
                        stack.append([[], None])
                    continue
                elif kind is MappingEndEvent or kind is SequenceEndEvent:
                    value = stack.pop()[0]
                elif kind is DocumentEndEvent:
                    break
                else:  # an alias
                    raise Unusual
                if not stack:
                    result = value
                    continue
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    container.append(value)
                elif frame[1] is _MAPPING:
                    if type(value) is not str or value in container or value.startswith("\u3000"):
                        raise Unusual
                    frame[1] = value
                else:
                    container[frame[1]] = value
                    frame[1] = _MAPPING
            if not isinstance(get_event(), StreamEndEvent):
                raise Unusual  # a second document
    except yaml.YAMLError:
        raise Unusual from None
    finally:
        loader.dispose()
    return False, result


def _resolved(loader: Any, value: str) -> Any:
    """A plain scalar that YAML may read as something else than text."""
    tag = loader.resolve(ScalarNode, value, (True, False))
    if tag == _STR:
        return value
    build = CONSTRUCTORS.get(tag)
    if build is None:  # a merge key, '=' …: the node-tree path names the problem
        raise Unusual
    try:
        return build(ScalarNode(tag, value))
    except ValueError:  # 2024-02-30
        raise Unusual from None
