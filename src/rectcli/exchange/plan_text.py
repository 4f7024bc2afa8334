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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.dates.recurrence import ScheduleError, parse_schedule
from rectcli.errors import Problem, RectError
from rectcli.exchange.imported import (
    Imported,
    UnknownUnit,
    resolve_units,
    unknown_problems,
    with_issued_hint,
)
from rectcli.exchange.measure_text import UnitFinder, analyse
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
    "问题整改责任单位": "units",
    "整改责任单位": "units",
    "整改实施主体": "units",
    "主管单位": "units",
    "牵头单位": "units",
    "配合单位": "helpers",
    "责任人": "persons",
    "责任领导": "persons",
    "督导单位": "supervisor",
    "牵头验收单位": "supervisor",
    "整改目标": "goal",
    "整改时限": "deadline",
    "完成时限": "deadline",
    "整改期限": "deadline",
    "整改措施": "measures",
    "整改要求": "measures",
    "重点措施": "measures",
    "存在问题": "finding",
    "反馈问题": "finding",
    "整改问题": "finding",
    "整改任务": "finding",
    "整改完成情况": "progress",
    "整改进展": "progress",
}
_LABELS = "|".join(r"\s*".join(label) for label in sorted(FIELDS, key=len, reverse=True))
# 责任单位：, 责 任 人:, 【主管单位】, 责任单位(市级)：
_FIELD = re.compile(
    rf"\s*(?P<open>【)?\s*(?P<label>{_LABELS})\s*(?:[（(][^）)]{{0,12}}[）)])?\s*"
    r"(?(open)】\s*[：:]?|[：:])\s*(?P<value>.*)"
)
_SITE = re.compile(r"\s*(?P<num>[0-9]{1,3})\s*[.．、](?![0-9])\s*(?P<rest>.*)")
_SITE_ITEM = re.compile(r"[（(]\s*(?P<n>[0-9]{1,2})\s*[）)]")
_GROUP = re.compile(rf"\s*[（(]\s*[{_CN}]+\s*[）)]")
_INLINE_FIELD = re.compile(rf"\s+(?=【?(?:{_LABELS})】?\s*[：:])")  # X 整改时限:7天
_OTHER_LABEL = re.compile(r"\s*【?(?P<label>[\u4e00-\u9fff]{2,8})】?\s*[：:]")
# Inside the measures, "重点：" may begin a wrapped line; only these labels end a measure.
_ASIDE = re.compile(r"联系|联络|电话|邮箱|传真|地址|备注|说明|报送")
_END = re.compile(
    r"\s*(?:抄送|主送|附件|附表|特此公示|特此通报|公示时间|公示期|监督电话|联系电话|联系人)"
    r"|.*\d日\s*印发\s*$"
)
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
    site: bool = False  # 1.市图书馆 of a 督查通报, its findings (1)…(2)… the measures


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
    warnings: list[Problem] = []
    blocks = found = _blocks(lines, start, path, warnings)
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
    helped: dict[str, list[str]] = {}
    tasks = [
        _task(b, path, units, finder, plan.issued, problems, unknown, warnings, helped)
        for b in blocks
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
    return Imported(TaskFile(plan=plan, tasks=tasks), unknown, warnings, helped)


def _what_was_found(blocks: Sequence[_Block]) -> str:
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
        if stripped.endswith(("。", "：", ":")) or len(stripped) > 40 or _HEADING.match(stripped):
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


def _blocks(lines: Sequence[str], start: int, path: str, warnings: list[Problem]) -> list[_Block]:
    blocks: list[_Block] = []
    current: Span | None = None  # what a continuation line continues
    section = ""  # the field the lines now belong to
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip() or line.lstrip().startswith(("@", "＠")):
            continue  # chat lines (@某某) are no part of the list
        if blocks and _END.match(line):
            break
        heading = _HEADING.match(line)
        if heading and (label := _label_heading(heading["rest"])):
            if not blocks:  # 二、整改实施主体 of a notice about one problem
                blocks.append(_Block(1, number, Span()))
            current, section = blocks[-1].fields.setdefault(label, Span()), label
            continue
        if heading:
            block = _Block(cn_number(heading["num"]), number, Span())
            block.heading.add(number, heading.start("rest") + 1, heading["rest"])
            blocks.append(block)
            current, section = block.heading, "heading"
            continue
        field_match = _FIELD.match(line)
        site = _SITE.match(line) if not field_match else None
        in_site = bool(blocks) and blocks[-1].site
        listing = section in ("finding", "group", "heading", "")  # 二、存在问题 and its sites
        if site and (in_site or (listing and not (blocks and blocks[-1].measures))):
            current, section = _site(site, number, blocks), "measures"
            continue
        if (in_site or section == "finding") and _GROUP.match(line):  # （一）城区: a group
            current, section = Span(), "group"
            continue
        if not blocks and field_match:  # a notice about one problem: no numbering at all
            blocks.append(_Block(1, number, Span()))
        if not blocks:
            continue
        block = blocks[-1]
        offset = 0
        if field_match:
            pieces = _pieces(line, field_match)
            for key, col, value in pieces:
                span = block.fields.setdefault(key, Span())
                if key != "measures":
                    span.add(number, col + 1, value)
                current, section = span, key
            key, col, value = pieces[-1]
            if key != "measures":
                continue
            current = None
            if not value.strip():
                continue
            line, offset = value, col
        elif (other := _unknown_label(line, section)) is not None:
            where = f"unknown label '{other['label']}': its lines are not read"
            warnings.append(Problem(path, number, other.start("label") + 1, where, "warning"))
            # starts nothing, never glued on; the next numbered measure goes on the list
            current, section = Span(), "aside" if section in ("measures", "aside") else "unknown"
            continue
        if section in ("measures", "aside") and (m := _MEASURE.match(line)):
            section = "measures"
            measure_number = cn_number(m["cn"]) if m["cn"] else int(m["par"] or m["ar"])
            current = Span()
            current.add(number, offset + m.start("rest") + 1, m["rest"])
            block.measures.append((measure_number, number, current))
        elif section == "measures" and current is None:
            current = Span()  # 整改措施：<text> with no number: one measure
            current.add(number, offset + 1, line)
            block.measures.append((len(block.measures) + 1, number, current))
        else:
            assert current is not None  # (None only once 整改措施： is reached, handled above)
            current.add(number, offset + 1, line)  # a heading, field or measure goes on
    return blocks


def _site(m: re.Match[str], number: int, blocks: list[_Block]) -> Span:
    """A new block for a site line (``3.丽景花园二期:(1)…;(2)…``); the span it ends in."""
    block = _Block(int(m["num"]), number, Span(), site=True)
    rest, col = m["rest"], m.start("rest")
    items = list(_SITE_ITEM.finditer(rest))
    head = rest[: items[0].start()] if items else rest
    block.heading.add(number, col + 1, head.rstrip(":：，, "))
    current = block.heading
    for item, following in zip(items, [*items[1:], None][: len(items)], strict=True):
        text = rest[item.end() : following.start() if following else len(rest)]
        current = Span()
        current.add(number, col + item.end() + 1, text.rstrip("；;，, "))
        block.measures.append((int(item["n"]), number, current))
    blocks.append(block)
    return current


def _unknown_label(line: str, section: str) -> re.Match[str] | None:
    """A label line rect does not read (``联络员：张三``), which starts nothing."""
    m = _OTHER_LABEL.match(line)
    if m is None or _MEASURE.match(line):
        return None
    if section == "measures" and not _ASIDE.search(m["label"]):
        return None  # a measure's own words go on
    return m


def _label_heading(rest: str) -> str | None:
    """The field a heading names (``二、整改实施主体``, value on the next line), or None."""
    label = re.sub(r"[\s：:]", "", rest)
    return FIELDS.get(label)


def _pieces(line: str, m: re.Match[str]) -> list[tuple[str, int, str]]:
    """(field, column of the value, value) of each label on a line (X 整改时限:7天)."""
    found = []
    while True:
        key = FIELDS[re.sub(r"\s", "", m["label"])]
        value_start = m.start("value")
        rest = _INLINE_FIELD.search(line, value_start)
        end = rest.start() if rest else len(line)
        found.append((key, value_start, line[value_start:end]))
        if rest is None or not (m := _FIELD.match(line, rest.end())):  # type: ignore[assignment]
            return found


def _task(
    block: _Block,
    path: str,
    units: UnitRegistry,
    finder: UnitFinder,
    issued: date | None,
    problems: list[Problem],
    unknown: list[UnknownUnit],
    warnings: list[Problem],
    helped: dict[str, list[str]],
) -> Task:
    task_id = str(block.number)
    headline = block.heading.text
    values = {key: span.text.strip() for key, span in block.fields.items()}
    if values.get("finding"):  # 【存在问题】…: the finding, with the heading its title
        headline = f"{headline}。{values['finding']}" if headline else values["finding"]
    title, _, finding = headline.partition("。")
    goal = values.get("goal")
    in_goal = analyse(goal, finder, [], issued).deadline if goal else None
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
    task_units = _units(block.fields.get("units"), path, units, unknown, warnings)
    for helper in _units(block.fields.get("helpers"), path, units, unknown, warnings):
        if helper not in task_units:  # 配合单位: responsible too, marked (docs/import.md)
            task_units.append(helper)
            helped.setdefault(task_id, []).append(helper)
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
        deadline=deadline or "长期坚持",  # a missing 整改时限 is warned
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
