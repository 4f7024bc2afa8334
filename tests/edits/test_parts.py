"""rect mark on a measure shared by several units: a part per unit (docs/format.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rectcli.edits.mark import Entry, mark
from rectcli.history.git import merge_file
from rectcli.merge.driver import merge_files
from tests.conftest import SHIPPED_DATA, Invoke
from tests.helpers import fill_row

DAY = "2024-07-01"
BASE_35 = (
    '      - id: "3.5"\n'
    "        text: 2024年6月底前，各区制定建筑垃圾管理方案，明确建筑垃圾管理区属主管部门、"
    "负责建筑垃圾监管、收集、转运等工作的区属部门，建立长效监管机制。\n"
    "        units: [各区]\n"
    "        deadline: 2024年6月底前\n"
)


def _mark(invoke: Invoke, path: Path, *args: str, as_of: str = DAY) -> tuple[int, str, str]:
    result = invoke("mark", *args, file=path, as_of=as_of)
    return result.exit_code, result.stdout, result.stderr


def _row(invoke: Invoke, path: Path, measure: str, *args: str) -> dict[str, object]:
    result = invoke("list", "--format", "json", *args, file=path, as_of=DAY)
    rows = [r for r in json.loads(result.stdout) if r["id"] == measure]
    return rows[0] if rows else {}


def test_one_district_marking_its_part_leaves_the_others_overdue(
    shipped: Path, invoke: Invoke
) -> None:
    before = shipped.read_text(encoding="utf-8")
    code, out, err = _mark(invoke, shipped, "3.5", "done", "--unit", "池北区", "--note", "已印发")
    assert (code, out, err) == (0, "已记录 3.5：未启动 → 推进中\n", "")
    entry = "{date: 2024-07-01, status: done, unit: 池北区, note: 已印发, by: 测试}"
    assert shipped.read_text(encoding="utf-8") == before.replace(
        BASE_35 + "        status: todo\n",
        BASE_35 + f"        status: doing\n        progress:\n          - {entry}\n",
    ).replace("by: 测试", "by: " + _by(shipped))
    assert _row(invoke, shipped, "3.5", "--unit", "池北区")["overdue"] is False
    for unit in ("池南区", "池西区"):
        assert _row(invoke, shipped, "3.5", "--unit", unit)["overdue"] is True
    assert _row(invoke, shipped, "3.5")["status"] == "doing"
    assert _row(invoke, shipped, "3.5", "--status", "done") == {}

    assert _mark(invoke, shipped, "3.5", "done", "--unit", "池南区", "--note", "已印发")[0] == 0
    code, out, _ = _mark(invoke, shipped, "3.5", "done", "--by", "池西区", "--note", "已印发")
    assert (code, out) == (0, "已记录 3.5：推进中 → 已完成\n")  # --by names the third part
    assert "unit: 池西区" in shipped.read_text(encoding="utf-8")
    row = _row(invoke, shipped, "3.5")
    assert (row["status"], row["overdue"]) == ("done", False)
    assert invoke("check", file=shipped, as_of=DAY).exit_code in (0, 1)


def _by(path: Path) -> str:
    """What rect writes as `by` without --by: git's user.name, else the login name."""
    text = path.read_text(encoding="utf-8")
    return text.split("by: ", 1)[1].split("}", 1)[0]


