"""A task list kept in several files, validated together as one :class:`Checklist`.

A province's list is too big for one file and one editor: each district or bureau
keeps its own file (``data/tasks/池北区.yaml`` beside ``data/tasks.yaml``, or every
``*.yaml`` of a directory named with ``--file``). Each file holds ``tasks:``; the
``plan:`` is written once, in one of them (the main ``tasks.yaml`` when there is one).
Ids are unique across all files, and every problem names its own file and line.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from rectcli.dates.workdays import WorkCalendar
from rectcli.errors import Problem, RectError
from rectcli.memory import gc_paused
from rectcli.model.checklist import Checklist
from rectcli.model.policy import Policy
from rectcli.model.shapes import Plan, Task, TaskFile
from rectcli.model.units import UnitRegistry
from rectcli.model.validate import check_tasks, parse_source, validate_model
from rectcli.yamltext import source as yamlsrc


class Shard(BaseModel):
    """One file of a sharded list: its tasks, and the plan if it is the file that says it."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    plan: Plan | None = None
    tasks: list[Task] = []


def parse_shards(
    name: str,
    files: Sequence[tuple[str, str]],
    units: UnitRegistry,
    *,
    policy: Policy | None = None,
    calendar: WorkCalendar | None = None,
) -> Checklist:
    """The list ``name`` (as shown: its main file or directory) made of ``files``,
    each (text, path as shown), in order."""
    sources: list[tuple[yamlsrc.Source, Shard]] = []
    problems: list[Problem] = []
    for text, path in files:
        try:
            source = parse_source(text, path, "tasks:")
            sources.append((source, validate_model(Shard, source)))
        except RectError as exc:
            problems += exc.problems
    if problems:
        raise RectError(problems)
    plans = [(source, shard.plan) for source, shard in sources if shard.plan is not None]
    if not plans:
        first = files[0][1] if files else name
        raise RectError(
            [Problem(first, 1, 1, "no plan: in any file of the list; write it once, in " + first)]
        )
    (first_source, plan), *others = plans
    problems += [
        Problem(
            source.path,
            *yamlsrc.position(yamlsrc.key_node(source.root, "plan") or source.root),
            f"a second plan: (the first is in {first_source.path}); write it in one file only",
        )
        for source, _ in others
    ]
    with gc_paused():  # see parse_tasks
        tasks = [task for _, shard in sources for task in shard.tasks]
        checklist = Checklist(name, TaskFile(plan=plan, tasks=tasks), units)
        checklist.policy = policy or checklist.policy
        checklist.calendar = calendar or checklist.calendar
        for source, shard in sources:
            problems += check_tasks(checklist, source, shard.tasks)
    if problems:
        raise RectError(problems)
    for item_id in checklist.positions:  # every row of a sharded list names its file
        checklist.files.setdefault(item_id, name)
    return checklist
