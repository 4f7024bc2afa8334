"""The words of tables, summaries and messages in Chinese and English, by key: the
catalog's main table (labels.Labels reads it). Both languages have the same keys
(tests/catalog/test_catalog.py); a new word goes into both."""

from __future__ import annotations

import importlib
from typing import Any


def words_of(lang: str) -> dict[str, str]:
    """The words of one language; a run loads only its own (start-up: see
    docs/performance.md)."""
    module = importlib.import_module(f"rectcli.catalog.words_{lang}")
    words: dict[str, str] = getattr(module, f"WORDS_{lang.upper()}")
    return words


def __getattr__(name: str) -> Any:
    """``WORDS``, both languages (the catalog's tests compare them)."""
    if name == "WORDS":
        return {lang: words_of(lang) for lang in ("zh", "en")}
    raise AttributeError(name)
