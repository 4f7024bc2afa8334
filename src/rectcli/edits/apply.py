"""The writing workflows on a task list's files: record marks, an incident, a new layout.

Each is one :func:`~rectcli.edits.transaction.edit_files` transaction around a pure text
edit (:mod:`~rectcli.edits.mark`, :mod:`~rectcli.edits.incident`,
:mod:`~rectcli.edits.fmt`): the commands parse their options, call these, and print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rectcli import store
from rectcli.dates.workdays import WorkCalendar
from rectcli.edits.incident import Recorded, record_incident
from rectcli.edits.mark import Entry, Marked, mark_many
from rectcli.edits.mark import mark as mark_text
from rectcli.edits.transaction import edit_files
from rectcli.errors import RectError

if TYPE_CHECKING:
    from rectcli.model.units import UnitRegistry


def apply_marks(
    path: Path,
    marks: Iterable[tuple[str, Entry]],
    *,
    whole_task: bool = False,
    use_cache: bool = True,
    reopen: bool = False,
    by_unit: bool = False,
) -> Marked:
    """Record marks in the task list at ``path``: all of them or, on any refusal, none.

    The way for every command that records progress (mark, import-sheet). In a list kept
    in several files each mark goes to the file holding its measure. With ``use_cache``
    the parse cache is patched to the files written. An entry naming a unit (or, with
    ``by_unit``, whose ``by`` names one of a shared measure's units) records that unit's
    part (docs/format.md). What was replaced is kept for ``rect undo``.
    """
    marks = list(marks)
    units = None
    parts: dict[str, tuple[str, ...]] | None = None
    named = any(e.unit for _, e in marks)
    by_named = by_unit and any(e.by for _, e in marks)
    if named or (by_named and store.units_file_for(path).is_file()):  # --by may name a unit
        units, marks = _resolve_units(path, marks, by_unit=by_unit)
        parts = {}
    issued = plan_issued(path) if any(e.covers for _, e in marks) else None
    holding = store.files_holding(path, (item_id for item_id, _ in marks))
    by_file: dict[Path, list[tuple[str, Entry]]] = {}
    for item_id, entry in marks:
        by_file.setdefault(holding[item_id], []).append((item_id, entry))

    def change(file: Path, text: str, shown: str) -> Marked:
        group = by_file[file]
        if units is not None and parts is not None:
            ids = (item_id for item_id, _ in group)
            parts.update(_parts_in_text(text, shown, ids, units, whole_task=whole_task))
        if whole_task or len(group) == 1:
            ((item_id, entry),) = group
            return mark_text(
                text,
                shown,
                item_id,
                entry,
                whole_task=whole_task,
                issued=issued,
                parts=parts,
                reopen=reopen,
            )
        return mark_many(text, shown, group, issued=issued, parts=parts)

    # An entry naming a duty could make the list invalid as a whole: it is parsed again.
    # So could one reaching a milestone, and the deadline moves on: parsed again too.
    patch = use_cache and not any(e.duty or e.covers or e.milestone or e.deadline for _, e in marks)
    done = edit_files(
        by_file,
        change,
        cache_of=path if patch else None,
        cache_edits=lambda marked: marked.edits,
    )
    _keep_for_undo(path, done)
    if len(done) == 1:
        return done[0][1]
    first = done[0][1]
    changes = [change for _, marked in done for change in marked.changes]
    return Marked(first.text, changes, first.line)


def _keep_for_undo(path: Path, done: list[tuple[Path, Marked]]) -> None:
    """Keep what the mark replaced, so that ``rect undo`` can take it back."""
    from rectcli.store.undo import save_undo, stamp

    files = [
        {
            "path": str(file.resolve()),
            "stamp": stamp(file),
            "regions": [r.to_json() for r in marked.regions],
        }
        for file, marked in done
        if marked.regions
    ]
    changes = [list(c) for _, marked in done for c in marked.changes]
    if files:
        save_undo(path, {"files": files, "changes": changes})


def _resolve_units(
    path: Path, marks: list[tuple[str, Entry]], *, by_unit: bool
) -> tuple[UnitRegistry, list[tuple[str, Entry]]]:
    """units.yaml, and the marks with ``--unit`` resolved to a unit's own name (an
    unknown one refused) and, with ``by_unit`` (--by was given), the unit ``by`` names."""
    from dataclasses import replace

    from rectcli import store
    from rectcli.errors import RectError, did_you_mean

    units = store.load_units(store.units_file_for(path))
    resolved = []
    for item_id, entry in marks:
        if entry.unit is not None:
            name = units.resolve(entry.unit)
            if name is None:
                raise RectError(
                    f"unknown unit '{entry.unit}'" + did_you_mean(entry.unit, units.canonical)
                )
            entry = replace(entry, unit=name)
        elif by_unit and entry.by:
            entry = replace(entry, by_unit=units.resolve(entry.by))
        resolved.append((item_id, entry))
    return units, resolved


def _parts_in_text(
    text: str, shown: str, ids: Iterable[str], units: UnitRegistry, *, whole_task: bool
) -> dict[str, tuple[str, ...]]:
    """The units, groups expanded, of the measures marked (``ids``: measures, or problems
    with ``whole_task``), read from their problem's lines alone: no parse of the list."""
    from rectcli.errors import RectError
    from rectcli.yamltext import source as yamlsrc
    from rectcli.yamltext.lines import find_item

    parts: dict[str, tuple[str, ...]] = {}
    for item_id in ids:
        task_id = item_id if whole_task else item_id.rsplit(".", 1)[0]
        try:
            item = find_item(text, shown, task_id)
            task = yamlsrc.Source("tasks:\n" + text[item.start : item.end], shown).data["tasks"][0]
            names = task.get("units") or []
            for measure in task.get("measures") or []:
                own = measure.get("units")
                listed = (units.resolve(n) or n for n in (own if own is not None else names))
                parts[str(measure.get("id"))] = units.parts(listed, measure.get("finished_by"))
        except (RectError, KeyError, TypeError, IndexError, AttributeError):
            continue  # mark finds and refuses what cannot be read
    return parts


