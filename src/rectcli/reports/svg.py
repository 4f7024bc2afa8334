"""The progress chart as inline SVG: horizontal bars, no script, no external assets.

Each bar shows the finished share (green) and the overdue share (red) of its measures;
the full label is in a ``<title>`` so a browser shows it on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from rectcli.queries.report import Bar

WIDTH = 720
LABEL_WIDTH = 220
TRACK_WIDTH = 380
ROW_HEIGHT = 24
BAR_HEIGHT = 14
LABEL_CHARS = 15  # CJK characters that fit the label column at 13px


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(bars: Sequence[Bar], caption: str, *, css_class: str = "chart") -> str:
    """An SVG element (a string) with one bar per item; an empty chart draws nothing."""
    if not bars:
        return ""
    height = ROW_HEIGHT * len(bars) + 8
    parts = [
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width:{WIDTH}px" aria-label="{escape(caption)}">',
        f"<title>{escape(caption)}</title>",
    ]
    for index, bar in enumerate(bars):
        y = 4 + index * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        done_w = TRACK_WIDTH * bar.finished / bar.total if bar.total else 0.0
        late_w = TRACK_WIDTH * bar.overdue / bar.total if bar.total else 0.0
        percent = round(100 * bar.finished / bar.total) if bar.total else 0
        top = middle - BAR_HEIGHT / 2
        label = bar.label if bar.key == bar.label else f"{bar.key} {bar.label}"
        parts += [
            f'<g class="bar" data-key="{escape(bar.key)}">',
            f"<title>{escape(label)}: {bar.finished}/{bar.total}</title>",
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="13">{escape(_short(label))}</text>',
            f'<rect class="track" x="{LABEL_WIDTH}" y="{top:.1f}" width="{TRACK_WIDTH}" '
            f'height="{BAR_HEIGHT}" fill="#e5e7eb"/>',
            f'<rect class="done" x="{LABEL_WIDTH}" y="{top:.1f}" width="{done_w:.1f}" '
            f'height="{BAR_HEIGHT}" fill="#15803d"/>',
            f'<rect class="overdue" x="{LABEL_WIDTH + done_w:.1f}" y="{top:.1f}" '
            f'width="{late_w:.1f}" height="{BAR_HEIGHT}" fill="#b91c1c"/>',
            f'<text x="{LABEL_WIDTH + TRACK_WIDTH + 8}" y="{middle:.1f}" '
            f'dominant-baseline="middle" font-size="13">'
            f"{bar.finished}/{bar.total} {percent}%</text>",
            "</g>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)
