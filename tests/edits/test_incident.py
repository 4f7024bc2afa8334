"""rect incident: an incident of a response-time duty recorded as one new line of the
measure's incidents log, or cleared where it stands (in that log, or under the duty in
an older file), by a surgical edit; every other byte stays."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rectcli.edits.incident import record_incident
from rectcli.errors import RectError
from tests.helpers import FIXTURES, Invoke

DUTY = "          - {every: 7个工作日内, incidents: [{found: 2024-09-02, cleared: 2024-09-05, note: 城区边缘}, {found: 2024-09-27, note: 老粮库西侧}]}\n"  # noqa: E501


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the calendar fixture as data/tasks.yaml; cwd at its root."""
    shutil.copytree(FIXTURES / "calendar", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def overdue_incidents(invoke: Invoke, as_of: str) -> list[str]:
    result = invoke("check", "--format", "github", as_of=as_of)
    return [line.split("::", 2)[2] for line in result.stdout.splitlines() if "found" in line]


def test_a_new_incident_is_a_new_line_of_the_measures_log(invoke: Invoke, data: Path) -> None:
    # due in 7 working days: 2024-10-12, a Saturday, is worked (调休)
    before = data.read_text(encoding="utf-8")
    result = invoke(
        "incident", "2.3", "--found", "2024-10-09", "--note", "南门", as_of="2024-10-10"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "已记录 2.3 7个工作日内：2024-10-09 发现，应于 2024-10-17 前处置\n",
        "",
    )
    last = "          - {date: 2024-05-06, status: doing, note: 建立巡查台账}\n"
    assert data.read_text(encoding="utf-8") == before.replace(
        last,
        last
        + "        incidents:\n          - {duty: 7个工作日内, found: 2024-10-09, note: 南门}\n",
    )  # the older incidents under the duty stay where they are
    again = invoke("incident", "2.3", "--found", "2024-10-10", as_of="2024-10-10")
    assert again.exit_code == 0, again.output
    assert data.read_text(encoding="utf-8") == before.replace(
        last,
        last
        + "        incidents:\n"
        + "          - {duty: 7个工作日内, found: 2024-10-09, note: 南门}\n"
        + "          - {duty: 7个工作日内, found: 2024-10-10}\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_clearing_the_open_incident_found_that_day(invoke: Invoke, data: Path) -> None:
    before = data.read_text(encoding="utf-8")
    assert overdue_incidents(invoke, "2024-10-20") == [
        "2.3 7个工作日内: found 2024-09-27, not cleared, overdue by 8 days (池北区)"
    ]
    args = ["incident", "2.3", "--found", "2024-09-27", "--cleared", "2024-10-15"]
    result = invoke("--lang", "en", *args, as_of="2024-10-20")
    assert (result.exit_code, result.stdout) == (
        0,
        "recorded 2.3 7个工作日内: found 2024-09-27, cleared 2024-10-15 (due 2024-10-12)\n",
    )
    assert data.read_text(encoding="utf-8") == before.replace(
        "{found: 2024-09-27, note: 老粮库西侧}",
        "{found: 2024-09-27, cleared: 2024-10-15, note: 老粮库西侧}",
    )
    assert overdue_incidents(invoke, "2024-10-20") == []


def test_the_first_incident_of_a_duty(invoke: Invoke, shipped: Path) -> None:
    before = shipped.read_text(encoding="utf-8")
    args = ["incident", "3.3", "--found", "2024-09-02", "--cleared", "2024-09-05"]
    result = invoke(*args, file=shipped, as_of="2024-10-10")
    assert (result.exit_code, result.stdout) == (
        0,
        "已记录 3.3 7个工作日内：2024-09-02 发现，2024-09-05 处置（时限 2024-09-11）\n",
    )
    duty = "对新产生的乱堆乱放建筑垃圾问题要在7个工作日内清理完毕"
    measure = f"text: {duty}}}   # a response time per new incident, not a calendar period\n"
    measure += "        status: todo\n"
    assert shipped.read_text(encoding="utf-8") == before.replace(
        measure,
        measure
        + "        incidents:\n"
        + "          - {duty: 7个工作日内, found: 2024-09-02, cleared: 2024-09-05}\n",
    )
    assert invoke("fmt", "--check", file=shipped).exit_code == 0  # the canonical layout


def test_an_open_incident_of_the_log_is_cleared_in_place(invoke: Invoke, shipped: Path) -> None:
    for found in ("2024-09-02", "2024-09-27"):
        args = ["incident", "3.3", "--found", found, "--note", "x"]
        result = invoke(*args, file=shipped, as_of="2024-10-10")
        assert result.exit_code == 0, result.output
    before = shipped.read_text(encoding="utf-8")
    args = ["incident", "3.3", "--found", "2024-09-02", "--cleared", "2024-09-05"]
    result = invoke(*args, file=shipped, as_of="2024-10-10")
    assert result.exit_code == 0, result.output
    assert shipped.read_text(encoding="utf-8") == before.replace(
        "{duty: 7个工作日内, found: 2024-09-02, note: x}",
        "{duty: 7个工作日内, found: 2024-09-02, cleared: 2024-09-05, note: x}",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["2.3", "--found", "2024-09-02"],
            None,  # a second incident found that day is a new one: allowed
        ),
        (
            ["2.3", "--found", "2024-09-02", "--cleared", "2024-09-05", "--note", "城区边缘"],
            "data/tasks.yaml:47:9: error: this incident is already recorded (found 2024-09-02)",
        ),
        (
            ["2.1", "--found", "2024-09-02"],
            "data/tasks.yaml:34:9: error: 2.1 has no response-time duty (such as 7个工作日内) to "
            "record an incident for (docs/deadlines.md)",
        ),
        (
            ["1.1", "--found", "2024-09-02", "--duty", "每季度"],
            "data/tasks.yaml:12:9: error: '每季度' of 1.1 is a calendar duty, not a response time "
            "per incident; record it with rect mark 1.1 --duty 每季度",
        ),
        (
            ["2", "--found", "2024-09-02"],
            "data/tasks.yaml:28:5: error: '2' is a problem (task), not a measure; an incident "
            "belongs to a measure's response-time duty (such as 7个工作日内)",
        ),
        (
            ["2.3", "--found", "2024-10-02", "--cleared", "2024-10-01"],
            "error: --cleared 2024-10-01 is before --found 2024-10-02",
        ),
        (
            ["2.3", "--found", "2024-10-21"],
            "error: --found 2024-10-21 is after today (2024-10-20); record it once it has happened",
        ),
        (
            ["2.3", "--found", "2024/10/01"],
            "error: --found: '2024/10/01' is not a date; write it as 2024-06-30",
        ),
        (
            ["2.9", "--found", "2024-10-01"],
            "data/tasks.yaml: error: no problem or measure '2.9'; did you mean '2.5'?",
        ),
    ],
)
def test_refusals(invoke: Invoke, data: Path, args: list[str], message: str | None) -> None:
    before = data.read_bytes()
    result = invoke("incident", *args, as_of="2024-10-20")
    if message is None:
        assert result.exit_code == 0, result.output
        assert data.read_bytes() != before
        return
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert data.read_bytes() == before


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_year_the_calendar_does_not_know_counts_weekends_with_a_warning(
    invoke: Invoke, data: Path
) -> None:
    result = invoke("incident", "2.3", "--found", "2031-12-29", as_of="2031-12-30", lang="en")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: no official holiday arrangement for 2031")
    assert "2032-01-07" in result.stdout  # Mon 29 + 7 working days, weekends only


