"""Words shown to people, in Chinese (default) or English.

JSON keys, ids and exit codes never change with the language; only labels do.
"""

from __future__ import annotations

import os

from .errors import RectError
from .models import STATUSES, Status

LANGS = ("zh", "en")

STATUS_LABELS: dict[str, dict[str, str]] = {
    "zh": {"todo": "未启动", "doing": "推进中", "done": "已完成", "closed": "已销号"},
    "en": {"todo": "to do", "doing": "in progress", "done": "done", "closed": "closed"},
}

_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "as_of": "截至",
        "measures": "项措施",
        "overdue": "逾期",
        "due_soon": "{n}天内到期",
        "task": "问题",
        "id": "编号",
        "status": "状态",
        "deadline": "整改时限",
        "due": "到期日",
        "units": "责任单位",
        "text": "整改措施",
        "title": "问题",
        "progress": "进度",
        "finished": "完成",
        "units_behind": "逾期最多的单位",
        "days_overdue": "逾期天数",
        "supervisor": "督导单位",
        "none_overdue": "没有逾期的整改措施。",
        "persons": "责任人",
        "goal": "整改目标",
        "finding": "督察发现",
        "log": "进展记录",
        "no_log": "暂无进展记录",
        "milestones": "阶段节点",
        "recurring": "常态化要求",
        "days": "天",
        "left": "剩余",
        "no_rows": "没有符合条件的整改措施。",
        "count": "共 {n} 项",
        "ongoing": "长期坚持",
        "valid": "{path}: 数据有效，{n} 项措施。",
        "overdue_n": "{n} 项措施逾期。",
        "by": "记录人",
        "date": "日期",
        "note": "说明",
        "measure_count": "措施数",
    },
    "en": {
        "as_of": "as of",
        "measures": "measures",
        "overdue": "overdue",
        "due_soon": "due within {n} days",
        "task": "task",
        "id": "id",
        "status": "status",
        "deadline": "deadline",
        "due": "due",
        "units": "units",
        "text": "measure",
        "title": "problem",
        "progress": "progress",
        "finished": "finished",
        "units_behind": "units most behind",
        "days_overdue": "days over",
        "supervisor": "supervisor",
        "none_overdue": "Nothing is overdue.",
        "persons": "persons",
        "goal": "goal",
        "finding": "finding",
        "log": "progress log",
        "no_log": "no progress yet",
        "milestones": "milestones",
        "recurring": "recurring duties",
        "days": "days",
        "left": "left",
        "no_rows": "No measures match.",
        "count": "{n} in all",
        "ongoing": "ongoing",
        "valid": "{path}: valid, {n} measures.",
        "overdue_n": "{n} measures overdue.",
        "by": "by",
        "date": "date",
        "note": "note",
        "measure_count": "measures",
    },
}


class Labels:
    """The words of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words = _WORDS[lang]
        self._statuses = STATUS_LABELS[lang]

    def __call__(self, key: str, **values: object) -> str:
        return self._words[key].format(**values)

    def status(self, status: str) -> str:
        return self._statuses[status]


def pick_lang(option: str | None) -> str:
    lang = (option or os.environ.get("RECT_LANG") or "zh").lower()
    if lang not in LANGS:
        raise RectError(f"unknown language '{lang}'; use zh or en")
    return lang


def parse_status(text: str) -> Status:
    """``done``, ``已完成`` or ``Done`` → ``done``."""
    wanted = text.strip().casefold()
    for status in STATUSES:
        if wanted == status or any(
            wanted == labels[status].casefold() for labels in STATUS_LABELS.values()
        ):
            return status
    choices = ", ".join(f"{s} ({STATUS_LABELS['zh'][s]})" for s in STATUSES)
    raise RectError(f"unknown status '{text}'; use one of {choices}")
