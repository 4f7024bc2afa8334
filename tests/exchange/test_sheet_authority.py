"""Who a fill-in sheet is recorded for (issue 14): with people: in units.yaml, the unit
given with --unit or the git identity's own unit, never the one the sheet's property
says; without people:, the sheet's unit as before."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Invoke

AS_OF = "2024-05-01"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini list in a git repository whose units name their people."""
    root = tmp_path / "office"
    shutil.copytree(FIXTURES / "mini", root / "data")
    units = root / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    for unit, person in (("池北区", "bei@example.gov.cn"), ("池南区", "nan@example.gov.cn")):
        text = text.replace(f"  - name: {unit}\n", f'  - name: {unit}\n    people: ["{person}"]\n')
    units.write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(root)
    return root / "data" / "tasks.yaml"


def sheet_for(invoke: Invoke, office: Path, unit: str) -> Path:
    out = office.parent / f"{unit}.xlsx"
    result = invoke("export-sheet", "--unit", unit, "-o", str(out), file=office, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_sheet_is_recorded_for_the_identitys_unit_never_the_one_it_says(
    invoke: Invoke, office: Path
) -> None:
    sheet = sheet_for(invoke, office, "池南区")
    git(office.parent.parent, "config", "user.email", "BEI@example.gov.cn")  # 池北区's person
    result = invoke("import-sheet", str(sheet), file=office, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        "data/池南区.xlsx: error: exported for 池南区, but your git identity records for 池北区: "
        "a unit records only its own measures\n"
    )


@pytest.mark.usefixtures("english")
def test_an_unknown_identity_must_name_the_unit(invoke: Invoke, office: Path) -> None:
    sheet = sheet_for(invoke, office, "池南区")
    git(office.parent.parent, "config", "user.email", "stranger@example.com")
    result = invoke("import-sheet", str(sheet), file=office, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        "data/池南区.xlsx: error: name the unit that sent this sheet with --unit (the sheet says "
        "池南区): with people: in units.yaml it is recorded for the unit given, or yours\n"
    )
    named = invoke("import-sheet", str(sheet), "--unit", "池南区", file=office, as_of=AS_OF)
    assert named.exit_code == 0, named.output


def test_the_refusal_in_chinese(invoke: Invoke, office: Path) -> None:
    sheet = sheet_for(invoke, office, "池南区")
    git(office.parent.parent, "config", "user.email", "nobody@example.com")
    result = invoke("import-sheet", str(sheet), file=office, as_of=AS_OF)
    assert result.exit_code == 2
    assert "请用 --unit 指明报送此表的单位（表上写的是 池南区）" in result.stderr
