"""What a measure's own words say about who, by when and how often.

Pure; used by ``importer.py``. Given the text of one 整改措施, it finds:

* **owners**: the units that stand as a subject — at the start of a sentence or clause
  (``2024年2月底前，池北区组织…``), with the units listed after it (``规划资源局、农业水利局…``),
  plus the units a subject orders or oversees (``责令池南区经发局…``, ``监督池南区…``). Units
  named as objects (``组织各区…``, ``督促各区…``, ``加强池北区垃圾填埋场…``) are not owners. A
  sentence without a subject continues the previous one's; a measure that opens without
  one is addressed to the task's 责任单位. ``各相关部门…`` ("each relevant department") means
  the task's own units other than the districts.
* **deadline**: a date phrase of the deadline grammar found anywhere in the text; several
  different dates make **milestones**, each with the step it closes. Without a date, an
  immediate marker (``立即``, ``立行立改``) is the deadline.
* **recurring** duties: ``每年10月末…``, ``每半年``, ``每季度``, ``每年至少N次…`` and response
  times (``7个工作日内``).

Quoted text (“…”, 《…》) is a citation, never an owner, date or clause break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from rectcli.dates.grammar import NUMBER, DeadlineError, parse_deadline
from rectcli.exchange.unit_names import split_units
from rectcli.model.units import UnitRegistry

_CN = "〇零一二两三四五六七八九十"
_NUM = rf"(?:{NUMBER})"  # the deadline grammar's numbers, as one group
_YEAR = r"(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})年"
_ANY_YEAR = rf"(?:{_YEAR}|今年|本年)"
_BEFORE = r"(?:之前|以前|前)?"
# A date of the deadline grammar as it stands in running text. A month without a year
# needs 底/末/旬 ("6月底前"), and a bare year needs 底/内/前 ("2025年底"): "2023年以来"
# and "3个月" are not deadlines, but "到2025年" is.
_DATE = re.compile(
    # fail fast elsewhere
    r"(?=[0-9〇零○一二两三四五六七八九十今本上下第年Qq国春元“\"])(?<![0-9])(?:"
    r"[0-9]{4}([-./])[0-9]{1,2}\1[0-9]{1,2}"
    rf"|{_ANY_YEAR}?{_NUM}月{_NUM}[日号]"
    rf"|{_YEAR}{_NUM}月份?(?:[上中下]旬)?[底末]?"
    rf"|{_NUM}月份?(?:[上中下]旬|[底末])"
    rf"|{_ANY_YEAR}?(?:第?{_NUM}季度|[Qq][1-4])[底末]?"
    rf"|{_ANY_YEAR}?[上下]半年[底末]?"
    rf"|{_ANY_YEAR}年?[底末]|年[底末]"
    rf"|{_YEAR}(?=[内前])"
    rf"|(?<=[到至]){_YEAR}(?![0-9{_CN}第上下Qq])"
    rf"|(?:{_YEAR})?(?:国庆节|国庆|春节|元旦)(?=前|之前|以前)"
    r"|[“\"]?十[一二三四五六]五[”\"]?(?:期间|时期|末)"
    rf"){_BEFORE}(?:内(?=[，,。；;完]))?"
)
_NOT_A_DEADLINE_AFTER = re.compile(r"以来|起|开始|至今|以后|后")
_IMMEDIATE = re.compile(
    r"立行立改|立查立改|即知即改|即查即改|立即整改|(?<![建成设确树创订独对中自孤])立即(?!时)"
)
_REGIONAL = re.compile(
    r"(?:主)?汛期(?:来临)?(?:前|之前)|汛前|雨季(?:前|之前)|(?:采暖|供暖)季(?:前|之前)"
)
_CONDITION = re.compile(r"发现|一经|一旦|如有|凡|遇有|接到|出现")
_PER = r"(?:半年|个季度|季度|季|个月|月|周|旬|年)"
_IN_YEAR = (
    rf"(?:{_NUM}月(?:{_NUM}[日号]|份?(?:[上中下]旬)?[底末]?)|第?{_NUM}季度[底末]?"
    rf"|[上下]半年[底末]?|[底末]){_BEFORE}"
)
_RECURRING = re.compile(
    rf"每(?P<per>{_PER})至少(?P<verb>[^0-9{_CN}，,。；;、]{{0,4}}?)(?P<n>[0-9]+|[{_CN}]+)次"
    rf"|每年(?P<when>{_IN_YEAR})"
    rf"|每(?:周|星期)[一二三四五六日天](?![一二三四五六七八九十0-9次])"
    rf"|每{_PER}(?:[底末]{_BEFORE})?"
    rf"|(?P<rel>(?:[0-9]+|{_NUM})个?(?:工作日|自然日|日|天)(?:以内|之内|内))"
)
_FIVE_YEAR_PLAN = re.compile(r"[“\"]十[一二三四五六]五[”\"]")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」|『[^』]*』|‘[^’]*’|\"[^\"\n]*\"")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_CLAUSE_END = re.compile(r"[。；;！？!?，,：:]")
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")
_MASK = "\ue000"  # a private-use character: no unit, date or separator contains it
# After a unit: its own party or government body (各部门党委（党组）), then the list goes on.
_ORG_SUFFIX = re.compile(r"(?:党委|党组|党工委|政府|管委会)?(?:[（(]党组[）)])?")
_LIST_JOIN = re.compile(r"[、和及与]")
_ASSISTS = re.compile(r"(?:等单位|等部门|等)?(?:配合|协助|协办)")  # …，县公安局配合
# The subject makes these units act (责令X撤销…, 监督X整改…): they own the measure too.
_MAKES_ACT = ("责令", "监督")
# A step's clauses that say how or why, not what: dropped from a milestone's text.
_HOW_OR_WHY = (
    "采取",
    "通过",
    "按照",
    "依照",
    "依据",
    "根据",
    "结合",
    "围绕",
    "确保",
    "保证",
    "以便",
    "力争",
)


@dataclass(frozen=True)
class Phrase:
    """A phrase of the measure's text and the offset where it starts."""

    text: str
    start: int


