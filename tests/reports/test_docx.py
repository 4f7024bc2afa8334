"""rect report --format docx: an A4 Word document with real tables, read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"


@pytest.fixture(autouse=True)
def _behind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rectcli.queries.report.is_behind", lambda row: row.id == "2.1")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The report fixture with a 发文字号 and an issuer."""
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    tasks = target / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").replace(
        "  issued: 2024-04-12\n",
        "  issued: 2024-04-12\n  issuer: 测试整改办\n  number: 测整改办〔2024〕3号\n",
    )
    tasks.write_text(text, encoding="utf-8")
    return tasks


def write(invoke: Invoke, data: Path, *args: str) -> Path:
    target = data.parent / "out.docx"
    result = invoke("report", *args, "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.output == f"已写入 {target}\n"
    return target


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def table_rows(table: object) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]  # type: ignore[attr-defined]


def test_report_docx_is_an_a4_office_document(invoke: Invoke, data: Path) -> None:
    doc = Document(str(write(invoke, data, "--format", "docx")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert texts(data.parent / "out.docx")[:5] == [
        "测整改办〔2024〕3号",
        "调度通报",
        "测试整改方案",
        "（截至2024年5月25日）",
        "截至2024年5月25日，共有整改措施7项，已完成3项（43%），逾期未完成1项，14天内到期1项，"
        "序时进度滞后1项；2024年4月25日以来新完成3项。",
    ]
    assert texts(data.parent / "out.docx")[-2:] == ["测试整改办", "2024年5月25日"]
    units, *sections = doc.tables
    head = ["排名", "单位", "完成", "%", "逾期", "即将到期", "序时滞后", "新完成"]
    assert table_rows(units)[0] == head
    assert [r[1] for r in table_rows(units)[1:]] == ["池北区", "池南区", "住建局"]
    # each unit's section: a heading, then its table; 池北区's names its overdue measure
    headings = [t for t in texts(data.parent / "out.docx") if t.startswith("（") and "项" in t]
    assert headings == [
        "（一）池北区：共2项，已完成0项（0%）",
        "（二）池南区：共4项，已完成1项（25%）",
        "（三）住建局：共3项，已完成2项（67%）",
    ]
    first = table_rows(sections[0])
    assert first[0] == ["类别", "编号", "到期日", "天数/日期", "整改措施", "最新进展"]
    assert first[1][:4] == ["逾期", "1.1", "2024-02-29", "+86"]


def test_tables_repeat_their_header_and_keep_the_id_on_one_line(invoke: Invoke, data: Path) -> None:
    doc = Document(str(write(invoke, data, "--format", "docx")))
    for table in doc.tables:
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
    detail = doc.tables[1]
    for row in detail.rows[1:]:
        tc_pr = row.cells[1]._tc.tcPr
        assert tc_pr.find(qn("w:noWrap")) is not None
    widths = [c.width for c in detail.rows[0].cells]
    assert sum(widths) <= Mm(210 - 28 - 26 + 1)  # within the margins (twips rounded)
    assert widths[4] > widths[1]  # the measure's text takes the room the id does not need


def test_chinese_fonts_are_named_for_east_asian_text(invoke: Invoke, data: Path) -> None:
    doc = Document(str(write(invoke, data, "--format", "docx")))
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    title = doc.paragraphs[1].runs[0]
    assert title.text == "调度通报"
    assert title._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.font.size.pt == 22  # 二号
    assert doc.styles["Normal"].font.size.pt == 16  # 三号


def test_public_docx_is_landscape_and_masked(invoke: Invoke, data: Path) -> None:
    doc = Document(str(write(invoke, data, "--public", "--format", "docx")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    (table,) = doc.tables
    rows = table_rows(table)
    assert rows[0] == ["序号", "问题", "整改目标", "整改时限", "整改措施", "整改进展", "完成情况"]
    assert [r[1] for r in rows[1:]] == ["建筑垃圾混堆乱倒", "渗滤液积存<i>问题</i>", "长期坚持问题"]
    everything = "\n".join(c for r in rows for c in r)
    assert "13812345678" not in everything and "王五" not in everything
    assert "联系人：***，电话***" in everything


def test_issuer_option_and_period_title(invoke: Invoke, data: Path) -> None:
    path = write(invoke, data, "--period", "2024-05", "--issuer", "某某办公室")
    lines = texts(path)
    assert lines[1:4] == [
        "2024年5月整改进展情况",
        "测试整改方案",
        "（2024年5月1日至2024年5月31日）",
    ]
    assert lines[-2:] == ["某某办公室", "2024年5月31日"]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_docx_needs_a_file(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--format", "docx", file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.output == "error: --format docx writes a file: name it with -o report.docx\n"


def test_one_unit_with_nothing_to_report(invoke: Invoke, data: Path) -> None:
    path = write(invoke, data, "--unit", "住建局", "--since", "2024-05-21", "--format", "docx")
    lines = texts(path)
    assert "（责任单位：住建局）" in lines
    assert "无逾期、即将到期、滞后或新完成事项。" in lines
    assert len(Document(str(path)).tables) == 1  # the units' table; no details table


def test_a_report_of_nothing(invoke: Invoke, data: Path) -> None:
    lines = texts(write(invoke, data, "--unit", "办公室"))
    assert "一、各单位整改进度" not in lines
    assert lines[-1] == "2024年5月25日"
