"""rect upcoming, review, calc and check, through the real CLI, with exact output."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers import FIXTURES, Invoke


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "calendar"
    shutil.copytree(FIXTURES / "calendar", target)
    return target / "tasks.yaml"


# ---- upcoming -------------------------------------------------------------------------


def test_upcoming_per_unit_soonest_first_with_tiers(invoke: Invoke, data: Path) -> None:
    result = invoke("upcoming", file=data, as_of="2024-10-14")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "住建局 (1)",
        "编号  到期日      剩余天数  预警  整改措施",
        "2.4   2024-10-16         2   7天  收到交办件后15个工作日内办结。",
        "",
        "池北区 (1)",
        "编号  到期日      剩余天数  预警  整改措施",
        "1.2   2024-10-31        17  30天  每年10月末：处理完成当年产生的渗滤液",
    ]


def test_upcoming_duties_of_a_quarter(invoke: Invoke, data: Path) -> None:
    result = invoke("upcoming", file=data, as_of="2024-12-20", lang="en")
    assert lines(result.stdout) == [
        "池南区 (2)",
        "id   due         days left  warn  measure",
        "1.1  2024-12-31         11   15d  每年至少2次：理论中心组学习会",
        "1.1  2024-12-31         11   15d  每季度：管委会研究生态环境保护工作",
    ]


def test_upcoming_within_and_unit(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "upcoming", "--within", "20d", "--unit", "池北区", file=data, as_of="2024-10-14"
    )
    assert [line.split()[0] for line in lines(result.stdout)[2:]] == ["1.2"]
    result = invoke("upcoming", "--within", "1d", file=data, as_of="2024-10-14")
    assert result.stdout == "1 天内没有到期的事项。\n"
    result = invoke("upcoming", file=data, as_of="2025-04-15", lang="en")
    assert result.stdout == "Nothing falls due soon.\n"


def test_upcoming_a_measures_own_lead(invoke: Invoke, data: Path) -> None:
    # 2.2 is due 2024-05-31 with lead: 60d; 2.1 (2024-06-30) has the policy's 30 days
    result = invoke("upcoming", "--format", "json", file=data, as_of="2024-04-12")
    assert [(r["id"], r["warn_tier"]) for r in json.loads(result.stdout)] == [("2.2", 60)]
    result = invoke("upcoming", "--format", "json", file=data, as_of="2024-06-01")
    assert [(r["id"], r["warn_tier"]) for r in json.loads(result.stdout)] == [("2.1", 30)]


def test_upcoming_csv(invoke: Invoke, data: Path) -> None:
    result = invoke("upcoming", "--format", "csv", file=data, as_of="2024-10-14")
    assert result.stdout == (
        "id,task,status,deadline,due,overdue,days_overdue,units,supervisor,text\n"
        "2.4,2,todo,15个工作日内,2024-10-16,false,0,住建局,办公室,收到交办件后15个工作日内办结。\n"
        "1.2,1,doing,每年10月末,2024-10-31,false,0,池北区,办公室,处理完成当年产生的渗滤液\n"
    )


# ---- overdue with levels and duties ------------------------------------------------------


def test_overdue_shows_levels_and_missed_duties(invoke: Invoke, data: Path) -> None:
    result = invoke("overdue", file=data, as_of="2024-11-16")
    assert lines(result.stdout) == [
        "池北区 (3)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "2.2   2024-05-31       169  约谈  办公室    2024年5月底前，池北区清运老粮库垃圾…",
        "2.3   2024-10-12        35  约谈  办公室    7个工作日内：老粮库西侧",
        "1.2   2024-10-31        16  督办  办公室    每年10月末：处理完成当年产生的渗滤液",
        "",
        "住建局 (2)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "2.1   2024-06-30       139  约谈  办公室    2024年6月底前，住建局制定建筑垃圾管…",
        "2.4   2024-10-16        31  约谈  办公室    收到交办件后15个工作日内办结。",
    ]


def test_overdue_json_has_the_level_and_the_duty(invoke: Invoke, data: Path) -> None:
    result = invoke("overdue", "--format", "json", file=data, as_of="2024-11-01")
    duty = next(r for r in json.loads(result.stdout) if r["id"] == "1.2")
    assert duty == {
        "id": "1.2",
        "kind": "duty",
        "task": "1",
        "text": "处理完成当年产生的渗滤液",
        "units": ["池北区"],
        "status": "doing",
        "deadline": "每年10月末",
        "due": "2024-10-31",
        "overdue": True,
        "days_overdue": 1,
        "supervisor": "办公室",
        "line": 22,
        "level": "notice",
        "warn_tier": None,
        "percent": None,
        "expected": None,
        "behind": False,
        "ongoing": False,
        "last_checkin": None,
        "duty": "每年10月末",
        "period_start": "2024-04-12",
        "times": 1,
        "done_times": 0,
    }


def test_status_counts_missed_duties(invoke: Invoke, data: Path) -> None:
    result = invoke("status", file=data, as_of="2024-11-16")
    assert lines(result.stdout)[3] == "逾期 3 · 14天内到期 0 · 常态化逾期 2"


def test_list_shows_the_last_check_in_of_ongoing_items(invoke: Invoke, data: Path) -> None:
    result = invoke("list", "--task", "1", file=data, as_of="2024-10-14")
    assert lines(result.stdout)[1:3] == [
        "1.1   推进中  长期坚持 2024-10-10  池南区    池南区每年至少召开2次学习会，管委 …",
        "1.2   推进中  长期坚持             池北区    池北区每年10月末处理完成当年产生的…",
    ]


def test_show_lists_a_duties_open_periods(invoke: Invoke, data: Path) -> None:
    result = invoke("show", "1.1", file=data, as_of="2024-10-14")
    assert lines(result.stdout)[5:11] == [
        "整改时限   立行立改，长期坚持",
        "常态化要求 每年至少2次: 理论中心组学习会",
        "           2024-04-12..2024-12-31 1/2",
        "常态化要求 每季度: 管委会研究生态环境保护工作",
        "           2024-10-01..2024-12-31 0/1",  # the next period only
        "",
    ]


# ---- review ----------------------------------------------------------------------------


def test_review(invoke: Invoke, data: Path) -> None:
    result = invoke("review", file=data, as_of="2025-01-02")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "长期坚持，90 天以上未报送进展 (2)",
        "编号  状态    最近报送    间隔天数  责任单位  整改措施",
        "1.2   推进中  未报送           265  池北区    池北区每年10月末处理完成当年产生 …",
        "2.3   推进中  2024-05-06       241  池北区    对新产生的乱堆乱放建筑垃圾在7个工…",
        "",
        "已完成或已销号满 180 天，待回头看 (1)",
        "编号  状态    最近报送    间隔天数  责任单位  整改措施",
        "2.5   已完成  2024-04-20       257  住建局    2024年4月底前，住建局印发通知。",
    ]


def test_review_periods_and_json(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "review",
        "--stale",
        "30d",
        "--look-back",
        "1w",
        "--format",
        "json",
        file=data,
        as_of="2024-10-14",
    )
    found = [(r["id"], r["review"], r["since"], r["days_since"]) for r in json.loads(result.stdout)]
    assert found == [
        ("1.2", "stale", "2024-04-12", 185),  # never checked in: counted from plan.issued
        ("2.3", "stale", "2024-05-06", 161),
        ("2.5", "look_back", "2024-04-20", 177),
    ]


def test_review_nothing_and_a_look_back_recorded(invoke: Invoke, data: Path) -> None:
    assert invoke("review", file=data, as_of="2024-06-01").stdout == "没有需要回头看的事项。\n"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace(
            "note: 已印发}",
            "note: 已印发}\n          - {date: 2024-12-20, status: done, note: 回头看：未反弹}",
        ),
        encoding="utf-8",
    )
    result = invoke("review", "--format", "csv", file=data, as_of="2025-01-02")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["id", "1.2", "2.3"]


# ---- calc ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["2024年6月底前"],
            [
                "时限    2024年6月底前",
                "类型    截止日期",
                "到期日  2024-06-30 星期日（距 2024-05-01 还有 60 天）",
            ],
        ),
        (
            ["立行立改", "--issued", "2024-04-12"],
            [
                "时限    立行立改",
                "类型    立行立改（发文之日）",
                "到期日  2024-04-12 星期五（已过 19 天）",
            ],
        ),
        (
            ["立行立改，长期坚持"],
            [
                "时限    立行立改，长期坚持",
                "类型    长期坚持",
                "到期日  无截止日期，不会逾期；90 天未报送进展时由 rect review 列出",
            ],
        ),
        (
            ["每年至少召开2次", "-n", "2", "--issued", "2024-04-12"],
            [
                "时限    每年至少召开2次",
                "类型    周期性要求",
                "RRULE   FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",
                "每期    至少 2 次",
                "接下来  2024-12-31 星期二（2024-04-12 至 2024-12-31）",
                "        2025-12-31 星期三（2025-01-01 至 2025-12-31）",
            ],
        ),
        (
            ["每季度", "-n", "3"],
            [
                "时限    每季度",
                "类型    周期性要求",
                "RRULE   FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
                "每期    至少 1 次",
                "接下来  2024-06-30 星期日（2024-05-01 至 2024-06-30）",
                "        2024-09-30 星期一（2024-07-01 至 2024-09-30）",
                "        2024-12-31 星期二（2024-10-01 至 2024-12-31）",
            ],
        ),
        (
            ["7个工作日内", "--from", "2024-09-27"],
            [
                "时限      7个工作日内",
                "类型      相对时限（7 个工作日）",
                "起算      2024-09-27 星期五",
                "到期日    2024-10-12 星期六（距 2024-05-01 还有 164 天）",
                "调休上班  2024-09-29 星期日（国庆节）、2024-10-12 星期六（国庆节）",
                "放假      2024-10-01..2024-10-07 国庆节",
                "周末      2024-09-28",
            ],
        ),
        (
            ["15日内", "--from", "2024-09-27"],
            [
                "时限    15日内",
                "类型    相对时限（15 个自然日）",
                "起算    2024-09-27 星期五",
                "到期日  2024-10-12 星期六（距 2024-05-01 还有 164 天）",
            ],
        ),
    ],
)
def test_calc_without_a_project(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/tasks.yaml here or above
    result = invoke("calc", *args)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == expected


def test_calc_in_english(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("calc", "每月至少巡查1次", "-n", "2", lang="en")
    assert lines(result.stdout) == [
        "phrase      每月至少巡查1次",
        "kind        recurring duty",
        "RRULE       FREQ=MONTHLY;BYMONTHDAY=-1",
        "per period  at least 1",
        "next        2024-05-31 Fri (2024-05-01 to 2024-05-31)",
        "            2024-06-30 Sun (2024-06-01 to 2024-06-30)",
    ]


def test_calc_uses_the_projects_plan_and_holidays(invoke: Invoke, data: Path) -> None:
    result = invoke("calc", "6月底前", "--format", "json", file=data)
    assert json.loads(result.stdout)["due"] == "2024-06-30"  # the year of plan.issued
    (data.parent / "holidays.yaml").write_text(
        "years:\n  - year: 2030\n    holidays: [{name: 春节, from: 2030-02-02, to: 2030-02-08}]\n"
        "    workdays: [2030-02-09]\n",
        encoding="utf-8",
    )
    result = invoke("calc", "2个工作日内", "--from", "2030-02-01", "--format", "json", file=data)
    reading = json.loads(result.stdout)
    assert (reading["kind"], reading["working_days"], reading["due"]) == (
        "relative",
        2,
        "2030-02-11",
    )
    assert [(d["date"], d["workday"], d["holiday"]) for d in reading["days_counted"]][:2] == [
        ("2030-02-02", False, "春节"),
        ("2030-02-03", False, "春节"),
    ]


def test_calc_inside_a_project_uses_its_plan(
    invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(mini.parent, mini.parent.parent / "data")
    monkeypatch.chdir(mini.parent.parent)  # data/tasks.yaml here, no --file
    result = invoke("calc", "立行立改", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due"] == "2024-04-12"  # the plan's issue date


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["尽快"],
            "error: cannot read deadline '尽快'; write e.g. 2024年6月30日, 2024年6月底前, "
            "2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持\n",
        ),
        (
            ["每两年"],
            "error: cannot read the recurring duty '每两年'; write e.g. 每年10月末, 每半年, "
            "每季度, 每月, 每年至少2次 or 7个工作日内, or give the rule as rrule: FREQ=…\n",
        ),
        (
            ["立行立改"],
            "error: deadline '立行立改' is due on the plan's issue date and needs plan.issued "
            "(e.g. issued: 2024-04-12); outside a project, give --issued DATE\n",
        ),
        (
            ["6月底前", "--issued", "2024-4-12"],
            "error: --issued: '2024-4-12' is not a date; write it as 2024-06-30\n",
        ),
    ],
)
def test_calc_errors(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("calc", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


# ---- check -----------------------------------------------------------------------------


def findings(path: Path) -> list[str]:
    return [
        f"{path}:34:9: error: 2.1 overdue by 106 days (due 2024-06-30, 2024年6月底前; 住建局)",
        f"{path}:41:9: error: 2.2 overdue by 136 days (due 2024-05-31, 2024年5月底前; 池北区)",
        f"{path}:47:9: error: 2.3 7个工作日内: found 2024-09-27, not cleared, overdue by 2 days "
        "(池北区)",
        f"{path}:56:9: warning: 2.4 due in 2 days (2024-10-16, 15个工作日内; 住建局)",
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(("fail_on", "code"), [("overdue", 1), ("warning", 1), ("never", 0)])
def test_check_text(invoke: Invoke, data: Path, fail_on: str, code: int) -> None:
    result = invoke("check", "--fail-on", fail_on, file=data, as_of="2024-10-14")
    assert result.exit_code == code
    assert lines(result.stdout) == [
        *findings(data),
        f"{data}: valid, 7 measures.",
        "2 measures overdue.",
        "1 recurring duties missed.",
        "1 due within 14 days.",
    ]


@pytest.mark.parametrize(
    ("as_of", "fail_on", "code"),
    [
        ("2024-04-12", "overdue", 0),  # nothing overdue, 2.5 is done
        ("2024-04-12", "warning", 0),  # nothing within 14 days either
        ("2024-05-20", "overdue", 0),
        ("2024-05-20", "warning", 1),  # 2.2 is due in 11 days
        ("2024-05-20", "never", 0),
        ("2024-06-01", "never", 0),  # 2.2 overdue, yet never fails
        ("2024-06-01", "overdue", 1),
    ],
)
def test_check_fail_on(invoke: Invoke, data: Path, as_of: str, fail_on: str, code: int) -> None:
    result = invoke("check", "--fail-on", fail_on, file=data, as_of=as_of)
    assert result.exit_code == code, result.output


def test_check_clean(invoke: Invoke, data: Path) -> None:
    result = invoke("check", file=data, as_of="2024-04-12", lang="en")
    assert result.exit_code == 0
    assert result.stdout == f"{data}: valid, 7 measures.\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_check_warn_within(invoke: Invoke, data: Path) -> None:
    result = invoke("check", "--warn-within", "30d", file=data, as_of="2024-10-14", lang="en")
    assert lines(result.stdout)[0] == (
        f"{data}:22:9: warning: 1.2 每年10月末: 0/1 so far, due in 17 days (2024-10-31; 池北区)"
    )
    assert lines(result.stdout)[-1] == "2 due within 30 days."
    result = invoke("check", "--warn-within", "0", file=data, as_of="2024-10-16")
    assert "warning: 2.4 due today (2024-10-16, 15个工作日内; 住建局)" in result.stdout


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_check_github(invoke: Invoke, data: Path) -> None:
    result = invoke("check", "--format", "github", file=data, as_of="2024-10-14")
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={data},line=34,col=9,title=rect 2.1::2.1 overdue by 106 days "
        "(due 2024-06-30, 2024年6月底前; 住建局)\n"
        f"::error file={data},line=41,col=9,title=rect 2.2::2.2 overdue by 136 days "
        "(due 2024-05-31, 2024年5月底前; 池北区)\n"
        f"::error file={data},line=47,col=9,title=rect 2.3::2.3 7个工作日内: found 2024-09-27, "
        "not cleared, overdue by 2 days (池北区)\n"
        f"::warning file={data},line=56,col=9,title=rect 2.4::2.4 due in 2 days "
        "(2024-10-16, 15个工作日内; 住建局)\n"
    )


def test_check_json(invoke: Invoke, data: Path) -> None:
    result = invoke("check", "--format", "json", file=data, as_of="2024-10-14")
    assert result.exit_code == 1
    found = [(r["id"], r["severity"], r.get("duty"), r["level"]) for r in json.loads(result.stdout)]
    assert found == [
        ("2.1", "error", None, "summon"),
        ("2.2", "error", None, "summon"),
        ("2.3", "error", "7个工作日内", "notice"),
        ("2.4", "warning", None, None),
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_check_junit(invoke: Invoke, data: Path) -> None:
    result = invoke("check", "--format", "junit", file=data, as_of="2024-10-14")
    assert result.exit_code == 1
    suites = ET.fromstring(result.stdout)
    assert (suites.get("tests"), suites.get("failures")) == ("11", "3")
    cases = {c.get("name"): c for c in suites.iter("testcase")}
    assert list(cases) == [
        "1.1",
        "1.1 每年至少2次",
        "1.1 每季度",
        "1.2",
        "1.2 每年10月末",
        "2.1",
        "2.2",
        "2.3",
        "2.3 7个工作日内",
        "2.4",
        "2.5",
    ]
    failed = {n: c.find("failure") for n, c in cases.items() if c.find("failure") is not None}
    assert {n: (f.get("type"), f.get("message")) for n, f in failed.items()} == {
        "2.1": ("overdue", "2.1 overdue by 106 days (due 2024-06-30, 2024年6月底前; 住建局)"),
        "2.2": ("overdue", "2.2 overdue by 136 days (due 2024-05-31, 2024年5月底前; 池北区)"),
        "2.3 7个工作日内": (
            "overdue",
            "2.3 7个工作日内: found 2024-09-27, not cleared, overdue by 2 days (池北区)",
        ),
    }
    assert cases["2.4"].get("classname") == "task 2"
    assert failed["2.2"].text == f"{data}:41: " + str(failed["2.2"].get("message"))


def test_check_junit_fails_soon_due_items_with_fail_on_warning(invoke: Invoke, data: Path) -> None:
    result = invoke(
        "check", "--format", "junit", "--fail-on", "warning", file=data, as_of="2024-10-14"
    )
    suites = ET.fromstring(result.stdout)
    assert suites.get("failures") == "4"
    failure = next(c for c in suites.iter("testcase") if c.get("name") == "2.4").find("failure")
    assert failure is not None and failure.get("type") == "due-soon"


def test_check_exact_junit_head(invoke: Invoke, data: Path) -> None:
    result = invoke("check", "--format", "junit", file=data, as_of="2024-04-12")
    assert lines(result.stdout)[:4] == [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites name="rect" tests="11" failures="0" errors="0" time="0">',
        f'  <testsuite name="{data}" file="{data}" tests="11" failures="0" errors="0" '
        'skipped="0" time="0">',
        '    <testcase classname="task 1" name="1.1" time="0"/>',
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_check_invalid_data_exits_2_in_every_format(invoke: Invoke, data: Path, fmt: str) -> None:
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("lead: 60d", "lead: soon"), encoding="utf-8")
    result = invoke("check", "--format", fmt, file=data)
    assert result.exit_code == 2
    message = "lead: cannot read the period 'soon'; write days as 30d or weeks as 2w"
    if fmt == "text":  # the boundary's lines on stderr; the CI formats on stdout
        assert (result.stdout, result.stderr) == ("", f"{data}:45:15: error: {message}\n")
    else:
        assert result.stderr == ""
        assert message in result.stdout


@pytest.mark.parametrize(
    "args",
    [["--fail-on", "sometimes"], ["--format", "xml"], ["--warn-within", "soon"]],
)
def test_check_bad_options_exit_2(invoke: Invoke, data: Path, args: list[str]) -> None:
    result = invoke("check", *args, file=data)
    assert result.exit_code == 2


def test_check_on_the_shipped_data(invoke: Invoke, shipped: Path) -> None:
    result = invoke("check", "--format", "json", file=shipped, as_of="2024-11-01")
    found = {(r["id"], r.get("duty")) for r in json.loads(result.stdout) if r["overdue"]}
    # problem 一's 每半年 and 每季度 (no meeting recorded), problem 四's 每年10月末
    assert {f for f in found if f[1]} == {
        ("1.5", "每半年"),
        ("1.5", "每季度"),
        ("4.3", "每年10月末"),
    }


@pytest.mark.parametrize(
    "command",
    [
        ["upcoming", "--within", "60d"],
        ["review"],
        ["overdue"],
        ["show", "1.5"],
        ["calc", "7个工作日内", "--from", "2024-09-27"],
    ],
)
def test_shipped_data_fits_80_columns(invoke: Invoke, shipped: Path, command: list[str]) -> None:
    result = invoke(*command, file=shipped, as_of="2024-12-01")
    assert result.exit_code == 0
    assert result.stdout
    assert max(cell_len(line) for line in lines(result.stdout)) <= 80


def test_big_tables_are_cut(invoke: Invoke, data: Path) -> None:
    result = invoke("upcoming", "--limit", "1", file=data, as_of="2024-12-20")
    assert lines(result.stdout) == [
        "池南区 (2)",
        "编号  到期日      剩余天数  预警  整改措施",
        "1.1   2024-12-31        11  15天  每年至少2次：理论中心组学习会",
        "…                                 还有 1 项（--limit 0 列出全部）",
    ]
    result = invoke("review", "--limit", "1", file=data, as_of="2025-01-02")
    assert lines(result.stdout)[2:4] == [
        "1.2   推进中  未报送         265  池北区    池北区每年10月末处理完成当年产生的 …",
        "…                                           还有 1 项（--limit 0 列出全部）",
    ]
