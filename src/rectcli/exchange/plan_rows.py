"""The rows of a table — a Word 整改任务清单 or an Excel 台账 — as a task list (pure).

A table is a grid of cell texts, merged cells already repeated into every row and column
they cover (plan_docx and plan_xlsx do that). Its header row is the first row naming at
least a problem or measure column and two more columns by the labels in ``LABELS`` (any
order, some absent, ``(市级)``-style qualifiers ignored). Below it, rows with the same 序号
(or, without one, the same problem text) are one problem; each row's 整改措施 cell holds one
measure, or several numbered ``1.`` ``（一）`` ``(1)``. Rows that repeat the header or
span the whole width (a section title ``一、政治建设方面``) are not problems. docs/import.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.errors import Problem, RectError
from rectcli.exchange.imported import (
    Imported,
    UnknownUnit,
    resolve_roles,
    unknown_problems,
    with_issued_hint,
)
from rectcli.exchange.measure_text import UnitFinder, goal_deadline
from rectcli.exchange.plan_text import Span, build_measure, cn_number
from rectcli.memory import gc_paused
from rectcli.model.shapes import Measure, Plan, ProgressEntry, Task, TaskFile
from rectcli.model.units import UnitRegistry
from rectcli.statuses import Status

LABELS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "问题序号", "问题编号"),
    "title": (
        "反馈问题",
        "问题",
        "存在问题",
        "整改问题",
        "问题描述",
        "具体问题",
        "主要问题",
        "问题清单",
        "反馈意见",
        "问题表现",
        "整改任务",
        "督察反馈问题",
        "巡察反馈问题",
    ),
    "goal": ("整改目标", "目标", "整改目标要求"),
    "measures": ("整改措施", "具体措施", "整改要求", "重点措施", "主要措施", "整改举措"),
    "units": (
        "责任单位",
        "牵头单位",
        "主管单位",
        "整改实施主体",
        "责任部门",
        "整改责任单位",
        "牵头部门",
        "责任主体",
        "整改主体",
    ),
    "helpers": ("配合单位", "协同单位", "协办单位", "配合部门"),
    "persons": ("责任人", "责任领导", "牵头领导", "分管领导", "具体责任人"),
    "supervisor": ("督导单位", "牵头验收单位", "验收单位"),
    "deadline": ("整改时限", "完成时限", "整改期限", "完成时间", "时限"),
    "progress": ("整改进展", "整改进展情况", "进展情况", "整改情况", "推进情况"),
    "state": ("完成情况", "整改完成情况", "整改状态", "状态", "是否完成", "进度"),
}
_LABEL = {label: key for key, labels in LABELS.items() for label in labels}
_QUALIFIER = re.compile(r"[（(][^）)]*[）)]|\s+|[：:*＊]")
_ITEM = re.compile(
    r"(?m)(?:^|(?<=[；;。]))\s*(?:[（(][一二三四五六七八九十]+[）)]|[（(][0-9]{1,2}[）)]"
    r"|[0-9]{1,2}\s*[.．、](?![0-9])|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
# 完成情况 words → status; the first found wins, so the longer phrases come first.
STATUS_WORDS: tuple[tuple[str, Status], ...] = (
    ("已销号", "closed"),
    ("销号", "closed"),
    ("基本完成", "doing"),
    ("未完成", "doing"),
    ("已完成", "done"),
    ("完成整改", "done"),
    ("整改完成", "done"),
    ("已整改", "done"),
    ("正在推进", "doing"),
    ("持续推进", "doing"),
    ("推进中", "doing"),
    ("正在整改", "doing"),
    ("整改中", "doing"),
    ("未启动", "todo"),
    ("未开始", "todo"),
    ("完成", "done"),
)
_NUMBER = re.compile(r"\s*(?:([0-9]{1,4})|([一二三四五六七八九十百]+))\s*[.．、]?\s*")


@dataclass
class Grid:
    """A table as its reader saw it: ``place`` is what messages say (``table 1``), row
    ``i`` of ``cells`` is row ``first_row + i`` of the document."""

    place: str
    cells: list[list[str]]
    first_row: int = 1


@dataclass
class _Group:
    number: str
    rows: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (place, cells)


def field_of(label: str) -> str | None:
    """Which field a header cell names (``责任单位(市级)`` → ``units``), or None."""
    return _LABEL.get(_QUALIFIER.sub("", label))


def header_columns(row: Sequence[str]) -> dict[int, str] | None:
    """Column → field, if ``row`` is a header row (a problem or measure column and 2 more)."""
    columns: dict[int, str] = {}
    labels: dict[str, tuple[int, str]] = {}  # field → (column, its label)
    for index, text in enumerate(row):
        key, label = field_of(text), _QUALIFIER.sub("", text)
        if key is None:
            continue
        if key not in labels:
            columns[index], labels[key] = key, (index, label)
        elif key == "title" and len(label) > len(labels[key][1]):  # 问题 | 具体问题: the finding
            del columns[labels[key][0]]
            columns[index], labels[key] = key, (index, label)
    columns = dict(sorted(columns.items()))
    keys = set(columns.values())
    if len(keys) >= 3 and keys & {"title", "measures"}:
        return columns
    return None


def find_header(grid: Grid) -> tuple[int, dict[int, str]] | None:
    for index, row in enumerate(grid.cells[:12]):  # a title or two, then the header
        if columns := header_columns(row):
            return index, columns
    return None


def headers_seen(grid: Grid) -> str:
    """The first non-empty row of a table, as a "no problems found" message names it."""
    row = next((r for r in grid.cells if any(c.strip() for c in r)), [])
    shown = [" ".join(c.split()) for c in dict.fromkeys(row) if c.strip()]
    return ", ".join(s if len(s) <= 12 else s[:12] + "…" for s in shown[:8]) or "none"


def status_of(text: str) -> Status | None:
    return next((status for word, status in STATUS_WORDS if word in text), None)


def split_measures(text: str) -> list[str]:
    """The measures of one cell: numbered items, or the whole text as one."""
    starts = [m for m in _ITEM.finditer(text)]
    if len(starts) < 2:
        return [" ".join(text.split())] if text.strip() else []
    items = []
    if head := text[: starts[0].start()].strip():
        items.append(" ".join(head.split()))
    for m, nxt in zip(starts, [*starts[1:], None], strict=True):
        item = text[m.end() : nxt.start() if nxt else len(text)]
        items.append("".join(item.split()) if _is_cjk(item) else " ".join(item.split()))
    return [i.rstrip("；;，, ") for i in items if i.rstrip("；;，, ")]


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _flat(text: str, joiner: str = "") -> str:
    """A cell's lines as one value: Chinese lines joined as they are (or by ``joiner``: 、
    in a cell of units, one a line), others by a space."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return joiner.join(lines) if all(map(_is_cjk, lines)) else " ".join(lines)