@pytest.mark.usefixtures("english")  # mark's refusals as written
def test_closing_is_for_the_whole_measure_once_every_part_is_done(
    shipped: Path, invoke: Invoke
) -> None:
    for unit in ("池北区", "池南区"):
        assert _mark(invoke, shipped, "3.5", "done", "--unit", unit, "--note", "完成")[0] == 0
    code, _, err = _mark(invoke, shipped, "3.5", "closed", "--note", "销号")
    assert code == 2
    assert err.endswith(
        "error: 3.5 is doing (推进中); only a done (已完成) measure can be closed (已销号): "
        "mark it done first\n"
    )
    code, _, err = _mark(invoke, shipped, "3.5", "closed", "--unit", "池南区", "--note", "x")
    assert code == 2 and "closing (销号) 3.5 is for the whole measure" in err
    assert _mark(invoke, shipped, "3.5", "done", "--unit", "池西区", "--note", "完成")[0] == 0
    assert _mark(invoke, shipped, "3.5", "closed", "--note", "验收销号")[0] == 0
    assert _row(invoke, shipped, "3.5")["status"] == "closed"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_part_goes_back_only_with_reopen(shipped: Path, invoke: Invoke) -> None:
    assert _mark(invoke, shipped, "3.5", "done", "--unit", "池北区", "--note", "完成")[0] == 0
    code, _, err = _mark(invoke, shipped, "3.5", "doing", "--unit", "池北区", "--note", "返工")
    assert code == 2 and "3.5 is done (已完成); reopening it needs --reopen and --note" in err
    args = ["3.5", "doing", "--unit", "池北区", "--note", "返工", "--reopen"]
    assert _mark(invoke, shipped, *args)[0] == 0


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_unit_on_a_measure_of_one_unit(shipped: Path, invoke: Invoke) -> None:
    before = shipped.read_text(encoding="utf-8")
    code, _, err = _mark(invoke, shipped, "3.8", "doing", "--unit", "池南区", "--note", "x")
    assert code == 2
    assert err.endswith(
        "error: 3.8 is not shared by several units; --unit 池南区 is not its unit: "
        "leave out --unit\n"
    )
    assert shipped.read_text(encoding="utf-8") == before
    assert _mark(invoke, shipped, "3.8", "doing", "--unit", "池北区", "--by", "x")[0] == 0
    assert "unit:" not in shipped.read_text(encoding="utf-8")  # today's layout, no churn
    code, _, err = _mark(invoke, shipped, "3.5", "doing", "--unit", "住建局", "--by", "x")
    assert code == 2 and err.endswith(
        "error: 3.5: 住建局 is not one of its units (池北区、池南区、池西区)\n"
    )


def test_all_never_reopens(shipped: Path, invoke: Invoke) -> None:
    steps = (["3.2", "done", "--note", "清运完毕"], ["3.2", "closed", "--note", "验收销号"])
    for args in (*steps, ["3.4", "done", "--note", "完成"]):
        assert _mark(invoke, shipped, *args, "--by", "x")[0] == 0
    code, out, _ = _mark(invoke, shipped, "3", "doing", "--all", "--note", "调度", "--by", "x")
    assert (code, out) == (
        0,
        "已跳过已完成或已销号的措施：3.2、3.4（重新打开须用 --reopen 并说明理由）\n"
        "已记录 问题 3 的 6 项措施 → 推进中\n",
    )
    rows = {
        r["id"]: r["status"]
        for r in json.loads(invoke("list", "--task", "3", "--format", "json", file=shipped).stdout)
    }
    assert (rows["3.2"], rows["3.4"], rows["3.1"]) == ("closed", "done", "doing")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_late_and_corrected_entries(shipped: Path, invoke: Invoke) -> None:
    assert _mark(invoke, shipped, "3.2", "doing", "--note", "过半", "--by", "x")[0] == 0
    code, _, err = _mark(invoke, shipped, "3.2", "doing", "--date", "2024-06-01", "--by", "x")
    assert code == 2 and err.endswith("record an entry made late (补录) with --late\n")
    args = ["3.2", "doing", "--date", "2024-06-01", "--late", "--note", "补录", "--by", "x"]
    assert _mark(invoke, shipped, *args)[0] == 0
    text = shipped.read_text(encoding="utf-8")
    assert "{date: 2024-06-01, status: doing, note: 补录, by: x, late: true}" in text
    code, _, err = _mark(invoke, shipped, "3.2", "doing", "--correct", "2024-05-01", "--note", "x")
    assert code == 2 and "3.2 has no entry of that date to correct" in err
    args = ["3.2", "doing", "--correct", "2024-06-01", "--note", "应为六月五日", "--by", "x"]
    assert _mark(invoke, shipped, *args)[0] == 0
    assert "note: 应为六月五日, by: x, corrects: 2024-06-01}" in shipped.read_text(encoding="utf-8")
    assert invoke("check", file=shipped, as_of=DAY).exit_code in (0, 1)


