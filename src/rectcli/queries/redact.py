"""The one redaction policy of what rect publishes (``--public``; issue 14).

A progress note or a measure's text may hold what must not be published: phone
numbers, ID-card and bank-card numbers, e-mail addresses and the names of the people
who reported. :func:`redact` masks each with ``***`` and keeps the words around it
(``联系人：***``), so that a published line still reads.

What it finds (tested against a table of cases in tests/queries/test_redact.py):

- mobiles, with or without ``+86``/``0086``, in groups (``138 1234 5678``) or not;
- landlines with an area code in any bracket or space form (``(0431)88881234``,
  ``（0431）8888-1234``, ``0431 88881234``, ``0431-88881234``), and any number after
  ``电话``/``手机``/``座机``/``联系方式``;
- ID-card numbers (18 characters whose check digit is right, GB 11643);
- bank-card numbers (16 to 19 digits, in groups or not, whose Luhn digit is right);
- e-mail addresses;
- names after 联系人/负责人/填报人/经办人/负责同志/责任人/报送人, with or without a
  colon, every name of a list (``填报人：张三、李四``).

Full-width digits and signs (``１３８…``, ``＋８６``) are read as their ASCII forms;
the text keeps its own characters except where masked.
"""

from __future__ import annotations

import re

MASK = "***"

# Full-width ASCII (！ to ～) and the ideographic space read as ASCII: one character for
# one, so that a match's place in the folded text is its place in the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FOLD |= {ord(c): ord(a) for c, a in zip("【】〔〕", "[][]", strict=True)}
_FOLD |= {ord(c): ord("-") for c in "‐‑‒–—―−﹣"}  # 0311—8780…

_SEP = r"[\s\-.]?"
_MOBILE = rf"(?:(?:\+|00)\s*86[\s\-]?)?1[3-9]\d(?:{_SEP}\d{{4}}){{2}}"
_AREA = r"(?:(?:\+|00)\s*86[\s\-]?)?(?:\(\s*0?\d{2,3}\s*\)|\[\s*0?\d{2,3}\s*\]|0\d{2,3})"
_LANDLINE = rf"{_AREA}[\s\-]*\d{{3,4}}[\s\-]?\d{{4}}(?:\s*(?:-|转|ext\.?)\s*\d{{1,5}})?"
_PHONE = re.compile(rf"(?<![\d])(?:{_MOBILE}|{_LANDLINE})(?![\d])")
_AFTER_PHONE_WORD = re.compile(
    r"((?:联系电话|电话|手机|座机|联系方式|tel|Tel|TEL)\s*(?:号码)?\s*[:：]?\s*)"
    r"(\+?(?:\(\s*\d{2,4}\s*\)|\d)[\d\s\-]{4,}\d)"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![\d])\d{4}(?:[\s\-]?\d{4}){2,3}(?:[\s\-]?\d{1,4})?(?![\d])")

_HAN = r"[\u4e00-\u9fff]"
# After a label without a colon, words that start a sentence, not a name: 负责人牵头…
_NOT_A_NAME = (
    "牵要负组落签审对为的是在和及与等应须必统亲带主加督抓进参履定制均也都已将由会需约汇检核部处科局"
)
_BOUNDARY = (
    r"(?=$|[\s\d,，、;；。.:：()（）\[\]/和及与或已将于在的了并均也都]"
    r"|电话|手机|座机|联系|同志|等|先生|女士|负责)"
)
_NAME = rf"(?:{_HAN}[\u4e00-\u9fff·]{{1,3}}?{_BOUNDARY}|{_HAN}{{2,3}})"
_NOT_NEXT = rf"(?!电话|手机|座机|联系|邮箱|身份|[{_NOT_A_NAME}])"  # a list goes on with names
_LIST_SEP = rf"(?:\s*[、/和及与]\s*|\s+){_NOT_NEXT}"
_CLERKS = r"联系人|填报人|经办人|报送人|审核人"  # a name follows, colon or not
_ROLES = r"负责同志|负责人|责任人"  # also a role: 负责同志任组长, 第一责任人责任
_NOT_A_ROLES_NAME = _NOT_A_NAME + "任责同职作分具直第挂包靠抓是"
_NAMED = re.compile(
    rf"(?P<label>(?:{_CLERKS})(?:\s*[:：]\s*|(?![{_NOT_A_NAME}]))"
    rf"|(?:{_ROLES})(?:\s*[:：]\s*|(?![{_NOT_A_ROLES_NAME}])))"
    rf"(?P<names>{_NAME}(?:{_LIST_SEP}{_NAME})*)"
)
_ONE_NAME = re.compile(_NAME)


def redact(text: str) -> str:
    """``text`` with phone, ID-card and bank-card numbers, e-mail addresses and the names
    of contacts masked."""
    if not text:
        return text
    spans: list[tuple[int, int]] = []
    folded = text.translate(_FOLD)
    for match in _AFTER_PHONE_WORD.finditer(folded):
        spans.append(match.span(2))
    for pattern in (_EMAIL, _PHONE):
        spans += [m.span() for m in pattern.finditer(folded)]
    spans += [m.span() for m in _ID_CARD.finditer(folded) if _id_card_ok(m.group())]
    for match in _CARD.finditer(folded):
        digits = re.sub(r"\D", "", match.group())
        if 16 <= len(digits) <= 19 and _luhn_ok(digits):
            spans.append(match.span())
    for match in _NAMED.finditer(folded):
        start = match.start("names")
        names = match.group("names")
        spans += [(start + m.start(), start + m.end()) for m in _ONE_NAME.finditer(names)]
    return _masked(text, spans)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out: list[str] = []
    end = 0
    for start, stop in sorted(spans):
        if stop <= end:
            continue
        if start < end:  # overlapping: one mask for both
            end = stop
            continue
        out += [text[end:start], MASK]
        end = stop
    out.append(text[end:])
    return "".join(out)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_card_ok(number: str) -> bool:
    """GB 11643: the 18th character checks the first 17."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0