def table_groups(grid: Grid, header: int, columns: dict[int, str]) -> list[_Group]:
    """The problems of a table: its data rows grouped by 序号 or problem text."""
    groups: list[_Group] = []
    width = len(columns)
    header_texts = [grid.cells[header][i] for i in columns]
    for offset, row in enumerate(grid.cells[header + 1 :], start=header + 1):
        cells = {key: (row[i] if i < len(row) else "").strip() for i, key in columns.items()}
        values = [v for v in cells.values() if v]
        if not values or [cells[k] for k in columns.values()] == header_texts:
            continue
        if width > 2 and len(set(values)) == 1 and len(values) == width:
            continue  # a section title across the row
        place = f"{grid.place} row {grid.first_row + offset}"
        number, title = cells.get("number", ""), cells.get("title", "")
        last = groups[-1] if groups else None
        if last is None:
            same = False
        elif title:  # merged (or repeated) problem text: one problem, whatever its rows' 序号
            same = title == last.rows[-1][1].get("title", "")
        else:  # no problem text on this row: the 序号 says, or it goes on (a blank cell)
            same = not number or number == last.number
        if same and last is not None:
            last.rows.append((place, cells))
        else:
            groups.append(_Group(number, [(place, cells)]))
    return groups


def _task_id(number: str, index: int) -> str | None:
    if m := _NUMBER.fullmatch(number):
        return m[1] if m[1] else str(cn_number(m[2]))
    return None


