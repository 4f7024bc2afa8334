"""rect import of Word tables and Excel ledgers (tests/fixtures/plans/, README.md there)."""

from __future__ import annotations

import datetime as dt
import os
import time
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


def _rows(data: dict) -> list[tuple[str, str, list[str] | None, str | None, str]]:  # type: ignore[type-arg]
    return [
        (m["id"], m["text"], m.get("units"), m.get("deadline"), m["status"])
        for t in data["tasks"]
        for m in t["measures"]
    ]


def test_word_table_with_merged_problem_cells(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "xuncha_table.docx")
    assert stderr == ""
    assert data["plan"] == {
        "title": "某县民政局党组关于县委第二巡察组反馈意见整改任务清单",
        "issued": dt.date(2024, 4, 1),
        "issuer": "中共某县民政局党组",
    }
    tasks = data["tasks"]
    assert [(t["id"], t["title"], t["units"], t["persons"], t["deadline"]) for t in tasks] == [
        ("1", "学习贯彻上级决策部署不够深入", ["办公室", "组织部"], "张某某",
         "2024年6月底前，2024年9月底前"),
        ("2", "落实意识形态工作责任制有差距", ["宣传部"], "李某某", "长期坚持"),
        ("3", "专项资金管理不规范，部分项目资金拨付滞后", ["财政局", "审计局"], "王某某",
         "2024年5月31日，立行立改，长期坚持，2024年4月底前"),
    ]  # fmt: skip
    assert tasks[0]["finding"] == "理论学习中心组学习流于形式，研讨发言准备不足。"
    assert _rows(data) == [
        ("1.1", "制定年度理论学习中心组学习计划，明确专题。", ["办公室"], "2024年6月底前", "todo"),
        ("1.2", "每季度至少开展1次专题研讨。", ["办公室"], "2024年6月底前", "todo"),
        ("1.3", "建立学习研讨发言材料审核制度", None, "2024年9月底前", "todo"),
        ("2.1", "每半年专题研究1次意识形态工作", None, None, "todo"),
        ("2.2", "开展网络阵地排查", None, None, "todo"),
        ("3.1", "对2023年以来专项资金拨付情况全面清理", ["财政局"], "2024年5月31日", "todo"),
        ("3.2", "建立专项资金拨付台账，按月调度", None, "立行立改，长期坚持", "todo"),
        ("3.3", "对拨付滞后的项目约谈项目单位", ["财政局"], "2024年4月底前", "todo"),
    ]  # fmt: skip


def test_word_table_then_status(invoke: Invoke, tmp_path: Path) -> None:
    _import(invoke, tmp_path, "xuncha_table.docx")
    result = invoke("--format", "json", "list", file=tmp_path / "tasks.yaml", as_of="2024-07-01")
    result = invoke("list", "--format", "json", "--overdue", file=tmp_path / "tasks.yaml",
                    as_of="2024-07-01")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = yaml.safe_load(result.stdout)
    assert [(r["id"], r["due"], r["days_overdue"]) for r in rows] == [
        ("1.1", "2024-06-30", 1),
        ("1.2", "2024-06-30", 1),
        ("3.1", "2024-05-31", 31),
        ("3.3", "2024-04-30", 62),
    ]


def test_sections_and_repeated_header_are_not_problems(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "sections_table.docx", "--issued", "2024-05-01")
    assert stderr == ""
    tasks = data["tasks"]
    assert [(t["id"], t["units"], t.get("helpers"), t["deadline"]) for t in tasks] == [
        ("1", ["生态环境局"], ["市场监管局"], "2024年10月底前"),
        ("2", ["住建局"], None, "长期坚持"),
        ("3", ["水务局"], ["生态环境局"], "2025年6月底前"),  # from 整改目标：到2025年6月底前，…
    ]
    assert [m["text"] for m in tasks[2]["measures"]] == ["排查反弹水体", "实施控源截污。"]
    written = (tmp_path / "tasks.yaml").read_text(encoding="utf-8")
    assert "    units: [生态环境局]\n    helpers: [市场监管局]\n" in written
    assert "    units: [水务局]\n    helpers: [生态环境局]\n" in written


