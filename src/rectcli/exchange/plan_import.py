"""One entry for ``rect import``: a text plan, a Word plan (tables or paragraphs) or an
Excel ledger, read into a task list by the reader its kind needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from rectcli.dates.grammar import DeadlineError, parse_deadline
from rectcli.errors import Problem, RectError
from rectcli.exchange.imported import Imported
from rectcli.exchange.plan_rows import Grid, RowsImport, find_header, headers_seen, import_rows
from rectcli.exchange.plan_text import parse_plan, plan_header
from rectcli.model.shapes import Plan
from rectcli.model.units import UnitRegistry

_TEXT_HINT = (
    "rect reads a table with a header row (问题 | 整改措施 | 责任单位 | 整改时限 …) or "
    "headings 一、… followed by 责任单位：, 整改时限： and 整改措施： lines (see docs/import.md)"
)


@dataclass(frozen=True)
class Source:
    """The document and how to read it."""

    data: bytes
    suffix: str  # ".txt", ".docx", ".xlsx"
    shown: str  # the path as messages give it
    units: UnitRegistry
    units_path: str = "units.yaml"
    issued: date | None = None
    allow_unknown: bool = False
    as_of: date | None = None  # the date of a ledger's progress entries without 截至


def import_document(source: Source, text: str | None = None) -> Imported:
    """The task list of a document (``text``: its decoded text, for a text plan)."""
    if source.suffix == ".xlsx":
        from rectcli.exchange.plan_xlsx import read_xlsx

        return _ledger(source, read_xlsx(source.data, source.shown))
    if source.suffix == ".docx":
        return _word(source)
    assert text is not None
    return _text(source, text, [])


def _how(source: Source, as_of: date | None) -> RowsImport:
    return RowsImport(source.shown, source.units, source.units_path, source.allow_unknown, as_of)


def _headed(grids: list[Grid]) -> list[tuple[Grid, int, dict[int, str]]]:
    return [(g, *found) for g in grids if (found := find_header(g))]


def _nothing(source: Source, grids: list[Grid]) -> RectError:
    seen = "; ".join(f"{g.place} has headers {headers_seen(g)}" for g in grids[:4])
    message = f"no problems found: {seen}; {_TEXT_HINT}" if seen else _TEXT_HINT
    return RectError([Problem(source.shown, 0, 0, message)])


def _text(source: Source, text: str, grids: list[Grid]) -> Imported:
    try:
        return parse_plan(
            text,
            source.shown,
            source.units,
            units_path=source.units_path,
            issued=source.issued,
            allow_unknown=source.allow_unknown,
        )
    except RectError as error:
        if grids and any("no problems found" in p.message for p in error.problems):
            raise _nothing(source, grids) from None
        raise


def _word(source: Source) -> Imported:
    from rectcli.exchange.plan_docx import read_docx

    document = read_docx(source.data, source.shown)
    tables = _headed(document.tables)
    if not tables:
        return _text(source, "\n".join(document.paragraphs), document.tables)
    lines = [line for p in document.paragraphs for line in p.split("\n")]
    plan = plan_header(lines[: document.before_first_table] or [""], source.shown, None)
    issued = source.issued or plan_header(lines, source.shown, None).issued
    plan = Plan(
        title=plan.title, issued=issued, issuer=plan_header(lines, source.shown, None).issuer
    )
    as_of = _as_of(document.paragraphs) or source.as_of
    return import_rows(plan, tables, _how(source, as_of))


def _ledger(source: Source, grids: list[Grid]) -> Imported:
    tables = _headed(grids)
    if not tables:
        raise _nothing(source, grids)
    grid, header, _ = tables[0]
    above = [" ".join(dict.fromkeys(c for c in row if c.strip())) for row in grid.cells[:header]]
    title = next((t for t in above if t.strip()), PurePath(source.shown).stem)
    as_of = _as_of(above) or source.as_of
    title = re.sub(r"\s*[（(]\s*截[至止][^）)]*[）)]\s*$", "", title)
    plan = Plan(title=title.strip(), issued=source.issued)
    return import_rows(plan, tables, _how(source, as_of))


def _as_of(texts: list[str]) -> date | None:
    from rectcli.exchange.plan_xlsx import as_of_date

    when = as_of_date(texts)
    if when is None:
        return None
    try:
        return parse_deadline(when).due
    except DeadlineError:
        return None
