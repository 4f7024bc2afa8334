"""Surgical edits of a task list's text: record progress on one measure (``rect mark``).

Pure: text in, text out; no files. The file is never parsed as a whole (a 39 MB list
takes seconds to parse): the item is found by its ``- id: "3.2"`` line and spans the lines
up to the next one indented at or left of its dash. Only that span is read as YAML, edited
line by line and read again; the edit must change exactly the status and the log, and
the item must validate, before the new text is handed back. Every other byte — comments,
blank lines, quoting, key order, CRLF line ends, a BOM — is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from rectcli.edits.transitions import Plan, duty_entry, milestone_entry, plan_entry
from rectcli.edits.undo import Region
from rectcli.errors import Problem, RectError
from rectcli.model.shapes import Measure, Task
from rectcli.statuses import STATUSES, Status
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.emit import flow_map
from rectcli.yamltext.lines import (
    Item,
    ItemIndex,
    find_item,
    indent_of,
    is_trivia,
    measure_spans,
    shifted,
    split_lines,
)

Day = date  # the field `Entry.date` hides the type's name inside the class
_RANK = {status: rank for rank, status in enumerate(STATUSES)}
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ ]*:(?:[ ]|\r?$)")
_STATUS_LINE = re.compile(
    r"(?P<head>[ ]*status[ ]*:[ ]*)(?P<value>\"[^\"\n]*\"|'[^'\n]*'|[^\s#]*)(?P<rest>.*)", re.S
)
_PROGRESS_LINE = re.compile(
    r"(?P<head>[ ]*progress[ ]*:)(?P<value>[^#\n]*?)(?P<rest>[ ]*(?:#[^\n]*)?\r?\n?)", re.S
)


# An entry's keys in the documented order (docs/format.md); `late` only when true.
_WRITTEN: tuple[str, ...] = ("date", "status", "unit", "action", "deadline", "note", "by")
_WRITTEN += ("percent", "evidence", "duty", "covers", "milestone", "late", "corrects")


@dataclass(frozen=True)
class Entry:
    """One progress entry to record (see ProgressEntry in models.py).

    ``status`` None keeps the measure's status (an entry that only fulfils a duty): the
    entry is written with it, and the ``status:`` line is left alone. ``duty`` names a
    recurring duty by its phrase or text; it is written as that duty's ``every``.
    ``unit`` records one unit's part of a shared measure (docs/format.md); ``late`` is a
    补录 dated before the last entry; ``corrects`` the date of the entry it corrects.
    """

    date: Day
    status: Status | None
    note: str | None = None
    by: str | None = None
    percent: int | None = None
    evidence: str | None = None
    duty: str | None = None
    covers: Day | None = None
    unit: str | None = None
    action: str | None = None  # an escalation (通报 督办 约谈) or an extension (延期)
    deadline: str | None = None  # 延期: the approved new deadline
    milestone: str | None = None  # the step it reaches: its phrase or a part of its text
    late: bool = False
    corrects: Day | None = None
    by_unit: str | None = None  # not written: the unit ``by`` names, whose part it may be

    def fields(self) -> list[tuple[str, str | int | Day]]:
        """The entry's keys and values in the documented order, leaving out the unset ones."""
        values = ((key, getattr(self, key)) for key in _WRITTEN)
        return [(key, value) for key, value in values if value is not None and value is not False]


@dataclass(frozen=True)
class Marked:
    text: str  # the whole new text
    changes: list[tuple[str, Status, Status]]  # (measure id, old status, new status)
    line: int  # the marked item's line
    duty: str | None = None  # the phrase (every) of the duty the entry names, if any
    # For the parse cache (cache.Patch): each measure edited, the lines it grew by, and
    # its new model, validated from its new text.
    edits: tuple[tuple[str, int, Measure], ...] = ()
    skipped: tuple[str, ...] = ()  # measures --all left as they were (done or closed)
    regions: tuple[Region, ...] = ()  # what it replaced, for rect undo


