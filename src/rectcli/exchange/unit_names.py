"""Unit names as plans list them: split a 责任单位 value, expand shared prefixes, and tell
a unit name from a sentence (pure; docs/import.md).

``某园区党工委、管委会`` names two units, 某园区党工委 and 某园区管委会: the second shares
the first's prefix. ``各区县(市)党委、政府`` likewise. A bare generic name (管委会, 政府)
that follows nothing to share is kept as written, and the caller warns when it binds to
a unit that already exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# What a body of a place is called; the longest first, so 党工委 wins over 党委.
GENERIC = ("党工委", "管委会", "党委", "政府", "人大", "政协", "纪委", "监委", "党组")
_GENERIC = re.compile("(?:" + "|".join(GENERIC) + ")$")
_CLAUSE = re.compile(r"[^，,；;]+")
_SPLIT = re.compile(r"[^、\s/]+")
# A role said after a name: 县生态环境局（牵头）, 县公安局、县城管局配合, 市级各有关部门按职责
# 分工负责 (responsible: no role). It holds for the names before it in its clause, back to
# the last role said.
_ROLE = re.compile(
    r"(?:[（(](?P<paren>牵头单位|配合单位|牵头|配合|协办|协助|参与)[）)]"
    r"|(?P<bare>牵头负责|牵头|配合|协办|协助|参与|按职责分工负责|按职责负责|负责))$"
)
_ROLES = dict.fromkeys(("牵头", "牵头单位", "牵头部门", "牵头负责", "主办单位"), "lead")
_ROLES |= dict.fromkeys(("配合", "配合单位", "配合部门", "协办", "协办单位", "协助"), "helper")
_ROLES |= dict.fromkeys(("协同单位", "参与"), "helper")
# A label inside a value, for the names after it: 牵头单位：X 配合单位：Y (责任单位：Z: none).
_LABEL = re.compile(
    r"(牵头单位|牵头部门|主办单位|配合单位|配合部门|协办单位|协同单位|责任单位|责任部门)\s*[:：]"
)
# A unit name has none of these: a label, a sentence, a bracketed heading.
_NOT_A_NAME = re.compile(r"[：:【】。！？!?“”《》]|^\d|[0-9]{4}年")
MAX_NAME = 24


@dataclass(frozen=True)
class Said:
    """A unit name as the text gives it (expanded), and where its words start."""

    name: str
    start: int
    written: str = ""  # as the text writes it, when the prefix was shared (管委会)
    role: str | None = None  # "lead" (牵头) or "helper" (配合单位), as the text says


def split_units(text: str) -> list[Said]:
    """The unit names of a 责任单位 value, shared prefixes expanded, ``等`` dropped, each
    with the role its clause says (``X牵头，Y、Z配合``) or a label before it in the value
    (``牵头单位：X 配合单位：Y``, as a table's 责任单位 cell may hold)."""
    found: list[Said] = []
    cuts = [(m.start(), m.end(), _ROLES.get(m[1])) for m in _LABEL.finditer(text)]
    parts = zip([(0, 0, None), *cuts], [*cuts, (len(text), len(text), None)], strict=True)
    for (_, begin, label_role), (end, _, _) in parts:
        _split_part(text, begin, end, label_role, found)
    return found


def _split_part(text: str, begin: int, end: int, role: str | None, found: list[Said]) -> None:
    """The names of ``text[begin:end]`` added to ``found``, each with ``role`` unless a
    role said after it in its clause says otherwise."""
    for clause in _CLAUSE.finditer(text, begin, end):
        unsaid = len(found)  # the first name of the clause whose role is not said yet
        for m in _SPLIT.finditer(clause[0]):
            said = m[0]
            role_said = _ROLE.search(said)
            if role_said:
                said = said[: role_said.start()]
            said = said.removesuffix("等")
            start = clause.start() + m.start()
            before = found[-1].name if said in GENERIC and found else ""
            if (tail := _GENERIC.search(before)) and tail.start() > 0:  # 党工委、管委会
                found.append(Said(before[: tail.start()] + said, start, said, role))
            elif said:
                found.append(Said(said, start, role=role))
            if role_said:
                said_role = _ROLES.get(role_said["paren"] or role_said["bare"])
                found[unsaid:] = [replace(s, role=said_role) for s in found[unsaid:]]
                unsaid = len(found)


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
