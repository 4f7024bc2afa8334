"""rect --workspace W rollup: the upper list's items, the members' linked items, gaps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SHIPPED_DATA, Invoke
from tests.workspace.conftest import Setup


def rollup(invoke: Invoke, setup: Setup, *args: str, lang: str | None = None):  # type: ignore[no-untyped-def]
    return invoke(
        "--workspace", str(setup.workspace), "rollup", *args, as_of="2024-08-01", lang=lang
    )


def test_rollup_links_done_and_gaps(invoke: Invoke, setup: Setup) -> None:
    invoke("--workspace", str(setup.workspace), "sync")
    result = rollup(invoke, setup, "--format", "json")
    assert result.exit_code == 0, result.stderr
    items = {item["id"]: item for item in json.loads(result.stdout)}
    assert list(items) == ["12.1", "12.2", "13.1"]
    first = items["12.1"]
    assert first["assigned"] == ["甲市", "乙市", "丙市"]
    assert [(i["member"], i["id"], i["status"]) for i in first["linked"]] == [
        ("甲市", "1.1", "doing"),
        ("乙市", "1.1", "doing"),
    ]
    assert first["gaps"] == ["丙市"]
    assert first["done"] is False
    # 甲市's 1.2 is done and 甲市 alone owes 12.2: done
    assert items["12.2"]["linked"][0]["status"] == "done"
    assert (items["12.2"]["done"], items["12.2"]["gaps"]) == (True, [])
    # 乙市 links its whole problem 2 to 13.1; 丙市 owes it too and links nothing
    assert [(i["member"], i["kind"], i["id"]) for i in items["13.1"]["linked"]] == [
        ("乙市", "task", "2")
    ]
    assert items["13.1"]["gaps"] == ["丙市"]


def test_rollup_table(invoke: Invoke, setup: Setup) -> None:
    invoke("--workspace", str(setup.workspace), "sync")
    result = rollup(invoke, setup, lang="en")
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:2] == [
        "XX省第二轮督察整改",
        "3 upper items: 1 done, 2 with members owing an item.",
    ]
    assert "12.2 [done 1/1] 甲市制定建筑垃圾管理办法。" in lines
    assert "  members with no linked item: 丙市" in lines


def test_the_upper_item_is_done_when_every_linked_item_is(invoke: Invoke, setup: Setup) -> None:
    bing = setup.members["丙市"]
    bing.edit('  - id: "2"\n', '  - id: "2"\n    parent: "13.1"\n')
    bing.commit("link 2 to 13.1")
    for name in ("乙市", "丙市"):
        member = setup.members[name]
        member.edit(
            "text: 池南区完成积存渗滤液处理。\n        status: todo\n",
            "text: 池南区完成积存渗滤液处理。\n        status: done\n        progress:\n"
            "          - {date: 2024-06-01, status: done, by: 池南区}\n",
        )
        member.commit("2.1 done")
    invoke("--workspace", str(setup.workspace), "sync")
    items = {i["id"]: i for i in json.loads(rollup(invoke, setup, "--format", "json").stdout)}
    assert [(i["member"], i["status"]) for i in items["13.1"]["linked"]] == [
        ("乙市", "done"),
        ("丙市", "done"),
    ]
    assert (items["13.1"]["done"], items["13.1"]["gaps"]) == (True, [])


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_parent_naming_no_upper_item_is_an_error_at_its_line(
    invoke: Invoke, setup: Setup
) -> None:
    jia = setup.members["甲市"]
    jia.edit('parent: "12.2"', 'parent: "12.9"')
    jia.commit("a wrong parent")
    invoke("--workspace", str(setup.workspace), "sync")
    result = rollup(invoke, setup)
    assert result.exit_code == 2
    line = next(
        n for n, text in enumerate(jia.tasks.read_text("utf-8").splitlines(), 1) if "12.9" in text
    )
    expected = (
        f"甲市:data/tasks.yaml:{line}:17: error: parent: '12.9' names no item of the upper "
        "list; did you mean '12.2'?"
    )
    assert result.stderr.splitlines()[-1] == expected
    check = invoke("--workspace", str(setup.workspace), "check", as_of="2024-01-01")
    assert (check.exit_code, check.stderr.splitlines()[-1]) == (2, expected)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_rollup_needs_an_upper_list(invoke: Invoke, setup: Setup) -> None:
    text = setup.workspace.read_text("utf-8").replace(
        "upper:\n  path: province/data/tasks.yaml\n", ""
    )
    setup.workspace.write_text(text, "utf-8")
    result = rollup(invoke, setup)
    assert result.exit_code == 2
    assert "the workspace names no upper list" in result.stderr


def test_single_list_behaviour_keeps_parent(invoke: Invoke, setup: Setup) -> None:
    jia = setup.members["甲市"]
    result = invoke("show", "1.1", file=jia.tasks)
    assert result.exit_code == 0
    assert invoke("check", file=jia.tasks, as_of="2024-01-01").exit_code == 0


def test_the_documented_example_holds(invoke: Invoke, tmp_path: Path) -> None:
    """docs/workspace.md: the seed as the lower level of a made-up provincial list."""
    docs = (ROOT / "docs" / "workspace.md").read_text("utf-8")
    upper = docs.split("# province/data/tasks.yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "province" / "data").mkdir(parents=True)
    (tmp_path / "province" / "data" / "tasks.yaml").write_text(upper, "utf-8")
    (tmp_path / "province" / "data" / "units.yaml").write_text(
        "units:\n"
        + "".join(f"  - name: {n}\n" for n in ("长白山保护开发区", "延边州", "白山市"))
        + "groups:\n  - name: 各市州\n    members: [长白山保护开发区, 延边州, 白山市]\n",
        "utf-8",
    )
    seed = tmp_path / "changbaishan"
    shutil.copytree(SHIPPED_DATA, seed)
    text = (seed / "tasks.yaml").read_text("utf-8")
    for item, parent, indent in (
        ("3.1", "12.2", "      "),
        ("3.2", "12.1", "      "),
        ("3.3", "12.1", "      "),
        ("5", "13.1", "  "),
    ):
        line = f'{indent}- id: "{item}"\n'
        text = text.replace(line, f'{line}{indent}  parent: "{parent}"\n', 1)
    (seed / "tasks.yaml").write_text(text, "utf-8")
    lines = ["title: XX省第二轮生态环境保护督察整改", "upper:", "  path: province/data/tasks.yaml"]
    lines += ["members:", "  - name: 长白山保护开发区", "    path: changbaishan/tasks.yaml"]
    for name, slug in (("延边州", "yanbian"), ("白山市", "baishan")):
        shutil.copytree(FIXTURES / "mini", tmp_path / slug / "data")
        lines += [f"  - name: {name}", f"    path: {slug}/data/tasks.yaml"]
    (tmp_path / "workspace.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    for command in ("rollup", "status"):
        shown = docs.split(f"$ rect -w workspace.yaml --as-of 2024-08-01 {command}\n", 1)[1]
        expected = shown.split("```", 1)[0].splitlines()
        result = invoke(
            "--workspace", str(tmp_path / "workspace.yaml"), command, as_of="2024-08-01"
        )
        assert result.exit_code == 0, result.stderr
        assert [line.rstrip() for line in result.stdout.splitlines()] == expected
