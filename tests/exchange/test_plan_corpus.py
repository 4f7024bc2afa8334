"""Every text list of tests/fixtures/plans/ imports as it stands (README.md there)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, Invoke

PLANS = FIXTURES / "plans"


def _import(invoke: Invoke, tmp_path: Path, plan: str, *extra: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(PLANS / plan), "-o", str(out), "--add-units", *extra)
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8")), result.stderr


def _due(invoke: Invoke, tmp_path: Path) -> list[tuple[str, list[str], str | None]]:
    result = invoke("list", "--format", "json", file=tmp_path / "tasks.yaml")
    assert result.exit_code == 0, result.output
    return [(r["id"], r["units"], r["due"]) for r in json.loads(result.stdout)]


def test_chuangwen_sites_with_a_trailing_unit_and_deadline(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "chuangwen_list.txt", "--issued", "2024-08-30")
    assert stderr == ""
    assert [(t["id"], t["title"], t["deadline"], len(t["measures"])) for t in data["tasks"]] == [
        ("1", "市少年宫", "3天", 3),
        ("2", "市第四人民医院", "5天", 2),
        ("3", "市中心菜市场", "5天内", 2),
    ]
    assert data["tasks"][0]["measures"][1]["text"] == "灭火器过期未更换;"
    assert _due(invoke, tmp_path) == [
        ("1.1", ["市少年宫"], "2024-09-02"),
        ("1.2", ["市少年宫"], "2024-09-02"),
        ("1.3", ["市少年宫"], "2024-09-02"),
        ("2.1", ["市卫生健康委员会"], "2024-09-04"),
        ("2.2", ["市卫生健康委员会"], "2024-09-04"),
        ("3.1", ["市市场监管局", "沙区"], "2024-09-04"),
        ("3.2", ["市市场监管局", "沙区"], "2024-09-04"),
    ]


def test_sites_in_groups_numbered_again(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "site_list.txt", "--issued", "2024-05-06")
    assert stderr == ""
    assert (
        data["plan"]["title"]
        == "某市创建全国文明城市工作指挥部办公室关于文明城市建设工作督查问题的通报"
    )
    assert [(t["id"], t["title"], t["units"]) for t in data["tasks"]] == [
        ("1", "市图书馆", ["市文广旅局"]),
        ("2", "丽景花园二期", ["城关镇"]),
        ("3", "西客运站：站前广场地面破损", ["市交通运输局"]),
    ]
    assert [m["text"] for m in data["tasks"][1]["measures"]] == [
        "小区内车辆乱停乱放",
        "小区内杂物、废弃物乱堆乱放",
        "无15分钟生活圈提示牌。",
    ]
    dues = {i: due for i, _, due in _due(invoke, tmp_path)}
    assert (dues["1.1"], dues["2.1"], dues["3.1"]) == ("2024-05-13", "2024-05-09", "2024-05-24")


@pytest.mark.usefixtures("english")  # the warnings as written (zh default)
def test_a_xiaohao_notice_of_one_problem(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "xiaohao_notice.txt", "--issued", "2019-12-13")
    plan = os.path.relpath(PLANS / "xiaohao_notice.txt")  # as rect shows a path
    assert (
        stderr == f"{plan}:3:1: warning: problem 1 has no 整改措施: its text is its one measure\n"
    )
    (task,) = data["tasks"]
    assert (
        task["title"]
        == "在一些具体整改任务中，一些地方仍然存在不作为、慢作为，甚至敷衍应对等突出问题"
    )
    assert (task["units"], task["goal"], task["deadline"]) == (
        ["区河湖管理中心"],
        "压实责任落实，健全机制体制。",
        "2019年12月底前",
    )
    # 整改完成情况 1、2、 is progress, 特此公示 / 公示时间 / 联系电话 / 附表 are not the list
    assert [m["text"] for m in task["measures"]] == [task["title"] + "。"]


def test_headings_holding_labels(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "notice_labels.txt", "--issued", "2024-04-01")
    assert stderr == ""
    (task,) = data["tasks"]
    assert task["units"] == ["某园区党工委", "某园区管委会"]  # the shared prefix expanded
    assert task["deadline"] == "2025年6月底前"
    # 发现问题立即处理 is a response rule, not a deadline on the issue date
    assert [(m["text"], m.get("deadline")) for m in task["measures"]] == [
        ("开展园区企业排水户排查，建立问题清单。", None),
        ("对雨污混排企业限期整改，发现问题立即处理。", None),
    ]


def test_bracket_labels(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "bracket_labels.txt", "--issued", "2024-04-01")
    assert stderr == ""
    (task,) = data["tasks"]
    assert (task["title"], task["units"], task["supervisor"], task["deadline"]) == (
        "县图书馆门前非机动车乱停乱放，盲道被占用",
        ["县城管局"],
        "县文明办",
        "2024年5月底前",
    )
    assert task["helpers"] == ["县公安局"]  # 配合单位: assists, with no part of its own
    written = (tmp_path / "tasks.yaml").read_text(encoding="utf-8")
    assert "    units: [县城管局]\n    helpers: [县公安局]\n" in written
    duty = task["measures"][1]["recurring"][0]
    assert (duty["every"], duty["rrule"]) == ("每周五", "FREQ=WEEKLY;BYDAY=FR")


@pytest.mark.usefixtures("english")  # the warnings as written (zh default)
def test_an_unknown_label_is_reported_not_glued_on(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n一、问题一。\n责任单位：住建局\n整改时限：2024年6月底前\n"
        "联络员：张三 13800000000\n整改措施：\n（一）开展排查。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text("units:\n  - name: 住建局\n", encoding="utf-8")
    result = invoke("import", str(plan), file=tmp_path / "tasks.yaml")  # units.yaml beside it
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{plan}:5:1: warning: unknown label '联络员': its lines are not read\n"
    assert "deadline: 2024年6月底前\n" in result.stdout


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize("name", ["请各单位于月底前报送。", "【主管单位】县城管局"])
def test_add_units_refuses_what_is_no_unit_name(invoke: Invoke, tmp_path: Path, name: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        f"整改任务清单\n一、问题一。\n责任单位：{name}\n整改时限：2024年6月底前\n整改措施：\n（一）排查。\n",
        encoding="utf-8",
    )
    result = invoke("import", str(plan), "-o", str(tmp_path / "tasks.yaml"), "--add-units")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:3:6: error: cannot add '{name}' to ")
    assert "units.yaml: no unit's name holds a label, a date or a sentence; correct the plan" in (
        result.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]  # nothing written


@pytest.mark.usefixtures("english")  # the warnings as written (zh default)
def test_gaps_are_written_and_warned_at_their_line(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n一、问题一。\n责任单位：住建局\n整改措施：\n（一）开展排查。\n"
        "二、问题二。\n整改时限：2024年6月底前\n整改措施：\n（一）建立台账。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text("units:\n  - name: 住建局\n", encoding="utf-8")
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(plan), "-o", str(out), "--issued", "2024-04-01")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{plan}:2:1: warning: problem 1 has no 整改时限: written as 长期坚持 (never overdue); "
        "set it\n"
        f"{plan}:6:1: warning: problem 2 has no 责任单位: fill in its units\n"
    )
    assert invoke("status", file=out).exit_code == 0


def test_qualified_labels_and_progress_sections(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n"
        "一、污水管网建设滞后。\n责任单位(市级)：住建局\n完成时限：2024年6月底前\n"
        "整改措施：\n1.开展管网排查。\n2.编制建设计划。\n"
        "整改进展：\n1.已排查50%。\n2.已完成计划初稿。\n"
        "二、垃圾分类覆盖率低。\n牵头单位：城管局\n配合单位：各街道\n"
        "整改目标：到2025年3月底前，生活垃圾分类覆盖率达到90%。\n"
        "重点措施：\n（一）新建分类投放点。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text(
        "units:\n  - name: 住建局\n  - name: 城管局\n  - name: 各街道\n", encoding="utf-8"
    )
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(plan), "-o", str(out), "--issued", "2024-04-01")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(t["id"], t["units"], t.get("helpers"), t["deadline"]) for t in data["tasks"]] == [
        ("1", ["住建局"], None, "2024年6月底前"),
        ("2", ["城管局"], ["各街道"], "2025年3月底前"),
    ]
    assert [m["text"] for t in data["tasks"] for m in t["measures"]] == [
        "开展管网排查。",
        "编制建设计划。",  # 整改进展's 1. 2. are progress, not measures
        "新建分类投放点。",
    ]


@pytest.mark.usefixtures("english")  # the warnings as written (zh default)
def test_among_the_measures_only_a_contact_label_ends_one(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n一、问题一。\n责任单位：住建局\n整改时限：2024年6月底前\n整改措施：\n"
        "（一）开展排查，\n重点：老旧小区和城中村。\n联络员：张三 13800000000\n（二）建立台账。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text("units:\n  - name: 住建局\n", encoding="utf-8")
    result = invoke("import", str(plan), file=tmp_path / "tasks.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{plan}:8:1: warning: unknown label '联络员': its lines are not read\n"
    (task,) = yaml.safe_load(result.stdout)["tasks"]
    assert [m["text"] for m in task["measures"]] == [
        "开展排查，重点：老旧小区和城中村。",
        "建立台账。",
    ]


@pytest.mark.parametrize(
    ("lang", "warned"),
    [
        ("en", "'汛期前' differs from region to region: no deadline read from it; write the date"),
        ("zh", "“汛期前”各地不同：未从中读取整改时限；请写明日期"),  # the default
    ],
)
def test_a_regional_season_in_a_measure_is_warned(
    invoke: Invoke, tmp_path: Path, lang: str, warned: str
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n一、河道淤积。\n责任单位：水务局\n整改时限：长期坚持\n整改措施：\n"
        "（一）汛期前完成河道清淤。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text("units:\n  - name: 水务局\n", encoding="utf-8")
    result = invoke("import", str(plan), file=tmp_path / "tasks.yaml", lang=lang)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{plan}:6:4: warning: {warned}\n"


# Composed in the layouts real lists use: a closing note of who does it, as in 咸阳市2022年
# 深化“放管服”改革优化营商环境工作要点 (“（市政府办公室、…牵头，市级各有关部门及各县市区
# 政府按职责分工负责）”, https://newton.com.tw/wiki/鹹陽市2022年深化“放管服”改革最佳化營商
# 環境工作要點/61994341), and 牵头/配合 said in a 责任单位 value.
ROLES_PLAN = (
    "某县整改任务清单\n"
    "一、城区餐饮油烟扰民问题突出。\n"
    "责任单位：县生态环境局（牵头），县市场监管局、县城管局（配合）\n"
    "整改时限：2024年6月底前\n"
    "整改措施：\n"
    "1.开展餐饮油烟专项整治。\n"
    "2.督促安装油烟净化设施。（县市场监管局负责）\n"
    "3.2024年5月底前，县城管局牵头开展露天烧烤整治，县公安局配合。\n"
    "二、黑臭水体反弹。\n"
    "责任单位：县水务局牵头，县生态环境局配合\n"
    "整改时限：2025年6月底前\n"
    "整改措施：\n"
    "1.排查反弹水体。（县水务局、县生态环境局按职责分工负责）\n"
    "2.实施控源截污。（县水务局牵头，县气象局配合）\n"
)


def test_roles_said_in_the_units_and_in_a_measure(invoke: Invoke, tmp_path: Path) -> None:
    """X（牵头）, Y（配合）, X牵头，Y配合 and a closing （…负责） note: who leads, who helps."""
    plan = tmp_path / "plan.txt"
    plan.write_text(ROLES_PLAN, encoding="utf-8")
    names = ["县生态环境局", "县市场监管局", "县城管局", "县公安局", "县水务局"]
    (tmp_path / "units.yaml").write_text(
        "units:\n" + "".join(f"  - name: {n}\n" for n in names), encoding="utf-8"
    )
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(plan), "-o", str(out), "--issued", "2024-04-01", lang="en")
    assert result.exit_code == 0, result.output
    assert result.stderr == (  # the note names a unit units.yaml does not have: not read
        f"{plan}:14:18: warning: '县气象局' in the closing note of who does it is no unit in "
        "units.yaml; its owners are read from its words\n"
    )
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(t["id"], t["units"], t.get("helpers")) for t in data["tasks"]] == [
        ("1", ["县生态环境局"], ["县市场监管局", "县城管局"]),
        ("2", ["县水务局"], ["县生态环境局"]),
    ]
    measures = [m for t in data["tasks"] for m in t["measures"]]
    assert [(m["id"], m.get("units"), m.get("helpers"), m.get("deadline")) for m in measures] == [
        ("1.1", None, None, None),
        ("1.2", ["县市场监管局"], None, None),
        ("1.3", ["县城管局"], ["县公安局"], "2024年5月底前"),  # 3. before a date: measure 3
        ("2.1", ["县水务局", "县生态环境局"], None, None),  # both responsible
        ("2.2", None, None, None),
    ]
    assert invoke("check", file=out, as_of="2024-04-02").exit_code == 0


def test_an_acceptance_notice_takes_the_goals_latest_date(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "acceptance_notice.txt", "--issued", "2023-06-01")
    (task,) = data["tasks"]
    assert (task["units"], task["supervisor"], task["deadline"]) == (
        ["某管理区住房和城乡建设局"],
        "某市住房和城乡建设局",  # 牵头验收单位
        "2025年12月31日前",  # of “十四五”期间 and 2025年12月31日前 in the goal, the latest
    )
    assert [m["id"] for m in task["measures"]] == ["1.1", "1.2"]  # 整改完成情况 is no measure
    warned = "acceptance_notice.txt:10:1: warning: 未知的标签“配合验收单位”：其各行未读取"
    assert stderr.splitlines()[-1].endswith(warned)  # shown relative to where rect runs


def test_measures_that_say_their_own_units_and_deadline(invoke: Invoke, tmp_path: Path) -> None:
    names = ["县生态环境局", "县市场监管局", "县城管局", "县住建局", "县交通运输局"]
    (tmp_path / "units.yaml").write_text(
        "units:\n" + "".join(f"  - name: {n}\n" for n in names), encoding="utf-8"
    )
    data, stderr = _import(invoke, tmp_path, "measure_fields.txt", "--issued", "2024-04-01")
    assert stderr == ""
    assert [(t["units"], t.get("helpers"), t["deadline"]) for t in data["tasks"]] == [
        (["县生态环境局", "县市场监管局", "县城管局"], None, "2024年12月底前"),
        (["县住建局"], ["县城管局", "县交通运输局"], "长期坚持"),  # 牵头部门 / 协办单位
    ]
    measures = [m for t in data["tasks"] for m in t["measures"]]
    assert [(m["id"], m.get("units"), m.get("helpers"), m.get("deadline")) for m in measures] == [
        ("1.1", ["县市场监管局"], None, "2024年6月底前"),  # （责任单位：…；完成时限：…）
        ("1.2", ["县城管局"], None, "2024年9月底前"),  # lines of its own under it
        ("1.3", ["县生态环境局"], ["县城管局"], None),  # 。责任单位：X，Y配合。
        ("2.1", None, None, None),
        ("2.2", ["县交通运输局"], None, "2024年8月底前"),  # a helper of the problem leads here
    ]
    assert invoke("check", file=tmp_path / "tasks.yaml", as_of="2024-04-02").exit_code == 0
