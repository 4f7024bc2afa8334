"""The words of tables, summaries and messages in Chinese and English, by key: the
catalog's main table (labels.Labels reads it). Both languages have the same keys
(tests/catalog/test_catalog.py); a new word goes into both."""

from __future__ import annotations

from rectcli.catalog.words_en import WORDS_EN
from rectcli.catalog.words_zh import WORDS_ZH

WORDS: dict[str, dict[str, str]] = {"zh": WORDS_ZH, "en": WORDS_EN}
