"""Words shown to people, in Chinese (default) or English: the front of the message
catalog (rectcli/catalog: the words themselves in words.py, --help in help_zh.py, the
core's error messages in messages_zh.py).

JSON keys, ids and exit codes never change with the language; only labels do.
"""

from __future__ import annotations

from rectcli.catalog.document_words import WORDS as DOCUMENT_WORDS
from rectcli.catalog.words import WORDS
from rectcli.errors import RectError
from rectcli.langs import LANGS, env_lang
from rectcli.statuses import STATUSES, Status

STATUS_LABELS: dict[str, dict[str, str]] = {
    "zh": {"todo": "未启动", "doing": "推进中", "done": "已完成", "closed": "已销号"},
    "en": {"todo": "to do", "doing": "in progress", "done": "done", "closed": "closed"},
}


class Labels:
    """The words of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words = WORDS[lang] | DOCUMENT_WORDS[lang]
        self._statuses = STATUS_LABELS[lang]

    def __call__(self, key: str, **values: object) -> str:
        return self._words[key].format(**values)

    def status(self, status: str) -> str:
        return self._statuses[status]


def pick_lang(option: str | None) -> str:
    lang = (option or env_lang()).lower()
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
