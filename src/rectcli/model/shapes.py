"""The shape of tasks.yaml and units.yaml (see docs/format.md), as pydantic models.

Models hold what the files say, nothing derived: due dates, overdue flags and unit
resolution are computed from them elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from rectcli.statuses import Status
from rectcli.textsafe import MAX_TEXT

Day = date  # inside ProgressEntry the field `date` hides the type's own name
UnitKind = Literal[
    "party", "government", "district", "department", "judicial", "institution", "enterprise"
]


def _date_as_text(value: object) -> object:
    # `deadline: 2024-06-30` unquoted reaches us as a date; it is still the phrase.
    return value.isoformat() if isinstance(value, date) else value


DeadlineText = Annotated[str, BeforeValidator(_date_as_text)]


def _days(value: object) -> object:
    """``30d``, ``2w``, ``30天``, ``30`` → a number of days (a period, in policy and leads)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*([dw天周]?)\s*", value)
        if match:
            return int(match[1]) * (7 if match[2] in ("w", "周") else 1)
    raise PydanticCustomError(
        "period",
        "cannot read the period '{value}'; write days as 30d or weeks as 2w",
        {"value": value},
    )


Days = Annotated[int, BeforeValidator(_days), Field(ge=0, le=36_500)]  # a date ± it is one
# A note, a text or a title longer than this is an error at its place (issue 14).
Text = Annotated[str, Field(max_length=MAX_TEXT)]


class StrictModel(BaseModel):
    # hide_input_in_errors: pydantic prints the offending value, which for an alias
    # bomb or a 40 MB list costs minutes and gigabytes.
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, defer_build=True)


_STATUS_DOC = "todo 未启动, doing 推进中, done 已完成 or closed 已销号."


class ProgressEntry(StrictModel):
    """One entry of a measure's progress log (整改进展): append-only, oldest first."""

    date: Day = Field(title="Date (日期)", description="The day of the entry, as an ISO date.")
    status: Status = Field(
        title="Status (状态)", description=f"The measure's status from this day: {_STATUS_DOC}"
    )
    unit: str | None = Field(  # a shared measure: the part this entry records
        default=None,
        title="Unit (责任单位)",
        description="On a measure shared by several units: whose part this entry records "
        "(absent: the whole measure).",
    )
    action: Literal["通报", "督办", "约谈", "延期"] | None = Field(  # an action recorded
        default=None,
        title="Action (督办措施)",
        description="An escalation taken on the measure (通报, 督办 for a 督办函, 约谈), or an "
        "approved extension (延期, with its new deadline and the approval as evidence).",
    )
    deadline: DeadlineText | None = Field(  # 延期: the approved new deadline
        default=None,
        title="Deadline (延期后时限)",
        description="With action 延期: the approved new deadline, which applies from then.",
    )
    note: Text | None = Field(default=None, title="Note (进展情况)", description="What was done.")
    by: Text | None = Field(
        default=None, title="By (填报人)", description="Who reports: a unit or person."
    )
    percent: int | None = Field(
        default=None, ge=0, le=100, title="Percent (完成比例)", description="How far along, 0-100."
    )
    evidence: Text | None = Field(
        default=None,
        title="Evidence (佐证材料)",
        description="A path or URL of the supporting material.",
    )
    duty: str | None = Field(  # which recurring duty (its `every`) this entry fulfils
        default=None,
        title="Duty (常态化要求)",
        description="The `every` of the recurring duty it fulfils.",
    )
    covers: Day | None = Field(  # makes up the duty occurrence due on this date
        default=None,
        title="Covers (补报期次)",
        description="The due date of the duty occurrence it makes up.",
    )
    milestone: str | None = Field(  # the step (its deadline phrase) this entry reaches
        default=None,
        title="Milestone (阶段节点)",
        description="The milestone (its deadline phrase) this entry records as reached.",
    )
    late: bool | None = Field(  # 补录: recorded after later entries, kept where recorded
        default=None,
        title="Late (补录)",
        description="Recorded late: its date is before an earlier-recorded entry's.",
    )
    corrects: Day | None = Field(  # the date of the entry this one corrects
        default=None,
        title="Corrects (更正)",
        description="The date of the earlier entry this entry corrects.",
    )


class Milestone(StrictModel):
    """One dated step (阶段节点) of a measure that names several deadlines."""

    deadline: DeadlineText = Field(
        title="Deadline (完成时限)", description="The step's deadline phrase, e.g. 2024年2月底前."
    )
    text: str | None = Field(
        default=None, title="Step (阶段任务)", description="What is due by then."
    )
    done: date | None = Field(
        default=None, title="Done (完成日期)", description="The day the step was finished."
    )


