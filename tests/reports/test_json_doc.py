"""rect report --format json (report_json.py): the computed report, keyed, through the CLI."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, ROOT, Invoke, markdown_table

AS_OF = "2024-05-25"
LATER = "2024-07-15"  # 1.3's 每季度 (due 2024-06-30) missed


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/report (see test_report.py); returns its tasks.yaml."""
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def exact(expected: dict[str, Any]) -> str:
    """The text rect prints for ``expected``: two-space indent, Chinese kept, key order
    as written here."""
    return json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


OVERDUE_1_1 = {
    "id": "1.1",
    "kind": "measure",
    "task": "1",
    "text": "2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。",
    "units": ["池北区"],
    "status": "doing",
    "deadline": "2024年2月底前",
    "due": "2024-02-29",
    "overdue": True,
    "days_overdue": 137,
    "supervisor": "办公室",
    "line": 17,
    "level": "summon",
    "warn_tier": None,
    "percent": 50,
    "expected": None,
    "behind": False,
    "ongoing": False,
    "last_checkin": "2024-03-01",
    "days_left": -137,
    "done_on": None,
    "latest": {
        "date": "2024-03-01",
        "status": "doing",
        "note": "已清运约一半，联系人：王五，电话13812345678",
        "by": "李四",
        "percent": 50,
        "evidence": None,
        "duty": None,
        "covers": None,
    },
}
MISSED_1_3 = {  # a missed occurrence of a recurring duty: the row's duty keys, no entry
    "id": "1.3",
    "kind": "duty",
    "task": "1",
    "text": "开展建筑垃圾巡查",
    "units": ["各区", "住建局"],
    "status": "todo",
    "deadline": "每季度",
    "due": "2024-06-30",
    "overdue": True,
    "days_overdue": 15,
    "supervisor": "办公室",
    "line": 30,
    "level": "supervise",
    "warn_tier": None,
    "percent": None,
    "expected": None,
    "behind": False,
    "ongoing": False,
    "last_checkin": None,
    "duty": "每季度",
    "period_start": "2024-04-12",
    "times": 1,
    "done_times": 0,
    "days_left": None,
    "done_on": None,
    "latest": None,
}


