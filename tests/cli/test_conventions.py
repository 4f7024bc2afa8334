"""A new user's conventions (issue 16): Chinese by default and English on request,
--version, JSON of status and show, - for stdin and stdout, completion, piped tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rectcli import __version__
from tests.conftest import SEED_PLAN, Invoke

STATUS_CHOICES = "todo (未启动), doing (推进中), done (已完成), closed (已销号)"


def test_mark_explains_itself_in_chinese_by_default(invoke: Invoke, shipped: Path) -> None:
    result = invoke("mark", "3.2", "foo", file=shipped)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: 未知状态“foo”；可用：{STATUS_CHOICES}\n"


def test_mark_explains_itself_in_english_on_request(invoke: Invoke, shipped: Path) -> None:
    result = invoke("mark", "3.2", "foo", file=shipped, lang="en")
    assert result.stderr == f"error: unknown status 'foo'; use one of {STATUS_CHOICES}\n"
    by_env = invoke("mark", "3.2", "foo", file=shipped, env={"RECT_LANG": "en"})
    assert by_env.stderr == result.stderr


def test_an_english_locale_means_english(invoke: Invoke, shipped: Path) -> None:
    english = invoke("mark", "3.2", "foo", file=shipped, env={"LANG": "en_US.UTF-8"})
    assert english.stderr.startswith("error: unknown status 'foo'")
    chinese = invoke("mark", "3.2", "foo", file=shipped, env={"LANG": "zh_CN.UTF-8"})
    assert chinese.stderr.startswith("error: 未知状态")


def test_a_located_error_keeps_its_place_and_prefix(invoke: Invoke, shipped: Path) -> None:
    text = shipped.read_text(encoding="utf-8").replace("units: [池北区]", "units: [池北区x]", 1)
    shipped.write_text(text, encoding="utf-8")
    line = text.splitlines().index("        units: [池北区x]") + 1
    result = invoke("status", file=shipped)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{shipped}:{line}:17: error: 未知单位“池北区x”；是否要写“池北区”？"
        "（单位列在 units.yaml 中）\n"
    )


def test_mark_help_is_chinese_by_default(invoke: Invoke) -> None:
    result = invoke("mark", "--help", as_of=None)
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：rect mark [OPTIONS] {ID} [STATUS]\n\n")
    assert "  记录进展：设置措施的状态，并在其进展记录中追加一条。\n" in result.stdout
    assert "选项：\n" in result.stdout and "显示本帮助并退出。" in result.stdout
    english = invoke("mark", "--help", as_of=None, lang="en")
    assert english.stdout.startswith("Usage: rect mark [OPTIONS] {ID} [STATUS]\n")
    assert "Options:\n" in english.stdout


def test_the_root_help_names_every_environment_variable(invoke: Invoke) -> None:
    for lang in ("zh", "en"):
        text = invoke("--help", as_of=None, lang=lang).stdout
        for name in ("RECT_FILE", "RECT_TODAY", "RECT_LANG", "RECT_NO_CACHE", "RECT_CACHE_DIR"):
            assert name in text, (lang, name)
        assert "NO_COLOR" in text, lang


def test_a_usage_error_speaks_chinese(invoke: Invoke) -> None:
    result = invoke("mark", as_of=None)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "用法：rect mark [OPTIONS] {ID} [STATUS]\n运行 'rect mark -h' 查看帮助。\n"
    )
    assert "\n错误：" in result.stderr


def test_version(invoke: Invoke) -> None:
    result = invoke("--version", as_of=None)
    assert (result.exit_code, result.stdout) == (0, f"rect {__version__}\n")


def test_status_as_json(invoke: Invoke, shipped: Path) -> None:
    result = invoke("status", "--format", "json", file=shipped, as_of="2024-06-01")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["as_of"], data["total"], data["overdue"]) == ("2024-06-01", 43, 16)
    assert data["by_status"] == {"todo": 43, "doing": 0, "done": 0, "closed": 0}
    assert data["tasks"][2] == {
        "id": "3",
        "title": "个别领域生态环境保护职责不清，部门主体责任落实存在差距",
        "total": 8,
        "finished": 0,
        "overdue": 3,
        "by_status": {"todo": 8, "doing": 0, "done": 0, "closed": 0},
    }


def test_show_as_json(invoke: Invoke, shipped: Path) -> None:
    marked = invoke(
        "mark",
        "3.2",
        "doing",
        "--note",
        "已清运一半",
        "--date",
        "2024-05-30",
        file=shipped,
        as_of="2024-06-01",
    )
    assert marked.exit_code == 0, marked.stderr
    result = invoke("show", "3.2", "--format", "json", file=shipped, as_of="2024-06-01")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["kind"], data["id"], data["status"], data["due"]) == (
        "measure",
        "3.2",
        "doing",
        "2024-02-29",
    )
    assert data["progress"][-1]["note"] == "已清运一半"
    task = json.loads(invoke("show", "3", "--format", "json", file=shipped).stdout)
    assert task["kind"] == "task"
    assert [m["id"] for m in task["measures"]] == [f"3.{n}" for n in range(1, 9)]


def test_piped_tables_have_no_trailing_spaces(invoke: Invoke, shipped: Path) -> None:
    for args in (["status"], ["list"], ["overdue"], ["show", "3.2"]):
        result = invoke(*args, file=shipped, as_of="2024-06-01")
        assert result.exit_code == 0
        assert not [line for line in result.stdout.splitlines() if line != line.rstrip()], args


def rect(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "RECT_TODAY": "2024-06-01"}
    return subprocess.run(
        [sys.executable, "-m", "rectcli", *args], cwd=cwd, env=env, input=stdin, capture_output=True
    )


@pytest.fixture
def project(shipped: Path) -> Path:
    return shipped.parent.parent if shipped.parent.name == "data" else shipped.parent


def test_dash_reads_standard_input(project: Path) -> None:
    tasks = (project / "data" / "tasks.yaml").read_bytes()
    checked = rect(project, "fmt", "--check", "-", stdin=tasks)
    assert (checked.returncode, checked.stdout.decode()) == (0, "1 个文件均为规范格式。\n")
    messy = rect(project, "fmt", "--check", "-", stdin=tasks.replace(b"units: [", b"units:  [", 1))
    assert messy.returncode == 1
    facts = rect(project, "textconv", "-", stdin=tasks)
    assert facts.stdout.decode().startswith("plan title: 长白山保护开发区")
    imported = rect(project, "import", "-", stdin=SEED_PLAN.read_bytes())
    assert imported.returncode == 0, imported.stderr.decode()
    assert b'- id: "3.2"' in imported.stdout


def test_dash_writes_standard_output(project: Path) -> None:
    before = sorted(p.name for p in project.iterdir())
    report = rect(project, "report", "--format", "markdown", "-o", "-")
    assert report.returncode == 0 and report.stdout.startswith(b"# ")
    workbook = rect(project, "report", "--format", "xlsx", "-o", "-")
    assert workbook.stdout.startswith(b"PK")
    sheet = rect(project, "export-sheet", "--unit", "池北区", "-o", "-")
    assert sheet.stdout.startswith(b"PK")
    calendar = rect(project, "calendar", "-o", "-")
    assert calendar.stdout.startswith(b"BEGIN:VCALENDAR")
    imported = rect(project, "import", str(SEED_PLAN), "-o", "-")
    assert b'- id: "3.2"' in imported.stdout
    assert sorted(p.name for p in project.iterdir()) == before  # no file named -


def complete(invoke: Invoke, words: str, tasks: Path) -> list[str]:
    env = {
        "_RECT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "RECT_FILE": str(tasks),
    }
    return invoke(as_of=None, env=env).stdout.splitlines()


def test_statuses_complete_in_both_languages(invoke: Invoke, shipped: Path) -> None:
    everything = ["todo", "doing", "done", "closed", "未启动", "推进中", "已完成", "已销号"]
    assert complete(invoke, "rect mark 3.2 ", shipped) == everything
    assert complete(invoke, "rect mark 3.2 已", shipped) == ["已完成", "已销号"]
    assert complete(invoke, "rect list --status d", shipped) == ["doing", "done"]


def test_lang_and_duties_complete(invoke: Invoke, shipped: Path) -> None:
    assert complete(invoke, "rect --lang ", shipped) == ["zh", "en"]
    assert complete(invoke, "rect mark 1.5 --duty 每", shipped) == [
        "每年至少2次",
        "每半年",
        "每季度",
    ]


def test_wrapped_lines_never_start_with_a_comma(invoke: Invoke, shipped: Path) -> None:
    starts = []
    for columns in range(30, 90, 3):
        for args in (["show", "3"], ["show", "3.3"], ["list", "--task", "3"]):
            result = invoke(*args, file=shipped, env={"COLUMNS": str(columns)})
            starts += [line.lstrip(" │┃|")[:1] for line in result.stdout.splitlines()]
    assert "，" not in starts and "、" not in starts
    assert len(starts) > 500


def test_lang_and_file_after_the_command(invoke: Invoke, shipped: Path) -> None:
    result = invoke("mark", "3.2", "foo", "--lang", "en", "--file", str(shipped), as_of=None)
    assert result.stderr == f"error: unknown status 'foo'; use one of {STATUS_CHOICES}\n"