def test_parts_from_two_branches_merge() -> None:
    base = (SHIPPED_DATA / "tasks.yaml").read_text(encoding="utf-8")

    def part(text: str, unit: str, day: str) -> str:
        entry = Entry(date.fromisoformat(day), "done", note="完成", unit=unit)
        parts = {"3.5": ("池北区", "池南区", "池西区")}
        return mark(text, "data/tasks.yaml", "3.5", entry, parts=parts).text

    ours, theirs = part(base, "池北区", "2024-06-20"), part(base, "池南区", "2024-06-21")
    result = merge_files(
        base.encode(),
        ours.encode(),
        theirs.encode(),
        "data/tasks.yaml",
        lambda o, a, b: merge_file(o, a, b, 7),
        7,
    )
    assert result.conflicts == []
    merged = result.data.decode("utf-8")
    assert merged == part(ours, "池南区", "2024-06-21")
    assert "        status: doing\n" in merged.split('id: "3.5"')[1].split('id: "3.6"')[0]


def test_a_sheet_imported_twice_records_once(shipped: Path, invoke: Invoke) -> None:
    sheet = shipped.parent / "池南区.xlsx"
    day = "2024-06-25"
    result = invoke("export-sheet", "--unit", "池南区", "-o", str(sheet), file=shipped, as_of=day)
    assert result.exit_code == 0, result.output
    fill_row(sheet, "3.5", {"F": "已完成", "G": "方案已印发", "K": "2024-06-24"})
    result = invoke("import-sheet", str(sheet), file=shipped, as_of=day)
    assert (result.exit_code, result.stdout) == (0, f"已从 {sheet} 记录 1 条进展\n")
    once = shipped.read_text(encoding="utf-8")
    assert "{date: 2024-06-24, status: done, unit: 池南区, note: 方案已印发, by: 池南区}" in once
    result = invoke("import-sheet", str(sheet), file=shipped, as_of=day)
    assert (result.exit_code, result.stdout) == (0, f"已跳过 {sheet} 中已记录过的 1 行\n")
    assert shipped.read_text(encoding="utf-8") == once


def test_show_lists_each_part_and_the_log_says_whose(shipped: Path, invoke: Invoke) -> None:
    assert _mark(invoke, shipped, "3.5", "done", "--unit", "池北区", "--by", "张三")[0] == 0
    result = invoke("show", "3.5", file=shipped, as_of=DAY)
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "各单位进度 池北区 已完成  池南区 未启动  池西区 未启动" in lines
    assert lines[-1] == "2024-07-01  池北区 已完成  张三"


def test_the_cache_patched_by_a_part_equals_a_fresh_parse(shipped: Path, invoke: Invoke) -> None:
    from rectcli import store

    store.load(shipped)  # the entry the marks patch
    for unit in ("池北区", "池南区"):
        args = ["3.5", "done", "--unit", unit, "--note", "完成", "--by", "x"]
        assert _mark(invoke, shipped, *args)[0] == 0
        cached, fresh = store.load(shipped), store.load(shipped, use_cache=False)
        assert cached.measure_facts() == fresh.measure_facts()
    assert _row(invoke, shipped, "3.5", "--unit", "池南区")["status"] == "done"
    assert _row(invoke, shipped, "3.5", "--unit", "池西区")["status"] == "todo"


