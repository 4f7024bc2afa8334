"""Every failure located, never a traceback (issue 14): bad files are exit-2 errors at
their place; a bug is one line, exit 70, its traceback only with --debug."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from rectcli import __version__
from rectcli.cli.app import Settings
from tests.conftest import Invoke


def test_a_bug_is_one_line_and_exit_70(
    mini: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Settings) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(Settings, "load", broken)
    result = invoke("status", file=mini, lang="en")
    assert result.exit_code == 70
    assert result.stdout == ""
    assert result.stderr == (
        "rect: internal error: ZeroDivisionError: division by zero\\nsecond line "
        f"(rect {__version__}, please report; --debug shows the traceback)\n"
    )
    debug = invoke("--debug", "status", file=mini, lang="en")
    assert debug.exit_code == 70
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert debug.stderr.endswith(result.stderr)
    zh = invoke("status", file=mini)
    assert zh.stderr.startswith("rect: internal error: ZeroDivisionError")
    assert "请报告" in zh.stderr


def sheet(tmp_path: Path, invoke: Invoke, mini: Path) -> Path:
    out = tmp_path / "sheet.xlsx"
    assert invoke("export-sheet", "-u", "池北区", "-o", str(out), file=mini).exit_code == 0
    return out


def rezip(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            new.writestr(name, change.pop(name, old.read(name)))
        for name, data in change.items():
            new.writestr(name, data)
    return target


def chartsheet_first(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append([1])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=1))
    book.create_chartsheet(index=0).add_chart(chart)
    book.save(path)
    return path


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_refuses_what_is_no_workbook(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    good = sheet(tmp_path, invoke, mini)
    raw = good.read_bytes()
    cases = {
        "plain.csv": (b"id,status\n1.1,done\n", "a text or CSV file"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Office 97-2003"),
        "noextension": (b"id,status\n", "a text or CSV file"),
        "truncated.xlsx": (raw[: len(raw) // 2], "a damaged or truncated archive"),
    }
    for name, (data, why) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = invoke("import-sheet", str(path), file=mini)
        assert result.exit_code == 2, (name, result.output)
        assert result.stderr.startswith(f"{path}: error: "), name
        assert "not an Excel .xlsx workbook" in result.stderr
        assert why in result.stderr
        assert "Traceback" not in result.output
    styles = b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    styles += b'<cellXfs count="1"><xf numFmtId="x" fontId="99"/></cellXfs></styleSheet>'
    broken = rezip(good, tmp_path / "style.xlsx", {"xl/styles.xml": styles})
    result = invoke("import-sheet", str(broken), file=mini)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}: error: not a readable Excel .xlsx workbook")
    chart = chartsheet_first(tmp_path / "chart.xlsx")
    result = invoke("import-sheet", str(chart), file=mini)
    assert result.exit_code == 2
    assert "not a rect fill-in sheet" in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_sheet_that_unpacks_to_too_much_is_refused_before_parsing(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    good = sheet(tmp_path, invoke, mini)
    huge = b"<si><t>" + b"a" * (70 * 1024 * 1024) + b"</t></si>"
    bomb = rezip(good, tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": huge})
    assert bomb.stat().st_size < 1024 * 1024
    result = invoke("import-sheet", str(bomb), file=mini)
    assert result.exit_code == 2
    assert (
        "unpacks to" in result.stderr and "not an Excel .xlsx workbook rect reads" in result.stderr
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_docx_truncated_or_too_big_is_a_located_error(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、测试")
    buffer = io.BytesIO()
    document.save(buffer)
    truncated = tmp_path / "plan.docx"
    truncated.write_bytes(buffer.getvalue()[:5000])
    result = invoke("import", str(truncated), file=mini)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{truncated}: error: not a Word .docx document (")
    whole = tmp_path / "whole.docx"
    whole.write_bytes(buffer.getvalue())
    bomb = rezip(whole, tmp_path / "bomb.docx", {"word/big.xml": b"\0" * (70 * 1024 * 1024)})
    result = invoke("import", str(bomb), file=mini)
    assert result.exit_code == 2
    assert "unpacks to" in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "9999-12-31", "status"], "--as-of: '9999-12-31' is out of range"),
        (["--as-of", "9999-12-31", "check"], "--as-of: '9999-12-31' is out of range"),
        (["upcoming", "--within", "99999999d"], "the period '99999999d' is too long"),
        (["list", "--due-within", "99999999d"], "the period '99999999d' is too long"),
    ],
)
def test_dates_near_9999_are_usage_errors(
    mini: Path, invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args, file=mini, as_of=None)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {message}")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_deadline_in_year_9999_is_a_located_error(mini: Path, invoke: Invoke) -> None:
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("deadline: 2024年6月底", "deadline: 9999年12月31日"), "utf-8")
    result = invoke("check", file=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{mini}:36:15: error: deadline: date 9999年12月31日 is out of range: "
        "rect reads years 1900 to 2999\n"
    )


def test_the_last_year_rect_reads_works_everywhere(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("deadline: 2024年6月底", "deadline: 2999年12月31日"), "utf-8")
    for args in (["status"], ["list"], ["upcoming"], ["check"], ["report", "--format", "json"]):
        result = invoke(*args, file=mini, as_of="2999-12-31")
        assert result.exit_code in (0, 1), (args, result.output)
    result = invoke("calendar", "-o", str(tmp_path / "c.ics"), file=mini)
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_note_longer_than_the_cap_is_refused(mini: Path, invoke: Invoke) -> None:
    result = invoke("mark", "2.1", "doing", "--note", "长" * 10_001, "--by", "池南区", file=mini)
    assert result.exit_code == 2
    assert result.stderr == "error: --note: longer than 10,000 characters; shorten it\n"
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("note: 已清运约一半", "note: " + "长" * 10_001), encoding="utf-8")
    result = invoke("check", file=mini)
    assert result.exit_code == 2
    assert f"{mini}:21:" in result.stderr and "10000 characters" in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_sheet_unit_and_the_sheets_property_must_agree(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    exported = sheet(tmp_path, invoke, mini)  # for 池北区
    result = invoke("import-sheet", str(exported), "--unit", "池南区", file=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{exported}: error: exported for 池北区, but --unit 池南区: a unit records only its "
        "own measures; import it with --unit of the unit that sent it\n"
    )
    assert invoke("import-sheet", str(exported), "--unit", "池北区", file=mini).exit_code == 0


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_sheet_of_too_many_rows_is_refused_before_parsing(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    good = sheet(tmp_path, invoke, mini)
    rows = b"".join(b'<row r="%d"/>' % n for n in range(1, 100_002))
    xml = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + rows + b"</sheetData></worksheet>"
    )
    many = rezip(good, tmp_path / "many.xlsx", {"xl/worksheets/sheet1.xml": xml})
    result = invoke("import-sheet", str(many), file=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{many}: error: 100,001 rows: more than 100,000; not an Excel .xlsx workbook rect reads\n"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_sheets_filler_cannot_record_in_another_units_name(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    from openpyxl import load_workbook

    exported = sheet(tmp_path, invoke, mini)  # 池北区's: 1.1 and 1.3
    book = load_workbook(exported)
    ws = book.worksheets[0]
    ws["F2"], ws["J2"] = "推进中", "住建局"  # 填报人: another unit
    book.save(exported)
    result = invoke("import-sheet", str(exported), file=mini)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{exported}!J2: error: 住建局 is not 池北区: this sheet records for 池北区 only\n"
    )
