"""Recurring duties in the data: fulfilled by entries in their period, missed ones overdue,
response times per incident, and every mistake a located error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Invoke


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "calendar"
    shutil.copytree(FIXTURES / "calendar", target)
    return target / "tasks.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old  # an edit that misses would test nothing
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def missed(invoke: Invoke, path: Path, as_of: str) -> list[tuple[str, str, str, int, int]]:
    """(id, duty, due, done, needed) of each missed duty occurrence."""
    result = invoke("overdue", "--format", "json", file=path, as_of=as_of)
    assert result.exit_code == 0, result.output
    return [
        (r["id"], r["duty"], r["due"], r["done_times"], r["times"])
        for r in json.loads(result.stdout)
        if r.get("duty") and r["times"]
    ]


def test_a_year_with_one_of_two_meetings_is_missed(invoke: Invoke, data: Path) -> None:
    assert missed(invoke, data, "2025-01-02") == [
        ("1.2", "每年10月末", "2024-10-31", 0, 1),
        ("1.1", "每年至少2次", "2024-12-31", 1, 2),  # one meeting of the two
        ("1.1", "每季度", "2024-12-31", 0, 1),
    ]


def test_a_second_meeting_fulfils_the_year(invoke: Invoke, data: Path) -> None:
    edit(
        data,
        "          - {date: 2024-06-20,",
        "          - {date: 2024-06-15, status: doing, note: 第二次学习会, duty: 每年至少2次}\n"
        "          - {date: 2024-06-20,",
    )
    assert [m[1] for m in missed(invoke, data, "2025-01-02")] == ["每年10月末", "每季度"]


def test_an_entry_naming_no_duty_counts_for_every_duty(invoke: Invoke, data: Path) -> None:
    edit(data, "note: 二季度研究, duty: 每季度}", "note: 二季度研究}")
    edit(data, "note: 补开三季度会议, duty: 每季度, covers", "note: 补开三季度会议, covers")
    # 2024-06-20 now also counts as the year's second meeting
    assert [m[1] for m in missed(invoke, data, "2025-01-02")] == ["每年10月末", "每季度"]


def test_an_entry_for_another_duty_does_not_count(invoke: Invoke, data: Path) -> None:
    edit(data, "note: 二季度研究, duty: 每季度}", "note: 二季度研究, duty: 每年至少2次}")
    assert missed(invoke, data, "2024-07-01") == [("1.1", "每季度", "2024-06-30", 0, 1)]


def test_covers_makes_up_a_missed_occurrence(invoke: Invoke, data: Path) -> None:
    assert missed(invoke, data, "2024-10-14") == []  # Q3 was made up on 2024-10-10
    edit(data, ", covers: 2024-09-30}", "}")
    # without it, the late meeting counts for Q4 and Q3 stays missed
    assert missed(invoke, data, "2024-10-14") == [("1.1", "每季度", "2024-09-30", 0, 1)]
    assert ("1.1", "每季度", "2024-09-30", 0, 1) in missed(invoke, data, "2025-01-02")


def test_a_done_measures_duties_go_on_a_closed_ones_end(invoke: Invoke, data: Path) -> None:
    # the log is the truth: each status has its entry (dated before the duty's first period)
    done = "        status: done\n        progress:\n          - {date: 2024-04-01, status: done}\n"
    edit(data, '        status: doing\n  - id: "2"', done + '  - id: "2"')
    assert missed(invoke, data, "2024-11-01") == [("1.2", "每年10月末", "2024-10-31", 0, 1)]
    closed = "          - {date: 2024-04-02, status: closed, note: 销号}\n"
    edit(data, done, done.replace("status: done\n", "status: closed\n", 1) + closed)
    assert missed(invoke, data, "2024-11-01") == []


def test_a_duty_may_name_its_own_units(invoke: Invoke, data: Path) -> None:
    edit(
        data,
        "text: 处理完成当年产生的渗滤液}",
        "text: 处理完成当年产生的渗滤液, units: [住建部门]}",
    )
    result = invoke("overdue", "--format", "json", file=data, as_of="2024-11-01")
    rows = json.loads(result.stdout)
    assert [r["units"] for r in rows if r.get("duty") == "每年10月末"] == [["住建局"]]


def test_an_rrule_says_when_for_a_phrase_rect_cannot_read(invoke: Invoke, data: Path) -> None:
    edit(
        data,
        "{every: 每年10月末, text:",
        '{every: 每两个月, rrule: "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1", text:',
    )
    assert missed(invoke, data, "2024-07-01") == [  # every other month end from April
        ("1.2", "每两个月", "2024-04-30", 0, 1),
        ("1.2", "每两个月", "2024-06-30", 0, 1),
    ]


def test_an_incident_cleared_in_time_is_not_listed(invoke: Invoke, data: Path) -> None:
    result = invoke("overdue", "--format", "json", file=data, as_of="2024-10-14")
    incidents = [r for r in json.loads(result.stdout) if r.get("duty") == "7个工作日内"]
    assert [(r["period_start"], r["due"], r["days_overdue"], r["text"]) for r in incidents] == [
        ("2024-09-27", "2024-10-12", 2, "老粮库西侧")  # 国庆 week skipped, 10-12 a 调休 Saturday
    ]
    edit(data, "{found: 2024-09-27, note:", "{found: 2024-09-27, cleared: 2024-10-14, note:")
    result = invoke("overdue", "--format", "json", file=data, as_of="2024-10-14")
    assert [r for r in json.loads(result.stdout) if r.get("duty")] == []


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "duty: 每年至少2次}",
            "duty: 每年至少两次}",
            ("note: 召开第一次学习会", 69),
            "duty: '每年至少两次' is not one of this measure's recurring duties; "
            "did you mean '每年至少2次'?",
        ),
        (
            "duty: 每年至少2次}",
            "duty: 每月}",
            ("note: 召开第一次学习会", 69),
            "duty: '每月' is not one of this measure's recurring duties (每年至少2次、每季度)",
        ),
        (
            "covers: 2024-09-30}",
            "covers: 2024-09-29}",
            ("covers: 2024-09-29", 81),
            "covers: 2024-09-29 is not a due date of 每季度; the next one is 2024-09-30",
        ),
        (
            "{every: 每年至少2次, rrule: FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1,",
            "{every: 每年至少2次, rrule: FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1,",
            ("rrule:", 36),
            "rrule: FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1 does not agree with every: 每年至少2次; "
            "write rrule: FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",
        ),
        (
            "{every: 每年至少2次, rrule: FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1,",
            "{every: 每年至少2次, rrule: FREQ=SOMETIMES,",
            ("rrule:", 36),
            "rrule: cannot read 'FREQ=SOMETIMES': invalid 'FREQ': SOMETIMES",
        ),
        (
            "{every: 每年10月末,",
            "{every: 每年十三月末,",
            ("every: 每年十三月末", 21),
            "every: '每年十三月末': there is no month 13 (months run 1-12)",
        ),
        (
            "{every: 每年10月末,",
            "{every: 定期,",
            ("every: 定期", 21),
            "every: cannot read the recurring duty '定期'; write e.g. 每年10月末, 每半年, 每季度, "
            "每月, 每年至少2次 or 7个工作日内, or give the rule as rrule: FREQ=…",
        ),
        (
            "{every: 7个工作日内, incidents:",
            "{every: 7个工作日内, rrule: FREQ=DAILY, incidents:",
            ("rrule: FREQ=DAILY", 36),
            "rrule: '7个工作日内' is a response time per incident, not a calendar; "
            "remove the rrule",
        ),
        (
            "{every: 7个工作日内, incidents:",
            "{every: 每月, incidents:",
            ("{every: 每月", 36),
            "incidents belong to a response-time duty such as 7个工作日内, not to '每月'",
        ),
        (
            "{found: 2024-09-02, cleared: 2024-09-05,",
            "{found: 2024-09-02, cleared: 2024-09-01,",
            ("found: 2024-09-02", 70),  # the cleared: date
            "cleared: before the incident was found",
        ),
    ],
)
def test_located_errors(
    invoke: Invoke,
    data: Path,
    old: str,
    new: str,
    where: tuple[str, int],
    message: str,
) -> None:
    edit(data, old, new)
    result = invoke("check", file=data)
    assert result.exit_code == 2
    fragment, col = where
    text = data.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if fragment in t)
    assert result.stderr == f"{data}:{line}:{col}: error: {message}\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_duty_needs_a_start(invoke: Invoke, data: Path) -> None:
    edit(data, "  issued: 2024-04-12\n", "")
    result = invoke("check", file=data)
    assert result.exit_code == 2
    fix = "counts from plan.issued or the measure's start; set one (e.g. start: 2024-04-12)"
    assert result.stderr == (
        f"{data}:14:21: error: every: the duty '每年至少2次' {fix}\n"
        f"{data}:15:21: error: every: the duty '每季度' {fix}\n"
        f"{data}:25:21: error: every: the duty '每年10月末' {fix}\n"
    )


# ---- the measure's incidents log: one item per incident, naming its duty ----------------

AFTER_2_3 = "          - {date: 2024-05-06, status: doing, note: 建立巡查台账}\n"


def incident_rows(invoke: Invoke, path: Path, as_of: str) -> list[tuple[str, str, str | None]]:
    """(found, due, note) of each incident listed as overdue or still open."""
    result = invoke("overdue", "--format", "json", file=path, as_of=as_of)
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.stdout) if r.get("duty") and not r["times"]]
    return [(r["period_start"], r["due"], r["text"]) for r in rows]


def test_the_log_and_the_older_list_under_the_duty_count_together(
    invoke: Invoke, data: Path
) -> None:
    assert incident_rows(invoke, data, "2024-10-30") == [("2024-09-27", "2024-10-12", "老粮库西侧")]
    edit(
        data,
        AFTER_2_3,
        AFTER_2_3
        + "        incidents:\n"
        + "          - {duty: 7个工作日内, found: 2024-10-08, note: 南门}\n"
        + "          - {found: 2024-10-09, note: 北门}   # its only response time\n"
        + "          - {duty: 7个工作日内, found: 2024-10-10, cleared: 2024-10-11, note: 东门}\n",
    )
    assert incident_rows(invoke, data, "2024-10-30") == [
        ("2024-09-27", "2024-10-12", "老粮库西侧"),
        ("2024-10-08", "2024-10-16", "南门"),  # 10-12, a Saturday, is worked (调休)
        ("2024-10-09", "2024-10-17", "北门"),
    ]


# where the lines go (after 1.1's, 2.1's or 2.3's last line), what they are, the
# fragment of the reported line and its column, the message
INCIDENT_ERRORS = [
    (
        AFTER_2_3,
        "        incidents:\n          - {duty: 7个工作日外, found: 2024-10-08}\n",
        ("duty: 7个工作日外", 20),
        "duty: '7个工作日外' is not one of this measure's recurring duties; "
        "did you mean '7个工作日内'?",
    ),
    (
        "          - {date: 2024-10-10, status: doing, note: 补开三季度会议, duty: 每季度, "
        "covers: 2024-09-30}\n",
        "        incidents:\n          - {duty: 每季度, found: 2024-10-08}\n",
        ("duty: 每季度, found", 20),
        "duty: '每季度' is a calendar duty; an incident belongs to a response-time duty "
        "such as 7个工作日内",
    ),
    (
        "          - {date: 2024-10-10, status: doing, note: 补开三季度会议, duty: 每季度, "
        "covers: 2024-09-30}\n",
        "        incidents:\n          - {duty: 每月, found: 2024-10-08}\n",
        ("duty: 每月, found", 20),
        "duty: '每月' is not one of this measure's recurring duties (每年至少2次、每季度)",
    ),
    (
        "          - {date: 2024-05-01, status: doing, note: 起草中, percent: 10}\n",
        "        incidents:\n          - {found: 2024-10-08}\n",
        ("{found: 2024-10-08}", 13),
        "this measure has no response-time duty (such as 7个工作日内) for an incident; "
        "add one to its recurring: items",
    ),
    (
        AFTER_2_3,
        "        incidents:\n          - {found: 2024-10-08, cleared: 2024-10-01}\n",
        ("cleared: 2024-10-01", 42),
        "cleared: before the incident was found",
    ),
]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(("after", "lines", "where", "message"), INCIDENT_ERRORS)
def test_located_errors_of_the_incidents_log(
    invoke: Invoke, data: Path, after: str, lines: str, where: tuple[str, int], message: str
) -> None:
    edit(data, after, after + lines)
    result = invoke("check", file=data)
    assert result.exit_code == 2
    fragment, col = where
    text = data.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if fragment in t)
    assert result.stderr == f"{data}:{line}:{col}: error: {message}\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_an_incident_must_name_one_of_several_response_times(invoke: Invoke, data: Path) -> None:
    edit(
        data,
        "          - {every: 7个工作日内, incidents:",
        "          - {every: 15日内}\n          - {every: 7个工作日内, incidents:",
    )
    edit(
        data,
        AFTER_2_3,
        AFTER_2_3 + "        incidents:\n          - {found: 2024-10-08}\n"
        "          - {duty: 15日内, found: 2024-10-08}\n",
    )
    result = invoke("check", file=data)
    assert result.exit_code == 2
    line = data.read_text(encoding="utf-8").splitlines().index("          - {found: 2024-10-08}")
    assert result.stderr == (
        f"{data}:{line + 1}:13: error: this measure has several response-time duties "
        "(15日内、7个工作日内); name the incident's one with duty:\n"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_an_older_incident_names_no_other_duty_than_its_own(invoke: Invoke, data: Path) -> None:
    edit(data, "incidents: [{found: 2024-09-02,", "incidents: [{duty: 15日内, found: 2024-09-02,")
    result = invoke("check", file=data)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{data}:52:48: error: duty: '15日内' is not the duty this incident is listed under "
        "(7个工作日内); move it to the measure's incidents\n"
    )


def test_the_incidents_logs_errors_are_in_chinese_by_default(invoke: Invoke, data: Path) -> None:
    edit(
        data,
        AFTER_2_3,
        AFTER_2_3 + "        incidents:\n          - {duty: 每月, found: 2024-10-08}\n",
    )
    result = invoke("check", file=data)
    assert result.stderr == (
        f"{data}:57:20: error: duty：“每月”不是本措施的常态化要求（其常态化要求：7个工作日内）\n"
    )
