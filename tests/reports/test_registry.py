"""The registry of report formats: lazy, complete, and what --format and -o go by."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from rectcli import reports
from tests.helpers import FIXTURES, Invoke


def test_importing_the_registry_imports_no_renderer() -> None:
    code = (
        "import sys, rectcli.reports as r; r.get('docx'); r.by_suffix('.pdf'); "
        "print(sorted(m for m in ('docx', 'openpyxl', 'reportlab', 'rectcli.reports.docx', "
        "'rectcli.reports.pdf', 'rectcli.reports.xlsx', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


@pytest.mark.parametrize("name", reports.NAMES)
def test_every_format_names_functions_that_exist(name: str) -> None:
    fmt = reports.get(name)
    module = importlib.import_module(fmt.module)
    assert callable(getattr(module, fmt.report))
    assert callable(getattr(module, fmt.public))
    assert fmt.suffixes and all(s.startswith(".") for s in fmt.suffixes)


def test_suffixes_pick_one_format_each() -> None:
    assert len(reports.suffixes()) == len(set(reports.suffixes()))
    assert reports.by_suffix(".DOCX") == reports.get("docx")
    assert reports.by_suffix(".htm") == reports.get("html")
    assert reports.by_suffix(".odt") is None
    assert [n for n in reports.NAMES if reports.get(n).binary] == ["xlsx", "docx", "pdf"]


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [(".docx", b"PK\x03\x04"), (".pdf", b"%PDF-"), (".xlsx", b"PK\x03\x04"), (".html", b"<!DOC")],
)
def test_the_suffix_chooses_the_format(
    invoke: Invoke, tmp_path: Path, suffix: str, magic: bytes
) -> None:
    target = tmp_path / f"report{suffix}"
    result = invoke("report", "-o", str(target), file=FIXTURES / "report" / "tasks.yaml")
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(magic)
