"""The one expected-error type of rect, and the located problems it carries.

Core modules raise :class:`RectError`; ``cli.py`` prints its problems to stderr as
``path:line:col: error: message`` and exits 2. Anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from rectcli.textsafe import one_line


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, at a 1-based line and column (0 = unknown)."""

    path: str
    line: int
    col: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        # One line whatever the data in it holds, and no control character (issue 14).
        path, message = one_line(self.path), one_line(self.message)
        if not path:
            return f"{self.level}: {message}"
        if not self.line:
            return f"{path}: {self.level}: {message}"
        return f"{path}:{self.line}:{self.col}: {self.level}: {message}"


class RectError(Exception):
    """Invalid data or usage: exit 2 with every problem listed."""

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", 0, 0, problems)]
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix for the closest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean '{close[0]}'?" if close else ""
