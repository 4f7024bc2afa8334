"""rect mark --duty / --covers: an entry that fulfils a recurring duty, written into the
one-line progress entry by mark's surgical edit; STATUS optional, the status kept."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from rectcli.dates.naming import DutyChoiceError, covers_problem, match_duty
from rectcli.edits.mark import Entry, mark
from rectcli.errors import RectError
from rectcli.model.shapes import Measure, Recurring
from tests.helpers import FIXTURES, Invoke

LAST = (
    "          - {date: 2024-10-10, status: doing, note: 补开三季度会议, duty: 每季度, "
    "covers: 2024-09-30}\n"
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the calendar fixture as data/tasks.yaml; cwd at its root."""
    shutil.copytree(FIXTURES / "calendar", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def missed(invoke: Invoke, as_of: str) -> list[tuple[str, str, str]]:
    result = invoke("overdue", "--format", "json", as_of=as_of)
    assert result.exit_code == 0, result.output
    return [(r["id"], r["duty"], r["due"]) for r in json.loads(result.stdout) if r.get("duty")]


def test_a_duty_entry_keeps_the_status_and_fulfils_the_duty(invoke: Invoke, data: Path) -> None:
    before = data.read_text(encoding="utf-8")
    assert ("1.1", "每季度", "2024-12-31") in missed(invoke, "2025-01-02")
    args = ["mark", "1.1", "--duty", "每季度", "--note", "四季度研究", "--by", "池南区"]
    result = invoke(*args, as_of="2024-12-20")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "已记录 1.1 每季度，状态仍为推进中\n",
        "",
    )
    entry = "{date: 2024-12-20, status: doing, note: 四季度研究, by: 池南区, duty: 每季度}"
    assert data.read_text(encoding="utf-8") == before.replace(LAST, f"{LAST}          - {entry}\n")
    assert ("1.1", "每季度", "2024-12-31") not in missed(invoke, "2025-01-02")


def test_a_make_up_names_the_occurrence_it_covers(invoke: Invoke, data: Path) -> None:
    assert ("1.2", "每年10月末", "2024-10-31") in missed(invoke, "2024-11-20")
    # matched by a part of the duty's text; the phrase is what is written
    args = ["mark", "1.2", "done", "--duty", "渗滤液", "--covers", "2024-10-31", "--by", "x"]
    result = invoke(*args, as_of="2024-11-20")
    assert (result.exit_code, result.stdout) == (
        0,
        "已记录 1.2 每年10月末 补报 2024-10-31：推进中 → 已完成\n",
    )
    text = data.read_text(encoding="utf-8")
    assert (
        "        status: done\n        progress:\n"
        "          - {date: 2024-11-20, status: done, by: x, duty: 每年10月末, "
        "covers: 2024-10-31}\n"
    ) in text
    assert [m[0] for m in missed(invoke, "2024-11-20")] == ["2.3"]  # an incident, not 1.2


def test_a_status_left_out_on_a_measure_without_one_adds_no_status_line(
    invoke: Invoke, data: Path
) -> None:
    text = data.read_text(encoding="utf-8").replace(
        "          - {every: 每年10月末, text: 处理完成当年产生的渗滤液}\n        status: doing\n",
        "          - {every: 每年10月末, text: 处理完成当年产生的渗滤液}\n",
    )
    data.write_text(text, encoding="utf-8")
    result = invoke("--lang", "en", "mark", "1.2", "--duty", "每年10月末", "--by", "x")
    assert (result.exit_code, result.stdout) == (0, "recorded 1.2 每年10月末; status stays to do\n")
    assert data.read_text(encoding="utf-8") == text.replace(
        "          - {every: 每年10月末, text: 处理完成当年产生的渗滤液}\n",
        "          - {every: 每年10月末, text: 处理完成当年产生的渗滤液}\n"
        "        progress:\n"
        "          - {date: 2024-05-01, status: todo, by: x, duty: 每年10月末}\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["1.1", "--note", "x"],
            "error: mark needs a STATUS (todo doing done closed, or 未启动 推进中 已完成 已销号); "
            "only an entry for a recurring duty (--duty, --covers) or a milestone "
            "(--milestone) may leave it out",
        ),
        (
            ["1.1", "--duty", "每月"],
            "data/tasks.yaml:12:9: error: 1.1 has no recurring duty '每月' "
            "(its duties: 每年至少2次、每季度)",
        ),
        (
            ["1.1", "--duty", "每年至少3次"],
            "data/tasks.yaml:12:9: error: 1.1 has no recurring duty '每年至少3次'; "
            "did you mean '每年至少2次'?",
        ),
        (
            ["2.1", "--duty", "每季度"],
            "data/tasks.yaml:34:9: error: 2.1 has no recurring duties; --duty names one of a "
            "measure's recurring: items (docs/deadlines.md)",
        ),
        (
            ["1.1", "--duty", "每季度", "--covers", "2024-09-15"],
            "data/tasks.yaml:12:9: error: --covers 2024-09-15 is not a due date of 每季度 "
            "(the nearest: 2024-06-30, 2024-09-30)",
        ),
        (
            ["1.1", "--covers", "2024-09-15"],
            "data/tasks.yaml:12:9: error: --covers 2024-09-15 is not a due date of 每年至少2次 "
            "or 每季度 (the nearest: 2024-06-30, 2024-09-30)",
        ),
        (
            ["1.1", "--duty", "每季度", "--covers", "2024-12-31"],
            "data/tasks.yaml:12:9: error: --covers 2024-12-31 is after the entry's date "
            "(2024-11-20); a make-up covers an occurrence already due",
        ),
        (
            ["1.1", "--duty", "每季度", "--covers", "2024-9-30"],
            "error: --covers: '2024-9-30' is not a date; write it as 2024-06-30",
        ),
        (
            ["2.3", "--duty", "7个工作日内", "--covers", "2024-09-30"],
            "data/tasks.yaml:47:9: error: '7个工作日内' of 2.3 has no due dates to make up (a "
            "response time is due per incident: record incidents with rect incident)",
        ),
        (
            ["2.1", "--covers", "2024-09-30"],
            "data/tasks.yaml:34:9: error: 2.1 has no recurring calendar duty whose due date "
            "--covers could name",
        ),
        (
            ["1", "doing", "--all", "--duty", "每季度"],
            "error: --duty, --covers and --milestone record one measure's entry; leave out --all",
        ),
    ],
)
def test_refusals(invoke: Invoke, data: Path, args: list[str], message: str) -> None:
    before = data.read_bytes()
    result = invoke("mark", *args, "--by", "x", as_of="2024-11-20")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert data.read_bytes() == before


