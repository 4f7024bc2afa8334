"""rect calendar: the .ics feed, parsed back with icalendar."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest
from dateutil.rrule import rrulestr

from rectcli.model.shapes import Recurring
from rectcli.views.calendar import duty_rule, first_due
from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def events(ics: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return {
        str(e["uid"]).split("-")[0] + " " + str(e["summary"]): e for e in calendar.walk("VEVENT")
    }


def test_calendar_file(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = invoke("calendar", "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已写入 {target}：8 个日程\n"
    assert result.stderr == ("warning: 1.3 的常态化要求“7个工作日内”不是日历周期，未列入日历\n")
    raw = target.read_bytes()
    assert b"\r\n" in raw  # RFC 5545 line ends
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["prodid"]) == "-//rect//rectification deadlines//ZH"
    assert str(calendar["x-wr-calname"]) == "测试整改方案 整改时限"
    assert sorted(events(raw)) == [
        "duty 1.3 每季度: 开展建筑垃圾巡查",
        "duty 2.1 每年10月末: 处理完成当年产生的渗滤液",
        "measure 1.1 2024年2月底前，池北区组织对老粮库院内堆存…",
        "measure 1.2 住建局制定建筑垃圾管理工作方案。",
        "measure 1.4 池南区制定<b>整治</b>方案 & 上报。",
        "measure 2.1 池南区完成积存渗滤液处理。",
        "measure 2.2 池南区清理渗滤液调节池。",
        "milestone 2.2 阶段节点: 制定清理方案",
    ]  # 1.3 and 3.1 have no due date; 2.2's last milestone is its own due date


def test_events_are_all_day_with_stable_uids(invoke: Invoke, data: Path) -> None:
    first = invoke("calendar", file=data, as_of=AS_OF).stdout_bytes
    again = invoke("calendar", file=data, as_of="2024-06-30").stdout_bytes
    by_uid = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(first).walk("VEVENT")}
    later = {str(e["uid"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")}
    assert set(by_uid) == later  # a re-export updates the same events
    measure = next(e for uid, e in by_uid.items() if uid.startswith("measure-1.4-"))
    assert measure.decoded("dtstart") == date(2024, 5, 31)
    assert measure.decoded("dtend") == date(2024, 6, 1)
    assert measure.decoded("dtstamp") == datetime(2024, 5, 25, tzinfo=timezone.utc)
    assert str(measure["transp"]) == "TRANSPARENT"
    assert str(measure["description"]).splitlines() == [
        "问题 1: 建筑垃圾混堆乱倒",
        "整改措施: 池南区制定<b>整治</b>方案 & 上报。",
        "责任单位: 池南区",
        "整改时限: 2024年5月31日 (2024-05-31)",
        "状态: 推进中",
    ]


def test_recurring_duties_repeat(invoke: Invoke, data: Path) -> None:
    ics = invoke("calendar", file=data, as_of=AS_OF).stdout_bytes
    duties = {
        str(e["summary"]): e
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
        if "rrule" in e
    }
    assert set(duties) == {
        "1.3 每季度: 开展建筑垃圾巡查",
        "2.1 每年10月末: 处理完成当年产生的渗滤液",
    }
    quarterly = duties["1.3 每季度: 开展建筑垃圾巡查"]
    start = quarterly.decoded("dtstart")
    assert start == date(2024, 6, 30)  # the first quarter end after plan.issued
    rule = rrulestr(
        quarterly["rrule"].to_ical().decode(), dtstart=datetime(start.year, start.month, start.day)
    )
    assert [d.date() for d in rule[:4]] == [
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
        date(2025, 3, 31),
    ]
    yearly = duties["2.1 每年10月末: 处理完成当年产生的渗滤液"]
    assert yearly.decoded("dtstart") == date(2024, 10, 31)
    assert yearly["rrule"].to_ical() == b"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=10"
    assert str(quarterly["description"]).splitlines()[:2] == [
        "常态化要求: 每季度",
        "责任单位: 各区、住建局",
    ]


def test_unit_and_open_filters(invoke: Invoke, data: Path) -> None:
    ics = invoke("calendar", "--unit", "池南区", "--open", file=data, as_of=AS_OF).stdout_bytes
    summaries = sorted(
        str(e["summary"]).split()[0] + " " + str(e.get("rrule", "") and "rrule")
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    )
    # 2.2 is closed; 1.1 and 1.2 are other units'; 1.3 is 各区's, so 池南区's too
    assert summaries == ["1.3 rrule", "1.4 ", "2.1 ", "2.1 rrule"]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_english_and_refusals(invoke: Invoke, data: Path) -> None:
    result = invoke("calendar", "--unit", "住建", file=data, as_of=AS_OF)
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown unit '住建'; did you mean '住建局'?\n",
    )
    result = invoke("calendar", "-o", "no/such/d.ics", file=data, as_of=AS_OF, lang="en")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "no/such/d.ics: error: no directory no/such",
    )
    result = invoke("calendar", file=data, as_of=AS_OF, lang="en")
    assert result.stderr == (
        "warning: 1.3: recurring '7个工作日内' is not a calendar period; left out\n"
    )


@pytest.mark.parametrize(
    ("every", "rrule", "times"),
    [
        ("每年10月末", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1", 1),
        ("每半年", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", 1),
        ("每季度", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", 1),
        ("每年至少2次", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", 2),
        ("每月至少巡查1次", "FREQ=MONTHLY;BYMONTHDAY=-1", 1),
    ],
)
def test_duty_rules(every: str, rrule: str, times: int) -> None:
    assert duty_rule(Recurring(every=every)) == (rrule, times)


def test_duty_rules_without_a_calendar() -> None:
    assert duty_rule(Recurring(every="7个工作日内")) is None
    assert duty_rule(Recurring(every="不定期")) is None
    given = Recurring(every="不定期", rrule="FREQ=MONTHLY;BYMONTHDAY=15")
    assert duty_rule(given) == ("FREQ=MONTHLY;BYMONTHDAY=15", 1)
    assert first_due("FREQ=MONTHLY;BYMONTHDAY=15", date(2024, 4, 16)) == date(2024, 5, 15)


def test_a_duty_done_several_times_a_period_says_how_many(
    invoke: Invoke, calendar_data: Path
) -> None:
    found = events(invoke("calendar", file=calendar_data, as_of=AS_OF).stdout_bytes)
    description = str(found["duty 1.1 每年至少2次: 理论中心组学习会"]["description"])
    assert description.splitlines()[:2] == [
        "常态化要求: 每年至少2次（每期至少2次）",
        "责任单位: 池南区",
    ]