@dataclass
class MeasureFacts:
    owners: list[str] | None = None  # unit names; None = the task's own units
    helpers: list[str] | None = None  # 配合单位: …，Y配合 or a closing note （X牵头，Y配合）
    deadline: Phrase | None = None
    milestones: list[tuple[Phrase, str]] = field(default_factory=list)  # (deadline, step)
    recurring: list[tuple[Phrase, str | None]] = field(default_factory=list)  # (every, duty)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (offset, warning)


class UnitFinder:
    """Unit names and aliases of a registry, found in text (the longest name wins)."""

    def __init__(self, units: UnitRegistry) -> None:
        self.units = units
        names = sorted(units.canonical, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, names))) if names else None
        self.districts = frozenset(
            name
            for name in units.canonical.values()
            if all(units.kinds.get(m) == "district" for m in units.members(name))
        )

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        return self.pattern.match(text, pos) if self.pattern else None

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, start, end) if self.pattern else iter(())

    def names(self, said: str, task_units: Sequence[str]) -> list[str]:
        """The unit names a phrase of the text stands for."""
        name = self.units.canonical[said]
        if said.startswith("各相关"):  # the relevant ones: this task's, bar the districts
            own = [u for u in task_units if u not in self.districts]
            if own:
                return own
        return [name]


def mask(text: str) -> str:
    """The text with quoted passages blanked and full-width digits folded (same length)."""
    folded = text.translate(_FOLD)
    return _QUOTED.sub(_masked, folded)


def _masked(m: re.Match[str]) -> str:
    if _FIVE_YEAR_PLAN.fullmatch(m[0]):  # “十四五” is a period, not a citation
        return m[0]
    return m[0][0] + _MASK * (len(m[0]) - 2) + m[0][-1]


