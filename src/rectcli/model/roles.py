"""Who takes part in a measure (docs/format.md, "Helpers and a lead that finishes alone"):
its responsible units, each with a part; the 配合单位 that assist (``helpers``), with no
part of their own; and a lead unit that finishes the measure alone (``finished_by``),
whose part is then the measure's only one. What loading checks of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rectcli.errors import did_you_mean

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure, Task
    from rectcli.model.units import UnitRegistry

Finding = tuple[tuple[str | int, ...], str]  # (where, under the item's loc; message)


def task_role_findings(task: Task, units: UnitRegistry) -> list[Finding]:
    """What is wrong with a problem's ``helpers``."""
    return _helper_findings(task.helpers, task.units, task.id, units)


def measure_role_findings(task: Task, measure: Measure, units: UnitRegistry) -> list[Finding]:
    """What is wrong with a measure's own ``helpers`` and its ``finished_by``."""
    names = measure.units if measure.units is not None else task.units
    found = _helper_findings(measure.helpers, names, measure.id, units)
    lead = measure.finished_by
    if lead is None:
        return found
    resolved = units.resolve(lead)
    mine = units.expand(units.resolve(n) or n for n in names)
    if resolved is None:
        message = f"finished_by: unknown unit '{lead}'" + did_you_mean(lead, mine)
    elif resolved in units.groups:
        message = (
            f"finished_by: '{lead}' is a group; the lead that finishes {measure.id} alone "
            "is one unit"
        )
    elif resolved not in mine:
        message = f"finished_by: {lead} is not one of {measure.id}'s units ({'、'.join(mine)})"
    else:
        return found
    return [*found, (("finished_by",), message)]


def _helper_findings(
    helpers: Sequence[str] | None, responsible: Sequence[str], item: str, units: UnitRegistry
) -> list[Finding]:
    found: list[Finding] = []
    mine = set(units.expand(units.resolve(n) or n for n in responsible))
    for index, name in enumerate(helpers or ()):
        resolved = units.resolve(name)
        if resolved is None:
            message = (
                f"unknown unit '{name}'"
                + did_you_mean(name, units.canonical)
                + " (units are listed in units.yaml)"
            )
        elif not mine.isdisjoint(units.expand([resolved])):
            message = (
                f"helpers: {name} is one of {item}'s responsible units; a helper (配合单位) "
                "assists, with no part of its own: list it in one place"
            )
        else:
            continue
        found.append((("helpers", index), message))
    return found
