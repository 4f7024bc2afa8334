"""The lines of a text plan as blocks, one per problem, before they are read (pure).

The official format (``一、`` headings, ``责任单位：`` … label lines, measures numbered
（一） (1) or 1.) and the variants offices publish: labels in 【】 or qualified
(``责任单位(市级)：``), synonyms, headings holding a label, two labels on a line, sites of a
督查通报 (``1. 市图书馆`` with findings ``(1)…``), notices of one problem; closing lines,
chat lines and progress sections are not the list; unknown labels are warned. See
docs/import.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rectcli.errors import Problem

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
_CN = "零〇一二两三四五六七八九十百千万"
HEADING = re.compile(rf"\s*(?P<num>[{_CN}]+)\s*、\s*(?P<rest>.*)")
_MEASURE = re.compile(
    rf"\s*(?:[（(]\s*(?P<cn>[{_CN}]+)\s*[）)]|[（(]\s*(?P<par>[0-9]{{1,3}})\s*[）)]"
    # 3.5万吨 is a number, not measure 3; 3.2024年5月底前… is measure 3 with a date
    r"|(?P<ar>[0-9]{1,3})\s*[.．、](?![0-9])|(?P<dated>[0-9]{1,3})\s*[.．](?=[0-9]{4}年))"
    r"\s*(?P<rest>.*)"
)
FIELDS = {
    "责任单位": "units",
    "问题整改责任单位": "units",
    "整改责任单位": "units",
    "整改实施主体": "units",
    "主管单位": "units",
    "牵头单位": "units",
    "牵头部门": "units",
    "配合单位": "helpers",
    "配合部门": "helpers",
    "协办单位": "helpers",
    "协同单位": "helpers",
    "责任人": "persons",
    "责任领导": "persons",
    "督导单位": "supervisor",
    "牵头验收单位": "supervisor",
    "整改目标": "goal",
    "整改时限": "deadline",
    "完成时限": "deadline",
    "整改期限": "deadline",
    "整改措施": "measures",
    "整改要求": "measures",
    "重点措施": "measures",
    "存在问题": "finding",
    "反馈问题": "finding",
    "整改问题": "finding",
    "整改任务": "finding",
    "整改完成情况": "progress",
    "整改进展": "progress",
}
_LABELS = "|".join(r"\s*".join(label) for label in sorted(FIELDS, key=len, reverse=True))
# 责任单位：, 责 任 人:, 【主管单位】, 责任单位(市级)：
_FIELD = re.compile(
    rf"\s*(?P<open>【)?\s*(?P<label>{_LABELS})\s*(?:[（(][^）)]{{0,12}}[）)])?\s*"
    r"(?(open)】\s*[：:]?|[：:])\s*(?P<value>.*)"
)
_OWN_FIELDS = frozenset({"units", "helpers", "deadline", "persons"})  # a measure may say its own
_SITE = re.compile(r"\s*(?P<num>[0-9]{1,3})\s*[.．、](?![0-9])\s*(?P<rest>.*)")
_SITE_ITEM = re.compile(r"[（(]\s*(?P<n>[0-9]{1,2})\s*[）)]")
_GROUP = re.compile(rf"\s*[（(]\s*[{_CN}]+\s*[）)]")
_INLINE_FIELD = re.compile(rf"\s+(?=【?(?:{_LABELS})】?\s*[：:])")  # X 整改时限:7天
_OTHER_LABEL = re.compile(r"\s*【?(?P<label>[\u4e00-\u9fff]{2,8})】?\s*[：:]")
# Inside the measures, "重点：" may begin a wrapped line; only these labels end a measure.
_ASIDE = re.compile(r"联系|联络|电话|邮箱|传真|地址|备注|说明|报送")
_END = re.compile(
    r"\s*(?:抄送|主送|附件|附表|特此公示|特此通报|公示时间|公示期|监督电话|联系电话|联系人)"
    r"|.*\d日\s*印发\s*$"
)


@dataclass
class Span:
    """Text gathered from one or more lines, and the way back from an offset to a place."""

    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, text)

    def add(self, line: int, col: int, text: str) -> None:
        stripped = text.lstrip()
        col += len(text) - len(stripped)
        if stripped.rstrip():
            self.parts.append((line, col, stripped.rstrip()))

    @property
    def text(self) -> str:
        return "".join(part[2] for part in self.parts)

    def at(self, offset: int) -> tuple[int, int]:
        for line, col, text in self.parts:
            if offset < len(text):
                return line, col + offset
            offset -= len(text)
        return (
            (self.parts[-1][0], self.parts[-1][1] + len(self.parts[-1][2]))
            if self.parts
            else (0, 0)
        )


@dataclass
class Block:
    """One problem as the document gives it, before it is read."""

    number: int
    line: int
    heading: Span
    fields: dict[str, Span] = field(default_factory=dict)
    measures: list[tuple[int, int, Span]] = field(default_factory=list)  # (number, line, text)
    # A measure's own 责任单位/完成时限/责任人 lines under it, by its index in ``measures``
    measure_fields: dict[int, dict[str, Span]] = field(default_factory=dict)
    site: bool = False  # 1.市图书馆 of a 督查通报, its findings (1)…(2)… the measures


def cn_number(text: str) -> int:
    """'三' → 3, '十二' → 12, '一百零五' → 105, '一万零二十' → 10020."""
    total = section = 0
    digit: int | None = None
    for char in text:
        if char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            digit = _CN_DIGITS[char]
    return total + section + (digit or 0)


def annex_start(lines: Sequence[str]) -> tuple[int, bool]:
    start = None
    for index, line in enumerate(lines):
        if line.strip().endswith("整改任务清单"):
            following = next((x for x in lines[index + 1 :] if x.strip()), "")
            if HEADING.match(following):
                start = index + 1
    return (start, True) if start is not None else (0, False)


def read_blocks(
    lines: Sequence[str], start: int, path: str, warnings: list[Problem]
) -> list[Block]:
    blocks: list[Block] = []
    current: Span | None = None  # what a continuation line continues
    section = ""  # the field the lines now belong to
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip() or line.lstrip().startswith(("@", "＠")):
            continue  # chat lines (@某某) are no part of the list
        if blocks and _END.match(line):
            break
        heading = HEADING.match(line)
        if heading and (label := _label_heading(heading["rest"])):
            if not blocks:  # 二、整改实施主体 of a notice about one problem
                blocks.append(Block(1, number, Span()))
            current, section = blocks[-1].fields.setdefault(label, Span()), label
            continue
        if heading:
            block = Block(cn_number(heading["num"]), number, Span())
            block.heading.add(number, heading.start("rest") + 1, heading["rest"])
            blocks.append(block)
            current, section = block.heading, "heading"
            continue
        field_match = _FIELD.match(line)
        site = _SITE.match(line) if not field_match else None
        in_site = bool(blocks) and blocks[-1].site
        listing = section in ("finding", "group", "heading", "")  # 二、存在问题 and its sites
        if site and (in_site or (listing and not (blocks and blocks[-1].measures))):
            current, section = _site(site, number, blocks), "measures"
            continue
        if (in_site or section == "finding") and _GROUP.match(line):  # （一）城区: a group
            current, section = Span(), "group"
            continue
        if not blocks and field_match:  # a notice about one problem: no numbering at all
            blocks.append(Block(1, number, Span()))
        if not blocks:
            continue
        block = blocks[-1]
        offset = 0
        if field_match:
            pieces = _pieces(line, field_match)
            for key, col, value in pieces:
                fields = block.fields
                under = key in _OWN_FIELDS and block.measures and section in ("measures", "aside")
                if under and key in fields:  # said again under a measure: that measure's own
                    fields = block.measure_fields.setdefault(len(block.measures) - 1, {})
                span = fields.setdefault(key, Span())
                if key != "measures":
                    span.add(number, col + 1, value)
                # under a measure, the next numbered line is still the next measure
                current, section = span, "aside" if under else key
            key, col, value = pieces[-1]
            if key != "measures":
                continue
            current = None
            if not value.strip():
                continue
            line, offset = value, col
        elif (other := _unknown_label(line, section)) is not None:
            where = f"unknown label '{other['label']}': its lines are not read"
            warnings.append(Problem(path, number, other.start("label") + 1, where, "warning"))
            # starts nothing, never glued on; the next numbered measure goes on the list
            current, section = Span(), "aside" if section in ("measures", "aside") else "unknown"
            continue
        if section in ("measures", "aside") and (m := _MEASURE.match(line)):
            section = "measures"
            measure_number = (
                cn_number(m["cn"]) if m["cn"] else int(m["par"] or m["ar"] or m["dated"])
            )
            current = Span()
            current.add(number, offset + m.start("rest") + 1, m["rest"])
            block.measures.append((measure_number, number, current))
        elif section == "measures" and current is None:
            current = Span()  # 整改措施：<text> with no number: one measure
            current.add(number, offset + 1, line)
            block.measures.append((len(block.measures) + 1, number, current))
        else:
            assert current is not None  # (None only once 整改措施： is reached, handled above)
            current.add(number, offset + 1, line)  # a heading, field or measure goes on
    return blocks


def _site(m: re.Match[str], number: int, blocks: list[Block]) -> Span:
    """A new block for a site line (``3.丽景花园二期:(1)…;(2)…``); the span it ends in."""
    block = Block(int(m["num"]), number, Span(), site=True)
    rest, col = m["rest"], m.start("rest")
    items = list(_SITE_ITEM.finditer(rest))
    head = rest[: items[0].start()] if items else rest
    block.heading.add(number, col + 1, head.rstrip(":：，, "))
    current = block.heading
    for item, following in zip(items, [*items[1:], None][: len(items)], strict=True):
        text = rest[item.end() : following.start() if following else len(rest)]
        current = Span()
        current.add(number, col + item.end() + 1, text.rstrip("；;，, "))
        block.measures.append((int(item["n"]), number, current))
    blocks.append(block)
    return current


def _unknown_label(line: str, section: str) -> re.Match[str] | None:
    """A label line rect does not read (``联络员：张三``), which starts nothing."""
    m = _OTHER_LABEL.match(line)
    if m is None or _MEASURE.match(line):
        return None
    if section == "measures" and not _ASIDE.search(m["label"]):
        return None  # a measure's own words go on
    return m


def _label_heading(rest: str) -> str | None:
    """The field a heading names (``二、整改实施主体``, value on the next line), or None."""
    label = re.sub(r"[\s：:]", "", rest)
    return FIELDS.get(label)


def _pieces(line: str, m: re.Match[str]) -> list[tuple[str, int, str]]:
    """(field, column of the value, value) of each label on a line (X 整改时限:7天)."""
    found = []
    while True:
        key = FIELDS[re.sub(r"\s", "", m["label"])]
        value_start = m.start("value")
        rest = _INLINE_FIELD.search(line, value_start)
        end = rest.start() if rest else len(line)
        found.append((key, value_start, line[value_start:end]))
        if rest is None or not (m := _FIELD.match(line, rest.end())):  # type: ignore[assignment]
            return found
