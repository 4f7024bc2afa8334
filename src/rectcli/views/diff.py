"""``rect diff`` and ``rect textconv`` output: strings, never printed here."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from datetime import date
from itertools import accumulate
from typing import Any

from rectcli.errors import RectError
from rectcli.history.semdiff import Change
from rectcli.labels import Labels

WIDTH = 80
_PLAN_FIELDS = ("title", "issued", "issuer")
_FIELD_LABELS = {
    "text": "text",
    "title": "title",
    "finding": "finding",
    "persons": "persons",
    "goal": "goal",
    "supervisor": "supervisor",
    "milestones": "milestones",
    "recurring": "recurring",
    "incidents": "incidents",
    "units": "units",
    "deadline": "deadline",
}


def changes_json(changes: Sequence[Change]) -> str:
    return json.dumps([c.to_json() for c in changes], ensure_ascii=False, indent=2)


def changes_text(changes: Sequence[Change], labels: Labels) -> str:
    """One line per change, each at most 80 columns, and a count."""
    if not changes:
        return labels("diff_none") + "\n"
    lines = [_clip(_line(change, labels)) for change in changes]
    lines.append(labels("diff_count", n=len(changes)))
    return "\n".join(lines) + "\n"


def _line(change: Change, labels: Labels) -> str:
    who = change.item_id or labels("diff_plan")
    if change.kind in ("added", "removed"):
        sign = "+" if change.kind == "added" else "-"
        what = labels(f"diff_{change.kind}_{change.level}")
        count = f" ({labels('diff_measures', n=change.measures)})" if change.level == "task" else ""
        return f"{sign} {who} {what}{count}: {_one_line(change.new or change.old)}"
    if change.kind == "status":
        return f"{who} {labels.status(change.old)} → {labels.status(change.new)}" + _entry(change)
    if change.kind == "progress":
        return f"{who} {labels('diff_entries', n=change.entries)}" + _entry(change)
    if change.kind == "rewritten":
        return f"{who} {labels('diff_rewritten')}"
    name = _label(change.field or "", labels, plan=change.level == "plan")
    if change.kind == "deadline":
        none = labels("no_date")
        line = f"{who} {name} {change.old or none} → {change.new or none}"
        flag = ""
        if change.approval is not None:
            flag = " " + labels("diff_approved", by=change.approval.evidence or "")
        elif change.extended:
            flag = " " + labels("diff_extended")
        elif change.earlier:
            flag = " " + labels("diff_earlier")
        dues = f" ({_day(change.old_due, none)} → {_day(change.new_due, none)})"
        if change.old_due != change.new_due and _width(line + dues + flag) <= WIDTH:
            line += dues  # the computed dates, where they fit: the flag must show
        return line + flag
    if change.kind == "units":
        return f"{who} {name} {'、'.join(change.old)} → {'、'.join(change.new)}"
    old, new = _short(change.old), _short(change.new)
    if old is not None and new is not None:
        return f"{who} {name} {old} → {new}"
    return f"{who} {name} {labels('diff_changed')}: {_one_line(change.new)}"


def _label(field: str, labels: Labels, *, plan: bool = False) -> str:
    key = f"diff_plan_{field}" if plan and field in _PLAN_FIELDS else _FIELD_LABELS.get(field)
    return labels(key) if key else field


def _entry(change: Change) -> str:
    entry = change.entry
    if entry is None:
        return ""
    head = f"{entry.by}, {entry.date}" if entry.by else f"{entry.date}"
    said = entry.note or entry.evidence  # what shows it, when nothing is said
    return f" ({head}: {_one_line(said)})" if said else f" ({head})"


def _day(day: date | None, none: str) -> str:
    return day.isoformat() if day else none


def _short(value: Any) -> str | None:
    """A value short enough to show before and after on one line."""
    if value is None or value == "":
        return "—"
    if isinstance(value, (str, int, date)) and _width(str(value)) <= 24:
        return str(value)
    return None


def _one_line(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_one_line(v) for v in value)
    if hasattr(value, "model_dump"):
        data = value.model_dump(mode="json", exclude_defaults=True)
        return ", ".join(f"{k}: {_flat(v)}" for k, v in data.items())
    return str(value).replace("\n", " ")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(line: str, width: int = WIDTH) -> str:
    """``line`` cut to ``width`` terminal columns (CJK characters take two), with '…'."""
    if _width(line) <= width:
        return line
    widths = accumulate(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    kept = sum(1 for used in widths if used <= width - 1)  # the widest start that fits
    return line[:kept] + "…"


def textconv(text: str, path: str) -> str:
    """A YAML task list (or units list) as one line per fact, each led by its item's id,
    for git's textconv: ``git diff`` then shows ``-3.2 status: todo`` / ``+3.2 status: doing``.
    Text that does not read as YAML comes back as it is: a diff driver must not fail."""
    from rectcli.yamltext import source as yamlsrc

    try:
        data = yamlsrc.Source(text.lstrip("\ufeff").replace("\r\n", "\n"), path).data
    except RectError:
        return text
    if not isinstance(data, dict):
        return text
    lines: list[str] = []
    _facts(data, "", lines)
    return "".join(line + "\n" for line in lines)


def _facts(mapping: dict[str, Any], label: str, lines: list[str]) -> None:
    for key, value in mapping.items():
        if key in ("id", "name") and label:
            continue
        lead = f"{label} {key}" if label else str(key)
        if isinstance(value, dict):
            _facts(value, f"{label}.{key}" if label else str(key), lines)
        elif isinstance(value, list) and any(_item_name(v) for v in value):
            for item in value:
                if isinstance(item, dict) and _item_name(item):
                    _facts(item, _item_name(item), lines)
                else:
                    lines.append(f"{lead}: {_flat(item)}")
        elif isinstance(value, list) and value and not all(_scalar(v) for v in value):
            lines += [f"{lead}: {_flat(item)}" for item in value]
        else:
            lines.append(f"{lead}: {_flat(value)}")


def _item_name(value: Any) -> str:
    if isinstance(value, dict):
        name = value.get("id", value.get("name"))
        return str(name) if name is not None else ""
    return ""


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\n", "\\n")
