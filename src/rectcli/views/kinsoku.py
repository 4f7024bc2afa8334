"""Chinese line breaking (禁则, kinsoku): the marks a line never starts or ends with, and
Rich's wrapping taught to keep them. Used by the help (cli/localize.py) and by every
table Rich prints (cli/app.py's console); light, so that a cached run pays nothing for
the help's machinery."""

from __future__ import annotations

NO_LINE_START = frozenset("，、。；：！？）」』》〉】”’%,.;:!?)")
NO_LINE_END = frozenset("（「『《〈【“‘(")


def keep_marks_on_the_line() -> None:
    """Rich wraps a table cell's Chinese anywhere, so a line could start with ，or 、:
    move each such break one character earlier (idempotent)."""
    import rich.text

    names = vars(rich.text)  # its divide_line, imported from rich._wrap
    divide = names["divide_line"]
    if getattr(divide, "rect_kinsoku", False):
        return

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        offsets: list[int] = []
        start = 0
        while True:  # each line from where the one before really ended
            rest = divide(text[start:], width, fold=fold)
            if not rest:
                return offsets
            offset = start + rest[0]
            while offset - 1 > start and text[offset] in NO_LINE_START:
                offset -= 1
            offsets.append(offset)
            start = offset

    divide_line.rect_kinsoku = True  # type: ignore[attr-defined]
    names["divide_line"] = divide_line
