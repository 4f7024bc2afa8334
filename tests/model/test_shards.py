"""A list kept in several files: validated together, every command across them."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from rectcli import store
from tests.helpers import FIXTURES, MAIN, SHARD, Invoke

MINI = (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8")


@pytest.fixture
def sharded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """data/tasks.yaml (plan, task 1) and data/tasks/池南区.yaml (task 2); cwd = tmp_path."""
    data = tmp_path / "data"
    (data / "tasks").mkdir(parents=True)
    shutil.copy(FIXTURES / "mini" / "units.yaml", data / "units.yaml")
    (data / "tasks.yaml").write_text(MAIN, encoding="utf-8")
    (data / "tasks" / "池南区.yaml").write_text(SHARD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return data


def rows(invoke: Invoke, file: str | Path | None = None) -> list[dict[str, object]]:
    result = invoke("list", "--format", "json", file=Path(file) if file else None)
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def test_the_files_beside_tasks_yaml_are_one_list(
    sharded: Path, invoke: Invoke, mini: Path
) -> None:
    together = rows(invoke)  # found from the working directory
    assert [(r["id"], r["file"], r["line"]) for r in together] == [
        ("1.1", "data/tasks.yaml", 15),
        ("1.2", "data/tasks.yaml", 22),
        ("1.3", "data/tasks.yaml", 28),
        ("2.1", "data/tasks/池南区.yaml", 8),
    ]
    alone = rows(invoke, mini)
    strip = ("file", "line")
    assert [{k: v for k, v in r.items() if k not in strip} for r in together] == [
        {k: v for k, v in r.items() if k not in strip} for r in alone
    ]


def test_a_directory_of_files_is_a_list(tmp_path: Path, invoke: Invoke, sharded: Path) -> None:
    bureaus = tmp_path / "bureaus"
    bureaus.mkdir()
    shutil.copy(sharded / "units.yaml", bureaus / "units.yaml")
    (bureaus / "a.yaml").write_text(MAIN, encoding="utf-8")
    (bureaus / "b.yaml").write_text(SHARD, encoding="utf-8")
    assert [r["file"] for r in rows(invoke, "bureaus")] == ["bureaus/a.yaml"] * 3 + [
        "bureaus/b.yaml"
    ]
    # a directory of shards alone: units.yaml beside it, the plan in one of its files
    (sharded / "tasks" / "plan.yaml").write_text(MAIN, encoding="utf-8")
    (sharded / "tasks.yaml").unlink()
    assert len(rows(invoke)) == 4  # data/tasks/ found from the working directory


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_errors_name_the_file_and_line(sharded: Path, invoke: Invoke) -> None:
    shard = sharded / "tasks" / "池南区.yaml"
    shard.write_text(SHARD.replace("units: [池南区]", "units: [池南县]"), encoding="utf-8")
    result = invoke("status")
    assert result.exit_code == 2
    assert result.stderr == (
        "data/tasks/池南区.yaml:4:13: error: unknown unit '池南县'; did you mean '池南区'? "
        "(units are listed in units.yaml)\n"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_ids_are_unique_across_files(sharded: Path, invoke: Invoke) -> None:
    shard = sharded / "tasks" / "池南区.yaml"
    shard.write_text(SHARD.replace('id: "2.1"', 'id: "1.2"'), encoding="utf-8")
    result = invoke("check")
    assert result.exit_code == 2
    assert result.stderr == (
        "data/tasks/池南区.yaml:8:9: error: duplicate id '1.2' (first on data/tasks.yaml "
        "line 22); ids must be unique\n"
        "data/tasks/池南区.yaml:8:13: error: measure id '1.2' must start with its task's id: "
        "'2.N'\n"
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_the_plan_is_written_once(sharded: Path, invoke: Invoke) -> None:
    (sharded / "tasks" / "池南区.yaml").write_text(MAIN.split("tasks:")[0] + SHARD)
    result = invoke("status")
    assert result.exit_code == 2
    assert result.stderr == (
        "data/tasks/池南区.yaml:2:1: error: a second plan: (the first is in data/tasks.yaml); "
        "write it in one file only\n"
    )
    (sharded / "tasks.yaml").write_text(SHARD.replace('"2', '"3'), encoding="utf-8")
    (sharded / "tasks" / "池南区.yaml").write_text(SHARD, encoding="utf-8")
    result = invoke("status")
    assert result.stderr == (
        "data/tasks.yaml:1:1: error: no plan: in any file of the list; write it once, in "
        "data/tasks.yaml\n"
    )


def test_check_points_into_each_file(sharded: Path, invoke: Invoke) -> None:
    result = invoke("check", "--format", "github", as_of="2024-07-01")
    assert result.exit_code == 1
    files = [line.split(",")[0] for line in result.stdout.splitlines()]
    assert files == ["::error file=data/tasks.yaml", "::error file=data/tasks/池南区.yaml"]


def test_mark_edits_the_file_holding_the_measure(sharded: Path, invoke: Invoke) -> None:
    result = invoke("mark", "2.1", "doing", "--note", "已开工", "--by", "池南区")
    assert result.exit_code == 0, result.output
    assert (sharded / "tasks.yaml").read_text(encoding="utf-8") == MAIN
    assert (sharded / "tasks" / "池南区.yaml").read_text(encoding="utf-8") == SHARD.replace(
        "status: todo\n",
        "status: doing\n        progress:\n"
        "          - {date: 2024-05-01, status: doing, note: 已开工, by: 池南区}\n",
    )
    assert next(r for r in rows(invoke) if r["id"] == "2.1")["status"] == "doing"


def test_a_new_or_changed_file_is_never_served_from_the_cache(
    sharded: Path, invoke: Invoke
) -> None:
    assert len(rows(invoke)) == 4
    extra = SHARD.replace('"2', '"3').replace("池南区完成", "池北区完成")
    (sharded / "tasks" / "池北区.yaml").write_text(extra, encoding="utf-8")
    assert len(rows(invoke)) == 5
    (sharded / "tasks" / "池北区.yaml").unlink()
    assert len(rows(invoke)) == 4


def test_task_files_and_side_files(sharded: Path) -> None:
    main = sharded / "tasks.yaml"
    assert store.task_files(main) == [main, sharded / "tasks" / "池南区.yaml"]
    assert store.task_files(sharded) == store.task_files(main)  # a data directory
    assert store.side_dir(sharded / "tasks") == sharded
    assert store.find_tasks_file(sharded / "tasks") == main


def test_a_batch_of_marks_goes_to_each_file_all_or_none(sharded: Path) -> None:
    from rectcli.edits.apply import apply_marks as record
    from rectcli.edits.mark import Entry
    from rectcli.errors import RectError

    main, shard = sharded / "tasks.yaml", sharded / "tasks" / "池南区.yaml"
    day = date(2024, 5, 1)
    with pytest.raises(RectError):  # 2.1 is todo: it cannot be closed
        record(main, [("1.3", Entry(day, "doing")), ("2.1", Entry(day, "closed", note="x"))])
    assert (main.read_text(encoding="utf-8"), shard.read_text(encoding="utf-8")) == (MAIN, SHARD)
    marked = record(main, [("1.3", Entry(day, "doing")), ("2.1", Entry(day, "doing"))])
    assert [change[0] for change in marked.changes] == ["1.3", "2.1"]
    assert main.read_text(encoding="utf-8") != MAIN
    assert shard.read_text(encoding="utf-8") != SHARD


def test_fmt_formats_every_file(sharded: Path, invoke: Invoke) -> None:
    (sharded / "tasks" / "池南区.yaml").write_text(SHARD.replace('"2"', "'2'"))
    result = invoke("fmt", "--check")
    assert result.exit_code == 1
    assert "data/tasks/池南区.yaml" in result.stdout
