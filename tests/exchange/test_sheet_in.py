"""sheet_read.py's own pieces; the sheet's round trip through the CLI is tests/test_sheet.py's."""

from __future__ import annotations

from rectcli.exchange.sheet_in import CellProblem


def _at(cell: str, row: int, column: int) -> CellProblem:
    return CellProblem(f"U.xlsx!{cell}", 0, 0, "bad", row=row, column=column)


def test_cell_problems_go_row_by_row_then_by_column() -> None:
    k5, k11, a11 = _at("K5", 5, 11), _at("K11", 11, 11), _at("A11", 11, 1)
    assert sorted([k11, a11, k5]) == [k5, a11, k11]  # text order would put K11 before K5
    assert max([k5, k11, a11]) == k11
    assert k11 > a11 > k5
    assert not k5 > k11
