"""Three-way merge of rect files by task and measure (the core of ``rect merge-driver``).

Git calls the driver with three versions: the ancestor (base), ours and theirs. The
merged text starts from ours and takes in theirs' changes region by region, so every
line nobody changed stays byte for byte:

- top-level items (tasks; units and groups in units.yaml) and measures are matched by
  ``id`` (``name``); an item changed on one side only is taken whole from that side;
  an added item goes after the item it follows on its side; a deleted one goes, unless
  the other side changed it (a conflict);
- inside an item changed on both sides each key is merged the same way, and a
  measure's ``progress`` and ``incidents`` logs are sets of entries: both sides' new
  entries are kept (an entry both added, once), placed by date (an incident's
  ``found``), then by ``by``;
- the same key changed differently on both sides (status, deadline, text, units…) is a
  conflict: git's markers go around just that measure (unit, group), or just that key
  of a task; each half already holds every change that did not conflict, so keeping one
  half whole loses nothing else;
- the lines outside the items (``plan:``, the comments at the top) are merged line by
  line (``line_merge``: ``git merge-file``), as is any file that is not a valid rect file.

Pure: three versions in, the merged bytes out; ``line_merge`` is passed in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from rectcli.errors import Problem, RectError
from rectcli.merge.items import TASK, ItemMerger, LineLevel, LineMerge, Shape
from rectcli.merge.text import Lines, ListBody, top_items, top_keys
from rectcli.model.shapes import Group, TaskFile, Unit, UnitFile
from rectcli.yamltext import source as yamlsrc
from rectcli.yamltext.lines import yaml_lines

__all__ = ["FILES", "LineMerge", "MergeResult", "merge_files"]

FILES: dict[str, tuple[type[BaseModel], dict[str, Shape]]] = {
    "tasks": (TaskFile, {"tasks": TASK}),
    "units": (
        UnitFile,
        {"units": Shape("unit", "name", Unit), "groups": Shape("group", "name", Group)},
    ),
}
_BOM = b"\xef\xbb\xbf"
_OUTSIDE = "changed on both sides outside the tasks and measures (plan: or comments)"
_LINES = "changed on both sides (merged line by line)"


@dataclass
class MergeResult:
    data: bytes
    conflicts: list[Problem]  # one per conflict, at its ``<<<<<<<`` line in ``data``
    notes: list[Problem]  # why the file was merged line by line, if it was


def merge_files(
    base: bytes,
    ours: bytes,
    theirs: bytes,
    path: str,
    line_merge: LineMerge,
    marker_size: int = 7,
) -> MergeResult:
    """Merge three versions of a rect file; ``path`` names it in messages."""
    try:
        texts = [_decode(data, path) for data in (base, ours, theirs)]
        lines = _FileMerger(path, marker_size, line_merge).merge(*texts)
    except LineLevel as exc:
        merged, count = line_merge(base, ours, theirs)
        text = merged.decode("utf-8", errors="replace").replace("\r\n", "\n")
        conflicts = _conflicts(yaml_lines(text), path, marker_size, _LINES)
        if count and not conflicts:  # markers git wrote in a way rect does not recognise
            conflicts = [Problem(path, 0, 0, _LINES, "conflict")]
        return MergeResult(merged, conflicts, [exc.note] if exc.note else [])
    conflicts = _conflicts(lines, path, marker_size, _OUTSIDE)
    text = "".join(lines)
    if not ours.endswith(b"\n") and text.endswith("\n"):
        text = text[:-1]
    if b"\r\n" in ours:
        text = text.replace("\n", "\r\n")
    data = (_BOM if ours.startswith(_BOM) else b"") + text.encode("utf-8")
    return MergeResult(data, conflicts, [])


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        note = Problem(path, 0, 0, "not UTF-8 text; merged line by line", "warning")
        raise LineLevel(note) from None


def _conflicts(lines: Lines, path: str, size: int, otherwise: str) -> list[Problem]:
    """One problem per opening marker: the driver's own say what clashed."""
    opening = "<" * size + " "
    return [
        Problem(path, number, 1, getattr(line, "reason", None) or otherwise, "conflict")
        for number, line in enumerate(lines, 1)
        if line.startswith(opening)
    ]


