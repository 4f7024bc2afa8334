"""The plan's quantitative targets (主要目标): targets.yaml read with located errors, and
each target's latest reading judged as of a day (docs/targets.md). Pure: ``today`` is
passed in, nothing is printed.

A target is **met** when its latest reading (on or before today) reaches it; otherwise
it is **at risk** until its deadline and **not met** after it; with no reading yet it
has **no data**.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.errors import Problem, RectError, did_you_mean
from rectcli.model.target_shapes import Reading, Target, TargetFile
from rectcli.yamltext import source as yamlsrc

TargetStatus = Literal["met", "at_risk", "not_met", "no_data"]
TARGET_STATUSES: tuple[TargetStatus, ...] = ("met", "at_risk", "not_met", "no_data")
_MODELS: dict[str, type[BaseModel]] = {"targets": Target, "readings": Reading}


def parse_targets(text: str, path: str) -> TargetFile:
    """Validate targets.yaml; every problem is raised at once, each at its place."""
    source = yamlsrc.Source(text, path)
    if source.empty or not isinstance(source.data, dict):
        where = (1, 1) if source.empty else source.at([])
        raise RectError(
            [Problem(path, *where, "expected a mapping with 'targets:' at the top of the file")]
        )
    try:
        file = TargetFile.model_validate(source.data)
    except ValidationError as exc:
        raise RectError(
            _problem(err["type"], err["loc"], err["msg"], source)
            for err in exc.errors(include_input=False, include_url=False)
        ) from None
    problems = _check(file, source)
    if problems:
        raise RectError(problems)
    return file


def _problem(kind: str, loc: Sequence[str | int], msg: str, source: yamlsrc.Source) -> Problem:
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    if kind == "extra_forbidden":
        parent = yamlsrc.locate(source.root, loc[:-1])
        key = yamlsrc.key_node(parent, str(loc[-1])) or parent
        owner = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "")
        fields = tuple(_MODELS[owner].model_fields) if owner in _MODELS else ("targets",)
        return Problem(
            source.path,
            *yamlsrc.position(key),
            f"unknown key '{loc[-1]}'" + did_you_mean(str(loc[-1]), fields),
        )
    line, col = source.at(loc)
    if kind == "missing":
        return Problem(source.path, line, col, f"missing required key '{loc[-1]}'")
    return Problem(source.path, line, col, f"{name}: {msg[0].lower()}{msg[1:]}")


def _check(file: TargetFile, source: yamlsrc.Source) -> list[Problem]:
    """What pydantic cannot see: ids, the one bound, the deadline and the readings' order."""
    problems: list[Problem] = []

    def problem(loc: list[str | int], message: str) -> None:
        problems.append(Problem(source.path, *source.at(loc), message))

    seen: set[str] = set()
    for index, target in enumerate(file.targets):
        loc: list[str | int] = ["targets", index]
        if target.id in seen:
            problem([*loc, "id"], f"duplicate target id '{target.id}'; ids must be unique")
        seen.add(target.id)
        if (target.at_least is None) == (target.at_most is None):
            problem(loc, f"target '{target.id}' needs exactly one of at_least: or at_most:")
        try:
            parse_deadline(target.by)
        except DeadlineError as exc:
            problem([*loc, "by"], f"by: {exc}")
        percent = target.unit.strip() == "%"
        bound = target.at_least if target.at_least is not None else target.at_most
        if percent and bound is not None and not 0 <= bound <= 100:
            key = "at_least" if target.at_least is not None else "at_most"
            problem([*loc, key], f"{key}: a percentage runs from 0 to 100, not {bound:g}")
        previous: date | None = None
        for r_index, reading in enumerate(target.readings):
            r_loc = [*loc, "readings", r_index]
            if previous is not None and reading.date <= previous:
                problem(
                    [*r_loc, "date"],
                    f"readings must be oldest first, one per date: {reading.date} "
                    f"comes after {previous}",
                )
            previous = reading.date
            if percent and not 0 <= reading.value <= 100:
                problem(
                    [*r_loc, "value"],
                    f"value: a percentage runs from 0 to 100, not {reading.value:g}",
                )
    return problems


@dataclass(frozen=True)
class TargetRow:
    """One target as `rect targets` shows it, as of a day."""

    target: Target
    due: date | None
    latest: Reading | None
    previous: Reading | None
    status: TargetStatus

    @property
    def comparison(self) -> str:
        return ">=" if self.target.at_least is not None else "<="

    @property
    def bound(self) -> float:
        value = self.target.at_least if self.target.at_least is not None else self.target.at_most
        assert value is not None
        return value

    @property
    def change(self) -> float | None:
        """The latest reading minus the one before (rounded as the readings are)."""
        if self.latest is None or self.previous is None:
            return None
        return round(self.latest.value - self.previous.value, 6)

    def to_json(self) -> dict[str, Any]:
        latest = self.latest
        return {
            "id": self.target.id,
            "name": self.target.name,
            "scope": self.target.scope,
            "unit": self.target.unit,
            "comparison": self.comparison,
            "target": self.bound,
            "by": self.target.by,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "latest": None
            if latest is None
            else {"date": latest.date.isoformat(), "value": latest.value, "period": latest.period},
            "change": self.change,
        }


def meets(target: Target, value: float) -> bool:
    if target.at_least is not None:
        return value >= target.at_least
    return target.at_most is not None and value <= target.at_most


def target_rows(file: TargetFile, today: date) -> list[TargetRow]:
    """Each target's latest reading on or before ``today``, and what it means."""
    rows = []
    for target in file.targets:
        due = parse_deadline(target.by).due
        known = [r for r in target.readings if r.date <= today]
        latest = known[-1] if known else None
        previous = known[-2] if len(known) > 1 else None
        status: TargetStatus
        if latest is None:
            status = "no_data"
        elif meets(target, latest.value):
            status = "met"
        elif due is not None and today > due:
            status = "not_met"
        else:
            status = "at_risk"
        rows.append(TargetRow(target, due, latest, previous, status))
    return rows
