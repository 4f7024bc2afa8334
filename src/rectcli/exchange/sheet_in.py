"""The 调度 fill-in sheet, back in: filled rows → mark requests → progress entries.

``read_fill_sheet`` turns the filled rows into :class:`MarkRequest` s, refusing every bad
row at once with the cell named (``池北区.xlsx!F7: unknown status 'finished'; use …``).
Rows that ``rect mark``'s rules refuse are refused the same way. ``as_marks`` makes the
requests mark's entries; the mark command's ``record`` writes them, all or nothing.
Columns are found by their header, in either language, so moved columns still read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rectcli.edits.mark import Entry
from rectcli.edits.transitions import transition_problem
from rectcli.errors import Problem, RectError, did_you_mean
from rectcli.exchange.sheet_out import COLUMNS, FILL_FIELDS
from rectcli.labels import STATUS_LABELS, Labels, parse_status
from rectcli.model.checklist import Checklist
from rectcli.statuses import FINISHED, STATUSES, Status
from rectcli.textsafe import MAX_TEXT

if TYPE_CHECKING:
    from rectcli.model.shapes import Measure

MAX_ROWS = 100_000  # a sheet longer than this is not a fill-in sheet


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem at a sheet's cell (``U.xlsx!K11``): listed row by row, then by column,
    where plain text order would put K11 before K5."""

    row: int = 0
    column: int = 0

    def _key(self) -> tuple[str, int, int, str]:
        return (self.path.rsplit("!", 1)[0], self.row, self.column, self.message)

    def __lt__(self, other: object) -> bool:
        return isinstance(other, CellProblem) and self._key() < other._key()

    def __gt__(self, other: object) -> bool:
        return isinstance(other, CellProblem) and self._key() > other._key()


@dataclass(frozen=True)
class MarkRequest:
    """One filled row: what ``rect mark ID STATUS --note … --by … --date …`` would record."""

    measure_id: str
    status: Status
    date: date
    note: str | None = None
    by: str | None = None
    percent: int | None = None
    evidence: str | None = None
    row: int = 0
    cells: dict[str, str] = field(default_factory=dict)  # field → "U.xlsx!F7"
    places: dict[str, tuple[int, int]] = field(default_factory=dict)  # field → (row, column)
    unit: str | None = None  # on a shared measure: the sheet's unit, whose part it records
    recorded: bool = False  # already in the log (imported before): skipped

    def entry(self) -> Entry:
        return Entry(
            date=self.date,
            status=self.status,
            note=self.note,
            by=self.by,
            percent=self.percent,
            evidence=self.evidence,
            unit=self.unit,
        )


def _headers(ws: Worksheet, shown: str) -> dict[str, int]:
    """field → column number, by the header's words in either language."""
    known: dict[str, str] = {}
    for lang in ("zh", "en"):
        words = Labels(lang)
        for name, key, _, _ in COLUMNS:
            known[words(key).casefold()] = name
    found: dict[str, int] = {}
    for cell in ws[1]:
        value = cell.value
        field_name = known.get(value.strip().casefold()) if isinstance(value, str) else None
        if field_name and cell.column is not None:
            found.setdefault(field_name, cell.column)
    missing = [name for name in ("id", "status") if name not in found]
    if missing:
        words = Labels("zh")
        wanted = " ".join(words(key) for name, key, _, _ in COLUMNS if name in missing)
        raise RectError(
            [
                Problem(
                    f"{shown}!A1",
                    0,
                    0,
                    f"not a rect fill-in sheet: no {wanted} column in row 1 "
                    "(make one with rect export-sheet --unit UNIT -o FILE.xlsx)",
                )
            ]
        )
    return found


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


_DATE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?")


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):  # openpyxl reads every date cell as a datetime
        return value.date()
    match = _DATE.fullmatch(str(value).strip())
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _percent(value: Any, number_format: str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value) * (100 if "%" in number_format and value <= 1 else 1)
    else:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]?\s*", str(value))
        if not match:
            return None
        number = float(match[1])
    return int(number) if number.is_integer() and 0 <= number <= 100 else None