def _first(rows: Sequence[tuple[str, dict[str, str]]], key: str) -> str:
    return next((_flat(c[key]) for _, c in rows if c.get(key)), "")


def _distinct(rows: Sequence[tuple[str, dict[str, str]]], key: str) -> list[str]:
    return list(dict.fromkeys(_flat(c[key]) for _, c in rows if c.get(key)))


@dataclass
class RowsImport:
    """What a table import needs besides the rows."""

    path: str
    units: UnitRegistry
    units_path: str = "units.yaml"
    allow_unknown: bool = False
    as_of: date | None = None  # the day a 整改进展 entry is dated (the ledger's 截至 date)


def import_rows(
    plan: Plan, tables: Sequence[tuple[Grid, int, dict[int, str]]], how: RowsImport
) -> Imported:
    """The task list of the tables (each with its header row index and columns)."""
    with gc_paused():
        return _import_rows(plan, tables, how)


def _import_rows(
    plan: Plan, tables: Sequence[tuple[Grid, int, dict[int, str]]], how: RowsImport
) -> Imported:
    groups = [g for grid, header, columns in tables for g in table_groups(grid, header, columns)]
    problems: list[Problem] = []
    warnings: list[Problem] = []
    unknown: list[UnknownUnit] = []
    finder = UnitFinder(how.units)
    ids = [_task_id(g.number, i) for i, g in enumerate(groups, start=1)]
    per_measure = any(len({c["number"] for _, c in g.rows if c.get("number")}) > 1 for g in groups)
    if per_measure:  # 序号 numbers the rows, not the problems
        ids = [str(i) for i in range(1, len(groups) + 1)]
    elif None in ids or len(set(ids)) < len(ids):
        if any(ids) and groups:
            message = "序号 repeats or is not a number: problems numbered 1, 2, … in table order"
            warnings.append(Problem(groups[0].rows[0][0], 0, 0, message, "warning"))
        ids = [str(i) for i in range(1, len(groups) + 1)]
    tasks = []
    for task_id, group in zip(ids, groups, strict=True):
        assert task_id is not None
        tasks.append(_task(task_id, group, how, plan, finder, problems, warnings, unknown))
    if not tasks:
        problems.append(Problem(how.path, 0, 0, "no problems found: the table has no rows"))
    problems += unknown_problems(unknown, how.units, how.path, how.units_path, how.allow_unknown)
    if problems:
        raise RectError(problems)
    return Imported(TaskFile(plan=plan, tasks=tasks), unknown, warnings)


