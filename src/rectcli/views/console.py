"""The one Console that prints data: markup off, control characters shown (issue 14).

A note holding ``[/]`` or ``[link=file:///etc/passwd]`` must print as written, and an
ESC or OSC sequence from a sheet must never reach the terminal. Two guards, so that no
view can forget: the console reads no markup in any string (table cells, titles,
captions included) and shows the control characters of every string before it is
measured; a view that builds a ``Text`` from data passes it through
:func:`textsafe.visible` itself (so that widths are right), and as a last guard every
text segment rendered passes it too, whichever renderable it came from (rect's own
styles are segments' styles, never characters of their text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from rectcli.textsafe import UNSAFE, visible


class SafeConsole(Console):
    def render_str(self, text: str, **options: Any) -> Text:
        # Every string cell, title and caption comes here before it is measured.
        return super().render_str(visible(text), **options)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and UNSAFE.search(segment.text):
                yield Segment(visible(segment.text), segment.style)
            else:
                yield segment


def safe_console(**options: Any) -> Console:
    """A console for data: markup and emoji codes off, no highlighting, control
    characters shown."""
    options.setdefault("highlight", False)
    return SafeConsole(markup=False, emoji=False, **options)
