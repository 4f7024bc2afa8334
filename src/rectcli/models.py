"""The shape of tasks.yaml and units.yaml (see docs/format.md), as pydantic models.

Models hold what the files say, nothing derived: due dates, overdue flags and unit
resolution are computed from them elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Status = Literal["todo", "doing", "done", "closed"]
STATUSES: tuple[Status, ...] = ("todo", "doing", "done", "closed")
FINISHED: frozenset[str] = frozenset({"done", "closed"})
UnitKind = Literal[
    "party", "government", "district", "department", "judicial", "institution", "enterprise"
]


def _date_as_text(value: object) -> object:
    # `deadline: 2024-06-30` unquoted reaches us as a date; it is still the phrase.
    return value.isoformat() if isinstance(value, date) else value


DeadlineText = Annotated[str, BeforeValidator(_date_as_text)]


class _Model(BaseModel):
    # hide_input_in_errors: pydantic prints the offending value, which for an alias
    # bomb or a 40 MB list costs minutes and gigabytes.
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


class ProgressEntry(_Model):
    date: date
    status: Status
    note: str | None = None
    by: str | None = None
    percent: int | None = Field(default=None, ge=0, le=100)
    evidence: str | None = None


class Milestone(_Model):
    deadline: DeadlineText
    text: str | None = None
    done: date | None = None


class Recurring(_Model):
    every: str
    text: str | None = None
    units: list[str] | None = None


class Measure(_Model):
    id: str = Field(min_length=1)
    text: str
    units: list[str] | None = None
    persons: str | None = None
    deadline: DeadlineText | None = None
    milestones: list[Milestone] = []
    recurring: list[Recurring] = []
    status: Status = "todo"
    progress: list[ProgressEntry] = []


class Task(_Model):
    id: str = Field(min_length=1)
    title: str
    finding: str | None = None
    units: list[str]
    persons: str | None = None
    supervisor: str | None = None
    goal: str | None = None
    deadline: DeadlineText
    measures: list[Measure] = []


class Plan(_Model):
    title: str
    issued: date | None = None
    issuer: str | None = None


class TaskFile(_Model):
    plan: Plan
    tasks: list[Task] = []

    def measures(self) -> Iterator[tuple[Task, Measure]]:
        for task in self.tasks:
            for measure in task.measures:
                yield task, measure


class Unit(_Model):
    name: str = Field(min_length=1)
    full: str | None = None
    aliases: list[str] = []
    kind: UnitKind | None = None


class Group(_Model):
    name: str = Field(min_length=1)
    members: list[str]
    aliases: list[str] = []


class UnitFile(_Model):
    units: list[Unit]
    groups: list[Group] = []
