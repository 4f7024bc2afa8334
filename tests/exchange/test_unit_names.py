"""Unit names as plans list them (exchange/unit_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectcli.exchange.unit_names import split_units, unit_name_problem
from tests.conftest import Invoke


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("某园区党工委、管委会", ["某园区党工委", "某园区管委会"]),
        ("各区县(市)党委、政府", ["各区县(市)党委", "各区县(市)政府"]),
        ("住建局、应急局等", ["住建局", "应急局"]),
        ("管委会、住建局", ["管委会", "住建局"]),  # nothing before it to share
        ("市委、市政府", ["市委", "市政府"]),
    ],
)
def test_split_units(text: str, names: list[str]) -> None:
    assert [said.name for said in split_units(text)] == names


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("县城管局", None),
        ("【主管单位】县城管局", "no unit's name holds a label, a date or a sentence"),
        ("整改时限：7天", "no unit's name holds a label, a date or a sentence"),
        ("请于2024年底前报送", "no unit's name holds a label, a date or a sentence"),
        ("某" * 25, "no unit's name is longer than 24 characters"),
    ],
)
def test_what_cannot_be_a_unit_name(name: str, problem: str | None) -> None:
    assert unit_name_problem(name) == problem


@pytest.mark.usefixtures("english")  # the warnings as written (zh default)
def test_a_bare_generic_name_binding_to_a_unit_is_warned(invoke: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "整改任务清单\n一、问题一。\n责任单位：管委会\n整改时限：2024年6月底前\n"
        "整改措施：\n（一）开展排查。\n",
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_text("units:\n  - name: 管委会\n", encoding="utf-8")
    result = invoke("import", str(plan), "--issued", "2024-04-01", file=tmp_path / "t.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{plan}:3:6: warning: '管委会' names no place; read as the existing unit '管委会'\n"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("县生态环境局（牵头），县市场监管局、县城管局（配合）",
         [("县生态环境局", "lead"), ("县市场监管局", "helper"), ("县城管局", "helper")]),
        ("县水务局牵头，县生态环境局配合", [("县水务局", "lead"), ("县生态环境局", "helper")]),
        ("市政府办公室、市审改办牵头，市级各有关部门按职责分工负责",
         [("市政府办公室", "lead"), ("市审改办", "lead"), ("市级各有关部门", None)]),
        ("县住建局(牵头单位)；县公安局协助", [("县住建局", "lead"), ("县公安局", "helper")]),
        ("某园区党工委、管委会", [("某园区党工委", None), ("某园区管委会", None)]),
        ("住建局、管委会", [("住建局", None), ("管委会", None)]),  # nothing to share: as written
        ("牵头单位：县住建局、配合单位：县城管局、县公安局",  # a table cell's lines, joined
         [("县住建局", "lead"), ("县城管局", "helper"), ("县公安局", "helper")]),
        ("牵头部门：县水务局；协办单位：县生态环境局（牵头）",  # said after it: over the label
         [("县水务局", "lead"), ("县生态环境局", "lead")]),
        ("责任单位：县住建局", [("县住建局", None)]),
    ],
)  # fmt: skip
def test_a_clause_says_the_role_of_its_units(text: str, said: list[tuple[str, str | None]]) -> None:
    assert [(s.name, s.role) for s in split_units(text)] == said
