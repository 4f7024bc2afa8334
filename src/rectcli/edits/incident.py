"""Surgical edits of a measure's incidents (``rect incident``).

A response-time duty such as ``7个工作日内`` is due per incident. Each incident is one
item of the measure's ``incidents:`` log, naming its duty (docs/deadlines.md): one new
line per incident, so the log grows by lines, as ``progress`` does, and two branches
adding incidents merge without a conflict. Older files list a duty's incidents under
its ``recurring:`` item; those are read, and cleared in place, but never added to.

This records a new incident, or clears one already recorded, with ``rect mark``'s
machinery (mark.py): the measure is found by its ``- id:`` line and only its text is
read; the new text is inserted at the place the composed node tree gives (pre-commit's
``yaml_rewrite`` way), so that every other byte stays; the measure must then read as the
same measure with that one change, and validate, before the text is handed back. Pure:
text in, text out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from yaml.nodes import MappingNode, Node, SequenceNode

from rectcli.dates.naming import DutyChoiceError, match_duty
from rectcli.dates.recurrence import ScheduleError, parse_schedule
from rectcli.edits.mark import UNREADABLE, read_item
from rectcli.errors import Problem, RectError
from rectcli.model.shapes import Incident, Measure, Recurring
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.emit import flow_map, text_scalar
from rectcli.yamltext.lines import find_item

_HEAD = "measures:\n"  # the measure is read under this key, as edit.py reads it


@dataclass(frozen=True)
class Recorded:
    text: str  # the whole new text
    measure: str  # the measure's id
    duty: Recurring  # the response-time duty the incident belongs to
    incident: Incident  # as it now stands in the file
    added: bool  # a new incident (else an open one was cleared)
    line: int  # the measure's line and column, for messages
    col: int


def record_incident(
    text: str,
    path: str,
    item_id: str,
    found: date,
    *,
    cleared: date | None = None,
    note: str | None = None,
    duty: str | None = None,
) -> Recorded:
    """Record an incident found on ``found`` for measure ``item_id``'s response-time duty
    (``duty`` names it when there are several). With ``cleared``, an open incident found
    that day (the one whose note is ``note``, when several are) is cleared; with none
    open, a new one is recorded as found and cleared. Raises RectError (one problem)."""
    item = find_item(text, path, item_id)
    at = Problem(path, item.line, item.key_col + 1, "")

    def refuse(message: str) -> RectError:
        return RectError([replace(at, message=message)])

    if item.is_task:
        raise refuse(
            f"'{item_id}' is a problem (task), not a measure; an incident belongs to a "
            "measure's response-time duty (such as 7个工作日内)"
        )
    if cleared is not None and cleared < found:
        raise RectError(f"--cleared {cleared} is before --found {found}")
    segment = text[item.start : item.end]
    before, measure = read_item(segment, path, item, Measure)
    if measure.status == "closed":
        raise refuse(
            f"{measure.id} is closed (已销号): its duties have ended; to record more, "
            f"reopen it (rect mark {measure.id} doing --note …)"
        )
    try:
        index = _response_duty(measure, duty)
    except DutyChoiceError as exc:
        raise refuse(str(exc)) from None
    listed = _incidents_of(measure, index)
    every = measure.recurring[index].every
    chosen, new = _choose([c for _, c in listed], every, found, cleared, note, refuse)
    source = _HEAD + segment
    root = yamlsrc.compose(source, path)
    assert root is not None  # read_item read it
    eol = "\r\n" if segment.split("\n", 1)[0].endswith("\r") else "\n"
    edits = _Edits(source, eol)
    wanted = copy.deepcopy(before)
    recorded = new.model_dump(exclude_none=True)
    if chosen is None:
        measure_node = yamlsrc.locate(root, ["measures", 0])
        assert isinstance(measure_node, MappingNode)  # a Measure, as it validated
        _add(edits, measure_node, new)
        wanted.setdefault("incidents", []).append(recorded)
    else:
        where = listed[chosen][0]
        incident = yamlsrc.locate(root, ["measures", 0, *where])
        assert isinstance(incident, MappingNode)  # an Incident, as the measure validated
        _clear(edits, incident, new, add_note=listed[chosen][1].note is None)
        holder = wanted
        for part in where[:-1]:
            holder = holder[part]
        holder[where[-1]] = recorded
    new_segment = edits.apply()[len(_HEAD) :]
    after, _ = read_item(new_segment, path, item, Measure)
    if after != wanted:
        raise refuse(UNREADABLE.format(item_id))
    whole = text[: item.start] + new_segment + text[item.end :]
    duty_item = measure.recurring[index]
    return Recorded(whole, measure.id, duty_item, new, chosen is None, at.line, at.col)


def _incidents_of(measure: Measure, index: int) -> list[tuple[list[str | int], Incident]]:
    """The incidents of the measure's duty ``index``, each with its path in the measure:
    those an older file lists under the duty, then those of the measure's log that name
    it (or name none, when it is the only response time: loading allows that)."""
    duty = measure.recurring[index]
    only = sum(is_response(d) for d in measure.recurring) == 1
    listed: list[tuple[list[str | int], Incident]] = [
        (["recurring", index, "incidents", i], c) for i, c in enumerate(duty.incidents)
    ]
    for i, c in enumerate(measure.incidents):
        if c.duty == duty.every or (c.duty is None and only):
            listed.append((["incidents", i], c))
    return listed


def is_response(duty: Recurring) -> bool:
    """A response time (7个工作日内, 15日内): due per incident, not on a calendar."""
    if duty.rrule is not None:
        return False
    try:
        return parse_schedule(duty.every).rrule is None
    except ScheduleError:
        return False


def _response_duty(measure: Measure, wanted: str | None) -> int:
    """The index of the response-time duty the incident belongs to."""
    duties = measure.recurring
    if wanted is not None:
        chosen = match_duty(measure, wanted)
        if not is_response(chosen):
            raise DutyChoiceError(
                f"'{chosen.every}' of {measure.id} is a calendar duty, not a response time "
                f"per incident; record it with rect mark {measure.id} --duty {chosen.every}"
            )
        return next(i for i, d in enumerate(duties) if d is chosen)
    found = [i for i, d in enumerate(duties) if is_response(d)]
    if not found:
        raise DutyChoiceError(
            f"{measure.id} has no response-time duty (such as 7个工作日内) to record an "
            "incident for (docs/deadlines.md)"
        )
    if len(found) > 1:
        phrases = "、".join(duties[i].every for i in found)
        raise DutyChoiceError(
            f"{measure.id} has several response-time duties ({phrases}); name one with --duty"
        )
    return found[0]


def _choose(
    incidents: list[Incident],
    duty: str,
    found: date,
    cleared: date | None,
    note: str | None,
    refuse: Callable[[str], RectError],
) -> tuple[int | None, Incident]:
    """(the index of the open incident to clear, or None for a new one; the incident as
    it will stand). A --note names the open incident to clear: the one with that note,
    else the one without a note (which gets it). A new one names ``duty``."""
    new = Incident(duty=duty, found=found, cleared=cleared, note=note)
    if cleared is not None:
        open_ = [(i, c) for i, c in enumerate(incidents) if c.found == found and c.cleared is None]
        chosen = open_
        if note is not None:
            chosen = [x for x in open_ if x[1].note == note] or [
                x for x in open_ if x[1].note is None
            ]
        if len(chosen) == 1:
            index, old = chosen[0]
            return index, old.model_copy(update={"cleared": cleared, "note": old.note or note})
        if open_:
            notes = "、".join(c.note or "(no note)" for _, c in open_)
            raise refuse(
                f"{len(open_)} open incidents were found on {found} ({notes}); "
                "name the one cleared with its --note"
            )
    if any((c.found, c.cleared, c.note) == (found, cleared, note) for c in incidents):
        raise refuse(f"this incident is already recorded (found {found})")
    return None, new


class _Edits:
    """Insertions into the composed text, applied from the end so offsets stay valid."""

    def __init__(self, text: str, eol: str) -> None:
        self.text, self.eol = text, eol
        self.inserts: list[tuple[int, int, str]] = []

    def at(self, pos: int, text: str) -> None:
        self.inserts.append((pos, len(self.inserts), text))

    def after_line(self, pos: int, line: str) -> None:
        """A new line after the line holding offset ``pos``."""
        newline = self.text.find("\n", pos)
        if newline < 0:  # the file's last line, without an end
            self.at(len(self.text), self.eol + line)
        else:
            self.at(newline + 1, line + self.eol)

    def apply(self) -> str:
        text = self.text
        for pos, _, insert in sorted(self.inserts, reverse=True):
            text = text[:pos] + insert + text[pos:]
        return text

    def content_end(self, node: Node) -> int:
        """The offset just after a node's last character, on the line that holds it (a
        block scalar's end mark lies after its line break, and blank lines)."""
        end = _last_end(node)
        while end > node.start_mark.index and self.text[end - 1] in " \r\n":
            end -= 1
        return end

    def column_of_dash(self, item: Node) -> int:
        """The column of the `- ` before a block list item."""
        start = item.start_mark.index
        line_start = self.text.rfind("\n", 0, start) + 1
        return len(self.text[line_start:start].rstrip()) - 1


