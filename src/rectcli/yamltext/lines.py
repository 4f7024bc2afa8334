"""The one line scanner: facts about a task list's text, found without parsing it whole.

mark, incident, fmt and the merge driver all read lines through these helpers
(blank and comment lines, indentation, line splitting, where items begin and end).

Every task and measure item begins with its `- id:` line, so an item is found by a
search for that line, and spans the lines up to the next line indented at or left of its
dash. Blank and comment lines after an item's last line belong to what follows it. An
`- id:` line inside a block scalar (`finding: |` quoting an old list) is text, not an item.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from rectcli.errors import Problem, RectError, did_you_mean

_ID_LINE = r"-[ ]+id[ ]*:[ ]*(?:\"{0}\"|'{0}'|{0})[ ]*(?:#[^\n]*)?\r?$"
_ANY_ID = re.compile(r"^[ ]*-[ ]+id[ ]*:[ ]*(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s#\"']+))", re.M)


@dataclass(frozen=True)
class Item:
    """Where a task or measure item lies in the text."""

    item_id: str
    start: int  # offset of the start of its `- id:` line
    end: int  # offset just after its last line that is not blank or a comment
    line: int  # 1-based line of the `- id:` line
    dash: int  # 0-based column of the dash
    key_col: int  # 0-based column of its keys (`id` on the dash line)
    is_task: bool


def find_item(text: str, path: str, item_id: str) -> Item:
    """The task or measure item whose `- id:` line names ``item_id``."""
    hits = []
    blocks: BlockScalars | None = None
    for match in re.finditer(_ID_LINE.format(re.escape(item_id)), text, re.M):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].strip(" \ufeff"):
            blocks = blocks or BlockScalars(text)
            if not blocks.holds(line_start):
                hits.append((line_start, match))
    if not hits:
        raise RectError([Problem(path, 0, 0, _unknown_id_message(text, item_id))])
    line_start, match = hits[0]
    line = text.count("\n", 0, line_start) + 1
    dash, key_col = _columns(match, line_start)
    if len(hits) > 1:
        second, again = hits[1]
        raise RectError(
            [
                Problem(
                    path,
                    text.count("\n", 0, second) + 1,
                    _columns(again, second)[1] + 1,
                    f"duplicate id '{item_id}' (first on line {line}); ids must be unique",
                )
            ]
        )
    return Item(
        item_id,
        line_start,
        item_end(text, line_start, dash),
        line,
        dash,
        key_col,
        is_task=dash == _task_dash(text),
    )


# An item's first line from its dash: -(spaces)id:  (the rest of the line). Led by the
# dash, the search skips through the text (a pattern led by ^ stops at every character).
_ITEM_LINE = re.compile(r"-([ ]+)id[ ]*:[ ]*([^\n]*)")
_ID_TAIL = re.compile(r"[ ]*(?:#[^\n]*)?\r?")  # what may follow the id on its line


class ItemIndex:
    """Every `- id:` line of a text, found in one pass: locating many items one by one
    with find_item would scan the whole text for each (16 s for 200 in a 40 MB list)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.task_dash = _task_dash(text)
        self._lines: dict[str, list[tuple[int, int, int, int]]] = {}
        blocks = BlockScalars(text)
        line, pos = 1, 0
        for match in _ITEM_LINE.finditer(text):
            start = text.rfind("\n", 0, match.start()) + 1
            if text[start : match.start()].strip(" \ufeff"):
                continue  # not the start of an item: something before it on its line
            if blocks.holds(start):
                continue  # text quoting an item
            line += text.count("\n", pos, start)
            pos = start
            dash = match.start() - start
            where = (start, line, dash, dash + 1 + len(match[1]))
            for item_id in _ids_named(match[2]):
                self._lines.setdefault(item_id, []).append(where)

    def find(self, path: str, item_id: str) -> Item:
        """What ``find_item(text, path, item_id)`` gives (or raises)."""
        hits = self._lines.get(item_id) if item_id else None
        if not hits:  # unknown, empty, or an id find_item reads oddly: its own words
            return find_item(self.text, path, item_id)
        start, line, dash, key_col = hits[0]
        if len(hits) > 1:
            _, again, _, again_key = hits[1]
            raise RectError(
                [
                    Problem(
                        path,
                        again,
                        again_key + 1,
                        f"duplicate id '{item_id}' (first on line {line}); ids must be unique",
                    )
                ]
            )
        end = item_end(self.text, start, dash)
        return Item(item_id, start, end, line, dash, key_col, is_task=dash == self.task_dash)


# The end of a block scalar's header line: | or > with its indicators, maybe a comment.
# Led by the indicator, the search skips through the text (| and > are rare in a list).
_BLOCK_INDICATOR = re.compile(r"[|>][-+0-9]*[ ]*(?:#[^\n]*)?\r?$", re.M)
# What precedes the indicator on a header line: dashes, then maybe a key and its colon.
_BLOCK_HEAD = re.compile(
    r"[ \ufeff]*(?:-[ ]+)*(?:(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s#'\"][^#\n]*?)[ ]*:[ ]+)?"
)