def plan_issued(path: Path) -> date | None:
    """plan.issued of the list (from the file that holds the plan), without parsing it all:
    when a duty's periods start, for checking --covers."""
    from rectcli.yamltext.lines import plan_issued as issued_in

    for file in store.task_files(path):
        issued = issued_in(store.read_raw(file))
        if issued is not None:
            return issued
    return None


@dataclass(frozen=True)
class RecordedIncident:
    recorded: Recorded
    due: date  # when the incident is due, by the working calendar
    calendar: WorkCalendar  # what counted it (its guessed years: to warn of)

    @property
    def text(self) -> str:
        return self.recorded.text


def apply_incident(
    path: Path,
    item_id: str,
    found: date,
    *,
    cleared: date | None = None,
    note: str | None = None,
    duty: str | None = None,
) -> RecordedIncident:
    """Record (or clear) an incident of measure ``item_id``'s response-time duty. Refused,
    with nothing written, when its due date falls in a year the calendar does not know."""
    file = store.files_holding(path, [item_id])[item_id]

    def change(_: Path, text: str, shown: str) -> RecordedIncident:
        recorded = record_incident(
            text, shown, item_id, found, cleared=cleared, note=note, duty=duty
        )
        due, calendar = incident_due(path, recorded)
        return RecordedIncident(recorded, due, calendar)

    ((_, done),) = edit_files([file], change)
    return done


def incident_due(path: Path, recorded: Recorded) -> tuple[date, WorkCalendar]:
    """When the incident is due, by the working calendar (data/holidays.yaml); in a year
    the calendar does not know, by weekends alone (noted in the calendar's ``guessed``)."""
    from rectcli.dates.duties import response_due
    from rectcli.dates.recurrence import parse_schedule

    _, known, problems = store.load_calendar(store.side_dir(path))
    if problems:
        raise RectError(problems)
    calendar = known or WorkCalendar()
    schedule = parse_schedule(recorded.duty.every)
    return response_due(schedule, recorded.incident.found, calendar), calendar


@dataclass(frozen=True)
class Formatted:
    before: str
    text: str  # the canonical layout


def apply_format(path: Path, *, shard: bool, write: bool = True) -> Formatted:
    """A file of rect's in its canonical layout (``rect fmt``); written when ``write``."""
    from rectcli.edits.fmt import format_text

    shown = store.display_path(path)
    if not write:
        text = store.read_raw(path)
        return Formatted(text, format_text(text, shown, shard=shard))

    def change(_: Path, text: str, shown: str) -> Formatted:
        return Formatted(text, format_text(text, shown, shard=shard))

    ((_, done),) = edit_files([path], change, refuse_conflicts=False)
    return done
