"""Messages in the reader's language: the core raises English (the catalog's key); what
a person reads is looked up in messages_zh.py when the language is Chinese.

A message that no entry matches whole is read as parts: ``a; b`` (each part
translated, joined by ；) and ``key: message`` (the key, a YAML key or an option, kept).
What matches nothing stays English — tests/catalog/test_catalog.py keeps that from
happening to a message the code raises.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from rectcli.errors import Problem

_KEY = re.compile(r"(--?[\w-]+|[\w.\[\]-]+): (.+)", re.DOTALL)


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang`` (zh or en)."""
    if lang != "zh" or not message:
        return message
    found = _zh(message)
    return message if found is None else found


def localized(problem: Problem, lang: str) -> Problem:
    """The problem with its message in ``lang``; place and level unchanged."""
    message = translate(problem.message, lang)
    return problem if message == problem.message else dataclasses.replace(problem, message=message)


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    from rectcli.catalog.messages_zh import MESSAGES_ZH

    compiled = []
    # the most specific first: "not valid YAML: a character …" before "not valid YAML: {}"
    by_words = sorted(MESSAGES_ZH, key=lambda entry: -len(entry[0].replace("{}", "")))
    for english, chinese in by_words:
        pattern = "(.+?)".join(re.escape(part) for part in english.split("{}"))
        compiled.append((re.compile(pattern, re.DOTALL), chinese))
    return compiled


@functools.lru_cache(maxsize=512)
def _zh(message: str) -> str | None:
    """The Chinese of a message, or None when neither it nor its parts are known."""
    whole = _whole(message)
    if whole is not None:
        return whole
    # a; b — the first split at which both sides are known, else one side
    splits = [m.start() for m in re.finditer("; ", message)]
    fallback = None
    for at in splits:
        head, tail = _zh(message[:at]), _zh(message[at + 2 :])
        if head is not None and tail is not None:
            return f"{head}；{tail}"
        if fallback is None and (head is not None or tail is not None):
            fallback = f"{head or message[:at]}；{tail or message[at + 2 :]}"
    if fallback is not None:
        return fallback
    keyed = _KEY.fullmatch(message)
    if keyed:
        rest = _zh(keyed[2])
        if rest is not None:
            return f"{keyed[1]}：{rest}"
    return None


def _whole(message: str) -> str | None:
    for pattern, chinese in _patterns():
        match = pattern.fullmatch(message)
        if match:
            return chinese.format(*(_part(value) for value in match.groups()))
    return None


def _part(value: str) -> str:
    """A message's variable part: itself a message (``by: {exc}``) or data, kept."""
    if " " not in value:
        return value  # a name, id, date or number
    found = _zh(value)
    return value if found is None else found