def mark(
    text: str,
    path: str,
    item_id: str,
    entry: Entry,
    *,
    whole_task: bool = False,
    issued: Day | None = None,
    found: Item | None = None,
    parts: Mapping[str, tuple[str, ...]] | None = None,
    reopen: bool = False,
) -> Marked:
    """Set the status of measure ``item_id`` and append ``entry`` to its progress log.

    A task id marks each of its measures when ``whole_task`` is set (never reopening a
    done or closed one unless ``reopen``: those are skipped), and is refused otherwise.
    Raises RectError (one problem) when the office's rules forbid the change.
    ``issued`` (plan.issued) is when a duty counts from, to check ``entry.covers``.
    ``found``: the item, already located (by mark_many). ``parts``: each measure's units,
    groups expanded, needed when ``entry.unit`` names a part of a shared measure.
    """
    item = found if found is not None else find_item(text, path, item_id)
    segment = text[item.start : item.end]
    if item.is_task:
        measures = measure_spans(segment, item.dash)
        if not whole_task:
            ids = [m.item_id for m in measures]
            listed = f"{ids[0]} … {ids[-1]}" if len(ids) > 2 else ", ".join(ids)
            message = (  # an escalation or extension is one measure's: no --all for them
                f"'{item_id}' is a problem (task), not a measure; record the {entry.action} "
                f"on one of its measures ({listed})"
                if entry.action
                else f"'{item_id}' is a problem (task), not a measure; mark one of its "
                f"measures ({listed}), or add --all to mark all {len(ids)}"
            )
            raise RectError([Problem(path, item.line, item.key_col + 1, message)])
        if not measures:
            raise RectError(
                [Problem(path, item.line, item.key_col + 1, f"problem '{item_id}' has no measures")]
            )
    else:
        measures = [replace(item, start=0, end=len(segment))]
    model = Task if item.is_task else Measure
    before_data, before = read_item(segment, path, item, model)
    olds = list(before.measures) if isinstance(before, Task) else [before]
    if len(olds) != len(measures):
        raise RectError([Problem(path, item.line, item.key_col + 1, UNREADABLE.format(item_id))])
    keep_status = entry.status is None
    if keep_status or entry.duty is not None or entry.covers is not None:
        entry = duty_entry(entry, olds, issued, Problem(path, item.line, item.key_col + 1, ""))
    if entry.milestone is not None:  # written as the step's own phrase
        entry = milestone_entry(entry, olds, Problem(path, item.line, item.key_col + 1, ""))
    plans: list[Plan | None] = []  # per measure: what to record, or None (skipped)
    others: set[str] = set()  # --all --unit: the problem's measures that are not the unit's
    for span, measure in zip(measures, olds, strict=True):
        line = item.line + segment.count("\n", 0, span.start)
        at = Problem(path, line, span.key_col + 1, "")
        if whole_task and entry.unit and entry.unit not in (parts or {}).get(measure.id, ()):
            others.add(measure.id)
            plans.append(None)
            continue
        plans.append(plan_entry(measure, entry, parts, at, whole_task=whole_task, reopen=reopen))
    skipped = tuple(
        m.id for m, p in zip(olds, plans, strict=True) if p is None and m.id not in others
    )
    if all(p is None for p in plans):
        if not skipped:  # --all --unit, and none of the problem's measures is the unit's
            message = f"no measure of problem '{item_id}' is {entry.unit}'s"
            raise RectError([Problem(path, item.line, item.key_col + 1, message)])
        return Marked(text, [], item.line, skipped=skipped)
    eol = "\r\n" if segment.split("\n", 1)[0].endswith("\r") else "\n"
    new_segment = segment
    grew: list[int] = []  # lines each marked measure grew by, last first
    for span, plan in reversed(list(zip(measures, plans, strict=True))):
        if plan is None:
            continue  # from the end, so earlier offsets stay valid
        part = new_segment[span.start : span.end]
        try:
            edited = _edit_measure(
                part, span.key_col, plan.entry, plan.status, eol, keep_status=keep_status
            )
        except _InlineLog:
            line = item.line + segment.count("\n", 0, span.start)
            raise RectError([Problem(path, line, span.key_col + 1, _INLINE_LOG)]) from None
        new_segment = new_segment[: span.start] + edited + new_segment[span.end :]
        grew.append(edited.count("\n") - part.count("\n"))
    after_data, after = read_item(new_segment, path, item, model)
    _check_only_marked(before_data, after_data, plans, path, item, keep_status=keep_status)
    changes = [(m.id, m.status, p.status) for m, p in zip(olds, plans, strict=True) if p]
    new_text = text[: item.start] + new_segment + text[item.end :]
    news = list(after.measures) if isinstance(after, Task) else [after]
    marked = [m for m, p in zip(news, plans, strict=True) if p is not None]
    edits = tuple((m.id, n, m) for m, n in zip(marked, reversed(grew), strict=True))
    regions = (Region(item.start, segment, new_segment),)
    return Marked(new_text, changes, item.line, entry.duty, edits, skipped, regions)


