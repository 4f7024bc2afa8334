"""The YAML loader rect composes and parses with: PyYAML's safe loader (libyaml's when
built), finding the same tags with less work.

libyaml's composer asks the Python resolver about every node — ``descend_resolver``,
``resolve``, ``ascend_resolver``: three calls each, a quarter of the time composing a big
list takes. No path resolvers are registered, so descending and ascending do nothing,
and only a plain scalar starting with one of a few characters (a digit, a sign, ``.``,
``~``, ``<``, ``=``, one of ``yYnNtTfFoO``) can be anything but text, a list or a
mapping: only those ask PyYAML's own resolver, once per distinct value.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode

try:  # libyaml's parser is several times faster; fall back when it is not built
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

# The first characters of the plain scalars YAML may read as something else than text.
IMPLICIT_FIRST = frozenset(k for k in SafeLoader.yaml_implicit_resolvers if k is not None)
_RESOLVES_ANY = None in SafeLoader.yaml_implicit_resolvers  # a resolver for every scalar
_STR = SafeLoader.DEFAULT_SCALAR_TAG
_SEQ, _MAP = SafeLoader.DEFAULT_SEQUENCE_TAG, SafeLoader.DEFAULT_MAPPING_TAG


class Loader(SafeLoader):
    """The safe loader, with the resolver's answers found quickly (see the module)."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # what Resolver does without path resolvers

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0] and (not value or value[0] in IMPLICIT_FIRST or _RESOLVES_ANY):
                return _resolve_plain(value)
            return _STR
        return _MAP if kind is MappingNode else _SEQ


assert not Loader.yaml_path_resolvers  # see the module
_resolver = SafeLoader("")


@lru_cache(maxsize=4096)  # dates, statuses and numbers repeat
def _resolve_plain(value: str) -> str:
    """The tag of a plain scalar, as the safe loader's own resolver finds it."""
    tag: str = _resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


_constructor = yaml.SafeLoader("")  # only its construct_yaml_* helpers are used
# How a plain scalar's resolved tag becomes a value (the safe loader's own helpers).
CONSTRUCTORS: dict[str, Callable[[ScalarNode], Any]] = {
    "tag:yaml.org,2002:null": lambda _: None,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _constructor.construct_yaml_timestamp,
}
