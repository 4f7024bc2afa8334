"""What an import returns, and the unit names it found: shared by the text and table
readers (plan_text, plan_rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rectcli.errors import Problem, did_you_mean
from rectcli.exchange.unit_names import is_generic, split_units, unit_name_problem
from rectcli.model.shapes import TaskFile
from rectcli.model.units import UnitRegistry


@dataclass(frozen=True)
class UnknownUnit:
    name: str
    line: int
    col: int
    where: str = ""  # the place as a message names it (plan.docx:table 1 row 7), if not line:col


@dataclass
class Imported:
    file: TaskFile
    unknown: list[UnknownUnit]
    warnings: list[Problem] = field(default_factory=list)  # gaps the clerk should fill in


def with_issued_hint(message: str) -> str:
    """A grammar message that asks for plan.issued, as an import asks: for --issued."""
    message = message.replace(
        "(or set plan.issued, whose year it would take)",
        "(or import with --issued DATE, whose year it takes)",
    )
    return message.replace(
        " and needs plan.issued (e.g. issued: 2024-04-12)",
        ": import with --issued DATE (e.g. --issued 2024-04-12)",
    )


def unknown_problems(
    unknown: Sequence[UnknownUnit], units: UnitRegistry, path: str, units_path: str, adding: bool
) -> list[Problem]:
    """Unknown units as problems: all of them, or (``adding``) those that are no unit name."""
    problems = []
    hint = f"add it to {units_path} or import with --add-units"
    for u in unknown:
        where = u.where or path
        if adding:
            if why := unit_name_problem(u.name):
                message = f"cannot add '{u.name}' to {units_path}: {why}; correct the plan"
                problems.append(Problem(where, u.line, u.col, message))
            continue
        guess = did_you_mean(u.name, units.canonical)
        fix = f"{guess} If not, {hint}" if guess else f"; {hint}"
        problems.append(Problem(where, u.line, u.col, f"unknown unit '{u.name}'{fix}"))
    return problems


def resolve_roles(
    text: str,
    units: UnitRegistry,
    unknown: list[UnknownUnit],
    warnings: list[Problem],
    place: tuple[str, int, int],
    at: Callable[[int], tuple[int, int]] | None = None,
) -> dict[str, str | None]:
    """The units.yaml names of a 责任单位 value, in its order, each with the role the value
    says (``lead`` for X牵头, ``helper`` for Y配合, else None); unknown names are collected
    in ``unknown``. ``place`` is (path, line, col) of the value; ``at`` maps an offset to
    (line, col)."""
    names: dict[str, str | None] = {}
    path = place[0]
    previous_known = False
    for said in split_units(text):
        line, col = at(said.start) if at else place[1:]
        name = units.resolve(said.name)
        bare = units.resolve(said.written) if said.written and name is None else None
        if bare is not None:  # 党工委、管委会 of a list the registry knows: its 管委会
            name = bare
            if not previous_known:
                message = f"'{said.written}' names no place; read as the existing unit '{bare}'"
                warnings.append(Problem(path, line, col, message, "warning"))
        elif name is None:
            if not any(u.name == said.name for u in unknown):
                unknown.append(UnknownUnit(said.name, line, col, "" if at else path))
            name = said.name
        elif is_generic(said.name):
            message = f"'{said.name}' names no place; read as the existing unit '{name}'"
            warnings.append(Problem(path, line, col, message, "warning"))
        previous_known = units.resolve(said.name) is not None or bare is not None
        names.setdefault(name, said.role)
    return names