def mark_many(
    text: str,
    path: str,
    marks: Iterable[tuple[str, Entry]],
    *,
    issued: Day | None = None,
    parts: Mapping[str, tuple[str, ...]] | None = None,
) -> Marked:
    """Several marks (measure ids only) on one text, all or none: the first refusal
    raises before anything is written. For recording a batch (a filled-in sheet).

    The same as marking one after another, in one scan of the text: the items are found
    by one index of its `- id:` lines, each is edited on its own, and the text is put
    together once at the end. A problem names the line it would have one by one.
    """
    index = ItemIndex(text)
    edited: dict[int, tuple[Item, str]] = {}  # item start → (item, its text as edited)
    grown: dict[int, int] = {}  # line of an edited item → lines it has grown by
    changes: list[tuple[str, Status, Status]] = []
    edits: list[tuple[str, int, Measure]] = []
    line = 0
    for item_id, entry in marks:
        item = index.find(path, item_id)
        _, segment = edited.get(item.start, (item, text[item.start : item.end]))
        moved = item.line + sum(n for at, n in grown.items() if at < item.line)
        here = replace(item, start=0, end=len(segment), line=moved)
        done = mark(segment, path, item_id, entry, issued=issued, found=here, parts=parts)
        edited[item.start] = (item, done.text)
        grown[item.line] = grown.get(item.line, 0) + done.text.count("\n") - segment.count("\n")
        line = line or done.line
        changes += done.changes
        edits += done.edits
    pieces, at = [], 0
    regions = []
    for start in sorted(edited):
        item, segment = edited[start]
        pieces += [text[at:start], segment]
        regions.append(Region(start, text[start : item.end], segment))
        at = item.end
    pieces.append(text[at:])
    return Marked("".join(pieces), changes, line, edits=tuple(edits), regions=tuple(regions))


