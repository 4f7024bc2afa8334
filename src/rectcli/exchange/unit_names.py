"""Unit names as plans list them: split a 责任单位 value, expand shared prefixes, and tell
a unit name from a sentence (pure; docs/import.md).

``某园区党工委、管委会`` names two units, 某园区党工委 and 某园区管委会: the second shares
the first's prefix. ``各区县(市)党委、政府`` likewise. A bare generic name (管委会, 政府)
that follows nothing to share is kept as written, and the caller warns when it binds to
a unit that already exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a body of a place is called; the longest first, so 党工委 wins over 党委.
GENERIC = ("党工委", "管委会", "党委", "政府", "人大", "政协", "纪委", "监委", "党组")
_GENERIC = re.compile("(?:" + "|".join(GENERIC) + ")$")
_SPLIT = re.compile(r"[^、，,；;\s/]+")
# A unit name has none of these: a label, a sentence, a bracketed heading.
_NOT_A_NAME = re.compile(r"[：:【】。！？!?“”《》]|^\d|[0-9]{4}年")
MAX_NAME = 24


@dataclass(frozen=True)
class Said:
    """A unit name as the text gives it (expanded), and where its words start."""

    name: str
    start: int
    written: str = ""  # as the text writes it, when the prefix was shared (管委会)


def split_units(text: str) -> list[Said]:
    """The unit names of a 责任单位 value, shared prefixes expanded, ``等`` dropped."""
    found: list[Said] = []
    for m in _SPLIT.finditer(text):
        said = m[0].removesuffix("等")
        if not said:
            continue
        if said in GENERIC and found:
            before = found[-1].name
            if (tail := _GENERIC.search(before)) and tail.start() > 0:
                found.append(Said(before[: tail.start()] + said, m.start(), said))
                continue
        found.append(Said(said, m.start()))
    return found


def unit_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a unit's name (a label, a sentence), or None if it can."""
    if _NOT_A_NAME.search(name):
        return "no unit's name holds a label, a date or a sentence"
    if len(name) > MAX_NAME:
        return f"no unit's name is longer than {MAX_NAME} characters"
    return None


def is_generic(name: str) -> bool:
    """Whether the name is a bare body (管委会, 政府) that names no place."""
    return name in GENERIC