# ---- the core: block and flow layouts, line ends --------------------------------

HEAD = 'tasks:\n  - id: "3"\n    measures:\n      - id: "3.3"\n        text: x\n'


def test_several_open_the_same_day_are_told_apart_by_note() -> None:
    text = HEAD + (
        "        recurring:\n"
        "          - {every: 7个工作日内, incidents: [{found: 2024-09-27, note: a}, "
        "{found: 2024-09-27, note: b}]}\n"
    )
    with pytest.raises(RectError, match=r"2 open incidents were found on 2024-09-27 \(a、b\); "):
        record_incident(text, "t.yaml", "3.3", date(2024, 9, 27), cleared=date(2024, 10, 1))
    done = record_incident(
        text, "t.yaml", "3.3", date(2024, 9, 27), cleared=date(2024, 10, 1), note="b"
    )
    assert done.text == text.replace("note: b}", "cleared: 2024-10-01, note: b}")
    assert not done.added


def test_block_layout_gets_block_lines_comments_kept() -> None:
    block = HEAD + (
        "        recurring:\n"
        "          - every: 7个工作日内   # c1\n"
        "            units:\n"
        "              - 池北区\n"
        "        status: todo   # c2\n"
        "        # c3\n"
    )
    first = record_incident(block, "t.yaml", "3.3", date(2024, 9, 27), note="a: b")
    assert first.text == block.replace(
        "# c2\n",
        "# c2\n        incidents:\n"
        '          - {duty: 7个工作日内, found: 2024-09-27, note: "a: b"}\n',
    )
    as_block = first.text.replace(
        '- {duty: 7个工作日内, found: 2024-09-27, note: "a: b"}',
        "- duty: 7个工作日内\n            found: 2024-09-27   # c4\n            note: n",
    )
    second = record_incident(
        as_block, "t.yaml", "3.3", date(2024, 9, 27), cleared=date(2024, 10, 2)
    )
    assert second.text == as_block.replace("# c4\n", "# c4\n            cleared: 2024-10-02\n")
    third = record_incident(second.text, "t.yaml", "3.3", date(2024, 9, 28))
    assert third.text == second.text.replace(
        "            note: n\n",
        "            note: n\n          - {duty: 7个工作日内, found: 2024-09-28}\n",
    )