def test_an_escalation_is_an_entry_of_the_log(shipped: Path, invoke: Invoke) -> None:
    args = ["escalate", "3.2", "督办", "--note", "长督办〔2024〕3号", "--by", "办公室"]
    result = invoke(*args, file=shipped, as_of=DAY)
    assert (result.exit_code, result.stdout) == (0, "已记录 3.2 督办，状态仍为未启动\n")
    entry = "{date: 2024-07-01, status: todo, action: 督办, note: 长督办〔2024〕3号, by: 办公室}"
    assert f"        progress:\n          - {entry}\n" in shipped.read_text(encoding="utf-8")
    result = invoke("escalate", "3.2", "罚款", file=shipped, as_of=DAY)
    assert (result.exit_code, result.stderr) == (
        2,
        "error: 未知的问责措施“罚款”；请用 通报、督办 或 约谈\n",
    )
    assert invoke("check", file=shipped, as_of=DAY).exit_code == 1  # valid, overdue


def test_a_whole_entry_never_silently_reopens_a_done_part(shipped: Path, invoke: Invoke) -> None:
    assert _mark(invoke, shipped, "3.5", "done", "--unit", "池北区", "--by", "x")[0] == 0
    code, _, err = _mark(invoke, shipped, "3.5", "doing", "--note", "调度", "--by", "x")
    assert code == 2 and "3.5 的状态是 done（已完成）；重新打开需要 --reopen" in err
    code, out, _ = _mark(invoke, shipped, "3", "doing", "--all", "--note", "调度", "--by", "x")
    assert code == 0 and out.startswith("已跳过已完成或已销号的措施：3.5（")


def test_all_with_a_unit_marks_that_units_parts(shipped: Path, invoke: Invoke) -> None:
    args = ["3", "doing", "--all", "--unit", "池南区", "--note", "调度", "--by", "x"]
    code, out, err = _mark(invoke, shipped, *args)
    assert (code, err) == (0, "")
    assert out == "已记录 问题 3 的 2 项措施 → 推进中\n"  # 3.5 and 3.7 are 各区's
    text = shipped.read_text(encoding="utf-8")
    assert text.count("unit: 池南区") == 2
    assert _row(invoke, shipped, "3.7", "--unit", "池南区")["status"] == "doing"
    assert _row(invoke, shipped, "3.7", "--unit", "住建局")["status"] == "todo"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_all_with_a_unit_of_none_of_its_measures(shipped: Path, invoke: Invoke) -> None:
    args = ["3", "doing", "--all", "--unit", "检察室", "--note", "调度", "--by", "x"]
    code, _, err = _mark(invoke, shipped, *args)
    assert code == 2 and err.endswith("error: no measure of problem '3' is 检察室's\n")


def test_a_milestone_reached_is_an_entry_and_the_deadline_moves_on(
    shipped: Path, invoke: Invoke
) -> None:
    assert _row(invoke, shipped, "10.5")["due"] == "2024-02-29"
    args = ["10.5", "doing", "--milestone", "含水量", "--note", "脱水机已更换", "--by", "x"]
    code, out, err = _mark(invoke, shipped, *args, as_of="2024-03-10")
    assert (code, err) == (0, "")
    assert out == "已记录 10.5 阶段节点 2024年2月底前 已完成，措施状态：推进中\n"
    entry = "{date: 2024-03-10, status: doing, note: 脱水机已更换, by: x, milestone: 2024年2月底前}"
    assert entry in shipped.read_text(encoding="utf-8")
    assert _row(invoke, shipped, "10.5")["due"] == "2024-06-30"  # the next step's
    code, _, err = _mark(invoke, shipped, "10.5", "--milestone", "2023年", as_of="2024-03-10")
    assert code == 2 and "10.5 没有阶段节点“2023年”（其阶段节点：2024年2月底前、" in err
    code, _, err = _mark(invoke, shipped, "3.2", "--milestone", "2024", as_of="2024-03-10")
    assert code == 2 and "3.2 没有阶段节点“2024”（该措施没有阶段节点）" in err
    code, _, err = _mark(invoke, shipped, "10.5", "--milestone", "2024年", as_of="2024-03-10")
    assert code == 2 and err.endswith(
        "10.5 有多个阶段节点符合“2024年”"
        "（其阶段节点：2024年2月底前、2024年6月底前、2025年12月底前）：请写明其中一个的时限\n"
    )