def _task(
    task_id: str,
    group: _Group,
    how: RowsImport,
    plan: Plan,
    finder: UnitFinder,
    problems: list[Problem],
    warnings: list[Problem],
    unknown: list[UnknownUnit],
) -> Task:
    rows = group.rows
    where = f"{how.path}:{rows[0][0]}"

    def roles_of(text: str, place: str) -> dict[str, str | None]:
        return resolve_roles(text, how.units, unknown, warnings, (f"{how.path}:{place}", 0, 0))

    def warn(message: str) -> None:
        warnings.append(Problem(where, 0, 0, message, "warning"))

    said = [roles_of(_flat(c.get("units", ""), "、"), p) for p, c in rows]
    row_units = [[u for u, role in roles.items() if role != "helper"] for roles in said]
    helpers = [  # a 配合单位 column, and X牵头，Y配合 in the units column
        [
            *(u for u, role in roles.items() if role == "helper"),
            *roles_of(_flat(c.get("helpers", ""), "、"), p),
        ]
        for roles, (p, c) in zip(said, rows, strict=True)
    ]
    if not any(row_units):  # only 配合单位 named: they are the ones responsible
        row_units, helpers = helpers, [[] for _ in rows]
    task_units = list(dict.fromkeys(u for us in row_units for u in us))
    task_helpers = [  # 配合单位 have no part (docs/import.md); who leads a row is no helper
        u for u in dict.fromkeys(u for us in helpers for u in us) if u not in task_units
    ]
    if not task_units:
        warn(f"problem {task_id} has no 责任单位: fill in its units")
    headline = _first(rows, "title")
    title, _, finding = headline.partition("。")
    if not headline:
        warn(f"problem {task_id} has no problem text: fill in title")
    goal = "；".join(_distinct(rows, "goal"))
    deadlines = _distinct(rows, "deadline")
    if not deadlines and goal and (found := goal_deadline(goal, finder, plan.issued)):
        deadlines = [found.text]  # 整改目标：到2025年6月底前，… with no 整改时限 column
    for phrase in deadlines:
        try:
            parse_deadline(phrase, plan.issued)
        except DeadlineError as exc:
            problems.append(Problem(where, 0, 0, f"整改时限: {with_issued_hint(str(exc))}"))
    task_deadline = "，".join(deadlines)
    if not deadlines:
        warn(f"problem {task_id} has no 整改时限: written as 长期坚持 (never overdue); set it")
        task_deadline = "长期坚持"
    persons = _distinct(rows, "persons")
    supervisors = [n for p, c in rows for n in roles_of(_flat(c.get("supervisor", ""), "、"), p)]
    measures: list[Measure] = []
    for (place, cells), owners, more in zip(rows, row_units, helpers, strict=True):
        texts = split_measures(cells.get("measures", ""))
        if not texts and not measures and place == rows[-1][0]:
            texts = [headline] if headline else []  # a list of problems only: each is its own
        row_deadline = _flat(cells.get("deadline", ""))
        for text in texts:
            span = Span([(0, 0, text)])
            measure = build_measure(
                f"{task_id}.{len(measures) + 1}",
                span,
                f"{how.path}:{place}",
                finder,
                task_units,
                plan.issued,
                problems,
                warnings,
            )
            if owners and set(owners) != set(task_units):  # this row's; else as the text says
                measure.units = owners
            mine = [u for u in dict.fromkeys(more) if u not in (measure.units or task_units)]
            if set(mine) != set(task_helpers):
                measure.helpers = mine
            if len(persons) > 1 and cells.get("persons"):
                measure.persons = _flat(cells["persons"])
            if row_deadline and row_deadline != task_deadline:
                measure.deadline, measure.milestones = row_deadline, []
            _progress(measure, cells, how.as_of, f"{how.path}:{place}", warnings)
            measures.append(measure)
    if not measures:
        warn(f"problem {task_id} has no 整改措施")
    return Task(
        id=task_id,
        title=title.strip() or headline or f"问题{task_id}",
        finding=finding.strip() or None,
        units=task_units,
        helpers=task_helpers or None,
        persons="；".join(persons) or None,
        supervisor=supervisors[0] if supervisors else None,
        goal=goal or None,
        deadline=task_deadline,
        measures=measures,
    )


def _progress(
    measure: Measure, cells: dict[str, str], as_of: date | None, where: str, warnings: list[Problem]
) -> None:
    """完成情况 → the status; 整改进展 → the first progress entry, dated ``as_of``."""
    state, note = _flat(cells.get("state", "")), _flat(cells.get("progress", ""))
    status = status_of(state) if state else None
    if state and status is None:
        warnings.append(
            Problem(where, 0, 0, f"完成情况 '{state}' is no status: kept todo", "warning")
        )
    if status is None and note:
        status = status_of(note) or "doing"
    if status is None or (status == "todo" and not note):
        return
    if as_of is None:
        warnings.append(
            Problem(where, 0, 0, "progress without a date: import with --as-of DATE", "warning")
        )
        return
    text = note or (state if state not in (w for w, _ in STATUS_WORDS) else None)
    measure.status = status
    measure.progress = [ProgressEntry(date=as_of, status=status, note=text or None)]
    if status == "closed":  # the log is the truth: 销号 follows done, and says why
        measure.progress = [
            ProgressEntry(date=as_of, status="done", note=text or None),
            ProgressEntry(date=as_of, status="closed", note=state or text or "已销号"),
        ]