def analyse(
    text: str, finder: UnitFinder, task_units: Sequence[str], issued: date | None
) -> MeasureFacts:
    """Owners, deadline, milestones and recurring duties of one measure's text."""
    masked = mask(text)
    facts = MeasureFacts()
    duties = list(_RECURRING.finditer(masked))
    taken = [(m.start(), m.end()) for m in duties]
    facts.recurring = _recurring(text, masked, duties)
    dates = [
        m
        for m in _DATE.finditer(masked)
        if not any(s < m.end() and m.start() < e for s, e in taken)
        and not _NOT_A_DEADLINE_AFTER.match(masked, m.end())
    ]
    for m in dates:
        try:
            parse_deadline(text[m.start() : m.end()], issued)
        except DeadlineError as exc:
            facts.errors.append((m.start(), str(exc)))
    if len({m[0] for m in dates}) > 1:
        facts.milestones = [
            (Phrase(text[m.start() : m.end()], m.start()), _step(text, masked, m, dates, finder))
            for m in dates
        ]
    elif dates:
        facts.deadline = Phrase(text[dates[0].start() : dates[0].end()], dates[0].start())
    elif (now := _IMMEDIATE.search(masked)) and not _conditional(masked, now.start()):
        facts.deadline = Phrase(now[0], now.start())
        try:
            parse_deadline(now[0], issued)
        except DeadlineError as exc:
            facts.errors.append((now.start(), str(exc)))
    for season in _REGIONAL.finditer(masked):
        message = f"'{season[0]}' differs from region to region: no deadline read from it"
        facts.notes.append((season.start(), f"{message}; write the date"))
    owners, helpers = _owners(masked, finder, task_units)
    facts.helpers = helpers or None
    note = _OWNER_NOTE.search(masked)  # （X牵头，Y配合）: says who, over the clauses
    if note and (said := _owner_note(note, finder, facts.notes)):
        owners = [u for u, role in said.items() if role != "helper"] or owners
        facts.helpers = [u for u, role in said.items() if role == "helper"] or None
    facts.owners = None if set(owners) == set(task_units) else owners
    return facts


# A note that closes the measure and says who does it: （县生态环境局牵头，县公安局配合），
# （县住建局负责）, （责任单位：县住建局；完成时限：…）, or unbracketed after its last sentence:
# 。责任单位：县住建局，县公安局配合。 A parenthesis without such a word (（含池北区）) is no
# such note; what follows a 完成时限 label in it is no unit.
_OWNER_NOTE = re.compile(
    r"(?:[（(](?:责任单位[:：])?(?P<who>[^（）()]+)[）)]"
    r"|(?<=[。；;])\s*(?:责任单位|牵头单位)[:：](?P<said>[^。（）()]+))\s*[。.；;]?\s*$"
)
_OWNER_WORD = re.compile(r"牵头|配合|负责|协办|协助|责任单位")
_NOT_WHO = re.compile(r"[；;，,]?\s*(?:完成时限|整改时限|完成时间|时限)[:：]")


def _owner_note(
    note: re.Match[str], finder: UnitFinder, notes: list[tuple[int, str]]
) -> dict[str, str | None] | None:
    """The units of a closing note with their roles, or None when it is no such note or
    names what is no unit (a warning: the measure's owners are then read from its words)."""
    if not _OWNER_WORD.search(note[0]):
        return None
    group = "who" if note["who"] is not None else "said"
    start = note.start(group)
    found: dict[str, str | None] = {}
    for said in split_units(_NOT_WHO.split(note[group], maxsplit=1)[0]):
        name = finder.units.resolve(said.name)
        if name is None:
            message = f"'{said.name}' in the closing note of who does it is no unit in units.yaml"
            notes.append((start + said.start, f"{message}; its owners are read from its words"))
            return None
        found.setdefault(name, said.role)
    return found or None


def goal_deadline(goal: str, finder: UnitFinder, issued: date | None) -> Phrase | None:
    """The deadline a 整改目标 names (``到2025年6月底前，…``), for a problem given none: its
    one date, or of several (``“十四五”期间…，2025年12月31日前…``) the latest."""
    facts = analyse(goal, finder, [], issued)
    if facts.deadline is not None or not facts.milestones:
        return facts.deadline
    dated = []
    for phrase, _ in facts.milestones:
        try:
            due = parse_deadline(phrase.text, issued).due
        except DeadlineError:
            continue
        if due is not None:
            dated.append((due, phrase.start, phrase))
    return max(dated)[2] if dated else None


def _conditional(masked: str, at: int) -> bool:
    """``发现问题立即处理``: 立即 after a condition in its clause is a response rule."""
    start = max((m.end() for m in _CLAUSE_END.finditer(masked, 0, at)), default=0)
    return bool(_CONDITION.search(masked, start, at))


