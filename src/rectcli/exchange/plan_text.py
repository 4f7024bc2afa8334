"""Read a 整改任务清单 in the official text format into a task list (pure; docs/import.md).

The format is the annex of the plans rect was built on::

    整改任务清单
    一、<problem headline>。<finding>
    责任单位：…   责 任 人：…   督导单位：…   整改目标：…   整改时限：…
    整改措施：
    （一）<measure>
    （二）<measure>
    二、…

Labels may hold spaces (``责 任 人``) and end in a full- or half-width colon; measures may
be numbered （一） (1) or 1. A line that starts none of these continues the one before.
The annex starts after the last line ending in ``整改任务清单`` that is followed by ``一、``
(else at the top, keeping only the headings that have fields) and ends at ``抄送``, ``附件``
or the ``…印发`` line. The lines become blocks in :mod:`plan_blocks` (which also reads
the variants offices publish); what a measure's text says about owners, deadlines, steps
and duties is read by :mod:`measure_text`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import PurePath

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.dates.recurrence import ScheduleError, parse_schedule
from rectcli.errors import Problem, RectError
from rectcli.exchange.imported import (
    Imported,
    UnknownUnit,
    resolve_roles,
    unknown_problems,
    with_issued_hint,
)
from rectcli.exchange.measure_text import UnitFinder, analyse, goal_deadline
from rectcli.exchange.plan_blocks import (
    HEADING,
    Block,
    Span,
    annex_start,
    cn_number,
    read_blocks,
)
from rectcli.memory import gc_paused
from rectcli.model.shapes import Measure, Milestone, Plan, Recurring, Task, TaskFile
from rectcli.model.units import UnitRegistry

__all__ = ["Span", "build_measure", "cn_number", "parse_plan", "plan_header"]

_ISSUED = re.compile(
    r"\s*(?P<issuer>.*?)\s*(?P<when>[0-9〇零○一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月"
    r"[0-9一二三四五六七八九十]{1,3}日)\s*印发\s*$"
)


def parse_plan(
    text: str,
    path: str,
    units: UnitRegistry,
    *,
    units_path: str = "units.yaml",
    issued: date | None = None,
    allow_unknown: bool = False,
) -> Imported:
    """The task list of a plan document. Unknown 责任单位/督导单位 names are problems, or
    (``allow_unknown``) returned to be added to units.yaml; any other problem raises."""
    with gc_paused():  # tens of thousands of small objects, none of them garbage
        return _parse_plan(text, path, units, units_path, issued, allow_unknown)


def _parse_plan(
    text: str,
    path: str,
    units: UnitRegistry,
    units_path: str,
    issued: date | None,
    allow_unknown: bool,
) -> Imported:
    lines = text.split("\n")
    plan = plan_header(lines, path, issued)
    start, marked = annex_start(lines)
    warnings: list[Problem] = []
    blocks = found = read_blocks(lines, start, path, warnings)
    if not marked:
        blocks = [b for b in blocks if b.fields]
    if sites := [b for b in blocks if b.site]:  # a 督查通报 lists its sites, nothing else
        blocks = sites
    if len({b.number for b in sites}) < len(sites):  # numbered again in each group of sites
        for index, block in enumerate(sites, start=1):
            block.number = index
    problems: list[Problem] = []
    unknown: list[UnknownUnit] = []
    finder = UnitFinder(units)
    tasks = [
        _task(b, path, units, finder, plan.issued, problems, unknown, warnings) for b in blocks
    ]
    if not tasks:
        problems.append(
            Problem(
                path,
                0,
                0,
                f"no problems found: {_what_was_found(found)}; rect reads headings 一、… "
                "followed by 责任单位：, 整改时限： and 整改措施： lines, sites 1. … with "
                "(1)… findings, or a table (see docs/import.md)",
            )
        )
    seen: dict[str, int] = {}
    for block, task in zip(blocks, tasks, strict=True):
        if task.id in seen:
            problems.append(
                Problem(
                    path, block.line, 1, f"problem {task.id} again (first on line {seen[task.id]})"
                )
            )
        seen.setdefault(task.id, block.line)
    problems += unknown_problems(unknown, units, path, units_path, allow_unknown)
    if problems:
        raise RectError(problems)
    return Imported(TaskFile(plan=plan, tasks=tasks), unknown, warnings)


def _what_was_found(blocks: Sequence[Block]) -> str:
    if not blocks:
        return "no heading 一、…, no label line and no numbered site"
    firsts = [b.heading.parts[0][2] if b.heading.parts else "" for b in blocks[:4]]
    shown = "、".join(t[:10] + ("…" if len(t) > 10 else "") for t in firsts)
    more = f" and {len(blocks) - 4} more" if len(blocks) > 4 else ""
    return f"headings {shown}{more}, none followed by a label line"


def plan_header(lines: Sequence[str], path: str, issued: date | None) -> Plan:
    """The plan's title (its first lines) and issue date (its ``…印发`` line)."""
    title: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or re.fullmatch(r"附件\s*[0-9]*[：:]?", stripped):
            continue
        if stripped.endswith("。") or "：" in stripped or ":" in stripped or len(stripped) > 40:
            break  # a sentence, a label line (主送, 填报单位：…) or a paragraph
        if stripped == "整改任务清单" or HEADING.match(stripped):  # the annex's label, a heading
            break
        title.append(stripped)
    issuer = None
    for line in reversed(lines):
        if (m := _ISSUED.match(line)) and issued is None:
            try:
                issued = parse_deadline(m["when"]).due
            except DeadlineError:
                continue
            issuer = m["issuer"] or None
            break
    return Plan(title="".join(title) or PurePath(path).stem, issued=issued, issuer=issuer)


