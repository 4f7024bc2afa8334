"""``rect import`` on files: read the plan and units.yaml, build the task list and check
that it loads; then write it, and units.yaml when names were added — or, on any
problem, nothing at all.

The readers (:mod:`~rectcli.exchange.plan_import`) take bytes and text; this module is
where the files come in and go out, through :mod:`rectcli.store`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from rectcli import store
from rectcli.errors import Problem, RectError

_HEADER = (
    "Imported by `rect import` from {plan}.",
    "Each measure's units, deadline, milestones and recurring duties were read",
    "from its text: check them against the plan (docs/import.md).",
)


@dataclass(frozen=True)
class PlanImport:
    """What an import writes: the task list, units.yaml's new text (None: unchanged)."""

    yaml_text: str
    units_text: str | None
    added: list[str]  # the unit names added to units.yaml
    warnings: list[Problem]  # the gaps a clerk fills in, each at its place in the plan
    tasks: int
    measures: int


def read_plan_import(
    plan: Path,
    units_path: Path,
    *,
    shown_output: str,
    issued: date | None,
    add_units: bool,
    today: date,
) -> PlanImport:
    """The task list of the plan document at ``plan``; writes nothing."""
    from rectcli.exchange.plan_import import Source, import_document
    from rectcli.exchange.plan_yaml import add_units as with_units
    from rectcli.exchange.plan_yaml import tasks_yaml
    from rectcli.model.shapes import UnitFile
    from rectcli.model.units import UnitRegistry
    from rectcli.model.validate import parse_tasks, parse_units

    shown_units = store.display_path(units_path)
    if units_path.exists():
        registry = store.load_units(units_path)
    elif add_units:
        registry = UnitRegistry(UnitFile(units=[]))
    else:
        message = "no such file; write it (docs/format.md) or import with --add-units"
        raise RectError([Problem(shown_units, 0, 0, message)])
    shown_plan = store.display_path(plan)
    suffix = plan.suffix.lower()
    if suffix == ".doc":
        raise RectError([Problem(shown_plan, 0, 0, "an old Word .doc file; save it as .docx")])
    if suffix == ".xls":
        raise RectError([Problem(shown_plan, 0, 0, "an old Excel .xls file; save it as .xlsx")])
    binary = suffix in (".docx", ".xlsx")
    text = None if binary else store.read_text(plan)
    source = Source(
        store.read_office(plan) if binary else b"",
        suffix if binary else ".txt",
        shown_plan,
        registry,
        shown_units,
        issued,
        add_units,
        today,
    )
    found = import_document(source, text)
    units_text, added = None, []
    if found.unknown:  # nothing is written until the whole import has succeeded
        places = [u.where or f"{shown_plan}:{u.line}:{u.col}" for u in found.unknown]
        notes = [
            (u.name, f"added by rect import ({place}): set full and kind")
            for u, place in zip(found.unknown, places, strict=True)
        ]
        current = store.read_text(units_path) if units_path.exists() else None
        units_text = with_units(current, notes, shown_units)
        registry = parse_units(units_text, shown_units)  # never write an invalid file
        added = [name for name, _ in notes]
        found = import_document(replace(source, units=registry, allow_unknown=False), text)
    header = [line.format(plan=plan.name) for line in _HEADER]
    yaml_text = tasks_yaml(found.file, header)
    try:
        parse_tasks(yaml_text, shown_output, registry)  # what is written loads
    except RectError as error:  # as the import's own problems: nothing was written
        hint = "" if issued else "; import with --issued DATE"
        messages = dict.fromkeys(f"{p.message}{hint}" for p in error.problems)
        raise RectError([Problem(shown_plan, 0, 0, m) for m in messages]) from None
    measures = sum(len(t.measures) for t in found.file.tasks)
    return PlanImport(
        yaml_text, units_text, added, list(found.warnings), len(found.file.tasks), measures
    )


def write_plan_import(result: PlanImport, output: Path | None, units_path: Path) -> None:
    """Write units.yaml (when names were added) and the task list (unless printed)."""
    if result.units_text is not None:
        with _locked(units_path):
            store.write_atomic(units_path, result.units_text)
    if output is not None:
        with _locked(output):
            store.write_output(output, result.yaml_text, yaml=True)


def _locked(path: Path) -> contextlib.AbstractContextManager[None]:
    """The writers' lock of a file that exists (rect mark may be editing it); a new
    file has no writers to wait for."""
    return store.locked(path) if path.is_file() else contextlib.nullcontext()
