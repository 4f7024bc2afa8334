"""The log is the truth (docs/format.md, "The progress log"): what a measure's status and
its progress log must agree on. ``validate.check_tasks`` places each finding at its line;
``rect check`` adds the one rule that needs today (no entry after it).

Rules, the entries read in the order they were recorded:

- an entry's ``unit`` is one of the parts of a shared measure (never on a measure of one
  unit; on one its lead finishes alone, only the lead) and never on a closing (销号)
  entry: closing is for the whole measure;
- entries are in date order, except a late one (补录, ``late: true``);
- a closing entry has a note or evidence, and comes after the measure was done;
- ``corrects`` names the date of an earlier entry;
- the measure's ``status`` is what its log says: the status its parts' last entries
  derive (model/parts.py); ``done`` and ``closed`` need a log that says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rectcli.model.parts import derive, replay
from rectcli.statuses import FINISHED, Status

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure
    from rectcli.model.units import UnitRegistry

Finding = tuple[tuple[str | int, ...], str]  # (where, under the measure's loc; message)


def log_findings(measure: Measure, parts: Sequence[str], units: UnitRegistry) -> list[Finding]:
    """What is wrong between ``measure``'s status and its log; ``parts`` are its units,
    groups expanded (a shared measure has more than one)."""
    found: list[Finding] = []
    mid = measure.id
    log: list[tuple[str | None, Status]] = []
    dates: list[date] = []
    last: date | None = None  # the latest date of an entry recorded in order
    ever_done = False
    for index, entry in enumerate(measure.progress):
        at: tuple[str | int, ...] = ("progress", index)
        unit = None
        if entry.unit is not None:
            unit = units.resolve(entry.unit) or entry.unit
            if measure.finished_by is not None and len(parts) == 1:
                if unit not in parts:  # the lead's own entry is the whole measure's
                    found.append(
                        (
                            (*at, "unit"),
                            f"{mid} is finished by {parts[0]} alone (finished_by): "
                            f"{entry.unit} has no part of its own",
                        )
                    )
            elif len(parts) < 2:
                found.append(
                    (
                        (*at, "unit"),
                        f"{mid} has one responsible unit; unit: is only for a part of a "
                        "measure shared by several units",
                    )
                )
            elif unit not in parts:
                found.append(
                    (
                        (*at, "unit"),
                        f"{mid}: '{entry.unit}' is not one of its units ({'、'.join(parts)})",
                    )
                )
        if entry.late:
            pass  # 补录: kept where it was recorded, with its real date
        elif last is not None and entry.date < last:
            found.append(
                (
                    (*at, "date"),
                    f"{mid}: the entry of {entry.date} comes after one of {last}; the log is "
                    "kept oldest first (an entry recorded late says late: true)",
                )
            )
        else:
            last = entry.date
        if entry.corrects is not None and entry.corrects not in dates:
            found.append(
                (
                    (*at, "corrects"),
                    f"{mid}: corrects: {entry.corrects} names no earlier entry of that date",
                )
            )
        before = derive(replay(parts, log).values()) if len(parts) > 1 else _last(log)
        if entry.status == "closed" and before not in FINISHED:
            what = "closed" if unit is None else "closed for one unit"
            found.append(
                (
                    (*at, "status"),
                    f"{mid} is {what} on {entry.date} but no entry before it records it done",
                )
            )
        if entry.status == "closed" and not (entry.note or entry.evidence):
            found.append(
                (
                    (*at, "status"),
                    f"{mid}: the closing (销号) entry of {entry.date} needs a note or evidence",
                )
            )
        if entry.status == "closed" and unit is not None and len(parts) > 1:
            found.append(
                ((*at, "unit"), f"{mid}: closing (销号) is for the whole measure; leave out unit")
            )
        log.append((unit, entry.status))
        dates.append(entry.date)
        ever_done = ever_done or entry.status == "done"
    said = derive(replay(parts, log).values()) if len(parts) > 1 else _last(log)
    status = measure.status
    if log and status != said:
        if status in FINISHED and not ever_done:
            message = f"{mid} is {status} but no entry records it done"
        else:
            message = f"{mid} is {status} but its progress log says {said}"
            if len(parts) > 1:
                message += " (" + "，".join(f"{u} {s}" for u, s in replay(parts, log).items()) + ")"
        found.append((("status",), message))
    elif not log and status in FINISHED:
        found.append((("status",), f"{mid} is {status} but no entry records it done"))
    return found


def _last(log: Sequence[tuple[str | None, Status]]) -> Status:
    return log[-1][1] if log else "todo"


def dated_entries(
    measure: Measure,
) -> tuple[dict[str, date], list[tuple[int, str]], list[Finding]]:
    """What entries say of the measure's dates: each milestone reached (its first day),
    the approved extensions (延期: the entry's index and its new deadline), and what is
    wrong with such entries."""
    reached: dict[str, date] = {}
    extensions: list[tuple[int, str]] = []
    found: list[Finding] = []
    steps = {ms.deadline for ms in measure.milestones}
    for index, entry in enumerate(measure.progress):
        if (entry.action == "延期") != (entry.deadline is not None):
            found.append((("progress", index), _EXTENSION.format(measure.id)))
        elif entry.deadline is not None:
            extensions.append((index, entry.deadline))
        if entry.milestone is not None:
            reached.setdefault(entry.milestone, entry.date)
            if entry.milestone not in steps:
                message = f"{measure.id} has no milestone '{entry.milestone}'"
                found.append((("progress", index, "milestone"), message))
    return reached, extensions, found


_EXTENSION = "{0}: an extension (延期) entry has action: 延期 and the approved deadline: together"