def _task(
    block: Block,
    path: str,
    units: UnitRegistry,
    finder: UnitFinder,
    issued: date | None,
    problems: list[Problem],
    unknown: list[UnknownUnit],
    warnings: list[Problem],
) -> Task:
    task_id = str(block.number)
    headline = block.heading.text
    values = {key: span.text.strip() for key, span in block.fields.items()}
    if values.get("finding"):  # 【存在问题】…: the finding, with the heading its title
        headline = f"{headline}。{values['finding']}" if headline else values["finding"]
    title, _, finding = headline.partition("。")
    goal = values.get("goal")
    in_goal = goal_deadline(goal, finder, issued) if goal else None
    if not values.get("deadline") and in_goal:  # 整改目标：到2025年6月底前，…
        values["deadline"] = in_goal.text
        block.fields["deadline"] = block.fields["goal"]
    if not values.get("units") and not values.get("helpers"):  # a gap: written, and warned
        message = f"problem {task_id} has no 责任单位: fill in its units"
        warnings.append(Problem(path, block.line, 1, message, "warning"))
    if not values.get("deadline"):
        message = f"problem {task_id} has no 整改时限: written as 长期坚持 (never overdue); set it"
        warnings.append(Problem(path, block.line, 1, message, "warning"))
    if not block.measures and headline:  # a notice of one item: the problem is the measure
        said = block.fields.get("finding") or block.heading
        block.measures.append((1, block.line, Span(list(said.parts))))
        if "measures" not in block.fields and not block.site:
            message = f"problem {task_id} has no 整改措施: its text is its one measure"
            warnings.append(Problem(path, block.line, 1, message, "warning"))
    elif not block.measures:
        problems.append(Problem(path, block.line, 1, f"problem {task_id} has no 整改措施： line"))
    named = _units(block.fields.get("units"), path, units, unknown, warnings)
    task_units = [name for name, role in named.items() if role != "helper"]
    helpers = [name for name, role in named.items() if role == "helper"]  # X牵头，Y配合
    helpers += _units(block.fields.get("helpers"), path, units, unknown, warnings)
    helpers = [name for name in dict.fromkeys(helpers) if name not in task_units]  # no part
    if not task_units:  # only 配合单位 named: they are the ones responsible
        task_units, helpers = helpers, []
    supervisor = None
    if span := block.fields.get("supervisor"):
        names = list(_units(span, path, units, unknown, warnings))
        if len(names) > 1:
            problems.append(Problem(path, *span.at(0), "督导单位 names more than one unit"))
        supervisor = names[0] if names else None
    deadline = values.get("deadline", "").rstrip("。.")
    if deadline:
        try:
            parse_deadline(deadline, issued)
        except DeadlineError as exc:
            message = f"整改时限: {with_issued_hint(str(exc))}"
            problems.append(Problem(path, *block.fields["deadline"].at(0), message))
    measures = []
    seen: set[str] = set()
    for index, (number, line, span) in enumerate(block.measures):
        measure_id = f"{task_id}.{number}"
        if measure_id in seen:
            problems.append(
                Problem(path, line, 1, f"measure {measure_id} again in problem {task_id}")
            )
        seen.add(measure_id)
        measure = build_measure(
            measure_id, span, path, finder, task_units, issued, problems, warnings
        )
        for key, own in block.measure_fields.get(index, {}).items():  # lines of its own
            named_own = _units(own, path, units, unknown, warnings) if key != "deadline" else {}
            _say_own(measure, key, own, named_own, task_units, issued, path, problems)
        measures.append(measure)
    return Task(
        id=task_id,
        title=title.strip() or headline,
        finding=finding.strip() or None,
        units=task_units,
        helpers=helpers or None,
        persons=values.get("persons") or None,
        supervisor=supervisor,
        goal=values.get("goal") or None,
        deadline=deadline or "长期坚持",  # a missing 整改时限 is warned
        measures=measures,
    )