def test_a_part_of_a_phrase_names_it(invoke: Invoke, data: Path) -> None:
    result = invoke("mark", "1.1", "--duty", "每季", "--by", "x", as_of="2024-11-20")
    assert (result.exit_code, result.stdout) == (0, "已记录 1.1 每季度，状态仍为推进中\n")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_words_of_two_duties_are_refused(invoke: Invoke, data: Path) -> None:
    text = data.read_text(encoding="utf-8").replace("理论中心组学习会}", "研究生态环境保护}")
    data.write_text(text, encoding="utf-8")
    result = invoke("mark", "1.1", "--duty", "研究", "--by", "x", as_of="2024-11-20")
    assert (result.exit_code, result.stderr) == (
        2,
        "data/tasks.yaml:12:9: error: --duty '研究' fits several duties of 1.1 "
        "(每年至少2次、每季度); name one by its phrase\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_closed_measures_duties_have_ended(invoke: Invoke, data: Path) -> None:
    duty = "          - {every: 每年10月末, text: 处理完成当年产生的渗滤液}\n"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace(  # closed, as its log says
            f"{duty}        status: doing",
            f"{duty}        status: closed\n        progress:\n"
            "          - {date: 2024-04-01, status: done}\n"
            "          - {date: 2024-04-02, status: closed, note: 销号}",
        ),
        encoding="utf-8",
    )
    result = invoke("mark", "1.2", "--duty", "每年10月末", "--by", "x", as_of="2024-11-20")
    assert (result.exit_code, result.stderr) == (
        2,
        "data/tasks.yaml:22:9: error: 1.2 is closed (已销号): its duties have ended; to record "
        "more, reopen it with a STATUS and --note\n",
    )


@pytest.mark.usefixtures("english")  # the message as written (zh default)
def test_the_plan_issued_of_a_shard_list_is_found_in_its_main_file(
    invoke: Invoke, data: Path
) -> None:
    text = data.read_text(encoding="utf-8")
    split = text.index('  - id: "2"\n')
    (data.parent / "tasks").mkdir()
    (data.parent / "tasks" / "建筑垃圾.yaml").write_text(
        "tasks:\n" + text[split:], encoding="utf-8"
    )
    # a measure in the main file; its duty counts from the plan's issue date
    data.write_text(text[:split], encoding="utf-8")
    args = ["mark", "1.1", "--duty", "每季度", "--covers", "2024-03-31", "--by", "x"]
    result = invoke(*args, as_of="2024-11-20")
    assert result.stderr == (
        "data/tasks.yaml:12:9: error: --covers 2024-03-31 is not a due date of 每季度 "
        "(the nearest: 2024-06-30)\n"
    )


# ---- the core ------------------------------------------------------------------

MEASURE = Measure(
    id="1.5",
    text="t",
    recurring=[
        Recurring(every="每年至少2次", text="学习会"),
        Recurring(every="每半年", text="研究相关工作"),
        Recurring(every="每季度", text="研究相关工作"),
        Recurring(every="7个工作日内"),
    ],
)


@pytest.mark.parametrize(
    ("wanted", "every"),
    [("每季度", "每季度"), ("学习会", "每年至少2次"), ("半年", "每半年"), (" 每季度 ", "每季度")],
)
def test_match_duty(wanted: str, every: str) -> None:
    assert match_duty(MEASURE, wanted).every == every


def test_match_duty_refuses_text_shared_by_two() -> None:
    with pytest.raises(DutyChoiceError, match=r"fits several duties of 1.5 \(每半年、每季度\)"):
        match_duty(MEASURE, "研究相关工作")


def test_covers_problem_without_a_start_leaves_it_to_loading() -> None:
    assert covers_problem(MEASURE, None, date(2024, 9, 15), None) is None
    assert covers_problem(MEASURE, None, date(2024, 9, 30), date(2024, 4, 12)) is None
    assert covers_problem(MEASURE, MEASURE.recurring[1], date(2024, 9, 30), date(2024, 4, 12)) == (
        "--covers 2024-09-30 is not a due date of 每半年 (the nearest: 2024-06-30, 2024-12-31)"
    )


def test_mark_refuses_a_duty_entry_for_a_whole_task() -> None:
    text = (FIXTURES / "calendar" / "tasks.yaml").read_text(encoding="utf-8")
    entry = Entry(date(2024, 11, 20), None, duty="每季度")
    with pytest.raises(RectError, match="record one measure's duty; name the measure"):
        mark(text, "t.yaml", "1", entry, whole_task=True)
