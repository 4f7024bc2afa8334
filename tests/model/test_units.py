"""Unit names: aliases, groups both ways."""

from __future__ import annotations

from rectcli.model.shapes import Group, Unit, UnitFile
from rectcli.model.units import UnitRegistry

REGISTRY = UnitRegistry(
    UnitFile(
        units=[
            Unit(name="池北区"),
            Unit(name="池南区"),
            Unit(
                name="住建局",
                full="长白山保护开发区管理委员会住房和城乡建设局",
                aliases=["住建部门"],
            ),
        ],
        groups=[Group(name="各区", members=["池北区", "池南区"], aliases=["各区党委"])],
    )
)


def test_resolve_names_and_aliases() -> None:
    assert REGISTRY.resolve("住建部门") == "住建局"
    assert REGISTRY.resolve("各区党委") == "各区"
    assert REGISTRY.resolve("住建厅") is None


def test_groups_match_members_both_ways() -> None:
    assert REGISTRY.matches("池北区", ["各区"])
    assert REGISTRY.matches("各区", ["池南区"])
    assert REGISTRY.matches("各区", ["各区"])
    assert not REGISTRY.matches("住建局", ["各区"])
    assert not REGISTRY.matches("池北区", ["池南区", "住建局"])


def test_groups_of_and_full_names() -> None:
    assert REGISTRY.groups_of("池北区") == frozenset({"各区"})
    assert REGISTRY.groups_of("住建局") == frozenset()
    assert REGISTRY.full_name("住建局") == "长白山保护开发区管理委员会住房和城乡建设局"
    assert REGISTRY.full_name("池北区") == "池北区"
