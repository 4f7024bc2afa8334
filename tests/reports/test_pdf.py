"""rect report --format pdf: A4 pages whose text reads back (pypdf), the Chinese font
embedded where one is installed (.ci/run installs fonts-wqy-microhei)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from rectcli.reports import pdf
from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-25"
A4 = (595.3, 841.9)


@pytest.fixture(autouse=True)
def _fresh_font() -> Iterator[None]:
    pdf.cjk_font.cache_clear()
    yield
    pdf.cjk_font.cache_clear()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def write(invoke: Invoke, data: Path, *args: str, name: str = "out.pdf") -> Path:
    target = data.parent / name
    result = invoke("report", *args, "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    return target


def size(page: object) -> tuple[float, float]:
    box = page.mediabox  # type: ignore[attr-defined]
    return (round(float(box.width), 1), round(float(box.height), 1))


def fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def embedded_font() -> str:
    for place in pdf.FONT_PLACES:
        if Path(place).is_file():
            return place
    pytest.skip("no TrueType Chinese font installed (apt-get install fonts-wqy-microhei)")


def test_report_pdf_pages_and_text(invoke: Invoke, data: Path) -> None:
    embedded_font()
    reader = PdfReader(write(invoke, data))
    assert len(reader.pages) == 1
    assert size(reader.pages[0]) == A4
    text = reader.pages[0].extract_text()
    lines = (
        "调度通报",
        "测试整改方案",
        "一、各单位整改进度",
        "（一）池北区：共2项，已完成0项（0%）",
    )
    assert all(line in text for line in lines)
    words = text.split()  # a cell's lines and the cells come one per line
    at = words.index("1.1")
    assert words[at - 1 : at + 3] == ["逾期", "1.1", "2024-02-29", "+86"]  # 池北区's overdue
    assert "2024年5月25日" in text
    assert "— 1 —" in text
    assert any(name.endswith("WenQuanYiMicroHei-0") or "+" in name for name in fonts(reader))


def test_a_long_report_breaks_across_pages_with_the_header_repeated(
    invoke: Invoke, shipped: Path
) -> None:
    embedded_font()
    target = shipped.parent / "long.pdf"
    result = invoke("report", "-o", str(target), file=shipped, as_of="2024-09-30")
    assert result.exit_code == 0, result.output
    reader = PdfReader(target)
    assert len(reader.pages) > 3
    assert all(size(page) == A4 for page in reader.pages)
    # every later page starts (after its number) with a unit's heading or, where a table
    # runs on, with that table's header again
    starts = [p.extract_text().split()[3:6] for p in reader.pages[2:]]
    assert starts
    for words in starts:
        assert words[0].startswith("（") or words == ["类别", "编号", "到期日"], words
    assert any(words == ["类别", "编号", "到期日"] for words in starts)


def test_public_pdf_is_landscape_and_masked(invoke: Invoke, data: Path) -> None:
    embedded_font()
    reader = PdfReader(write(invoke, data, "--public"))
    assert size(reader.pages[0]) == (A4[1], A4[0])
    text = "".join(p.extract_text() for p in reader.pages)
    assert "测试整改方案整改落实情况公示" in text
    assert "建筑垃圾混堆乱倒" in text
    assert "13812345678" not in text and "王五" not in text


def test_same_report_same_bytes(invoke: Invoke, data: Path) -> None:
    first = write(invoke, data, name="a.pdf").read_bytes()
    second = write(invoke, data, name="b.pdf").read_bytes()
    assert first == second


def test_without_a_truetype_font_the_standard_cid_font(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECT_PDF_FONT", "STSong-Light")
    reader = PdfReader(write(invoke, data))
    assert size(reader.pages[0]) == A4
    assert "/STSong-Light" in fonts(reader)


def test_a_font_reportlab_cannot_embed_is_passed_over(
    invoke: Invoke, data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "not-a-font.ttf"
    broken.write_bytes(b"OTTO not really")
    monkeypatch.setenv("RECT_PDF_FONT", str(broken))
    reader = PdfReader(write(invoke, data))
    assert "/STSong-Light" in fonts(reader)


def test_one_unit_with_nothing_to_report(invoke: Invoke, data: Path) -> None:
    text = data.read_text(encoding="utf-8").replace(
        "  issued: 2024-04-12\n", "  issued: 2024-04-12\n  number: 测整改办〔2024〕3号\n"
    )
    data.write_text(text, encoding="utf-8")
    reader = PdfReader(write(invoke, data, "--unit", "住建局", "--since", "2024-05-21"))
    lines = reader.pages[0].extract_text().splitlines()
    assert "测整改办〔2024〕3号" in lines[1]
    assert any("（责任单位：住建局）" in line for line in lines)
    assert any("无逾期、即将到期、滞后或新完成事项。" in line for line in lines)


def test_a_report_of_nothing(invoke: Invoke, data: Path) -> None:
    reader = PdfReader(write(invoke, data, "--unit", "办公室"))
    text = reader.pages[0].extract_text()
    assert "共有整改措施0项" in text
    assert "一、各单位整改进度" not in text