def _spans(pattern: re.Pattern[str], masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of masked[start:end] between the pattern's separators."""
    pieces, begin = [], start
    for sep in pattern.finditer(masked, start, end):
        pieces.append((begin, sep.start()))
        begin = sep.end()
    pieces.append((begin, end))
    return pieces


def _unit_list(masked: str, pos: int, finder: UnitFinder) -> tuple[list[str], int]:
    """The units listed from ``pos`` on (``规划资源局、农业水利局``) and where the list ends."""
    said: list[str] = []
    while m := finder.match(masked, pos):
        said.append(m[0])
        pos = _ORG_SUFFIX.match(masked, m.end()).end()  # type: ignore[union-attr]
        join = _LIST_JOIN.match(masked, pos)
        if not join or not finder.match(masked, join.end()):
            break
        pos = join.end()
    return said, pos


def _skip_date(masked: str, pos: int) -> int:
    while pos < len(masked) and masked[pos].isspace():
        pos += 1
    if m := _DATE.match(masked, pos):
        pos = m.end()
        while pos < len(masked) and masked[pos].isspace():
            pos += 1
    return pos


def _owners(
    masked: str, finder: UnitFinder, task_units: Sequence[str]
) -> tuple[list[str], list[str]]:
    """(the owners, the units a clause says assist: ``，县公安局配合``)."""
    owners: list[str] = []
    helpers: list[str] = []
    previous: list[str] = list(task_units)
    for start, end in _spans(_SENTENCE_END, masked, 0, len(masked)):
        if not masked[start:end].strip():
            continue
        said: list[str] = []
        for clause_start, _ in _spans(_CLAUSE_END, masked, start, end):
            listed, after = _unit_list(masked, _skip_date(masked, clause_start), finder)
            if _ASSISTS.match(masked, after):
                helpers += [n for s in listed for n in finder.names(s, task_units)]
            else:
                said += listed
        for m in finder.finditer(masked, start, end):
            if masked[max(0, m.start() - 2) : m.start()] in _MAKES_ACT:
                said += _unit_list(masked, m.start(), finder)[0]
        names = [n for s in said for n in finder.names(s, task_units)]
        current = list(dict.fromkeys(names)) or previous
        owners += [n for n in current if n not in owners]
        previous = current
    return owners, [n for n in dict.fromkeys(helpers) if n not in owners]


def _recurring(
    text: str, masked: str, duties: list[re.Match[str]]
) -> list[tuple[Phrase, str | None]]:
    found: list[tuple[Phrase, str | None]] = []
    shared: str | None = None  # "每半年、…每季度研究…": the duties share what follows
    for m in reversed(duties):
        start = max((s.end() for s in _CLAUSE_END.finditer(masked, 0, m.start())), default=0)
        end_match = _CLAUSE_END.search(masked, m.end())
        end = end_match.start() if end_match else len(masked)
        if m["rel"]:  # a response time counts from what the clause names before it
            every, duty = m[0], text[start:end].strip()
        else:
            every = f"每{m['per']}至少{m['n']}次" if m["n"] else m[0]
            rest = text[m.end() : end].strip()
            if rest.startswith("、"):
                duty = shared or ""
            elif rest:
                duty = rest
            else:
                duty = (text[start : m.start()] + text[m.end() : end]).strip()
            shared = duty
        if not any(every == f[0].text and (duty or None) == f[1] for f in found):
            found.append((Phrase(every, m.start()), duty or None))
    return found[::-1]


def _step(
    text: str,
    masked: str,
    date_match: re.Match[str],
    dates: list[re.Match[str]],
    finder: UnitFinder,
) -> str:
    """What a dated step closes: its clauses without the owner, the means and the purpose."""
    end_match = _SENTENCE_END.search(masked, date_match.end())
    end = end_match.start() if end_match else len(masked)
    end = min([end, *(d.start() for d in dates if d.start() > date_match.start())])
    clauses: list[str] = []
    for index, (start, stop) in enumerate(
        _spans(re.compile(r"[，,]"), masked, date_match.end(), end)
    ):
        if index == 0 or not clauses:
            start = _unit_list(masked, _skip_date(masked, start), finder)[1]
            if masked.startswith("要", start):
                start += 1
        piece = text[start:stop].strip(" ，,、：:")
        if piece and not piece.startswith(_HOW_OR_WHY):
            clauses.append(piece)
    whole = text[date_match.end() : end].strip(" ，,、：:。；;")
    return "，".join(clauses) or whole
