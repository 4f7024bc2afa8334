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
or the ``…印发`` line. What a measure's text says about owners, deadlines, steps and
duties is read by :mod:`measure_text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.dates.recurrence import ScheduleError, parse_schedule
from rectcli.errors import Problem, RectError, did_you_mean
from rectcli.exchange.measure_text import UnitFinder, analyse
from rectcli.exchange.unit_names import is_generic, split_units, unit_name_problem
from rectcli.memory import gc_paused
from rectcli.model.shapes import Measure, Milestone, Plan, Recurring, Task, TaskFile
from rectcli.model.units import UnitRegistry

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
_CN = "零〇一二两三四五六七八九十百千万"
_HEADING = re.compile(rf"\s*(?P<num>[{_CN}]+)\s*、\s*(?P<rest>.*)")
_MEASURE = re.compile(
    rf"\s*(?:[（(]\s*(?P<cn>[{_CN}]+)\s*[）)]|[（(]\s*(?P<par>[0-9]{{1,3}})\s*[）)]"
    r"|(?P<ar>[0-9]{1,3})\s*[.．、](?![0-9]))\s*(?P<rest>.*)"
)
FIELDS = {
    "责任单位": "units",
    "责任人": "persons",
    "督导单位": "supervisor",
    "整改目标": "goal",
    "整改时限": "deadline",
    "整改措施": "measures",
}
_FIELD = re.compile(
    r"\s*(?P<label>"
    + "|".join(r"\s*".join(label) for label in FIELDS)
    + r")\s*[：:]\s*(?P<value>.*)"
)
_END = re.compile(r"\s*(?:抄送|主送|附件)|.*\d日\s*印发\s*$")
_ISSUED = re.compile(
    r"\s*(?P<issuer>.*?)\s*(?P<when>[0-9〇零○一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月"
    r"[0-9一二三四五六七八九十]{1,3}日)\s*印发\s*$"
)


@dataclass
class Span:
    """Text gathered from one or more lines, and the way back from an offset to a place."""

    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, text)

    def add(self, line: int, col: int, text: str) -> None:
        stripped = text.lstrip()
        col += len(text) - len(stripped)
        if stripped.rstrip():
            self.parts.append((line, col, stripped.rstrip()))

    @property
    def text(self) -> str:
        return "".join(part[2] for part in self.parts)

    def at(self, offset: int) -> tuple[int, int]:
        for line, col, text in self.parts:
            if offset < len(text):
                return line, col + offset
            offset -= len(text)
        return (
            (self.parts[-1][0], self.parts[-1][1] + len(self.parts[-1][2]))
            if self.parts
            else (0, 0)
        )


@dataclass
class _Block:
    """One problem as the document gives it, before it is read."""

    number: int
    line: int
    heading: Span
    fields: dict[str, Span] = field(default_factory=dict)
    measures: list[tuple[int, int, Span]] = field(default_factory=list)  # (number, line, text)


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
                problems.append(Problem(where, u.line, u.col, f"cannot add {why}"))
            continue
        guess = did_you_mean(u.name, units.canonical)
        fix = f"{guess} If not, {hint}" if guess else f"; {hint}"
        problems.append(Problem(where, u.line, u.col, f"unknown unit '{u.name}'{fix}"))
    return problems


def resolve_units(
    text: str,
    units: UnitRegistry,
    unknown: list[UnknownUnit],
    warnings: list[Problem],
    place: tuple[str, int, int],
    at: Callable[[int], tuple[int, int]] | None = None,
) -> list[str]:
    """The units.yaml names of a 责任单位 value; unknown names are collected in ``unknown``.
    ``place`` is (path, line, col) of the value; ``at`` maps an offset to (line, col)."""
    names: list[str] = []
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
        if name not in names:
            names.append(name)
    return names


def cn_number(text: str) -> int:
    """'三' → 3, '十二' → 12, '一百零五' → 105, '一万零二十' → 10020."""
    total = section = 0
    digit: int | None = None
    for char in text:
        if char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            digit = _CN_DIGITS[char]
    return total + section + (digit or 0)


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
    start, marked = _annex_start(lines)
    blocks = _blocks(lines, start)
    if not marked:
        blocks = [b for b in blocks if b.fields]
    problems: list[Problem] = []
    unknown: list[UnknownUnit] = []
    finder = UnitFinder(units)
    warnings: list[Problem] = []
    tasks = [
        _task(b, path, units, finder, plan.issued, problems, unknown, warnings) for b in blocks
    ]
    if not tasks:
        problems.append(
            Problem(
                path,
                0,
                0,
                "no problems found: rect reads headings 一、… followed by 责任单位：, "
                "整改时限： and 整改措施： lines (see docs/import.md)",
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


def plan_header(lines: Sequence[str], path: str, issued: date | None) -> Plan:
    """The plan's title (its first lines) and issue date (its ``…印发`` line)."""
    title: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or re.fullmatch(r"附件\s*[0-9]*[：:]?", stripped):
            continue
        if stripped.endswith("。") or len(stripped) > 40 or _HEADING.match(stripped):
            break
        if stripped == "整改任务清单":  # the annex's own label, not the plan's title
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


def _annex_start(lines: Sequence[str]) -> tuple[int, bool]:
    start = None
    for index, line in enumerate(lines):
        if line.strip().endswith("整改任务清单"):
            following = next((x for x in lines[index + 1 :] if x.strip()), "")
            if _HEADING.match(following):
                start = index + 1
    return (start, True) if start is not None else (0, False)


def _blocks(lines: Sequence[str], start: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: Span | None = None  # what a continuation line continues
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip():
            continue
        if blocks and _END.match(line):
            break
        if m := _HEADING.match(line):
            block = _Block(cn_number(m["num"]), number, Span())
            block.heading.add(number, m.start("rest") + 1, m["rest"])
            blocks.append(block)
            current = block.heading
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if m := _FIELD.match(line):
            key = FIELDS[re.sub(r"\s", "", m["label"])]
            span = block.fields.setdefault(key, Span())
            if key != "measures":
                span.add(number, m.start("value") + 1, m["value"])
                current = span
                continue
            current = None
            if not m["value"].strip():
                continue
            line, offset = m["value"], m.start("value")
        else:
            offset = 0
        if "measures" in block.fields and (m := _MEASURE.match(line)):
            measure_number = cn_number(m["cn"]) if m["cn"] else int(m["par"] or m["ar"])
            current = Span()
            current.add(number, offset + m.start("rest") + 1, m["rest"])
            block.measures.append((measure_number, number, current))
        elif "measures" in block.fields and current is None:
            current = Span()  # 整改措施：<text> with no number: one measure
            current.add(number, offset + 1, line)
            block.measures.append((len(block.measures) + 1, number, current))
        else:
            assert current is not None  # (None only once 整改措施： is reached, handled above)
            current.add(number, offset + 1, line)  # a heading, field or measure goes on
    return blocks


def _task(
    block: _Block,
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
    title, _, finding = headline.partition("。")
    values = {key: span.text.strip() for key, span in block.fields.items()}
    for label, key in FIELDS.items():
        missing = key not in block.fields if key == "measures" else not values.get(key)
        if key in ("units", "deadline", "measures") and missing:
            problems.append(
                Problem(path, block.line, 1, f"problem {task_id} has no {label}： line")
            )
    task_units = _units(block.fields.get("units"), path, units, unknown, warnings)
    supervisor = None
    if span := block.fields.get("supervisor"):
        names = _units(span, path, units, unknown, warnings)
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
    for number, line, span in block.measures:
        measure_id = f"{task_id}.{number}"
        if measure_id in seen:
            problems.append(
                Problem(path, line, 1, f"measure {measure_id} again in problem {task_id}")
            )
        seen.add(measure_id)
        measures.append(build_measure(measure_id, span, path, finder, task_units, issued, problems))
    return Task(
        id=task_id,
        title=title.strip() or headline,
        finding=finding.strip() or None,
        units=task_units,
        persons=values.get("persons") or None,
        supervisor=supervisor,
        goal=values.get("goal") or None,
        deadline=deadline or "-",  # a missing 整改时限 is already a problem
        measures=measures,
    )


def _units(
    span: Span | None,
    path: str,
    units: UnitRegistry,
    unknown: list[UnknownUnit],
    warnings: list[Problem],
) -> list[str]:
    if span is None:
        return []
    return resolve_units(span.text, units, unknown, warnings, (path, 0, 0), span.at)


def build_measure(
    measure_id: str,
    span: Span,
    path: str,
    finder: UnitFinder,
    task_units: list[str],
    issued: date | None,
    problems: list[Problem],
) -> Measure:
    """One measure from its text: owners, deadline, milestones and duties read from it."""
    text = span.text
    facts = analyse(text, finder, task_units, issued)
    problems.extend(
        Problem(path, *span.at(offset), with_issued_hint(message))
        for offset, message in facts.errors
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
        deadline=facts.deadline.text if facts.deadline else None,
        milestones=[Milestone(deadline=d.text, text=step) for d, step in facts.milestones],
        recurring=duties,
    )
