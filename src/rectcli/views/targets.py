"""The `rect targets` table and its CSV: built here, printed by the command."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from rectcli.labels import Labels
from rectcli.model.targets import TargetRow
from rectcli.textsafe import csv_text, visible
from rectcli.views.tables import plain_table

STATUS_STYLES = {"met": "green", "at_risk": "yellow", "not_met": "bold red", "no_data": "dim"}
CSV_COLUMNS = (
    "id",
    "name",
    "scope",
    "comparison",
    "target",
    "unit",
    "by",
    "due",
    "latest_date",
    "latest_value",
    "latest_period",
    "change",
    "status",
)


def amount(value: float, unit: str) -> str:
    """92.3 and "%" → "92.3%"; 15 and "μg/m³" → "15 μg/m³"."""
    return f"{value:g}{unit}" if unit.strip() == "%" else f"{value:g} {unit}".rstrip()


def targets_view(rows: Sequence[TargetRow], today: date, labels: Labels) -> RenderableType:
    heading = Text(f"{labels('targets_title')} · {labels('as_of')} {today.isoformat()}", "bold")
    if not rows:
        return Group(heading, Text(labels("no_targets")))
    table = plain_table()
    table.add_column(labels("indicator"), min_width=10, overflow="fold")
    table.add_column(labels("target"), no_wrap=True)
    table.add_column(labels("latest"), no_wrap=True)
    table.add_column(labels("target_by"), no_wrap=True)
    table.add_column(labels("status"), no_wrap=True)
    for row in rows:
        sign = "≥" if row.comparison == ">=" else "≤"
        latest = Text("—", style="dim")
        if row.latest is not None:
            latest = Text(visible(amount(row.latest.value, row.target.unit)))
            latest.append(f" {row.latest.period or row.latest.date.isoformat()}", style="dim")
        name = f"{row.target.scope}{row.target.name}" if row.target.scope else row.target.name
        table.add_row(
            name,
            f"{sign} {amount(row.bound, row.target.unit)}",
            latest,
            row.target.by,
            Text(labels(f"target_{row.status}"), style=STATUS_STYLES[row.status]),
        )
    return Group(heading, table)


def targets_csv(rows: Sequence[TargetRow]) -> str:
    lines = []
    for row in rows:
        data = row.to_json()
        latest = data.pop("latest") or {}
        data |= {f"latest_{k}": v for k, v in latest.items()}
        lines.append(["" if data.get(c) is None else data[c] for c in CSV_COLUMNS])
    return csv_text(CSV_COLUMNS, lines)  # formula-safe cells