def _units(
    span: Span | None,
    path: str,
    units: UnitRegistry,
    unknown: list[UnknownUnit],
    warnings: list[Problem],
) -> dict[str, str | None]:
    """The units a field names, each with the role it says (牵头, 配合; else None)."""
    if span is None:
        return {}
    return resolve_roles(span.text, units, unknown, warnings, (path, 0, 0), span.at)


def _say_own(
    measure: Measure,
    key: str,
    own: Span,
    said: dict[str, str | None],
    task_units: list[str],
    issued: date | None,
    path: str,
    problems: list[Problem],
) -> None:
    """A measure's own 责任单位 / 配合单位 / 完成时限 / 责任人 line (under it in the plan),
    over what its words say: ``said`` are the units the line names, with their roles."""
    if key == "units":
        leads = [name for name, role in said.items() if role != "helper"]
        measure.units = None if set(leads) == set(task_units) else leads or measure.units
        measure.helpers = [name for name, role in said.items() if role == "helper"] or None
    elif key == "helpers":
        measure.helpers = list(said)
    elif key == "persons":
        measure.persons = own.text.strip()
    else:
        deadline = own.text.strip().rstrip("。.")
        try:
            parse_deadline(deadline, issued)
        except DeadlineError as exc:
            message = f"完成时限: {with_issued_hint(str(exc))}"
            problems.append(Problem(path, *own.at(0), message))
        measure.deadline, measure.milestones = deadline, []


def build_measure(
    measure_id: str,
    span: Span,
    path: str,
    finder: UnitFinder,
    task_units: list[str],
    issued: date | None,
    problems: list[Problem],
    warnings: list[Problem] | None = None,
) -> Measure:
    """One measure from its text: owners, deadline, milestones and duties read from it."""
    text = span.text
    facts = analyse(text, finder, task_units, issued)
    problems.extend(
        Problem(path, *span.at(offset), with_issued_hint(message))
        for offset, message in facts.errors
    )
    if warnings is not None:
        warnings.extend(
            Problem(path, *span.at(offset), message, "warning") for offset, message in facts.notes
        )
    duties = []
    for every, duty in facts.recurring:
        try:  # the due dates' rule, as rect calc and rect check derive it
            rule = parse_schedule(every.text).rrule
        except ScheduleError as exc:
            problems.append(Problem(path, *span.at(every.start), str(exc)))
            rule = None
        duties.append(Recurring(every=every.text, rrule=rule, text=duty))
    return Measure(
        id=measure_id,
        text=text,
        units=facts.owners,
        helpers=facts.helpers,
        deadline=facts.deadline.text if facts.deadline else None,
        milestones=[Milestone(deadline=d.text, text=step) for d, step in facts.milestones],
        recurring=duties,
    )