def _kind(keys: dict[str, int]) -> str | None:
    """Which rect file this is, by its top-level keys (other YAML files in data/ are not)."""
    for kind, (model, _) in FILES.items():
        if kind in keys and set(keys) <= set(model.model_fields):
            return kind
    return None


class _FileMerger(ItemMerger):
    def merge(self, base: str, ours: str, theirs: str) -> Lines:
        sides = [yaml_lines(text) for text in (base, ours, theirs)]
        keys = [top_keys(lines) for lines in sides]
        kind = _kind(keys[1])
        if kind is None or kind != _kind(keys[2]):
            raise LineLevel()  # not a rect file: git's own merge, without a word
        model, shapes = FILES[kind]
        if kind == "tasks" and "plan" not in keys[1] and "plan" not in keys[2]:
            from rectcli.model.shards import (
                Shard,  # a file of a list kept in several: no plan: of its own
            )

            model = Shard
        bodies: list[dict[str, ListBody]] = [{}, {}, {}]
        for name, shape in shapes.items():
            found = [
                top_items(lines, k[name], shape.key) if name in k else None
                for lines, k in zip(sides, keys, strict=True)
            ]
            if found[1] and found[2]:  # a list on both sides: merged item by item
                for side, body in enumerate(found):
                    if body:
                        bodies[side][name] = body
        token = secrets.token_hex(8)
        skeletons = [
            _skeleton(lines, found, token) for lines, found in zip(sides, bodies, strict=True)
        ]
        for side in (1, 2):
            self._check_skeleton(skeletons[side], model, bodies[side])
        merged = {
            name: self.merge_list(
                shapes[name],
                bodies[0][name].chunks if name in bodies[0] else [],
                body.chunks,
                bodies[2][name].chunks,
                body.indent,
            )
            for name, body in bodies[1].items()
        }
        out: Lines = []
        for line in self.merge_region(*skeletons):
            placed = _placeholder(line, token)
            if placed is None:
                out.append(line)
            elif placed in merged:
                out.extend(merged.pop(placed))
            else:
                # its placeholder twice: the lines around it conflicted
                moved = f"the {placed} list was moved, or the lines around it changed,"
                raise LineLevel(self.note(0, f"{moved} on both sides"))
        if merged:
            raise LineLevel(self.note(0, f"the {next(iter(merged))} list was moved"))
        return out

    def _check_skeleton(
        self, lines: Lines, model: type[BaseModel], bodies: dict[str, ListBody]
    ) -> None:
        """The side is a valid rect file apart from its items (checked as they merge)."""
        try:
            root = yamlsrc.compose("".join(lines), self.path)
            data = yamlsrc.construct(root, self.path) if root is not None else None
        except RectError as exc:
            problem = exc.problems[0]
            raise LineLevel(self.note(_line(problem.line, bodies), problem.message)) from None
        if root is None or not isinstance(data, dict):
            raise LineLevel(self.note(1, "the file is not a mapping of keys"))
        for name in bodies:
            data[name] = []
        try:
            model.model_validate(data)
        except ValidationError as exc:
            error = exc.errors(include_input=False, include_url=False)[0]
            where = ".".join(str(p) for p in error["loc"])
            line = yamlsrc.position(yamlsrc.locate(root, error["loc"]))[0]
            raise LineLevel(self.note(_line(line, bodies), f"{where}: {error['msg']}")) from None


def _line(line: int, bodies: dict[str, ListBody]) -> int:
    """The file's line number of a skeleton's line (each list's items are one line there)."""
    folded = 0
    for body in sorted(bodies.values(), key=lambda body: body.start):
        if line > body.start + 1 - folded:
            folded += body.end - body.start - 1
    return line + folded


def _skeleton(lines: Lines, bodies: dict[str, ListBody], token: str) -> Lines:
    """The lines with each merged list's items replaced by one placeholder line."""
    out = list(lines)
    for name, body in sorted(bodies.items(), key=lambda item: -item[1].start):
        out[body.start : body.end] = [f"#rect-merge {token} {name}\n"]
    return out


def _placeholder(line: str, token: str) -> str | None:
    prefix = f"#rect-merge {token} "
    return line[len(prefix) :].rstrip("\n") if line.startswith(prefix) else None
