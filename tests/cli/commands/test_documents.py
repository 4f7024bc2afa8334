"""rect notice: the 销号公示 of a finished measure or problem, in the sections published
notices use (tests/fixtures/notices/README.md), refused before the work is done."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.helpers import FIXTURES, Invoke

PUBLISHED = "2024-09-20"  # a Friday: ten working days run past 国庆 to 10月9日


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    tasks = target / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").replace(
        "  issued: 2024-04-12\n",
        "  issued: 2024-04-12\n  issuer: 测试整改办\n  contact: 0433-5712345\n",
    )
    tasks.write_text(text, encoding="utf-8")
    return tasks


def test_notice_of_a_closed_measure(invoke: Invoke, data: Path) -> None:
    result = invoke("notice", "2.2", file=data, as_of=PUBLISHED)
    assert result.exit_code == 0, result.output
    assert result.stdout == "\n".join(
        [
            "# 关于“渗滤液积存&lt;i&gt;问题&lt;/i&gt;”问题整改措施（二）整改完成情况的公示",
            "",
            "根据测试整改方案要求，池南区已完成下列整改任务，现将整改完成情况予以公示，"
            "接受社会监督。",
            "",
            "## 一、整改问题",
            "",
            "渗滤液积存&lt;i&gt;问题&lt;/i&gt;",
            "",
            "## 二、整改实施主体",
            "",
            "池南区",
            "",
            "## 三、整改措施",
            "",
            "（二）池南区清理渗滤液调节池。",
            "",
            "## 四、目标任务",
            "",
            "积存渗滤液全部处理。",
            "",
            "## 五、完成时限",
            "",
            "2024年3月底前",
            "",
            "## 六、整改完成情况",
            "",
            "2024年3月10日，已完成清理；2024年4月30日，验收合格，予以销号；"
            "已于2024年4月30日整改完成；佐证材料：1份",
            "",
            "## 七、公示期",
            "",
            "2024年9月20日至2024年10月9日（10个工作日）。公示期间，如对整改完成情况有异议，"
            "请通过以下方式反映。",
            "",
            "监督电话：0433-5712345",
            "",
            "特此公示。",
            "",
            '<p align="right">测试整改办</p>',
            "",
            '<p align="right">2024年9月20日</p>',
            "",
        ]
    )


def test_notice_docx_follows_the_published_sections(invoke: Invoke, data: Path) -> None:
    target = data.parent / "公示.docx"
    result = invoke("notice", "1.2", "-o", str(target), file=data, as_of=PUBLISHED)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已写入 {target}（公示期至 2024年10月9日）\n"
    doc = Document(str(target))
    assert round(doc.sections[0].page_width.mm) == 210
    lines = [p.text for p in doc.paragraphs if p.text]
    assert lines[0] == "关于“建筑垃圾混堆乱倒”问题整改措施（二）整改完成情况的公示"
    headings = [line for line in lines if re.match(r"^[一二三四五六七]、", line)]
    assert headings == [
        "一、整改问题",
        "二、整改实施主体",
        "三、整改措施",
        "四、目标任务",
        "五、完成时限",
        "六、整改完成情况",
        "七、公示期",
    ]
    follows = (FIXTURES / "notices" / "README.md").read_text(encoding="utf-8")
    assert all(h[2:] in follows for h in headings)
    assert "长白山保护开发区管理委员会住房和城乡建设局" in lines  # 整改实施主体: the full name
    assert "（二）住建局制定建筑垃圾管理工作方案。" in lines
    assert "2024年12月底前" in lines  # the problem's deadline: the measure names none
    assert lines[-3:] == ["特此公示。", "测试整改办", "2024年9月20日"]


def test_notice_of_a_problem_all_done_and_html(invoke: Invoke, data: Path) -> None:
    target = data.parent / "公示.html"
    result = invoke("notice", "3", "-o", str(target), "--days", "5", file=data, as_of=PUBLISHED)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page
    assert "<h1>关于“长期坚持问题”问题整改完成情况的公示</h1>" in page
    assert "<p>2024年9月20日至2024年9月26日（5个工作日）。" in page


def test_notice_masks_personal_data(invoke: Invoke, data: Path) -> None:
    tasks = data.read_text(encoding="utf-8").replace(
        "note: 方案已印发,", "note: 方案已印发，联系人：王五，电话13812345678,"
    )
    data.write_text(tasks, encoding="utf-8")
    result = invoke("notice", "1.2", file=data, as_of=PUBLISHED)
    assert result.exit_code == 0, result.output
    assert "王五" not in result.stdout and "13812345678" not in result.stdout
    assert r"联系人：\*\*\*，电话\*\*\*" in result.stdout  # Markdown: the stars escaped
    assert "住建局" not in result.stdout.split("## 六")[1].split("## 七")[0]  # no `by`


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            "1.1",
            "tasks.yaml:19:9: error: 1.1 尚未完成（状态：推进中），不能公示销号；"
            "全部措施完成后再公示",
        ),
        (
            "1",
            "tasks.yaml:10:5: error: 问题 1 尚有未完成的措施：1.1、1.3、1.4；全部完成后再公示销号",
        ),
        ("9.9", "error: 没有问题或措施“9.9”；见 rect list"),
    ],
)
def test_no_notice_before_it_is_done(
    invoke: Invoke, data: Path, item: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(data.parent)
    result = invoke("notice", item, file=Path("tasks.yaml"), as_of=PUBLISHED)
    assert result.exit_code == 2
    assert result.output == message + "\n"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_notice_in_english_and_refusals(invoke: Invoke, data: Path) -> None:
    result = invoke("notice", "2.2", file=data, as_of=PUBLISHED, lang="en")
    assert result.exit_code == 0, result.output
    assert "## 7. Notice period" in result.stdout
    assert "2024-09-20 to 2024-10-09 (10 working days)" in result.stdout
    bad = invoke("notice", "2.2", "-o", str(data.parent / "n.pdf"), file=data, as_of=PUBLISHED)
    assert bad.exit_code == 2
    assert "name the notice .docx, .md or .html" in bad.output
    docx = invoke("notice", "2.2", "--format", "docx", file=data, as_of=PUBLISHED)
    assert docx.exit_code == 2
    assert docx.output == "error: --format docx writes a file: name it with -o notice.docx\n"


def test_a_notice_in_a_year_without_a_holiday_arrangement_warns(invoke: Invoke, data: Path) -> None:
    result = invoke("notice", "2.2", file=data, as_of="2099-03-02")
    assert result.exit_code == 0  # counted by weekends alone, and said so
    assert result.stderr.startswith("warning: 没有 2099 年的官方节假日安排")
    assert "2099年3月2日至2099年3月13日（10个工作日）" in result.stdout
    wrong = invoke("notice", "2.2", "--format", "pdf", file=data, as_of=PUBLISHED)
    assert wrong.exit_code == 2
    assert wrong.output == "error: --format pdf：请用 markdown|html|docx 之一\n"


def test_notice_without_issuer_or_contact(invoke: Invoke) -> None:
    result = invoke("notice", "3.1", file=FIXTURES / "report" / "tasks.yaml", as_of=PUBLISHED)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "监督电话：（未设置：在 tasks.yaml 的 plan.contact 中填写）\n\n特此公示。\n\n"
        '<p align="right">2024年9月20日</p>\n'
    )
