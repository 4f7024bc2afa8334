"""rect site, and the HTML report printed: both in the real (system) Chromium.

They skip, saying why, where playwright or Chromium is missing (RECT_CHROMIUM names
another Chromium binary)."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page()
    asked: list[str] = []
    opened.asked = asked

    def refuse(route: Any) -> None:  # nothing but the site's own files
        asked.append(route.request.url)
        route.abort()

    opened.route(re.compile(r"^(?!file:).*"), refuse)
    try:
        yield opened
    finally:
        opened.close()


def test_site_files(invoke: Invoke, data: Path) -> None:
    out = data.parent / "public"
    result = invoke("site", "-o", str(out), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已写入 {out}：4 个页面\n"
    names = sorted(p.name for p in out.iterdir())
    assert names == ["index.html", "problem-1.html", "problem-2.html", "problem-3.html"]
    everything = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "13812345678" not in everything and "王五" not in everything and "李四" not in everything
    assert "<script" not in everything
    assert not re.search(r"(src|href)=\"(https?:)?//", everything)
    # a problem that went away loses its page; other files stay
    (out / "problem-9.html").write_text("old", encoding="utf-8")
    (out / "CNAME").write_text("example.org", encoding="utf-8")
    assert invoke("site", "-o", str(out), file=data, as_of=AS_OF).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["CNAME", *names]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_site_refusals(invoke: Invoke, data: Path) -> None:
    a_file = data.parent / "units.yaml"
    result = invoke("site", "-o", str(a_file), file=data, as_of=AS_OF)
    assert result.exit_code == 2
    nowhere = invoke("site", "-o", str(data.parent / "no" / "dir"), file=data, as_of=AS_OF)
    assert nowhere.exit_code == 2
    assert "no directory" in nowhere.output


def test_site_in_the_browser(invoke: Invoke, data: Path, page: Any) -> None:
    out = data.parent / "public"
    assert invoke("site", "-o", str(out), file=data, as_of=AS_OF).exit_code == 0
    page.goto((out / "index.html").as_uri())
    assert page.title() == "测试整改方案 整改落实情况"
    rows = page.locator("table#problems tbody tr")
    assert rows.count() == 3
    assert rows.first.inner_text().split("\t")[:3] == ["1", "建筑垃圾混堆乱倒", "2024年12月底前"]
    assert page.locator("#summary").inner_text() == "共3个问题、7项整改措施，已完成3项。"
    page.locator("table#problems a", has_text="渗滤液积存<i>问题</i>").click()
    assert page.url.endswith("/problem-2.html")
    measures = page.locator("table#measures tbody tr")
    assert measures.evaluate_all("rows => rows.map(r => r.dataset.id)") == ["2.1", "2.2"]
    assert "验收合格，予以销号" in measures.nth(1).inner_text()
    page.locator("nav a").click()
    assert page.url.endswith("/index.html")
    assert page.asked == []


def test_public_report_prints_from_page_one(invoke: Invoke, shipped: Path, page: Any) -> None:
    target = shipped.parent / "public.html"
    result = invoke("report", "--public", "-o", str(target), file=shipped, as_of="2024-09-30")
    assert result.exit_code == 0, result.output
    page.goto(target.as_uri())
    problem = page.locator("table#public tbody tr td:nth-child(2)").first.inner_text()
    printed = shipped.parent / "public.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)
    reader = PdfReader(printed)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape A4
    first = reader.pages[0].extract_text()
    # the first problem is on page 1 (Chromium's text maps some 汉字 to Kangxi radicals)
    assert problem[:12] in unicodedata.normalize("NFKC", "".join(first.split()))
    assert len(first) > 500  # the table starts on page 1, it does not wait for page 2
    assert all(len(p.extract_text()) > 300 for p in reader.pages[:-1])  # no half-empty pages