def test_report_json(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--format", "json", "--unit", "池北区", file=data, as_of=LATER)
    assert result.exit_code == 0, result.output
    assert result.stdout == exact(
        {
            "title": "测试整改方案",
            "public": False,
            "as_of": "2024-07-15",
            "since": "2024-06-15",
            "due_within_days": 14,
            "unit": "池北区",
            "summary": {
                "total": 2,
                "finished": 0,
                "overdue": 1,
                "due_soon": 0,
                "behind": 0,
                "done": 0,
                "duties_overdue": 1,
            },
            "units": [
                {
                    "rank": 1,
                    "unit": "池北区",
                    "total": 2,
                    "finished": 0,
                    "percent": 0,
                    "days_overdue": 152,
                    "overdue": [OVERDUE_1_1, MISSED_1_3],
                    "due_soon": [],
                    "behind": [],
                    "done": [],
                }
            ],
            "tasks": [
                {"id": "1", "title": "建筑垃圾混堆乱倒", "total": 2, "finished": 0, "overdue": 1}
            ],
        }
    )


def test_every_section_holds_list_rows(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--format", "json", "--due-within", "40d", file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["due_within_days"] == 40
    sections = {
        u["unit"]: {k: [i["id"] for i in u[k]] for k in ("overdue", "due_soon", "behind", "done")}
        for u in report["units"]
    }
    assert sections == {
        "池北区": {"overdue": ["1.1"], "due_soon": [], "behind": [], "done": []},
        "池南区": {"overdue": [], "due_soon": ["1.4", "2.1"], "behind": [], "done": ["2.2"]},
        "住建局": {"overdue": [], "due_soon": [], "behind": [], "done": ["1.2", "3.1"]},
    }
    south = report["units"][1]
    assert (south["due_soon"][0]["days_left"], south["done"][0]["done_on"]) == (6, "2024-04-30")
    # a line is the measure's `rect list --format json` row, plus what the report adds
    listed = json.loads(invoke("list", "--format", "json", file=data, as_of=AS_OF).stdout)
    rows = {r["id"]: r for r in listed}
    latest = {}
    for unit in report["units"]:
        for item in (i for k in ("overdue", "due_soon", "done") for i in unit[k]):
            added = {k: item.pop(k) for k in ("days_left", "done_on", "latest")}
            assert item == rows[item["id"]]
            assert list(item) == list(rows[item["id"]])  # in the same key order
            latest[item["id"]] = added["latest"] and added["latest"]["date"]
    assert latest == {
        "1.1": "2024-03-01",
        "1.4": "2024-05-10",
        "2.1": None,  # nothing reported yet
        "2.2": "2024-04-30",
        "1.2": "2024-05-20",
        "3.1": "2024-05-01",
    }


def test_json_is_the_same_in_every_language(invoke: Invoke, data: Path) -> None:
    for public in ([], ["--public"]):
        args = ["report", "--format", "json", *public]
        zh = invoke(*args, file=data, as_of=AS_OF)
        en = invoke(*args, file=data, as_of=AS_OF, lang="en")
        assert zh.exit_code == en.exit_code == 0
        assert zh.stdout == en.stdout


def test_public_json(invoke: Invoke, data: Path) -> None:
    args = ("report", "--public", "--format", "json", "--unit", "住建局")
    result = invoke(*args, file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == exact(
        {
            "title": "测试整改方案",
            "public": True,
            "as_of": "2024-05-25",
            "unit": "住建局",
            "tasks": [
                {
                    "number": 1,
                    "id": "1",
                    "title": "建筑垃圾混堆乱倒",
                    "goal": "完成垃圾堆放点整治。",
                    "deadline": "2024年12月底前",
                    "completion": "doing",
                    "ongoing": False,
                    "finished": 1,
                    "total": 2,
                    "measures": [
                        {
                            "id": "1.2",
                            "ordinal": "（二）",
                            "text": "住建局制定建筑垃圾管理工作方案。",
                            "status": "done",
                            "date": "2024-05-20",
                            "note": "方案已印发",
                        },
                        {
                            "id": "1.3",
                            "ordinal": "（三）",
                            "text": "各区加强巡查，发现问题立行立改。",
                            "status": "todo",
                            "date": None,
                            "note": None,
                        },
                    ],
                },
                {
                    "number": 2,
                    "id": "3",
                    "title": "长期坚持问题",
                    "goal": None,
                    "deadline": "立行立改，长期坚持",
                    "completion": "done",
                    "ongoing": True,
                    "finished": 1,
                    "total": 1,
                    "measures": [
                        {
                            "id": "3.1",
                            "ordinal": "（一）",
                            "text": "住建局建立长效监管机制。",
                            "status": "done",
                            "date": "2024-05-01",
                            "note": "机制已建立",
                        }
                    ],
                },
            ],
        }
    )


def _keys(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


def test_public_json_has_nothing_personal(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--public", "--format", "json", file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    public = json.loads(result.stdout)
    # what the public CSV leaves out, the JSON leaves out: names, phones, evidence
    for secret in ("李四", "王五", "赵六", "张三", "13812345678", "5712345", "验收单", "fa.pdf"):
        assert secret not in result.stdout
    keys = set(_keys(public))
    assert not keys & {"units", "by", "persons", "evidence", "supervisor", "latest", "line"}
    first = public["tasks"][0]["measures"]
    assert [m["note"] for m in first] == [
        "已清运约一半，联系人：***，电话***",
        "方案已印发",
        None,
        "<script>alert(1)</script> 咨询电话***",  # JSON is data: escaping is the reader's
    ]
    # 完成情况 as a status, not the words: 2.2 is closed but 2.1 not started
    assert [(t["id"], t["completion"]) for t in public["tasks"]] == [
        ("1", "doing"),
        ("2", "doing"),
        ("3", "done"),
    ]


def test_json_to_a_file(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke("report", "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已写入 {target}\n"
    printed = invoke("report", "--format", "json", file=data, as_of=AS_OF).stdout
    assert target.read_text(encoding="utf-8") == printed


def _summary_row(markdown: str) -> dict[str, int]:
    head, values = markdown_table(markdown, "**调度通报**")
    return dict(zip(head, map(int, values), strict=True))


def test_json_round_trips_the_markdown_figures(invoke: Invoke, shipped: Path) -> None:
    as_of = "2024-09-30"  # overdue, due soon and missed duties in the shipped plan
    markdown = invoke("report", "--format", "markdown", file=shipped, as_of=as_of).stdout
    result = invoke("report", "--format", "json", file=shipped, as_of=as_of)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    summary = report["summary"]
    assert _summary_row(markdown) == {
        "措施总数": summary["total"],
        "完成": summary["finished"],
        "逾期": summary["overdue"],
        "即将到期": summary["due_soon"],
        "序时滞后": summary["behind"],
        "新完成": summary["done"],
        "常态化逾期": summary["duties_overdue"],
    }
    assert summary["overdue"] and summary["due_soon"] and summary["duties_overdue"]
    units = markdown_table(markdown, "## 各单位进度")[1:]
    assert [[row[0], row[1], *row[3:]] for row in units] == [
        [
            str(u["rank"]),
            u["unit"],
            f"{u['finished']}/{u['total']}",
            *(str(len(u[k])) for k in ("overdue", "due_soon", "behind", "done")),
        ]
        for u in report["units"]
    ]
    tasks = markdown_table(markdown, "## 各问题进度")[1:]
    assert [[row[0], row[2], row[3]] for row in tasks] == [
        [t["id"], f"{t['finished']}/{t['total']}", str(t["overdue"])] for t in report["tasks"]
    ]
    for unit in report["units"]:
        heading = f"### {unit['rank']}. {unit['unit']} · "
        if not any(unit[k] for k in ("overdue", "due_soon", "behind", "done")):
            continue  # the section says 无 (nothing), no table
        details = markdown_table(markdown, heading)[1:]
        assert [row[1] for row in details] == [
            f"{i['id']} {i['duty']}" if "duty" in i else i["id"]
            for kind in ("overdue", "due_soon", "behind", "done")
            for i in unit[kind]
        ]


def test_the_docs_examples_are_what_rect_prints(invoke: Invoke, data: Path) -> None:
    docs = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    examples = re.findall(
        r"```console\n\$ rect ([^\n]*--format json)\n(\{.*?\n\})\n```", docs, re.S
    )
    assert len(examples) == 2
    for command, shown in examples:
        args = shlex.split(command.replace("tests/fixtures/report/tasks.yaml", str(data)))
        result = invoke(*args, as_of=None)
        assert result.exit_code == 0, result.output
        assert result.stdout == shown + "\n", command
