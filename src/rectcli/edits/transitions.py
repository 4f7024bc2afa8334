"""The office's rules for one mark (``rect mark``): what may change, and what an entry on
a measure (or one part of a shared measure, docs/format.md) writes. Pure: models in,
a plan or a refusal out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rectcli.errors import Problem, RectError
from rectcli.labels import STATUS_LABELS
from rectcli.model.parts import derive, replay
from rectcli.statuses import FINISHED, STATUSES, Status

if TYPE_CHECKING:
    from datetime import date

    from rectcli.edits.mark import Entry
    from rectcli.model.shapes import Measure

_RANK = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass(frozen=True)
class Plan:
    entry: Entry  # as written on this measure
    status: Status  # the measure's status after it


def plan_entry(
    measure: Measure,
    entry: Entry,
    parts: Mapping[str, tuple[str, ...]] | None,
    at: Problem,
    *,
    whole_task: bool,
    reopen: bool,
) -> Plan | None:
    """What recording ``entry`` on ``measure`` writes, None to skip it (--all), or a
    refusal (RectError at ``at``)."""
    mine = (parts or {}).get(measure.id, ())
    log = [(e.unit, e.status) for e in measure.progress]
    if entry.unit is None and entry.by_unit in mine and len(mine) > 1 and entry.status != "closed":
        entry = replace(entry, unit=entry.by_unit)  # --by names one of its units: its part
    unit = entry.unit
    if unit is not None:
        if len(mine) < 2:
            if entry.unit in mine:  # a measure of this unit alone: written as before
                entry = replace(entry, unit=None)
            elif whole_task:
                return None
            else:
                raise RectError([replace(at, message=_not_its_unit(measure, unit, mine))])
        elif entry.unit not in mine:
            if whole_task:
                return None
            raise RectError([replace(at, message=_not_its_unit(measure, unit, mine))])
    new = entry.status or measure.status
    if entry.unit is not None:
        if new == "closed":
            raise RectError([replace(at, message=_CLOSE_WHOLE.format(measure.id))])
        old_part = replay(mine, log)[entry.unit]
        status = derive(replay(mine, [*log, (entry.unit, new)]).values())
    else:  # the whole measure: every part, the most advanced of which it may reopen
        status = new
        named = tuple(dict.fromkeys(u for u, _ in log if u is not None))
        statuses = [measure.status, *replay(named, log).values()] if named else [measure.status]
        old_part = max(statuses, key=_RANK.__getitem__)
    closing = new == "closed" and old_part == "done"
    if whole_task and not reopen and old_part in FINISHED and not closing:
        return None  # --all never reopens, nor records on a finished measure
    dated = [e.date for e in measure.progress if not e.late]
    if not (dated and entry.date < max(dated)):
        entry = replace(entry, late=False)  # --late only on an entry dated before the last
    problem = transition_problem(measure, entry, reopen=reopen, old=old_part)
    if problem:
        raise RectError([replace(at, message=problem)])
    return Plan(entry, status)


def _not_its_unit(measure: Measure, unit: str, mine: tuple[str, ...]) -> str:
    measure_id = measure.id
    if measure.finished_by is not None and len(mine) == 1:
        return (
            f"{measure_id} is finished by {mine[0]} alone (finished_by); {unit} has no part "
            "of its own: leave out --unit"
        )
    if len(mine) < 2:
        return (
            f"{measure_id} is not shared by several units; "
            f"--unit {unit} is not its unit: leave out --unit"
        )
    return f"{measure_id}: {unit} is not one of its units ({'、'.join(mine)})"


_CLOSE_WHOLE = (
    "closing (销号) {0} is for the whole measure, once every part is done: leave out --unit"
)


def transition_problem(
    measure: Measure, entry: Entry, *, reopen: bool = False, old: Status | None = None
) -> str | None:
    """Why office practice forbids this mark, or None. ``old``: the status it changes
    (a part's, for an entry naming a unit; default the measure's). ``reopen``: whether
    --reopen was given (a done or closed one goes back only with it and a note)."""
    old = old or measure.status
    new, mid = entry.status or measure.status, measure.id
    label = STATUS_LABELS["zh"]
    if new == "closed":
        if measure.status != "done":
            return (
                f"{mid} is {measure.status} ({label[measure.status]}); only a done "
                f"({label['done']}) measure can be closed ({label['closed']}): mark it done first"
            )
        if not (entry.note or entry.evidence):
            return f"closing {mid} needs --note or --evidence: say what shows it is finished"
    elif old in FINISHED and _RANK[new] < _RANK[old] and not (reopen and entry.note):
        return f"{mid} is {old} ({label[old]}); reopening it needs --reopen and --note saying why"
    dated = [e.date for e in measure.progress if not e.late]
    if dated and entry.date < max(dated) and not entry.late:
        return (
            f"--date {entry.date} is before {mid}'s last progress entry "
            f"({max(dated)}); the log is kept oldest first: "
            "record an entry made late (补录) with --late"
        )
    if entry.corrects is not None:
        if entry.corrects not in {e.date for e in measure.progress}:
            return f"--correct {entry.corrects}: {mid} has no entry of that date to correct"
        if not entry.note:
            return (
                f"correcting {mid}'s entry of {entry.corrects} needs --note saying what was wrong"
            )
    return None


def duty_entry(entry: Entry, olds: list[Measure], issued: date | None, at: Problem) -> Entry:
    """``entry`` with its status (None: the measure's) and its duty's phrase filled in,
    once the duty and the occurrence it ``covers`` are known to be the measure's."""
    from rectcli.dates.naming import DutyChoiceError, covers_problem, match_duty

    def refuse(message: str) -> RectError:
        return RectError([replace(at, message=message)])

    if len(olds) != 1:
        raise refuse(
            "--duty, --covers and a mark without STATUS record one measure's duty; "
            "name the measure, not the problem with --all"
        )
    (measure,) = olds
    if entry.status is None and measure.status == "closed":
        raise refuse(
            f"{measure.id} is closed ({STATUS_LABELS['zh']['closed']}): its duties have ended; "
            "to record more, reopen it with a STATUS and --note"
        )
    try:
        duty = match_duty(measure, entry.duty) if entry.duty is not None else None
    except DutyChoiceError as exc:
        raise refuse(str(exc)) from None
    if entry.covers is not None:
        if entry.covers > entry.date:
            raise refuse(
                f"--covers {entry.covers} is after the entry's date ({entry.date}); "
                "a make-up covers an occurrence already due"
            )
        problem = covers_problem(measure, duty, entry.covers, measure.start or issued)
        if problem:
            raise refuse(problem)
    return replace(entry, status=entry.status or measure.status, duty=duty.every if duty else None)


def milestone_entry(entry: Entry, olds: list[Measure], at: Problem) -> Entry:
    """``entry`` naming the milestone it reaches by its deadline phrase, found by that
    phrase or a part of the phrase or the step's text; refused when none or several."""
    if len(olds) != 1:
        raise RectError([replace(at, message="--milestone records one measure's step")])
    (measure,) = olds
    wanted = entry.milestone or ""
    steps = measure.milestones
    exact = [m for m in steps if m.deadline == wanted]
    found = exact or [m for m in steps if wanted in m.deadline or wanted in (m.text or "")]
    if len(found) != 1:
        listed = "、".join(m.deadline for m in steps) or "none"
        if found:
            message = (
                f"{measure.id} has several milestones matching '{wanted}' "
                f"(its milestones: {listed}); name one by its deadline"
            )
        else:
            message = f"{measure.id} has no milestone '{wanted}' (its milestones: {listed})"
        raise RectError([replace(at, message=message)])
    return replace(entry, milestone=found[0].deadline)