class Incident(StrictModel):
    """One case of a response-time duty (``7个工作日内``): found, then cleared."""

    duty: str | None = Field(  # which response-time duty (its `every`) this case is of
        default=None,
        title="Duty (常态化要求)",
        description="The `every` of the response-time duty it is a case of; absent = the "
        "measure's only response-time duty.",
    )
    found: date = Field(title="Found (发现日期)", description="The day the case was found.")
    cleared: date | None = Field(
        default=None, title="Cleared (处置日期)", description="The day it was dealt with."
    )
    note: str | None = Field(default=None, title="Note (说明)", description="Free text.")


class Recurring(StrictModel):
    """A duty that repeats (常态化要求), in the plan's own words."""

    every: str = Field(
        title="Every (频次)",
        description="How often, as the plan says it: 每年10月末, 每半年, 每季度, 每年至少2次, "
        "7个工作日内.",
    )
    rrule: str | None = Field(  # RFC 5545 RRULE of the due dates; must agree with `every`
        default=None, title="RRULE (重复规则)", description="The due dates as an RFC 5545 RRULE."
    )
    text: str | None = Field(default=None, title="Duty (要求)", description="What must be done.")
    units: list[str] | None = Field(
        default=None,
        title="Units (责任单位)",
        description="Who does it; absent = the measure's units.",
    )
    # Older files keep a duty's cases here; rect incident writes the measure's own list.
    incidents: list[Incident] = Field(
        default=[],
        title="Incidents (处置记录)",
        description="Cases of this response-time duty (older files; new ones go in the "
        "measure's incidents).",
    )


_UNITS_DOC = "Names or aliases from units.yaml"
_DEADLINE_DOC = (
    "A Chinese phrase as the plan writes it (2024年6月底前, 2024年第三季度末, 立行立改，长期坚持) "
    "or an ISO date (2024-06-30)"
)


class Measure(StrictModel):
    """One rectification measure (整改措施) of a problem, in document order."""

    id: str = Field(
        min_length=1,
        title="Id (编号)",
        description="The task's id, a dot and the measure's number: （二） of 三 is '3.2'.",
    )
    text: Text = Field(title="Text (措施内容)", description="The measure, verbatim.")
    units: list[str] | None = Field(
        default=None,
        title="Units (责任单位)",
        description=f"{_UNITS_DOC}, as the measure names them; absent = the task's units.",
    )
    helpers: list[str] | None = Field(
        default=None,
        title="Helpers (配合单位)",
        description=f"{_UNITS_DOC}: units that assist, with no part of their own; "
        "absent = the task's helpers.",
    )
    finished_by: str | None = Field(  # 牵头单位: its part is the measure's only one
        default=None,
        title="Finished by (牵头单位)",
        description="One of its units (a unit, not a group) that finishes the measure alone: "
        "the measure has that unit's part only.",
    )
    persons: str | None = Field(default=None, title="Persons (责任人)", description="Free text.")
    parent: str | None = Field(
        default=None,
        title="Parent (上级任务)",
        description="The upper list's task or measure id this implements (rect rollup).",
    )
    deadline: DeadlineText | None = Field(
        default=None,
        title="Deadline (整改时限)",
        description=f"{_DEADLINE_DOC}; absent = the task's deadline.",
    )
    start: date | None = Field(  # 序时进度 and "N个工作日内" count from here (default plan.issued)
        default=None,
        title="Start (起始日期)",
        description="Pace is counted from here (default: issued).",
    )
    lead: Days | None = Field(  # warn this many days before the due date (policy.yaml's tiers)
        default=None,
        title="Lead (预警天数)",
        description="Warn this many days before the due date.",
    )
    milestones: list[Milestone] = Field(
        default=[],
        title="Milestones (阶段节点)",
        description="Dated steps, when it names several dates.",
    )
    recurring: list[Recurring] = Field(
        default=[], title="Recurring (常态化要求)", description="Duties that repeat."
    )
    status: Status = Field(default="todo", title="Status (状态)", description=_STATUS_DOC)
    progress: list[ProgressEntry] = Field(
        default=[], title="Progress (整改进展)", description="The progress log, oldest first."
    )
    # A log like progress, one item per case: two branches adding cases merge cleanly.
    incidents: list[Incident] = Field(
        default=[],
        title="Incidents (处置记录)",
        description="Cases of its response-time duties (7个工作日内), one item each.",
    )