def test_excel_ledger(invoke: Invoke, tmp_path: Path) -> None:
    data, stderr = _import(invoke, tmp_path, "ledger.xlsx", "--issued", "2024-03-01")
    assert stderr == ""
    assert data["plan"]["title"] == "某镇环境问题整改台账"
    assert [(t["id"], t["units"], t.get("helpers"), t["deadline"]) for t in data["tasks"]] == [
        ("1", ["农业农村办"], None, "2024-10-31，2024年10月底前"),
        ("2", ["综合执法队"], ["各村"], "长期坚持"),  # 各村 are its 配合单位
        ("3", ["生态环境办"], None, "2024-06-30"),
        ("4", ["生态环境办"], None, "2024年12月底前"),
    ]
    measures = [m for t in data["tasks"] for m in t["measures"]]
    assert [(m["id"], m["status"], m.get("progress")) for m in measures] == [
        ("1.1", "doing", [{"date": dt.date(2024, 9, 30), "status": "doing",
                           "note": "已完成3条河道保洁"}]),
        ("1.2", "done", [{"date": dt.date(2024, 9, 30), "status": "done", "note": "制度已印发"}]),
        ("2.1", "doing", [{"date": dt.date(2024, 9, 30), "status": "doing",
                           "note": "累计巡查120次"}]),
        (  # the log is the truth: 销号 follows a done entry, with a note
            "3.1",
            "closed",
            [
                {"date": dt.date(2024, 9, 30), "status": "done"},
                {"date": dt.date(2024, 9, 30), "status": "closed", "note": "已销号"},
            ],
        ),
        ("4.1", "todo", None),
    ]  # fmt: skip
    result = invoke("check", file=tmp_path / "tasks.yaml", as_of="2024-09-30")
    assert result.exit_code in (0, 1), result.output  # valid: the log supports every status


def test_a_failed_import_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(PLANS / "ledger.xlsx"), "-o", str(out), "--add-units")
    assert result.exit_code == 2
    assert "每周" in result.stderr and "import with --issued DATE" in result.stderr
    assert sorted(os.listdir(tmp_path)) == []  # no units.yaml, no tasks.yaml


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_no_table_found_names_what_was_found(invoke: Invoke, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("会议签到表")
    table = doc.add_table(rows=2, cols=3)
    for column, label in enumerate(("姓名", "单位", "电话")):
        table.cell(0, column).text = label
    plan = tmp_path / "sign.docx"
    doc.save(str(plan))
    result = invoke("import", str(plan), "--add-units")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{plan}: error: no problems found: table 1 has headers 姓名, 单位, 电话; rect reads"
    )


def test_text_word_paragraphs_and_word_table_read_alike(invoke: Invoke, tmp_path: Path) -> None:
    outputs = []
    for name in ("small_plan.txt", "small_plan.docx", "small_plan_table.docx"):
        (tmp_path / name).mkdir()
        out = tmp_path / name / "tasks.yaml"
        result = invoke("import", str(PLANS / name), "-o", str(out), "--add-units")
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8").split("\n", 1)[1])  # header names the file
    assert outputs[0] == outputs[1] == outputs[2]  # text, Word paragraphs, Word table