class BlockScalars:
    """Where the text's block scalars (``key: |``, ``- >-``) lie: the lines under each
    header indented deeper than its key or dash."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in _BLOCK_INDICATOR.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if self.ends and line_start < self.ends[-1]:
                continue  # a line of the block scalar before
            head = _BLOCK_HEAD.fullmatch(text, line_start, match.start())
            if head is None or not head[0].strip(" \ufeff"):
                continue  # `>` or `|` inside a value (温度>30), or nothing before it
            start = next_line(text, match.start())
            end = _deeper_lines_end(text, start, _owner_column(head[0]))
            if end > start:
                self.starts.append(start)
                self.ends.append(end)

    def holds(self, offset: int) -> bool:
        """Whether the line starting at ``offset`` is inside a block scalar."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _owner_column(head: str) -> int:
    """The column of the key a header line gives its block scalar to (of its last dash
    when it has no key): the scalar's lines are indented deeper."""
    rest = head.lstrip(" \ufeff")
    column = len(head) - len(rest)
    while rest.startswith("-"):
        after = rest[1:].lstrip(" ")
        if not after:
            return column  # `- |`: the dash's
        column += len(rest) - len(after)
        rest = after
    return column


def _deeper_lines_end(text: str, pos: int, column: int) -> int:
    """The end of the lines from ``pos`` that are blank or indented deeper than ``column``."""
    end = pos
    while pos < len(text):
        after = next_line(text, pos)
        line = text[pos:after]
        if line.strip(" \r\n"):
            if indent_of(line) <= column:
                break
            end = after
        pos = after
    return end


def _ids_named(rest: str) -> set[str]:
    """Each id an `- id:` line whose text after `id:` and its spaces is ``rest`` names, as
    find_item's pattern reads it: `"X"`, `'X'` or `X`, then spaces, a comment, a CR."""
    if rest and "#" not in rest and rest[-1] not in " \r":  # the usual `"3.2"`: quick
        quoted = len(rest) >= 2 and rest[0] == rest[-1] and rest[0] in "\"'"
        return {rest, rest[1:-1]} if quoted else {rest}
    ends = {len(rest), *(i for i, c in enumerate(rest) if c == "#")}
    if rest.endswith("\r"):
        ends.add(len(rest) - 1)
    for end in list(ends):  # the spaces before an end may follow the id too
        while end > 0 and rest[end - 1] == " ":
            end -= 1
            ends.add(end)
    named = set()
    for end in ends:
        if end and _ID_TAIL.fullmatch(rest, end):
            core = rest[:end]
            named.add(core)
            if len(core) >= 2 and core[0] == core[-1] and core[0] in "\"'":
                named.add(core[1:-1])
    return named


def _columns(match: re.Match[str], line_start: int) -> tuple[int, int]:
    """The 0-based columns of an `- id:` line's dash and of its `id` key."""
    dash = match.start() - line_start
    return dash, dash + len(match.group()) - len(match.group()[1:].lstrip(" "))


def _unknown_id_message(text: str, item_id: str) -> str:
    if re.search(r"\{[ ]*id[ ]*:[ ]*[\"']?" + re.escape(item_id) + r"[\"']?[ ]*[,}]", text):
        return (
            f"'{item_id}' is written in flow style ({{id: …}}); run rect fmt to write it "
            "in block style, then mark it"
        )
    quoted = r"[ ]*[\"']?" + re.escape(item_id) + r"[\"']?[ ]*(?:#[^\n]*)?\r?$"
    if re.search(r"^[ ]*id[ ]*:" + quoted, text, re.M):
        return (
            f"'{item_id}' does not begin its item (its id must be the first key, on the "
            "'- ' line); run rect fmt to put it there, then mark it"
        )
    blocks = BlockScalars(text)
    ids = [
        "".join(match.groups(""))  # one of the three forms, quoted or not
        for match in _ANY_ID.finditer(text)
        if not blocks.holds(match.start())
    ]
    return f"no problem or measure '{item_id}'" + did_you_mean(item_id, ids)


def _task_dash(text: str) -> int | None:
    """The column of the dashes of the task items (the first item under `tasks:`)."""
    found = re.search(r"^tasks[ ]*:[^\n]*\n", text, re.M)
    return _first_dash(text, found.end()) if found else None


