"""rect targets: the plan's quantitative targets (主要目标) and their readings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rectcli.errors import RectError
from rectcli.model.targets import parse_targets, target_rows
from rectcli.store import load_targets
from tests.helpers import SEED_PLAN, SHIPPED_DATA, Invoke, lines

READINGS = """\
targets:
  - id: air
    name: 空气质量优良天数比率
    at_least: 92.3
    unit: "%"
    by: 2025年底
    readings:
      - {date: 2023-12-31, value: 90.1, period: 2023年}
      - {date: 2024-12-31, value: 92.3, period: 2024年}
  - id: pm25
    name: 细颗粒物（PM2.5）浓度
    at_most: 15
    unit: μg/m³
    by: 2025年底
    readings:
      - {date: 2024-06-30, value: 16.2, period: 2024年上半年}
      - {date: 2025-12-31, value: 15.5}
  - id: heavy
    name: 重度及以上污染天数比率
    scope: 全区
    at_most: 0.7
    unit: "%"
    by: 2024年
    readings:
      - {date: 2024-12-31, value: 0.9}
  - id: manure
    name: 畜禽粪污综合利用率
    at_least: 85
    unit: "%"
    by: 2025年
    readings: []
"""


@pytest.fixture
def with_targets(mini: Path) -> Path:
    (mini.parent / "targets.yaml").write_text(READINGS, encoding="utf-8")
    return mini


def statuses(as_of: str) -> dict[str, str]:
    rows = target_rows(parse_targets(READINGS, "targets.yaml"), date.fromisoformat(as_of))
    return {row.target.id: row.status for row in rows}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # before any reading, and readings dated after today do not count
        ("2023-06-01", {"air": "no_data", "pm25": "no_data", "heavy": "no_data"}),
        # below the target before its deadline: at risk
        ("2024-07-01", {"air": "at_risk", "pm25": "at_risk", "heavy": "no_data"}),
        # reaching the bound exactly meets it; past the deadline, missing it is final
        ("2025-03-01", {"air": "met", "pm25": "at_risk", "heavy": "not_met"}),
        ("2026-01-05", {"air": "met", "pm25": "not_met", "heavy": "not_met"}),
    ],
)
def test_status_as_of_a_day(as_of: str, expected: dict[str, str]) -> None:
    assert statuses(as_of) == {**expected, "manure": "no_data"}


def test_targets_table(invoke: Invoke, with_targets: Path) -> None:
    result = invoke("targets", file=with_targets, as_of="2025-03-01")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "主要目标 · 截至 2025-03-01",
        "指标                       目标        最新值                   期限      状态",
        "空气质量优良天数比率       ≥ 92.3%     92.3% 2024年             2025年底  达标",
        "细颗粒物（PM2.5）浓度      ≤ 15 μg/m³  16.2 μg/m³ 2024年上半年  2025年底  有风险",
        "全区重度及以上污染天数比   ≤ 0.7%      0.9% 2024-12-31          2024年    未达标",
        "率",
        "畜禽粪污综合利用率         ≥ 85%       —                        2025年    无数据",
    ]


def test_targets_table_in_english(invoke: Invoke, with_targets: Path) -> None:
    result = invoke("targets", file=with_targets, as_of="2026-01-05", lang="en")
    assert lines(result.stdout) == [
        "Targets · as of 2026-01-05",
        "indicator                   target      latest                 by        status",
        "空气质量优良天数比率        ≥ 92.3%     92.3% 2024年           2025年底  met",
        "细颗粒物（PM2.5）浓度       ≤ 15 μg/m³  15.5 μg/m³ 2025-12-31  2025年底  not met",
        "全区重度及以上污染天数比率  ≤ 0.7%      0.9% 2024-12-31        2024年    not met",
        "畜禽粪污综合利用率          ≥ 85%       —                      2025年    no data",
    ]


def test_targets_json(invoke: Invoke, with_targets: Path) -> None:
    result = invoke("targets", "--format", "json", file=with_targets, as_of="2026-01-05")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["air", "pm25", "heavy", "manure"]
    assert rows[1] == {
        "id": "pm25",
        "name": "细颗粒物（PM2.5）浓度",
        "scope": None,
        "unit": "μg/m³",
        "comparison": "<=",
        "target": 15.0,
        "by": "2025年底",
        "due": "2025-12-31",
        "status": "not_met",
        "latest": {"date": "2025-12-31", "value": 15.5, "period": None},
        "change": -0.7,
    }
    assert (rows[3]["status"], rows[3]["latest"], rows[3]["change"]) == ("no_data", None, None)


def test_targets_csv(invoke: Invoke, with_targets: Path) -> None:
    result = invoke("targets", "--format", "csv", file=with_targets, as_of="2025-03-01")
    assert result.stdout.splitlines()[:3] == [
        "id,name,scope,comparison,target,unit,by,due,latest_date,latest_value,latest_period,"
        "change,status",
        "air,空气质量优良天数比率,,>=,92.3,%,2025年底,2025-12-31,2024-12-31,92.3,2024年,2.2,met",
        "pm25,细颗粒物（PM2.5）浓度,,<=,15.0,μg/m³,2025年底,2025-12-31,2024-06-30,16.2,"
        "2024年上半年,,at_risk",
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_no_targets_file(invoke: Invoke, mini: Path) -> None:
    result = invoke("targets", file=mini)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{mini.parent / 'targets.yaml'}: error: no such file; see docs/targets.md\n"
    )


# The plan's own words for each target: 三、主要目标 and 四、主要措施 of the seed.
SHIPPED = {
    "air-good-days": ("at_least", 92.3, "%", "2025年底"),
    "pm25": ("at_most", 15, "μg/m³", "2025年底"),
    "river-water-quality": ("at_least", 100, "%", "2025年底"),
    "heavy-pollution-days": ("at_most", 0.7, "%", "2025年"),
    "drinking-water-sources": ("at_least", 93, "%", "2025年"),
    "manure-utilisation": ("at_least", 85, "%", "2025年"),
}


def test_shipped_targets_are_the_plans() -> None:
    file = load_targets(SHIPPED_DATA / "targets.yaml")
    plan = SEED_PLAN.read_text(encoding="utf-8")
    found = {}
    for target in file.targets:
        key = "at_least" if target.at_least is not None else "at_most"
        found[target.id] = (key, getattr(target, key), target.unit, target.by)
        assert target.readings == []  # no invented readings
        assert target.text is not None and target.text in plan
        assert f"{getattr(target, key):g}" in target.text
    assert found == SHIPPED
    rows = target_rows(file, date(2024, 5, 1))
    assert {row.due for row in rows} == {date(2025, 12, 31)}
    assert {row.status for row in rows} == {"no_data"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("    at_least: 92.3\n", "    at_least: 92.3\n    at_most: 95\n"),
            ["targets.yaml:2:5: error: target 'air' needs exactly one of at_least: or at_most:"],
        ),
        (
            (
                "    by: 2025年底\n    readings:\n      - {date: 2023",
                "    by: 2025年\n    readings:\n      - {date: 2023",
            ),
            [],
        ),
        (
            ("by: 2024年", "by: 2024年13月"),
            [
                "targets.yaml:23:9: error: by: impossible date 2024年13月: there is no month 13 "
                "(months run 1-12)"
            ],
        ),
        (
            ("2023-12-31, value: 90.1", "2025-01-31, value: 90.1"),
            [
                "targets.yaml:9:16: error: readings must be oldest first, one per date: 2024-12-31 "
                "comes after 2025-01-31"
            ],
        ),
        (
            ("value: 92.3, period", "value: 192.3, period"),
            ["targets.yaml:9:35: error: value: a percentage runs from 0 to 100, not 192.3"],
        ),
        (
            ("value: 0.9}", 'value: "0.9%"}'),
            ["targets.yaml:25:35: error: value: input should be a valid number"],
        ),
        (
            ("    scope: 全区\n", "    scop: 全区\n"),
            ["targets.yaml:20:5: error: unknown key 'scop'; did you mean 'scope'?"],
        ),
        (
            ("  - id: manure\n", "  - id: air\n"),
            ["targets.yaml:26:9: error: duplicate target id 'air'; ids must be unique"],
        ),
        (("    unit: μg/m³\n", ""), ["targets.yaml:10:5: error: missing required key 'unit'"]),
        (
            ("    at_least: 92.3\n", "    at_least: 923\n"),
            ["targets.yaml:4:15: error: at_least: a percentage runs from 0 to 100, not 923"],
        ),
    ],
)
def test_problems_are_located(change: tuple[str, str], expected: list[str]) -> None:
    assert READINGS.count(change[0]) == 1
    text = READINGS.replace(*change)
    if not expected:
        parse_targets(text, "targets.yaml")
        return
    with pytest.raises(RectError) as caught:
        parse_targets(text, "targets.yaml")
    assert str(caught.value).splitlines() == expected


def test_a_plan_without_targets_yet(invoke: Invoke, mini: Path) -> None:
    (mini.parent / "targets.yaml").write_text("targets: []\n", encoding="utf-8")
    result = invoke("targets", file=mini, lang="en")
    assert (result.exit_code, lines(result.stdout)) == (
        0,
        ["Targets · as of 2024-05-01", "No targets."],
    )


def test_an_empty_targets_file() -> None:
    with pytest.raises(RectError) as caught:
        parse_targets("# nothing yet\n", "targets.yaml")
    assert str(caught.value) == (
        "targets.yaml:1:1: error: expected a mapping with 'targets:' at the top of the file"
    )