def _big_ledger(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某市问题整改台账（截至2024年9月30日）"])
    sheet.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限", "完成情况", "整改进展"])
    for i in range(rows // 2):
        sheet.append([str(i + 1), f"问题{i + 1}。具体表现。", "1.开展排查；2.建立台账。", "住建局",
                      dt.datetime(2024, 6, 30), "正在推进", "已排查一半"])  # fmt: skip
        sheet.append([None, None, "每季度开展一次复查", "住建局、城管局", "长期坚持", "未启动", ""])
        sheet.merge_cells(start_row=sheet.max_row - 1, start_column=1, end_row=sheet.max_row,
                          end_column=1)  # fmt: skip
        sheet.merge_cells(start_row=sheet.max_row - 1, start_column=2, end_row=sheet.max_row,
                          end_column=2)  # fmt: skip
    book.save(path)


@pytest.mark.parametrize("rows", [500])
def test_a_500_row_ledger_imports_in_under_two_seconds(
    invoke: Invoke, tmp_path: Path, rows: int
) -> None:
    plan = tmp_path / "big.xlsx"
    _big_ledger(plan, rows)
    (tmp_path / "units.yaml").write_text(
        "units:\n  - name: 住建局\n  - name: 城管局\n", encoding="utf-8"
    )
    started = time.perf_counter()
    result = invoke(
        "import", str(plan), "-o", str(tmp_path / "tasks.yaml"), "--issued", "2024-04-01"
    )
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"已导入 {rows // 2} 个问题、{rows // 2 * 3} 项措施 → {tmp_path / 'tasks.yaml'}\n"
    )
    assert elapsed < 2.0


def test_a_500_row_word_table_imports_in_under_two_seconds(invoke: Invoke, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("某市问题整改任务清单")
    header = ("序号", "存在问题", "整改措施", "责任单位", "整改时限")
    table = doc.add_table(rows=501, cols=len(header))
    cells = table._cells  # one pass over the grid: python-docx's cell() is quadratic
    for column, label in enumerate(header):
        cells[column].text = label
    for row in range(1, 501):
        values = (str((row + 1) // 2), f"问题{(row + 1) // 2}。", f"措施{row}：开展排查。",
                  "住建局", "2024年6月底前")  # fmt: skip
        for column, text in enumerate(values):
            cells[row * len(header) + column].text = text
    plan = tmp_path / "big.docx"
    doc.save(str(plan))
    (tmp_path / "units.yaml").write_text("units:\n  - name: 住建局\n", encoding="utf-8")
    started = time.perf_counter()
    result = invoke("import", str(plan), "-o", str(tmp_path / "tasks.yaml"))
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已导入 250 个问题、500 项措施 → {tmp_path / 'tasks.yaml'}\n"
    assert elapsed < 2.0


def test_rows_numbered_per_measure_and_a_category_column(invoke: Invoke, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("某局巡察整改台账")
    doc.add_paragraph("填报单位：办公室  截至：2024年6月30日")
    header = ("序号", "问题", "具体问题", "整改措施", "责任单位", "整改时限", "完成情况")
    rows = [
        ("1", "政治建设", "学习不深入。", "制定学习计划", "办公室", "2024年5月底前", "已完成"),
        ("2", "政治建设", "学习不深入。", "开展专题研讨", "办公室", "2024年9月底前", "正在推进"),
        ("3", "政治建设", "制度执行不严。", "修订议事规则", "办公室", "2024年8月底前", "未启动"),
    ]
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    for column, label in enumerate(header):
        table.cell(0, column).text = label
    for r, values in enumerate(rows, start=1):
        for column, text in enumerate(values):
            if not (r == 2 and column in (1, 2)) and not (r == 3 and column == 1):
                table.cell(r, column).text = text
    table.cell(1, 1).merge(table.cell(3, 1))  # the category over all three rows
    table.cell(1, 2).merge(table.cell(2, 2))  # the problem over its two measures
    plan = tmp_path / "ledger.docx"
    doc.save(str(plan))
    data, stderr = _import_path(invoke, tmp_path, plan, "--issued", "2024-04-01")
    assert stderr == ""
    assert data["plan"]["title"] == "某局巡察整改台账"
    assert [(t["id"], t["title"], len(t["measures"])) for t in data["tasks"]] == [
        ("1", "学习不深入", 2),
        ("2", "制度执行不严", 1),
    ]
    assert [
        (m["id"], m["status"], m.get("progress")) for t in data["tasks"] for m in t["measures"]
    ] == [
        ("1.1", "done", [{"date": dt.date(2024, 6, 30), "status": "done"}]),
        ("1.2", "doing", [{"date": dt.date(2024, 6, 30), "status": "doing"}]),
        ("2.1", "todo", None),
    ]


def _import_path(invoke: Invoke, tmp_path: Path, plan: Path, *extra: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(plan), "-o", str(out), "--add-units", *extra)
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8")), result.stderr


def test_a_units_cell_of_lines_with_roles(invoke: Invoke, tmp_path: Path) -> None:
    """A cell lists a unit a line, each with its role: 牵头 leads, 配合 helps."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "存在问题", "整改措施", "责任单位", "整改时限"])
    sheet.append(
        [
            "1",
            "餐饮油烟扰民。",
            "开展专项整治",
            "县生态环境局（牵头）\n县市场监管局\n县城管局（配合）",
            "2024年6月底前",
        ]
    )
    sheet.append(["2", "工地扬尘。", "每月检查", "县住建局\n县城管局", "长期坚持"])
    sheet.append(["3", "黑臭水体。", "排查", "牵头单位：县水务局\n配合单位：县城管局", "长期坚持"])
    plan = tmp_path / "ledger.xlsx"
    book.save(plan)
    out = tmp_path / "tasks.yaml"
    result = invoke("import", str(plan), "-o", str(out), "--add-units", "--issued", "2024-04-01")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(t["units"], t.get("helpers")) for t in data["tasks"]] == [
        (["县生态环境局"], ["县市场监管局", "县城管局"]),  # 配合 holds back to the last role said
        (["县住建局", "县城管局"], None),  # one a line: two units, not 县住建局县城管局
        (["县水务局"], ["县城管局"]),  # labels inside the cell
    ]