def is_trivia(line: str) -> bool:
    """A blank line or a comment line."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def item_end(text: str, start: int, dash: int) -> int:
    """Offset after the item's last content line: it ends before the next content line
    indented at or left of its dash (trailing comments belong to what follows)."""
    end = pos = next_line(text, start)
    while pos < len(text):
        after = next_line(text, pos)
        line = text[pos:after]
        if not is_trivia(line):
            if indent_of(line) <= dash:
                break
            end = after
        pos = after
    return end


def next_line(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1


def measure_spans(segment: str, task_dash: int) -> list[Item]:
    """The measure items inside a task's text (offsets relative to the segment)."""
    found = []
    for match in re.finditer(r"^([ ]*)-[ ]+id[ ]*:", segment, re.M):
        dash = len(match.group(1))
        if dash > task_dash:
            found.append((match, dash))
    if not found:
        return []
    level = min(dash for _, dash in found)
    spans = []
    for match, dash in found:
        if dash == level:
            line_end = segment.find("\n", match.start())
            id_part = segment[match.end() : line_end if line_end >= 0 else None]
            value = id_part.split("#", 1)[0].strip().strip("\"'")
            key_col = match.group().index("id")
            end = item_end(segment, match.start(), dash)
            spans.append(Item(value, match.start(), end, 0, dash, key_col, is_task=False))
    return spans


def split_lines(text: str) -> list[str]:
    """Lines with their ends, as the item finders count them: only '\\n' ends a line
    (a '\\r' stays on its line), and a last line without one stays without."""
    parts = text.split("\n")
    tail = parts.pop()
    lines = [part + "\n" for part in parts]
    if tail:
        lines.append(tail)
    return lines


def yaml_lines(text: str) -> list[str]:
    """Lines as YAML's reader counts them (its marks' line numbers index this list):
    '\\r', NEL and the Unicode separators end a line too. A last line without an end
    gets a '\\n' (the merge driver takes it off again when ours had none)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def task_chunks(text: str) -> tuple[int, int, list[int]] | None:
    """How to cut a task list into one piece per task, without parsing it.

    Returns the start and end of its block ``tasks:`` line, and the offsets where the
    pieces meet: each piece ends after a task's last content line (the last piece runs
    to the end), so comments before a task travel with it. None when the text is not a
    ``tasks:`` key at the left margin followed only by its items.
    """
    found = re.search(r"^tasks[ ]*:[ ]*(?:#[^\n]*)?\n", text, re.M)
    dash = _first_dash(text, found.end()) if found else None
    if found is None or dash is None:
        return None
    starts = []
    level = re.compile(f"^ {{0,{dash}}}(?=[^ \\n#])", re.M)  # a content line at most this deep
    for match in level.finditer(text, found.end()):
        if (
            match.end() - match.start() != dash
            or text[match.end() : match.end() + 2].rstrip() != "-"
        ):
            return None  # something other than a task item at the tasks' level
        starts.append(match.start())
    bounds = [found.end()]
    for start in starts[1:]:
        bounds.append(_content_end(text, start, bounds[-1]))
    return found.start(), found.end(), bounds


def plan_issued(text: str) -> date | None:
    """``plan.issued`` of a task list, read from the lines before its ``tasks:`` only;
    None when the text has no plan there (a shard) or it does not read."""
    from rectcli.yamltext import source as yamlsrc

    found = re.search(r"^tasks[ ]*:", text, re.M)
    head = text[: found.start()] if found else text
    if not re.search(r"^plan[ ]*:", head, re.M):
        return None
    try:
        data = yamlsrc.Source(head.lstrip("\ufeff").replace("\r\n", "\n"), "").data
    except RectError:
        return None
    plan = data.get("plan") if isinstance(data, dict) else None
    issued = plan.get("issued") if isinstance(plan, dict) else None
    return issued if isinstance(issued, date) else None


def _first_dash(text: str, start: int) -> int | None:
    """The dash column of the first content line from ``start``, if it is a list item."""
    pos = start
    while pos < len(text):
        end = next_line(text, pos)
        line = text[pos:end]
        if not is_trivia(line):
            stripped = line.lstrip(" ")
            return len(line) - len(stripped) if stripped[:2].rstrip() == "-" else None
        pos = end
    return None


def _content_end(text: str, pos: int, floor: int) -> int:
    """The end of the last line before ``pos`` that is not blank or a comment (``floor``
    if every line from there is)."""
    while pos > floor and is_trivia(text[(start := _line_start(text, pos, floor)) : pos]):
        pos = start
    return pos


def _line_start(text: str, end: int, floor: int) -> int:
    """The start of the line that ends at ``end`` (not before ``floor``)."""
    return max(text.rfind("\n", floor, end - 1) + 1, floor)


def shifted(problems: list[Problem], offset: int, at: int) -> list[Problem]:
    """Problems found in a piece of a file, moved to their lines in the whole file
    (``offset`` lines down); a problem on the piece's first line or none goes to ``at``."""
    return [
        replace(p, line=p.line + offset) if p.line > 1 else replace(p, line=at) for p in problems
    ]