def test_the_log_goes_after_a_block_scalar_and_its_blank_lines() -> None:
    text = HEAD + (
        "        recurring:\n          - {every: 7个工作日内}\n"
        "        persons: |\n          张三\n          李四\n\n\n"
    )
    done = record_incident(text, "t.yaml", "3.3", date(2024, 9, 27))
    assert done.text == text.replace(
        "李四\n", "李四\n        incidents:\n          - {duty: 7个工作日内, found: 2024-09-27}\n"
    )


def test_an_older_incident_under_the_duty_is_cleared_where_it_is() -> None:
    text = (
        HEAD
        + "        recurring:\n          - {every: 7个工作日内, incidents: [{found: 2024-09-28}]}"
    )
    done = record_incident(
        text, "t.yaml", "3.3", date(2024, 9, 28), cleared=date(2024, 9, 29), note="x"
    )
    assert done.text.endswith("incidents: [{found: 2024-09-28, cleared: 2024-09-29, note: x}]}")
    assert not done.added


def test_a_flow_log_takes_the_item_inside_a_flow_measure_is_refused() -> None:
    log = HEAD + "        recurring:\n          - {every: 7个工作日内}\n        incidents: []\n"
    assert record_incident(log, "t.yaml", "3.3", date(2024, 9, 28)).text == log.replace(
        "incidents: []", "incidents: [{duty: 7个工作日内, found: 2024-09-28}]"
    )
    one = log.replace("incidents: []", "incidents: [{found: 2024-09-27}]")
    assert record_incident(one, "t.yaml", "3.3", date(2024, 9, 28)).text == one.replace(
        "2024-09-27}]", "2024-09-27}, {duty: 7个工作日内, found: 2024-09-28}]"
    )
    # a measure written as one flow map has no line of its own to add: refused by find_item
    flow = (
        HEAD.split("      - id")[0] + '      - {id: "3.3", text: x, recurring: [{every: 15日内}]}\n'
    )
    with pytest.raises(RectError) as caught:
        record_incident(flow, "t.yaml", "3.3", date(2024, 9, 28))
    assert str(caught.value) == (
        "t.yaml: error: '3.3' is written in flow style ({id: …}); run rect fmt to write it in "
        "block style, then mark it"
    )


def test_crlf_and_the_last_line_without_an_end() -> None:
    text = (HEAD + "        recurring:\n          - every: 7个工作日内").replace("\n", "\r\n")
    done = record_incident(text, "t.yaml", "3.3", date(2024, 9, 28))
    assert done.text == text + (
        "\r\n        incidents:\r\n          - {duty: 7个工作日内, found: 2024-09-28}"
    )
    cleared = record_incident(
        done.text + "\r\n", "t.yaml", "3.3", date(2024, 9, 28), cleared=date(2024, 9, 30)
    )
    assert cleared.text == done.text.replace("09-28}", "09-28, cleared: 2024-09-30}") + "\r\n"