class _MeasureList(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    measures: list[Measure]


class _TaskList(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    tasks: list[Task]


def read_item(segment: str, path: str, item: Item, model: type[Task | Measure]) -> tuple[Any, Any]:
    """The item's data and validated model, read from its text alone; problems are
    placed at their lines in the whole file."""
    from rectcli.model.validate import (
        validate_model,  # the loader's own validation, problems located
    )

    # Under a `measures:` (or `tasks:`) key the item is what it is in the file, and
    # validation errors name the same keys; the wrapper line is line 1, the item line 2.
    key, wrapper = ("tasks", _TaskList) if model is Task else ("measures", _MeasureList)
    try:
        source = yamlsrc.Source(f"{key}:\n{segment}", path)
        validated = validate_model(wrapper, source)
    except RectError as exc:
        raise RectError(shifted(exc.problems, item.line - 2, item.line)) from None
    items = getattr(validated, key)
    if len(items) != 1 or items[0].id != item.item_id:
        raise RectError(
            [Problem(path, item.line, item.key_col + 1, UNREADABLE.format(item.item_id))]
        )
    return source.data[key][0], items[0]


_INLINE_LOG = (
    "the progress log is written inline (progress: [...]); "
    "run rect fmt to write it as a list, then mark again"
)
UNREADABLE = (
    "cannot edit '{0}' safely here (its lines do not read as one item); "
    "record this change by hand, then run rect check"
)


def _check_only_marked(
    before: Any,
    after: Any,
    plans: list[Plan | None],
    path: str,
    item: Item,
    *,
    keep_status: bool = False,
) -> None:
    """The edited item must differ from the old one by the status and one new entry in
    each measure marked, and not at all in those skipped."""

    def expected(measure: dict[str, Any], plan: Plan | None) -> dict[str, Any]:
        if plan is None:
            return measure
        recorded = dict(plan.entry.fields())
        status = {} if keep_status else {"status": plan.status}
        return {**measure, **status, "progress": [*(measure.get("progress") or []), recorded]}

    if item.is_task:
        measures = before["measures"]
        wanted = {
            **before,
            "measures": [expected(m, p) for m, p in zip(measures, plans, strict=True)],
        }
    else:
        wanted = expected(before, plans[0])
    if after != wanted:
        raise RectError(
            [Problem(path, item.line, item.key_col + 1, UNREADABLE.format(item.item_id))]
        )


class _InlineLog(Exception):
    """`progress: [{…}]`: a flow list cannot take one more line."""


def _keys(lines: list[str], key_col: int) -> dict[str, int]:
    """Each key of the item (at its key column) → its line index."""
    keys = {"id": 0}
    for index in range(1, len(lines)):
        line = lines[index]
        if indent_of(line) == key_col and not is_trivia(line):
            found = _KEY.match(line, key_col)
            if found:
                keys.setdefault(found.group(1), index)
    return keys


def _value_end(lines: list[str], index: int, key_col: int) -> int:
    """The index after the last content line of the value of the key on line ``index``
    (its more-indented lines, and `- ` items at the key's own column)."""
    last = index
    for j in range(index + 1, len(lines)):
        line = lines[j]
        if is_trivia(line):
            continue
        indent = indent_of(line)
        if indent > key_col or (indent == key_col and line[indent : indent + 2].rstrip() == "-"):
            last = j
        else:
            break
    return last + 1


def _edit_measure(
    part: str, key_col: int, entry: Entry, status: Status, eol: str, *, keep_status: bool = False
) -> str:
    lines = split_lines(part)
    if not lines[-1].endswith("\n"):  # the file's last line: give it an end before adding
        lines[-1] += eol
    pad = " " * key_col
    keys = _keys(lines, key_col)
    if keep_status:
        pass  # the status line stays as it is (or absent: the default todo)
    elif "status" in keys:
        index = keys["status"]
        found = _STATUS_LINE.fullmatch(lines[index])
        assert found is not None  # _KEY matched `status:` at the key column
        head, rest = found["head"], found["rest"]
        end = _value_end(lines, index, key_col)
        if not found["value"] and end > index + 1:  # `status:` with the value below it
            del lines[index + 1 : end]
        lines[index] = head + ("" if head.endswith(" ") else " ") + status + rest
    else:
        at = keys.get("progress", len(lines))
        while at > 1 and at < len(lines) and is_trivia(lines[at - 1]):
            at -= 1  # before the comments that belong to `progress:`
        lines.insert(at, f"{pad}status: {status}{eol}")
        keys = _keys(lines, key_col)
    if "progress" in keys:
        index = keys["progress"]
        found = _PROGRESS_LINE.fullmatch(lines[index])
        assert found is not None
        value = found["value"].strip()
        if value in ("[]", "null", "~", "Null", "NULL"):
            lines[index] = found["head"] + found["rest"]
        elif value:
            raise _InlineLog
        end = _value_end(lines, index, key_col)
        first = next((line for line in lines[index + 1 : end] if not is_trivia(line)), None)
        dash = indent_of(first) if first is not None else key_col + 2
    else:
        lines.append(f"{pad}progress:{eol}")
        end, dash = len(lines), key_col + 2
    lines.insert(end, f"{' ' * dash}- {flow_map(entry.fields())}{eol}")
    return "".join(lines)
