"""Taking the last mark back (``rect undo``): pure, text in, text out.

A mark records the regions it replaced (:class:`Region`: where in the old text, the old
lines and the new ones). Undoing puts the old lines back, after checking that the new
ones are still where the mark left them: any other edit since makes it refuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Region:
    start: int  # offset in the text before the mark
    old: str  # what was there
    new: str  # what the mark wrote instead

    def to_json(self) -> list[Any]:
        return [self.start, self.old, self.new]


def regions_from_json(data: Iterable[Any]) -> list[Region]:
    return [Region(int(start), str(old), str(new)) for start, old, new in data]


def revert(text: str, regions: Sequence[Region]) -> str | None:
    """``text`` with each region's new lines put back to the old; None when the new lines
    are not where the mark left them (the file was changed since)."""
    pieces: list[str] = []
    at = shift = 0
    for region in sorted(regions, key=lambda r: r.start):
        here = region.start + shift
        if here < at or text[here : here + len(region.new)] != region.new:
            return None
        pieces += [text[at:here], region.old]
        at = here + len(region.new)
        shift += len(region.new) - len(region.old)
    pieces.append(text[at:])
    return "".join(pieces)