def test_a_closed_measures_duties_have_ended() -> None:
    text = HEAD + "        recurring:\n          - {every: 7个工作日内}\n        status: closed\n"
    with pytest.raises(RectError) as caught:
        record_incident(text, "t.yaml", "3.3", date(2024, 9, 28))
    assert str(caught.value) == (
        "t.yaml:4:9: error: 3.3 is closed (已销号): its duties have ended; to record more, "
        "reopen it (rect mark 3.3 doing --note …)"
    )


def test_a_broken_holidays_file_is_reported_before_writing(invoke: Invoke, data: Path) -> None:
    (data.parent / "holidays.yaml").write_text("years: 5\n", encoding="utf-8")
    before = data.read_bytes()
    result = invoke("incident", "2.3", "--found", "2024-10-09", as_of="2024-10-20")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "data/holidays.yaml:1:8: error: years: input should be a valid list\n",
    )
    assert data.read_bytes() == before


# ---- which duty an incident belongs to ----------------------------------------------

DUTIES = HEAD + "        recurring:\n"


@pytest.mark.parametrize(
    ("duties", "duty", "message"),
    [
        (  # an explicit RRULE makes a duty a calendar one, whatever its phrase says
            ["{every: 7个工作日内, rrule: FREQ=MONTHLY}"],
            None,
            "3.3 has no response-time duty (such as 7个工作日内) to record an incident for "
            "(docs/deadlines.md)",
        ),
        (  # a phrase rect cannot read is no response time either
            ["{every: 随时}"],
            None,
            "3.3 has no response-time duty (such as 7个工作日内) to record an incident for "
            "(docs/deadlines.md)",
        ),
        (
            ["{every: 7个工作日内}", "{every: 15日内}"],
            None,
            "3.3 has several response-time duties (7个工作日内、15日内); name one with --duty",
        ),
    ],
)
def test_the_duty_must_be_one_response_time(
    duties: list[str], duty: str | None, message: str
) -> None:
    text = DUTIES + "".join(f"          - {d}\n" for d in duties)
    with pytest.raises(RectError) as caught:
        record_incident(text, "t.yaml", "3.3", date(2024, 9, 28), duty=duty)
    assert str(caught.value) == f"t.yaml:4:9: error: {message}"


def test_duty_names_one_of_several_response_times() -> None:
    text = DUTIES + "          - {every: 7个工作日内}\n          - {every: 15日内}\n"
    done = record_incident(text, "t.yaml", "3.3", date(2024, 9, 28), duty="15日内")
    assert done.duty.every == "15日内"
    assert done.text == text + (
        "        incidents:\n          - {duty: 15日内, found: 2024-09-28}\n"
    )
    cleared = record_incident(
        done.text, "t.yaml", "3.3", date(2024, 9, 28), cleared=date(2024, 10, 8), duty="15日"
    )
    assert cleared.text == done.text.replace("09-28}", "09-28, cleared: 2024-10-08}")
    with pytest.raises(RectError, match="already recorded"):  # not 7个工作日内's
        record_incident(
            cleared.text,
            "t.yaml",
            "3.3",
            date(2024, 9, 28),
            cleared=date(2024, 10, 8),
            duty="15日内",
        )
    other = record_incident(
        cleared.text,
        "t.yaml",
        "3.3",
        date(2024, 9, 28),
        cleared=date(2024, 10, 8),
        duty="7个工作日内",
    )
    assert other.added


def test_a_block_incident_cleared_with_a_note_gets_a_note_line() -> None:
    text = DUTIES + (
        "          - every: 7个工作日内\n"
        "            incidents:\n"
        "              - found: 2024-09-27\n"
    )
    done = record_incident(
        text, "t.yaml", "3.3", date(2024, 9, 27), cleared=date(2024, 10, 2), note="已清理"
    )
    assert done.text == text + (
        "                cleared: 2024-10-02\n                note: 已清理\n"
    )


def test_an_edit_that_does_not_read_back_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: were the edit to come out wrong, nothing is handed back."""
    import rectcli.edits.incident as edit_incident

    monkeypatch.setattr(edit_incident, "flow_map", lambda pairs: "{found: 2000-01-01}")
    text = DUTIES + "          - {every: 7个工作日内}\n"
    with pytest.raises(RectError) as caught:
        record_incident(text, "t.yaml", "3.3", date(2024, 9, 28))
    assert str(caught.value) == (
        "t.yaml:4:9: error: cannot edit '3.3' safely here (its lines do not read as one item); "
        "record this change by hand, then run rect check"
    )
