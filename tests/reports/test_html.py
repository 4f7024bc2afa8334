"""The HTML report: its text, and the page opened in a real headless Chromium.

The browser tests drive the system Chromium (Debian package ``chromium``) through
playwright; they skip, saying why, where either is missing. Point RECT_CHROMIUM at
another Chromium binary to use that one.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rectcli.queries.report import Bar
from rectcli.reports.svg import bar_chart
from tests.helpers import FIXTURES, Invoke, crowded

AS_OF = "2024-05-25"


@pytest.fixture(autouse=True)
def _behind(monkeypatch: pytest.MonkeyPatch) -> None:
    # 序时进度 is the deadline policy's call, tested with it; here 2.1 is simply behind
    monkeypatch.setattr("rectcli.queries.report.is_behind", lambda row: row.id == "2.1")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def write_report(invoke: Invoke, data: Path, *args: str) -> Path:
    target = data.parent / ("public.html" if "--public" in args else "report.html")
    result = invoke("report", *args, "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    return target


# ---- the text ----------------------------------------------------------------------


def test_html_is_self_contained_and_escaped(invoke: Invoke, data: Path) -> None:
    html = write_report(invoke, data).read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    assert "<script" not in html  # no script of ours, and the note's is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "渗滤液积存&lt;i&gt;问题&lt;/i&gt;" in html
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)  # no external assets
    assert "@page { size: A4" in html and "@media print" in html
    assert html.count("<svg") == 2


def test_public_html_has_nothing_personal(invoke: Invoke, data: Path) -> None:
    html = write_report(invoke, data, "--public").read_text(encoding="utf-8")
    for personal in ("李四", "王五", "赵六", "张三", "13812345678", "5712345", "fa.pdf", "验收单"):
        assert personal not in html
    assert "联系人：***，电话***" in html


def test_svg_bars() -> None:
    svg = bar_chart([Bar("1", "a<b", finished=1, total=4, overdue=2)], "chart & co")
    assert svg.startswith('<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img"')
    assert 'aria-label="chart &amp; co"' in svg
    assert 'class="done" x="220" y="9.0" width="95.0"' in svg  # 1/4 of 380
    assert 'class="overdue" x="315.0" y="9.0" width="190.0"' in svg  # 2/4, after the done part
    assert ">1 a&lt;b</text>" in svg
    assert bar_chart([], "empty") == ""


# ---- in the browser ------------------------------------------------------------------


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page()
    # the page must need nothing from the network: refuse every request but the file
    opened.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    try:
        yield opened
    finally:
        opened.close()


def test_report_in_the_browser(invoke: Invoke, data: Path, page: Any) -> None:
    page.goto(write_report(invoke, data).as_uri())
    assert page.title() == "测试整改方案"
    assert page.locator("script").count() == 0
    units = page.locator("table#units tbody tr")
    assert units.evaluate_all("rows => rows.map(r => r.dataset.unit)") == [
        "池北区",
        "池南区",
        "住建局",
    ]
    assert page.locator("table#units tbody tr").first.inner_text().split("\t")[:5] == [
        "1",
        "池北区",
        "0/2",
        "0",
        "1",
    ]
    ids = page.locator("section.unit tr[data-id]").evaluate_all(
        "rows => rows.map(r => r.closest('section').dataset.unit + ' ' + r.className + ' '"
        " + r.dataset.id)"
    )
    assert ids == [
        "池北区 overdue 1.1",
        "池南区 due-soon 1.4",
        "池南区 behind 2.1",
        "池南区 done 2.2",
        "住建局 done 1.2",
        "住建局 done 3.1",
    ]
    # text typed into the data is shown as text, never run or rendered as markup
    note = page.locator('section.unit tr[data-id="1.4"] td').nth(5).inner_text()
    assert note == "2024-05-10 <script>alert(1)</script> 咨询电话0433-5712345 (赵六)"
    assert page.locator('section.unit tr[data-id="1.4"] td').nth(4).inner_text() == (
        "池南区制定<b>整治</b>方案 & 上报。"
    )
    assert page.locator("b, i").count() == 0
    # the charts: one bar per unit and per problem, drawn with a size
    assert page.locator("svg.chart.units g.bar").count() == 3
    assert page.locator("svg.chart.tasks g.bar").evaluate_all(
        "bars => bars.map(b => b.dataset.key)"
    ) == ["1", "2", "3"]
    box = page.locator("svg.chart.units").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 50
    done = page.locator('svg.chart.tasks g.bar[data-key="3"] rect.done')
    assert float(done.get_attribute("width")) == 380.0


def test_public_report_in_the_browser(invoke: Invoke, data: Path, page: Any) -> None:
    page.goto(write_report(invoke, data, "--public").as_uri())
    headers = page.locator("table#public thead th").all_inner_texts()
    assert headers == ["序号", "问题", "整改目标", "整改时限", "整改措施", "整改进展", "完成情况"]
    assert page.locator("table#public tbody tr").evaluate_all("rows => rows.map(r => r.id)") == [
        "task-1",
        "task-2",
        "task-3",
    ]
    cells = page.locator("tr#task-2 td").all_inner_texts()
    assert cells[1] == "渗滤液积存<i>问题</i>"
    assert cells[6] == "推进中（1/2 项措施已完成）"
    progress = page.locator("tr#task-1 td").nth(5).inner_text().splitlines()
    assert progress[0] == "（一）2024-03-01 推进中：已清运约一半，联系人：***，电话***"
    assert progress[-1] == "（四）2024-05-10 推进中：<script>alert(1)</script> 咨询电话***"
    text = page.locator("body").inner_text()
    for personal in ("李四", "王五", "赵六", "张三", "13812345678", "5712345"):
        assert personal not in text
    # printable: the print stylesheet sets A4 landscape (842 × 595 points) for its seven
    # columns, and the header repeats
    pdf = page.pdf(prefer_css_page_size=True)
    size = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert size is not None
    assert (round(float(size[1])), round(float(size[2]))) == (842, 595)


def test_html_of_too_much_and_of_nothing(invoke: Invoke, data: Path, tmp_path: Path) -> None:

    many = write_report(invoke, crowded(tmp_path / "crowded")).read_text(encoding="utf-8")
    assert '<p class="meta">（仅列进度最慢的 50 个问题，共 51 个）</p>' in many
    quiet = invoke("report", "--unit", "池北区", "--format", "html", file=data, as_of="2024-01-05")
    assert '<p class="nothing">无逾期、即将到期、滞后或新完成事项。</p>' in quiet.stdout
    empty = write_report(invoke, data, "--unit", "办公室").read_text(encoding="utf-8")
    assert '<p class="nothing">没有符合条件的整改措施。</p>' in empty
    assert "<svg" not in empty
