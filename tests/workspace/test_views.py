"""The other read commands over a workspace: overdue, upcoming, report (members ranked)."""

from __future__ import annotations

import json

from tests.conftest import Invoke
from tests.workspace.conftest import Setup


def ws(invoke: Invoke, setup: Setup, *args: str, as_of: str = "2024-08-01"):  # type: ignore[no-untyped-def]
    return invoke("--workspace", str(setup.workspace), *args, as_of=as_of)


def test_overdue_groups_by_member_and_unit(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "overdue", "--member", "乙市")
    assert result.exit_code == 0
    titles = [line.rstrip() for line in result.stdout.splitlines() if "(" in line]
    assert titles == ["乙市 池北区 (1)", "乙市 池南区 (1)"]
    rows = json.loads(ws(invoke, setup, "overdue", "--format", "json").stdout)
    assert [(r["member"], r["id"]) for r in rows] == [
        (m, i) for m in ("甲市", "乙市", "丙市") for i in ("1.1", "2.1")
    ]


def test_upcoming_per_member(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "upcoming", as_of="2024-06-20")
    assert result.exit_code == 0
    titles = [line.rstrip() for line in result.stdout.splitlines() if "(" in line]
    assert titles == ["甲市 池南区 (1)", "乙市 池南区 (1)", "丙市 池南区 (1)"]
    rows = json.loads(ws(invoke, setup, "upcoming", "--format", "json", as_of="2024-06-20").stdout)
    assert [(r["member"], r["id"], r["due"], r["warn_tier"]) for r in rows] == [
        (m, "2.1", "2024-06-30", 15) for m in ("甲市", "乙市", "丙市")
    ]
    unit = ws(invoke, setup, "upcoming", "--unit", "池北区", as_of="2024-06-20")
    assert unit.stdout == "没有即将到期的事项。\n"


def test_the_report_ranks_members(invoke: Invoke, setup: Setup) -> None:
    yi = setup.members["乙市"]
    yi.edit(
        "text: 池南区完成积存渗滤液处理。\n        status: todo\n",
        "text: 池南区完成积存渗滤液处理。\n        status: done\n        progress:\n"
        "          - {date: 2024-07-20, status: done, by: 池南区}\n",
    )
    yi.commit("2.1 done")
    ws(invoke, setup, "sync")
    data = json.loads(ws(invoke, setup, "report", "--format", "json").stdout)
    assert [(s["rank"], s["unit"], len(s["overdue"])) for s in data["units"]] == [
        (1, "丙市", 2),
        (2, "甲市", 2),
        (3, "乙市", 1),
    ]
    assert data["summary"]["total"] == 12
    assert data["units"][2]["done"][0]["member"] == "乙市"
    table = ws(invoke, setup, "report", "--member", "乙市")
    assert table.exit_code == 0
    assert "各成员进展（按落后程度排名）" in table.stdout
    assert "甲市" not in table.stdout
    public = ws(invoke, setup, "report", "--public")
    assert public.exit_code == 2


def test_calendar_of_every_member(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "calendar", "--open", as_of="2024-06-20")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert [s.split()[0:2] for s in summaries] == [
        [f"SUMMARY:{m}", i] for m in ("甲市", "乙市", "丙市") for i in ("1.1", "2.1")
    ]
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids) == 6  # the same list in three members: three events
    assert "X-WR-CALNAME:XX省第二轮督察整改 整改时限" in lines


def test_csv_leads_with_the_member(invoke: Invoke, setup: Setup) -> None:
    ws(invoke, setup, "sync")
    result = ws(invoke, setup, "list", "--overdue", "--format", "csv", "--member", "丙市")
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "member,id,task,status,deadline,due,overdue,days_overdue,units,supervisor,text"
    )
    assert [line.split(",")[:2] for line in lines[1:]] == [["丙市", "1.1"], ["丙市", "2.1"]]
