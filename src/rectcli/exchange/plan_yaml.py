"""Write task lists and unit entries as YAML text in rect's own layout (docs/format.md).

Not ``yaml.dump``: rect's files quote ids, keep lists and small mappings in flow style,
put each text on one line and start every item with its ``id`` — and an appended unit
must leave the rest of units.yaml, comments included, as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from yaml.nodes import MappingNode, SequenceNode

from rectcli.errors import Problem, RectError
from rectcli.model.shapes import Measure, Milestone, Recurring, Task, TaskFile
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.emit import flow_map, text_scalar


def _flow_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(text_scalar(v, flow=True) for v in values) + "]"


def _flow_map(pairs: Iterable[tuple[str, str | list[str] | None]]) -> str:
    items = []
    for key, value in pairs:
        if value is None:
            continue
        shown = _flow_list(value) if isinstance(value, list) else text_scalar(value, flow=True)
        items.append(f"{key}: {shown}")
    return "{" + ", ".join(items) + "}"


def tasks_yaml(file: TaskFile, header: Sequence[str] = ()) -> str:
    """A new tasks.yaml for ``file`` (its progress logs and statuses included)."""
    out = [f"# {line}" if line else "#" for line in header]
    plan = file.plan
    out += ["plan:", f"  title: {text_scalar(plan.title)}"]
    if plan.issued:
        out.append(f"  issued: {plan.issued.isoformat()}")
    if plan.issuer:
        out.append(f"  issuer: {text_scalar(plan.issuer)}")
    out.append("tasks:" if file.tasks else "tasks: []")
    for task in file.tasks:
        out += _task(task)
    return "\n".join(out) + "\n"


def _task(task: Task) -> list[str]:
    lines = [
        f"  - id: {json.dumps(task.id, ensure_ascii=False)}",
        f"    title: {text_scalar(task.title)}",
    ]
    if task.finding:
        lines.append(f"    finding: {text_scalar(task.finding)}")
    lines.append(f"    units: {_flow_list(task.units)}")
    if task.helpers:  # 配合单位: they assist, with no part of their own
        lines.append(f"    helpers: {_flow_list(task.helpers)}")
    for key in ("persons", "supervisor", "goal", "deadline"):
        value = getattr(task, key)
        if value is not None:
            lines.append(f"    {key}: {text_scalar(value)}")
    if task.measures:
        lines.append("    measures:")
        for measure in task.measures:
            lines += _measure(measure)
    return lines


def _measure(measure: Measure) -> list[str]:
    pad = " " * 8
    lines = [f"      - id: {json.dumps(measure.id, ensure_ascii=False)}"]
    lines.append(f"{pad}text: {text_scalar(measure.text)}")
    if measure.units is not None:
        lines.append(f"{pad}units: {_flow_list(measure.units)}")
    if measure.helpers is not None:
        lines.append(f"{pad}helpers: {_flow_list(measure.helpers)}")
    if measure.persons is not None:
        lines.append(f"{pad}persons: {text_scalar(measure.persons)}")
    if measure.deadline is not None:
        lines.append(f"{pad}deadline: {text_scalar(measure.deadline)}")
    if measure.milestones:
        lines.append(f"{pad}milestones:")
        lines += [f"{pad}  - {_milestone(m)}" for m in measure.milestones]
    if measure.recurring:
        lines.append(f"{pad}recurring:")
        lines += [f"{pad}  - {_recurring(r)}" for r in measure.recurring]
    lines.append(f"{pad}status: {measure.status}")
    if measure.progress:
        lines.append(f"{pad}progress:")
        for entry in measure.progress:
            data = entry.model_dump(exclude_none=True)
            lines.append(f"{pad}  - " + flow_map(list(data.items())))
    return lines


def _milestone(milestone: Milestone) -> str:
    done = milestone.done.isoformat() if milestone.done else None
    return _flow_map([("deadline", milestone.deadline), ("text", milestone.text), ("done", done)])


def _recurring(duty: Recurring) -> str:
    pairs = [("every", duty.every), ("rrule", duty.rrule), ("text", duty.text)]
    return _flow_map([*pairs, ("units", duty.units)])


def add_units(text: str | None, names: Sequence[tuple[str, str]], path: str) -> str:
    """units.yaml ``text`` (None: no file yet) with a unit entry appended per (name, note),
    after the last unit; every other line is kept as it was."""
    entries = [(f"- name: {text_scalar(name)}   # {note}", "  aliases: []") for name, note in names]
    if text is None or not text.strip():
        return "units:\n" + "".join(f"  {a}\n  {b}\n" for a, b in entries)
    root = yamlsrc.compose(text, path)
    units = None
    if isinstance(root, MappingNode):
        units = next((v for k, v in root.value if k.value == "units"), None)
    if not isinstance(units, SequenceNode) or units.flow_style or not units.value:
        raise RectError(
            [Problem(path, 1, 1, "cannot add units: expected a block list under 'units:'")]
        )
    last = units.value[-1]
    indent = " " * max(last.start_mark.column - 2, 0)
    end = last.end_mark
    after = end.line if end.column == 0 else end.line + 1  # lines before the insertion
    if isinstance(last, MappingNode) and last.value:
        value_end = last.value[-1][1].end_mark
        after = value_end.line if value_end.column == 0 else value_end.line + 1
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    added = [f"{indent}{a}\n{indent}{b}\n" for a, b in entries]
    return "".join(lines[:after] + added + lines[after:])