class Task(StrictModel):
    """One problem (问题) of the task list, with its fields and measures."""

    id: str = Field(
        min_length=1, title="Id (编号)", description='The problem\'s number as text: 三 is "3".'
    )
    title: Text = Field(title="Title (问题)", description="The problem's headline, verbatim.")
    finding: Text | None = Field(
        default=None, title="Finding (督察发现)", description="The rest of the finding, verbatim."
    )
    units: list[str] = Field(title="Units (责任单位)", description=f"{_UNITS_DOC}.")
    helpers: list[str] | None = Field(
        default=None,
        title="Helpers (配合单位)",
        description=f"{_UNITS_DOC}: units that assist its measures, with no part of their own.",
    )
    persons: str | None = Field(default=None, title="Persons (责任人)", description="Verbatim.")
    supervisor: str | None = Field(
        default=None,
        title="Supervisor (督导单位)",
        description="A unit name or alias from units.yaml.",
    )
    goal: Text | None = Field(default=None, title="Goal (整改目标)", description="Verbatim.")
    parent: str | None = Field(
        default=None,
        title="Parent (上级任务)",
        description="The upper list's task or measure id this implements (rect rollup).",
    )
    deadline: DeadlineText = Field(title="Deadline (整改时限)", description=f"{_DEADLINE_DOC}.")
    measures: list[Measure] = Field(
        default=[], title="Measures (整改措施)", description="In document order."
    )


class Plan(StrictModel):
    """The rectification plan (整改方案) the task list belongs to."""

    title: str = Field(title="Title (方案名称)", description="The plan's title, verbatim.")
    issued: date | None = Field(
        default=None,
        title="Issued (印发日期)",
        description="The issue date; 立行立改 is due on it.",
    )
    issuer: str | None = Field(
        default=None, title="Issuer (印发单位)", description="Who issued it."
    )
    number: str | None = Field(
        default=None,
        title="Number (发文字号)",
        description="The document number reports carry, e.g. 长整改办〔2024〕3号.",
    )
    contact: str | None = Field(
        default=None,
        title="Contact (监督电话)",
        description="The 公示's contact line, e.g. 监督电话：0433-1234567.",
    )


class TaskFile(StrictModel):
    """tasks.yaml: a rectification task list (整改任务清单), see docs/format.md."""

    plan: Plan = Field(title="Plan (整改方案)", description="The plan it belongs to.")
    tasks: list[Task] = Field(
        default=[], title="Tasks (整改任务清单)", description="The problems, in document order."
    )

    def measures(self) -> Iterator[tuple[Task, Measure]]:
        for task in self.tasks:
            for measure in task.measures:
                yield task, measure


class Unit(StrictModel):
    name: str = Field(min_length=1)
    full: str | None = None
    aliases: list[str] = []
    kind: UnitKind | None = None
    # git identities of the people who record for this unit: "email" or "name <email>"
    # (`rect mark` fills `by` from them, `rect audit` checks commits against them)
    people: list[str] = []


class Group(StrictModel):
    name: str = Field(min_length=1)
    members: list[str]
    aliases: list[str] = []


class UnitFile(StrictModel):
    units: list[Unit]
    groups: list[Group] = []


class Escalation(StrictModel):
    """Days overdue at which each level starts; null switches a level off."""

    notice: Days | None = 1  # 通报
    supervise: Days | None = 15  # 督办 (by the supervising unit)
    summon: Days | None = 30  # 约谈


class Review(StrictModel):
    stale: Days = 90  # 长期坚持 items with no check-in for this long
    look_back: Days = 180  # done/closed items this long after their last entry


class PolicyFile(StrictModel):
    """data/policy.yaml: when rect warns and escalates (every key optional)."""

    warn: list[Days] = [30, 15, 7]  # 预警: days before a due date
    # default_factory: an instance here would build the validators when rect starts
    escalate: Escalation = Field(default_factory=Escalation)
    review: Review = Field(default_factory=Review)
    lag: int = Field(default=0, ge=0, le=100)  # 序时进度 tolerance, in percentage points


class HolidaySpan(StrictModel):
    name: str | None = None
    first: date = Field(alias="from")
    last: date | None = Field(default=None, alias="to")


class HolidayYear(StrictModel):
    """One year's official arrangement: days off beyond weekends, and 调休 working days."""

    year: int
    holidays: list[HolidaySpan] = []
    workdays: list[date] = []


class HolidayFile(StrictModel):
    """data/holidays.yaml: years chinese-calendar does not know, or corrections to it."""

    years: list[HolidayYear]
