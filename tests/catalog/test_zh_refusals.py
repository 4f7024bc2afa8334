"""The refusals of per-unit parts, the log rules, --reopen/--late/--correct, milestones,
escalate, extend and the fill-in sheet, read in Chinese (the default) through the real
CLI: messages built in variables and helpers, which the catalog once missed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Invoke


def errors(stderr: str) -> list[str]:
    """The messages of ``path:line:col: error: message`` lines (and bare ``error:``)."""
    return [re.sub(r"^.*?error: ", "", line) for line in stderr.splitlines() if "error: " in line]


def test_a_covers_that_is_no_due_date_reads_in_chinese(shipped: Path, invoke: Invoke) -> None:
    args = ["mark", "1.5", "--duty", "每季度", "--covers", "2024-09-15", "--note", "补报"]
    result = invoke(*args, file=shipped, as_of="2024-10-10")
    assert (result.exit_code, errors(result.stderr)) == (
        2,
        [
            "--covers 2024-09-15 不是“每季度”的应完成日期"
            "（最近的应完成日期：2024-06-30, 2024-09-30）"
        ],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["mark", "3.5", "closed", "--unit", "池北区", "--note", "x"],
            "3.5 的销号针对整项措施，须各单位的分工都已完成：请去掉 --unit",
        ),
        (
            ["mark", "3.4", "done", "--unit", "池北区", "--note", "x"],
            "3.4 不是多个单位共同负责的措施；--unit 池北区 不是其责任单位：请去掉 --unit",
        ),
        (
            ["mark", "3.5", "done", "--unit", "住建局", "--note", "x"],
            "3.5：住建局 不是其责任单位之一（池北区、池南区、池西区）",
        ),
        (
            ["mark", "3", "done", "--all", "--unit", "农业水利局", "--note", "x"],
            "问题“3”没有由 农业水利局 负责的措施",
        ),
        (
            ["mark", "3.4", "--milestone", "2099年底前"],
            "3.4 没有阶段节点“2099年底前”（该措施没有阶段节点）",
        ),
        (
            ["mark", "3", "--all", "--milestone", "x"],
            "--duty、--covers 和 --milestone 记录一项措施的一条记录；请去掉 --all",
        ),
        (["escalate", "3.4", "whatever"], "未知的问责措施“whatever”；请用 通报、督办 或 约谈"),
    ],
)
def test_a_refused_mark_reads_in_chinese(
    shipped: Path, invoke: Invoke, args: list[str], message: str
) -> None:
    before = shipped.read_bytes()
    result = invoke(*args, "--by", "x", file=shipped)
    assert (result.exit_code, errors(result.stderr)) == (2, [message])
    assert shipped.read_bytes() == before


def test_reopen_late_and_correct_refusals_read_in_chinese(shipped: Path, invoke: Invoke) -> None:
    def refused(*args: str) -> list[str]:
        result = invoke(*args, "--by", "x", file=shipped)
        assert result.exit_code == 2, result.stdout
        return errors(result.stderr)

    assert invoke("mark", "3.4", "done", "--note", "x", "--date", "2024-04-01", file=shipped)
    assert refused("mark", "3.4", "doing", "--reopen") == [
        "3.4 的状态是 done（已完成）；重新打开需要 --reopen，并用 --note 说明原因"
    ]
    assert refused("mark", "3.4", "done", "--note", "y", "--date", "2024-03-01") == [
        "--date 2024-03-01 早于 3.4 的最后一条进展记录（2024-04-01）；"
        "进展记录按时间先后保存：补录的记录请加 --late"
    ]
    assert refused("mark", "3.4", "done", "--note", "y", "--correct", "2024-01-01") == [
        "--correct 2024-01-01：3.4 没有该日期的记录可更正"
    ]
    assert refused("mark", "3.4", "done", "--correct", "2024-04-01") == [
        "更正 3.4 在 2024-04-01 的记录需要用 --note 说明错在哪里"
    ]
    assert refused("mark", "3.3", "closed", "--note", "x") == [
        "3.3 的状态是 todo（未启动）；只有已完成的措施才能销号：请先标记为已完成"
    ]
    assert refused("mark", "3.4", "closed") == ["3.4 销号需要 --note 或 --evidence：说明完成的依据"]


def test_the_log_rules_read_in_chinese(shipped: Path, invoke: Invoke) -> None:
    text = shipped.read_text(encoding="utf-8")

    def edit(measure_id: str, new: str) -> None:
        nonlocal text
        at = text.index("status: todo", text.index(f'- id: "{measure_id}"'))
        text = text[:at] + new + text[at + len("status: todo") :]

    edit("3.6", "status: closed")
    edit(
        "3.5",
        "status: done\n        progress:\n"
        "          - {date: 2024-04-01, status: done, unit: 池北区}\n"
        "          - {date: 2024-03-01, status: doing, unit: 住建局}\n"
        "          - {date: 2024-04-02, status: closed, unit: 池南区}",
    )
    edit(
        "3.4",
        "status: todo\n        progress:\n"
        "          - {date: 2024-04-01, status: todo, unit: 住建局, corrects: 2024-01-01}\n"
        "          - {date: 2024-04-02, status: todo, action: 延期}",
    )
    shipped.write_text(text, encoding="utf-8")
    result = invoke("check", file=shipped)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        "3.4 只有一个责任单位；unit: 只用于多个单位共同负责的措施中某个单位的分工",
        "3.4：corrects: 2024-01-01 所指的日期没有更早的记录",
        "3.4：延期记录须同时写 action: 延期 和批准的新时限 deadline:",
        "3.5 的状态为 done，但其进展记录表明为 doing（池北区 done，池南区 closed，池西区 todo）",
        "3.5：2024-03-01 的记录排在 2024-04-01 的记录之后；进展记录按时间先后保存"
        "（补录的记录写 late: true）",
        "3.5：“住建局”不是其责任单位之一（池北区、池南区、池西区）",
        "3.5 于 2024-04-02 为一个单位销号，但此前没有记录表明该单位已完成",
        "3.5：2024-04-02 的销号记录需要说明（note）或佐证材料（evidence）",
        "3.5：销号针对整项措施；请去掉 unit",
        "3.6 的状态为 closed，但没有记录表明它已完成",
    ]
    english = invoke("check", file=shipped, lang="en")
    assert "3.6 is closed but no entry records it done" in english.stderr


def test_a_sheet_row_refused_reads_in_chinese(shipped: Path, invoke: Invoke) -> None:
    import openpyxl

    sheet = shipped.parent / "池北区.xlsx"
    assert invoke("export-sheet", "--unit", "池北区", "-o", str(sheet), file=shipped).exit_code == 0
    book = openpyxl.load_workbook(sheet)
    ws = book.worksheets[0]
    headers = [cell.value for cell in ws[1]]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    row = rows["3.8"]
    ws.cell(row, headers.index("状态") + 1).value = "推进中"
    ws.cell(row, headers.index("完成百分比") + 1).value = "abc"
    row = rows["3.3"]
    ws.cell(row, headers.index("状态") + 1).value = "已销号"
    ws.cell(row, headers.index("进展说明") + 1).value = "x"
    book.save(sheet)
    result = invoke("import-sheet", str(sheet), file=shipped)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        "3.3 的状态是 todo（未启动）；只有已完成的措施才能销号：请先标记为已完成",
        "“abc”不是百分比；请写 0 到 100 的整数",
    ]
