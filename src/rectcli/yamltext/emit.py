"""Writing YAML scalars by hand: plain where YAML reads the text back unchanged, else quoted.

``rect mark`` and ``rect fmt`` write YAML text themselves instead of dumping data, so they
need to know when a plain scalar is safe. PyYAML's emitter knows, but it is slow per scalar
and would re-dump the file; these checks are the same rules as regular expressions, and
PyYAML's own resolver decides whether plain text would be read back as text (YAML 1.1
turns ``yes``, ``010``, ``2024-06-30`` or ``12:30`` into something else).
"""

from __future__ import annotations

import re
from datetime import date

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()
# Only a scalar starting with one of these can be read as something else than text.
_IMPLICIT_FIRST = frozenset(k for k in Resolver.yaml_implicit_resolvers if k is not None)
_RESOLVES_ANY = None in Resolver.yaml_implicit_resolvers
# Characters a YAML reader refuses raw or reads as line breaks (\x85, \u2028, \u2029).
_SPECIAL = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
# A plain scalar may not start with an indicator (nor contain ': ' or ' #'); in a flow
# collection PyYAML also ends it at any of , ? [ ] { } and reads every ':' as a key marker.
_BLOCK_UNSAFE = re.compile(f"^[-?:,\\[\\]{{}}#&*!|>'\"%@`]|: |:$| #|[{_SPECIAL}]")
_FLOW_UNSAFE = re.compile(f"^[-?:,\\[\\]{{}}#&*!|>'\"%@`]|[:?,\\[\\]{{}}]| #|[{_SPECIAL}]")
# Enough to tell most text safe without the patterns above (a tenth of their time): no
# indicator first, no ':' or '#' (nor a flow indicator, in a flow), and printable, which
# every character of _SPECIAL is not (tests/test_yamlemit.py checks).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_ONLY = re.compile(r"[?,\[\]{}]")
_NEEDS_ESCAPE = re.compile(f'[\\\\"{_SPECIAL}]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b"}


def reads_as_text(value: str) -> bool:
    """Whether ``value`` written plain is read back as this string (not a number, date…)."""
    if value and value[0] not in _IMPLICIT_FIRST and not _RESOLVES_ANY:
        return True  # what the resolver says, without asking it: most text
    tag: str = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR


def plain_ok(value: str, *, flow: bool = False, as_text: bool = False) -> bool:
    """Whether ``value`` can be written as a plain (unquoted) scalar and read back as is
    (``as_text``: it is known to read as text, so only its characters are checked)."""
    if not value or value[0].isspace() or value[-1].isspace():
        return False
    if not _clearly_safe(value, flow):
        unsafe = _FLOW_UNSAFE if flow else _BLOCK_UNSAFE
        if unsafe.search(value) is not None:
            return False
    return as_text or reads_as_text(value)


def _clearly_safe(value: str, flow: bool) -> bool:
    """Whether ``value`` (not empty) surely has nothing the unsafe patterns look for."""
    if value[0] in _INDICATORS or ":" in value or "#" in value:
        return False
    if flow and _FLOW_ONLY.search(value):
        return False
    return value.isprintable()


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def double_quoted(value: str) -> str:
    """``value`` as a one-line double-quoted scalar (also a valid JSON string)."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def text_scalar(value: str, *, flow: bool = False) -> str:
    """A string as YAML: plain where safe, else double-quoted; always one line."""
    return value if plain_ok(value, flow=flow) else double_quoted(value)


def flow_map(items: list[tuple[str, str | int | date]]) -> str:
    """``{key: value, …}`` on one line, for progress entries; dates, numbers and booleans
    stay plain."""
    parts = []
    for key, value in items:
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str):
            text = text_scalar(value, flow=True)
        elif isinstance(value, date):
            text = value.isoformat()
        else:
            text = str(value)
        parts.append(f"{key}: {text}")
    return "{" + ", ".join(parts) + "}"
