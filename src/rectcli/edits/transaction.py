"""One recording of marks (``rect mark``, ``rect import-sheet``): lock the files, read
them, edit (edits/mark.py), write atomically, patch the parse cache and keep what was
replaced for ``rect undo``, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from rectcli.edits.mark import Entry, Marked
    from rectcli.model.units import UnitRegistry


def record(
    path: Path,
    marks: Iterable[tuple[str, Entry]],
    *,
    whole_task: bool = False,
    use_cache: bool = True,
    reopen: bool = False,
    by_unit: bool = False,
) -> Marked:
    """Apply marks to the task list at ``path``: locked, validated, written atomically.

    Also the way for other commands (import-sheet) to record a batch, all or nothing.
    In a list kept in several files each mark goes to the file holding its measure;
    all of them are locked and edited before any is written. With ``use_cache``, the
    parse cache is patched to the files written (store.patch_cache), still locked.
    An entry naming a unit (or, with ``by_unit``, whose ``by`` names one of a shared
    measure's units) records that unit's part (docs/format.md).
    """
    import contextlib

    from rectcli import store
    from rectcli.edits.mark import Marked, mark_many
    from rectcli.edits.mark import mark as mark_text

    marks = list(marks)
    units = None
    parts: dict[str, tuple[str, ...]] | None = None
    named = any(e.unit for _, e in marks)
    by_named = by_unit and any(e.by for _, e in marks)
    if named or (by_named and store.units_file_for(path).is_file()):  # --by may name a unit
        units, marks = _resolve_units(path, marks, by_unit=by_unit)
        parts = {}
    issued = _plan_issued(path) if any(e.covers for _, e in marks) else None
    holding = store.files_holding(path, (item_id for item_id, _ in marks))
    by_file: dict[Path, list[tuple[str, Entry]]] = {}
    for item_id, entry in marks:
        by_file.setdefault(holding[item_id], []).append((item_id, entry))
    done: list[tuple[Path, Marked]] = []
    # An entry naming a duty could make the list invalid as a whole: it is parsed again.
    patch = use_cache and not any(e.duty or e.covers for _, e in marks)
    read: dict[Path, bytes] = {}  # each file's cache stamp, as read and as written
    written: dict[Path, bytes] = {}
    with contextlib.ExitStack() as locks:
        for file in sorted(by_file):  # one order for every writer: no deadlock
            locks.enter_context(store.locked(file))
        for file, group in by_file.items():
            shown = store.display_path(file)
            if patch:
                text, read[file] = store.read_raw_stamped(file)
            else:
                text = store.read_raw(file)
            refuse_conflicts(text, shown)
            if units is not None and parts is not None:
                ids = (item_id for item_id, _ in group)
                parts.update(_parts_in_text(text, shown, ids, units, whole_task=whole_task))
            if whole_task or len(group) == 1:
                ((item_id, entry),) = group
                one = mark_text(
                    text,
                    shown,
                    item_id,
                    entry,
                    whole_task=whole_task,
                    issued=issued,
                    parts=parts,
                    reopen=reopen,
                )
                done.append((file, one))
            else:
                done.append((file, mark_many(text, shown, group, issued=issued, parts=parts)))
        for file, marked in done:
            if not marked.regions:
                continue  # --all skipped every measure: nothing to write
            if patch:
                written[file] = store.write_stamped(file, marked.text)
            else:
                store.write_atomic(file, marked.text)
        if patch:
            store.patch_cache(path, read, written, {f: list(m.edits) for f, m in done})
        _keep_for_undo(path, done)
    if len(done) == 1:
        return done[0][1]
    changes = [change for _, marked in done for change in marked.changes]
    return Marked(done[0][1].text, changes, done[0][1].line)


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
                listed = own if own is not None else names
                parts[str(measure.get("id"))] = units.expand(units.resolve(n) or n for n in listed)
        except (RectError, KeyError, TypeError, IndexError, AttributeError):
            continue  # mark finds and refuses what cannot be read
    return parts


def _plan_issued(path: Path) -> date | None:
    """plan.issued of the list (from the file that holds the plan), without parsing it all:
    when a duty's periods start, for checking --covers."""
    from rectcli import store
    from rectcli.yamltext.lines import plan_issued

    for file in store.task_files(path):
        issued = plan_issued(store.read_raw(file))
        if issued is not None:
            return issued
    return None


def refuse_conflicts(text: str, shown: str) -> None:
    """A file left mid-merge is never edited: the markers would end up in the result."""
    from rectcli.errors import RectError
    from rectcli.model.validate import conflict_markers

    markers = conflict_markers(text, shown)
    if markers:
        raise RectError(markers)