def _last_end(node: Node) -> int:
    """The offset just after a node's last character (a block collection's end mark lies
    at the next token, possibly lines below: its last child's end is used instead)."""
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_end(last[1] if isinstance(node, MappingNode) else last)
    return int(node.end_mark.index)


def _value(mapping: MappingNode, key: str) -> Node | None:
    return next((v for k, v in mapping.value if k.value == key), None)


def _add(edits: _Edits, measure: MappingNode, incident: Incident) -> None:
    """One more item in the measure's ``incidents:`` log, which is added after its last
    key when it has none."""
    assert not measure.flow_style  # find_item refuses a measure written as one flow map
    item = flow_map(list(incident.model_dump(exclude_none=True).items()))
    incidents = _value(measure, "incidents")
    if incidents is None:
        pad = " " * measure.start_mark.column
        edits.after_line(edits.content_end(measure), f"{pad}incidents:{edits.eol}{pad}  - {item}")
        return
    assert isinstance(incidents, SequenceNode)  # a list, as the measure validated
    if incidents.flow_style:
        if incidents.value:
            edits.at(_last_end(incidents.value[-1]), f", {item}")
        else:
            edits.at(incidents.end_mark.index - 1, item)
        return
    dash = edits.column_of_dash(incidents.value[0])
    edits.after_line(edits.content_end(incidents), f"{' ' * dash}- {item}")


def _clear(edits: _Edits, incident: MappingNode, new: Incident, *, add_note: bool) -> None:
    found = _value(incident, "found")
    assert found is not None and new.cleared is not None  # validated; chosen to clear
    note = new.note if add_note and new.note is not None else None
    if incident.flow_style:
        edits.at(_last_end(found), f", cleared: {new.cleared.isoformat()}")
        if note is not None:
            edits.at(_last_end(incident.value[-1][1]), f", note: {text_scalar(note, flow=True)}")
        return
    pad = " " * incident.start_mark.column
    edits.after_line(_last_end(found), f"{pad}cleared: {new.cleared.isoformat()}")
    if note is not None:
        edits.after_line(_last_end(incident), f"{pad}note: {text_scalar(note)}")
