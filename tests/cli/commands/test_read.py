"""The read-only commands, run through the real CLI with exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers import Invoke, lines


def test_status_dashboard(invoke: Invoke, mini: Path) -> None:
    result = invoke("status", file=mini)
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "测试整改方案",
        "截至 2024-05-01 · 4 项措施",
        "未启动 2 · 推进中 1 · 已完成 1 · 已销号 0",
        "逾期 1 · 14天内到期 0",
        "编号  进度              完成  逾期  问题",
        "1     █████░░░░░░░░░░░   1/3     1  建筑垃圾混堆乱倒",
        "2     ░░░░░░░░░░░░░░░░   0/1     0  渗滤液积存",
        "",
        "逾期最多的单位: 池北区 1",
    ]


def test_status_in_english(invoke: Invoke, mini: Path) -> None:
    result = invoke("status", file=mini, lang="en", as_of="2024-06-20")
    assert lines(result.stdout)[1:4] == [
        "as of 2024-06-20 · 4 measures",
        "to do 2 · in progress 1 · done 1 · closed 0",
        "overdue 1 · due within 14 days 1",
    ]


def test_list_table(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", file=mini)
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "编号  状态    到期日          责任单位     整改措施",
        "1.1   推进中  2024-02-29 +62  池北区       2024年2月底前，池北区组织对老粮库院 …",
        "1.2   已完成  2024-12-31      住建局       住建局制定建筑垃圾管理工作方案。",
        "1.3   未启动  长期坚持        各区 住建局  各区加强巡查，发现问题立行立改。",
        "2.1   未启动  2024-06-30      池南区       池南区完成积存渗滤液处理。",
        "共 4 项",
    ]


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (["--task", "2"], ["2.1"]),
        (["--unit", "池北区"], ["1.1", "1.3"]),  # 1.3 is 各区's: a member matches its group
        (["--unit", "各区"], ["1.1", "1.3", "2.1"]),  # a group matches its members
        (["--unit", "住建部门"], ["1.2", "1.3"]),  # an alias
        (["--status", "已完成"], ["1.2"]),
        (["--status", "todo"], ["1.3", "2.1"]),
        (["--overdue"], ["1.1"]),
        (["--due-within", "60d"], ["1.1", "2.1"]),
        (["--due-within", "2w"], ["1.1"]),
        (["--search", "渗滤液"], ["2.1"]),
        (["--unit", "各区", "--status", "todo", "--search", "巡查"], ["1.3"]),
    ],
)
def test_list_filters(invoke: Invoke, mini: Path, options: list[str], ids: list[str]) -> None:
    result = invoke("list", *options, "--format", "json", file=mini)
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.stdout)] == ids


def test_list_json_keys(invoke: Invoke, mini: Path) -> None:
    rows = json.loads(invoke("list", "--format", "json", file=mini).stdout)
    assert rows[0] == {
        "id": "1.1",
        "kind": "measure",
        "task": "1",
        "text": "2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。",
        "units": ["池北区"],
        "status": "doing",
        "deadline": "2024年2月底前",
        "due": "2024-02-29",
        "overdue": True,
        "days_overdue": 62,
        "supervisor": "办公室",
        "line": 15,
        "level": "summon",  # overdue ≥30 days: 约谈 (docs/deadlines.md)
        "warn_tier": None,
        "percent": None,
        "expected": None,
        "behind": False,
        "ongoing": False,
        "last_checkin": "2024-03-01",
    }
    assert rows[2]["units"] == ["各区", "住建局"]  # alias resolved, group kept
    assert rows[2]["due"] is None and rows[2]["overdue"] is False


def test_list_csv(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", "--format", "csv", "--task", "2", file=mini)
    assert result.stdout == (
        "id,task,status,deadline,due,overdue,days_overdue,units,supervisor,text\n"
        "2.1,2,todo,2024年6月底,2024-06-30,false,0,池南区,办公室,池南区完成积存渗滤液处理。\n"
    )


def test_list_tasks(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", "--tasks", file=mini)
    assert lines(result.stdout) == [
        "编号  完成  逾期  整改时限        问题",
        "1      1/3     1  2024年12月底前  建筑垃圾混堆乱倒",
        "2      0/1     0  2024年6月底     渗滤液积存",
    ]


def test_list_nothing_matches(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", "--search", "不存在", file=mini)
    assert result.exit_code == 0
    assert result.stdout == "没有符合条件的整改措施。\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--unit", "住建厅"], "error: unknown unit '住建厅'; did you mean '住建局'?"),
        (
            ["--status", "finished"],
            "error: unknown status 'finished'; use one of todo (未启动), "
            "doing (推进中), done (已完成), closed (已销号)",
        ),
        (["--task", "9"], "error: no task '9'"),
        (
            ["--due-within", "soon"],
            "error: cannot read the period 'soon'; write days as 30d or weeks as 2w",
        ),
    ],
)
def test_list_bad_filters(invoke: Invoke, mini: Path, options: list[str], message: str) -> None:
    result = invoke("list", *options, file=mini)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_show_measure(invoke: Invoke, mini: Path) -> None:
    result = invoke("show", "1.1", file=mini)
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "编号     1.1  (问题 1: 建筑垃圾混堆乱倒)",
        "状态     推进中",
        "整改措施 2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。",
        "责任单位 池北区",
        "责任人   各区、住建局主要负责同志",
        "督导单位 办公室",
        "整改时限 2024年2月底前 → 2024-02-29 (+62)",
        "等级     约谈",
        "",
        "进展记录",
        "日期        状态    记录人  说明",
        "2024-03-01  推进中  池北区  已清运约一半",
    ]


def test_show_task_in_english(invoke: Invoke, mini: Path) -> None:
    result = invoke("show", "1", file=mini, lang="en")
    assert lines(result.stdout) == [
        "id         1",
        "problem    建筑垃圾混堆乱倒",
        "finding    老粮库院内堆存约2500立方米建筑垃圾。",
        "units      各区、住建局",
        "persons    各区、住建局主要负责同志",
        "supervisor 办公室",
        "goal       完成垃圾堆放点整治。",
        "deadline   2024年12月底前 → 2024-12-31",
        "",
        "id   status       measure",
        "1.1  in progress  2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。",
        "1.2  done         住建局制定建筑垃圾管理工作方案。",
        "1.3  to do        各区加强巡查，发现问题立行立改。",
    ]


def test_show_without_progress(invoke: Invoke, mini: Path) -> None:
    assert lines(invoke("show", "2.1", file=mini).stdout)[-1] == "暂无进展记录"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_show_unknown_id(invoke: Invoke, mini: Path) -> None:
    result = invoke("show", "1.4", file=mini)
    assert result.exit_code == 2
    assert result.stderr == "error: no problem or measure '1.4'; did you mean '1.3'?\n"


def test_overdue_grouped_by_unit(invoke: Invoke, mini: Path) -> None:
    result = invoke("overdue", file=mini, as_of="2024-07-01")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "池北区 (1)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "1.1   2024-02-29       123  约谈  办公室    2024年2月底前，池北区组织对老粮库院…",
        "",
        "池南区 (1)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "2.1   2024-06-30         1  通报  办公室    池南区完成积存渗滤液处理。",
    ]


def test_overdue_none(invoke: Invoke, mini: Path) -> None:
    result = invoke("overdue", file=mini, as_of="2024-02-01")
    assert result.stdout == "没有逾期的整改措施。\n"


def test_overdue_json(invoke: Invoke, mini: Path) -> None:
    rows = json.loads(invoke("overdue", "--format", "json", file=mini, as_of="2024-07-01").stdout)
    assert [(r["id"], r["days_overdue"]) for r in rows] == [("1.1", 123), ("2.1", 1)]


def test_check_overdue_exits_1(invoke: Invoke, mini: Path) -> None:
    result = invoke("check", file=mini)
    assert result.exit_code == 1
    path = str(mini)
    assert result.stdout == (  # Chinese by default; the place and the level stay as they are
        f"{path}:15:9: error: 1.1 逾期 62 天（到期日 2024-02-29，2024年2月底前；池北区）\n"
        f"{path}: 数据有效，4 项措施。\n"
        "1 项措施逾期。\n"
    )


def test_check_clean_exits_0(invoke: Invoke, mini: Path) -> None:
    result = invoke("check", file=mini, as_of="2024-02-01", lang="en")
    assert result.exit_code == 0
    assert result.stdout == f"{mini}: valid, 4 measures.\n"


def test_check_json(invoke: Invoke, mini: Path) -> None:
    result = invoke("check", "--format", "json", file=mini)
    assert result.exit_code == 1
    assert [r["id"] for r in json.loads(result.stdout)] == ["1.1"]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_check_invalid_data_exits_2(invoke: Invoke, mini: Path) -> None:
    mini.write_text(
        mini.read_text(encoding="utf-8").replace("status: todo", "status: finished", 1),
        encoding="utf-8",
    )
    result = invoke("check", file=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{mini}:31:17: error: status: must be 'todo', 'doing', 'done' or 'closed'\n"
    )


def test_shipped_data_status_runs(invoke: Invoke, shipped: Path) -> None:
    result = invoke("status", file=shipped, as_of="2024-05-20")
    assert result.exit_code == 0
    assert lines(result.stdout)[1:4] == [
        "截至 2024-05-20 · 43 项措施",
        "未启动 43 · 推进中 0 · 已完成 0 · 已销号 0",
        "逾期 11 · 14天内到期 5",
    ]
    assert max(cell_len(line) for line in lines(result.stdout)) == 80  # CJK cells count 2


@pytest.mark.parametrize("command", [["list"], ["overdue"], ["show", "10.5"], ["list", "--tasks"]])
def test_shipped_data_fits_80_columns(invoke: Invoke, shipped: Path, command: list[str]) -> None:
    result = invoke(*command, file=shipped, as_of="2024-05-01")
    assert result.exit_code == 0
    assert max(cell_len(line) for line in lines(result.stdout)) <= 80
    assert "10.5" in result.stdout or command == ["list", "--tasks"]  # ids are never cut


def test_overdue_csv(invoke: Invoke, mini: Path) -> None:
    result = invoke("overdue", "--format", "csv", file=mini, as_of="2024-07-01")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        line
        for line in invoke(
            "list", "--overdue", "--format", "csv", file=mini, as_of="2024-07-01"
        ).stdout.splitlines()[1:]
    ]
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == ["1.1", "2.1"]