def read_fill_sheet(
    book: Workbook,
    shown: str,
    checklist: Checklist,
    today: date,
    unit: str | None,
    labels: Labels,
) -> list[MarkRequest]:
    """The filled rows of the first sheet as mark requests; every bad cell is an error,
    and so is every row ``rect mark``'s rules refuse. All are reported at once.

    A row whose input columns are all empty is skipped (nothing reported). ``unit``, when
    given, is the unit the sheet belongs to: a row for another unit's measure is refused,
    and an empty 填报人 defaults to it.
    """
    ws = book.worksheets[0]
    columns = _headers(ws, shown)
    problems: list[Problem] = []
    requests: list[MarkRequest] = []
    first_row: dict[str, int] = {}
    last = min(ws.max_row, MAX_ROWS)  # iter_rows would make cells up to max_row
    for r, values in enumerate(ws.iter_rows(min_row=2, max_row=last), 2):
        cells = {name: values[col - 1] for name, col in columns.items() if col <= len(values)}
        where = {name: f"{shown}!{get_column_letter(col)}{r}" for name, col in columns.items()}
        cell_of = {name: (r, col) for name, col in columns.items()}

        def bad(
            name: str,
            message: str,
            where: dict[str, str] = where,
            cell_of: dict[str, tuple[int, int]] = cell_of,
        ) -> None:
            row, column = cell_of[name]
            problems.append(CellProblem(where[name], 0, 0, message, row=row, column=column))

        filled = {n: cells[n].value for n in FILL_FIELDS if n in cells}
        if all(_text(v) is None for v in filled.values()):
            continue
        raw_id = cells["id"].value if "id" in cells else None
        measure_id = _measure_id(raw_id, lambda m: bad("id", m), checklist, unit)
        if measure_id is None:
            continue
        if measure_id in first_row:
            bad(
                "id",
                f"{measure_id} is filled in twice (first in row {first_row[measure_id]}); "
                "keep one row per measure",
            )
            continue
        first_row[measure_id] = r
        request = _request(measure_id, r, cells, where, cell_of, bad, today, unit)
        claimed = checklist.units.resolve(request.by) if request and request.by else None
        if (
            request is not None
            and unit
            and claimed
            and unit not in checklist.units.members(claimed)
        ):
            # 填报人 names another unit: a sheet records for its own unit only (issue 14)
            bad("by", f"{request.by} is not {unit}: this sheet records for {unit} only")
            continue
        if request is not None:
            requests.append(_as_recorded(checklist, request, unit))
    problems += _refusals(checklist, [r for r in requests if not r.recorded], labels)
    if problems:
        raise RectError(problems)
    return requests


def _as_recorded(checklist: Checklist, request: MarkRequest, unit: str | None) -> MarkRequest:
    """The request with the part it records (the sheet's unit, on a measure shared by
    several units) and whether its log already holds it: the same part, date, status
    and note (a sheet imported twice records once)."""
    found = checklist.find(request.measure_id)
    assert found is not None  # _measure_id checked it
    task, measure = found
    assert measure is not None
    parts = checklist.units.parts(checklist.measure_units(task, measure), measure.finished_by)
    part = unit if unit is not None and len(parts) > 1 and unit in parts else None
    recorded = any(
        (e.date, e.status, e.note, e.unit and checklist.units.resolve(e.unit))
        == (request.date, request.status, request.note, part)
        for e in measure.progress
    )
    return replace(request, unit=part, recorded=recorded)


def _measure_id(
    raw: Any, bad: Callable[[str], None], checklist: Checklist, unit: str | None
) -> str | None:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        bad(
            f"the id {raw} is a number, and Excel may have changed it (3.10 → 3.1); "
            f"type it as text: '{raw}"
        )
        return None
    measure_id = _text(raw)
    if measure_id is None:
        bad("no measure id in a filled row; copy it from the exported sheet")
        return None
    found = checklist.find(measure_id)
    if found is None:
        bad(f"no measure '{measure_id}'" + did_you_mean(measure_id, checklist.ids()))
        return None
    task, measure = found
    if measure is None:
        bad(
            f"'{measure_id}' is a problem, not a measure: fill in one row per measure "
            f"({task.id}.1, {task.id}.2, …)"
        )
        return None
    owners = checklist.measure_units(task, measure)
    if unit is not None and not checklist.units.matches(unit, owners):
        bad(f"measure {measure_id} belongs to {'、'.join(owners)}, not {unit}")
        return None
    if unit is not None and measure.finished_by is not None:
        (lead,) = checklist.units.parts(owners, measure.finished_by)
        if lead not in checklist.units.members(unit):  # as rect mark --unit refuses it
            bad(
                f"{measure_id} is finished by {lead} alone (finished_by): "
                f"{unit} has no part of its own"
            )
            return None
    return measure_id


