"""Option values of the plain kinds rect uses, turned into Python values without pydantic.

Typer 0.29 coerces every option's value (even an absent one) through a pydantic
``TypeAdapter`` built for it: importing that machinery and building the adapters is a
tenth of the start-up of a command such as ``rect status`` (issue 6). For the kinds
rect's options have — text, a flag, a path, a whole number with bounds, a choice (Enum or
Literal), a list of paths — the value typer's adapter gives is known: the same text,
``Path(text)`` checked by typer's own ``coerce_cli_path``, ``int(digits)``, the choice
``coerce_cli_choice`` finds. :func:`quicken` gives such parameters a coercion doing
just that. Anything else — a value of another shape, one out of bounds, an unknown
choice, a path typer would refuse — goes to typer's own adapter, so every value and
every error message is exactly typer's (tests/test_startup.py holds the two to it).

Typer's coercion classes are not public: if they change, :func:`quicken` leaves the
parameters alone and typer coerces as it always does.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

if TYPE_CHECKING:
    from typer._click import Context
    from typer._click.core import Command
    from typer.core import _TyperParameter

try:  # typer's internals (0.29); without them rect runs as typer alone would
    from dataclasses import dataclass

    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer._typing import is_literal_type, literal_values
except ImportError:  # pragma: no cover - another typer
    RuntimeParam = None  # type: ignore[assignment,misc]

_SLOW = object()  # the quick way does not know: ask typer's adapter


def quicken(command: Command) -> None:
    """Give the plain parameters of ``command`` the quick coercion (see the module), and
    its help option too once it is made (click makes it when a context first asks)."""
    if RuntimeParam is None:  # pragma: no cover - another typer
        return
    for param in command.params:
        _quicken(param)
    if "get_help_option" not in vars(command):
        made = command.get_help_option

        def get_help_option(ctx: Context) -> Any:
            option = made(ctx)
            if option is not None:
                _quicken(option)
            return option

        command.get_help_option = get_help_option  # type: ignore[method-assign]


def _quicken(param: Any) -> None:
    if getattr(param, "_runtime_param", False) is None:  # typer's, not coerced yet
        param._runtime_param = quick(param)


def quick(param: Any) -> Any:
    """The quick coercion of a typer parameter; None when it is not of a plain kind."""
    descriptor = getattr(param, "type_descriptor", None)
    if RuntimeParam is None or descriptor is None or descriptor.file_annotation is not None:
        return None  # not typer's, or an open file
    kind, choices = _kind(descriptor.annotation, descriptor.parameter_info)
    if not kind:
        return None
    return _Quick(descriptor.parameter_info, descriptor.annotation, kind, choices)


def _kind(annotation: Any, info: Any) -> tuple[str, tuple[Any, ...]]:
    """Which quick coercion fits a parameter ("" none), and its choices."""
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return "", ()
    if annotation is str:
        return "str", ()
    if annotation is bool:
        return "bool", ()
    if annotation is Path and info.path_type is None:
        return "path", ()
    if get_origin(annotation) is list and get_args(annotation) == (Path,):
        return ("paths", ()) if info.path_type is None else ("", ())
    if annotation is int and not info.clamp:
        return "int", ()
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "choice", tuple(annotation)
    if is_literal_type(annotation):
        return "choice", tuple(literal_values(annotation))
    return "", ()


if RuntimeParam is not None:  # pragma: no branch - only another typer lacks it

    @dataclass(frozen=True)
    class _Quick(RuntimeParam):
        kind: str
        choices: tuple[Any, ...]

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            try:
                done = self._quick(value, param, ctx)
            except Exception:  # typer's adapter says what is wrong
                done = _SLOW
            if done is _SLOW:
                slow = build_runtime_param(param.type_descriptor)
                return slow._coerce_value(value, param=param, ctx=ctx)
            return done

        def _quick(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            info = self.parameter_info
            if self.kind == "str":
                return value if type(value) is str else _SLOW
            if self.kind == "bool":  # (a flag's True or False; text from a variable is slow)
                return value if type(value) is bool else _SLOW
            if self.kind == "path":
                return self._path(value, param, ctx)
            if self.kind == "paths":
                if not isinstance(value, (list, tuple)):
                    return _SLOW
                paths = [self._path(item, param, ctx) for item in value]
                return _SLOW if any(p is _SLOW for p in paths) else paths
            if self.kind == "int":
                if type(value) is str and value.isascii() and value.isdigit():
                    value = int(value)
                if type(value) is not int:
                    return _SLOW
                if (info.min is not None and value < info.min) or (
                    info.max is not None and value > info.max
                ):
                    return _SLOW
                return value
            return coerce_cli_choice(
                value, choices=self.choices, case_sensitive=info.case_sensitive, ctx=ctx
            )

        def _path(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            if type(value) is not str:
                return _SLOW
            # what pydantic's Path adapter makes of text, then typer's own checks
            return coerce_cli_path(
                Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
            )