def _request(
    measure_id: str,
    row: int,
    cells: dict[str, Any],
    where: dict[str, str],
    cell_of: dict[str, tuple[int, int]],
    bad: Callable[[str, str], None],
    today: date,
    unit: str | None,
) -> MarkRequest | None:
    count = 0

    def value(name: str) -> Any:
        return cells[name].value if name in cells else None

    def fail(name: str, message: str) -> None:
        nonlocal count
        count += 1
        bad(name, message)

    status: Status | None = None
    raw_status = _text(value("status"))
    if raw_status is None:
        fail("status", f"no status for {measure_id}; choose one of {_choices()}")
    else:
        try:
            status = parse_status(raw_status)
        except RectError:
            fail("status", f"unknown status '{raw_status}'; use one of {_choices()}")
    percent = None
    if (raw_percent := value("percent")) is not None and _text(raw_percent) is not None:
        percent = _percent(raw_percent, cells["percent"].number_format)
        if percent is None:
            fail(
                "percent",
                f"'{_text(raw_percent)}' is not a percentage; write a whole number from 0 to 100",
            )
    when = today
    if (raw_date := value("date")) is not None and _text(raw_date) is not None:
        parsed = _date(raw_date)
        if parsed is None:
            fail("date", f"'{_text(raw_date)}' is not a date; write it as 2024-06-30")
        elif parsed > today:
            fail("date", f"{parsed} is after today ({today}); record progress once it has happened")
        else:
            when = parsed
    for name in ("note", "by", "evidence"):
        if len(str(value(name) or "")) > MAX_TEXT:
            fail(name, f"longer than {MAX_TEXT:,} characters; shorten it or attach a file")
    if count or status is None:
        return None
    return MarkRequest(
        measure_id=measure_id,
        status=status,
        date=when,
        note=_text(value("note")),
        by=_text(value("by")) or unit,
        percent=percent,
        evidence=_text(value("evidence")),
        row=row,
        cells=dict(where),
        places=dict(cell_of),
    )


def _choices() -> str:
    return ", ".join(f"{STATUS_LABELS['zh'][s]} ({s})" for s in STATUSES)


def _refusals(checklist: Checklist, requests: list[MarkRequest], labels: Labels) -> list[Problem]:
    """Rows ``rect mark``'s office rules refuse (closing only what is done, reopening
    with a note, the log oldest first), each at its cell. (A row on a shared measure is
    checked against the measure as a whole; mark checks its part when it records it.)"""
    # mark's messages name its options; a sheet's user knows the columns
    headers = {
        "--note": labels("sheet_note"),
        "--evidence": labels("sheet_evidence"),
        "--date": labels("sheet_date"),
    }
    problems: list[Problem] = []
    for request in requests:
        found = checklist.find(request.measure_id)
        assert found is not None and found[1] is not None  # _measure_id checked it
        measure = found[1]
        refusal = transition_problem(measure, request.entry())
        if refusal is not None:
            on_date = refusal.startswith("--date") and "date" in request.cells
            cell = "date" if on_date else "status"
            for option, header in headers.items():
                refusal = refusal.replace(option, header)
            refusal = _without_mark_options(measure, request, refusal, headers["--date"])
            row, column = request.places[cell]
            problems.append(CellProblem(request.cells[cell], 0, 0, refusal, row=row, column=column))
    return problems


def _without_mark_options(
    measure: Measure, request: MarkRequest, refusal: str, date_header: str
) -> str:
    """A refusal that tells to add --reopen or --late, which a sheet has no column for,
    told instead as what to do in the sheet or with rect mark."""
    if measure.status in FINISHED and STATUSES.index(request.status) < STATUSES.index(
        measure.status
    ):
        return (
            f"{measure.id} is {measure.status} ({STATUS_LABELS['zh'][measure.status]}); "
            "a fill-in sheet does not reopen a finished measure: leave its status, or "
            f"reopen it with rect mark {measure.id} {request.status} --reopen --note …"
        )
    if refusal.endswith("with --late"):
        last = max(e.date for e in measure.progress if not e.late)
        return (
            f"{date_header} {request.date} is before {measure.id}'s last progress entry "
            f"({last}); the log is kept oldest first: fill in a later date, or record it late "
            f"(补录) with rect mark {measure.id} {request.status} --date {request.date} --late"
        )
    return refusal


def as_marks(requests: list[MarkRequest]) -> list[tuple[str, Entry]]:
    """The requests as ``rect mark`` would record them."""
    return [(request.measure_id, request.entry()) for request in requests]
