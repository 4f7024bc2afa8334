"""Bad input: every problem is one located line on stderr, all at once, exit 2."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Invoke

MINI = (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8")


def edited(old: str, new: str, count: int = 1) -> str:
    assert old in MINI, old  # a test whose edit misses would pass for nothing
    return MINI.replace(old, new, count)


CASES = {
    "duplicate key": (
        edited("        status: doing\n", "        status: doing\n        status: done\n"),
        "tasks.yaml:20:9: error: duplicate key 'status' (first on line 19); YAML would silently "
        "keep only the last one",
    ),
    "duplicate id": (
        edited('id: "1.2"', 'id: "1.1"'),
        "tasks.yaml:22:9: error: duplicate id '1.1' (first on line 15); ids must be unique",
    ),
    "unknown unit": (
        edited("units: [池北区]", "units: [池北县]"),
        "tasks.yaml:17:17: error: unknown unit '池北县'; did you mean '池北区'? (units are listed "
        "in units.yaml)",
    ),
    "unknown supervisor": (
        edited(
            "    supervisor: 办公室\n    deadline: 2024年6月底",
            "    supervisor: 督查室\n    deadline: 2024年6月底",
        ),
        "tasks.yaml:35:17: error: unknown unit '督查室'",
    ),
    "impossible ISO date": (
        edited("date: 2024-03-01", "date: 2024-02-30"),
        "tasks.yaml:21:20: error: impossible date 2024-02-30: day is out of range for month",
    ),
    "impossible deadline": (
        edited("deadline: 2024年2月底前", "deadline: 2024年2月30日"),
        "tasks.yaml:18:19: error: deadline: impossible date 2024年2月30日: February 2024 has 29 "
        "days",
    ),
    "unreadable deadline": (
        edited("deadline: 长期坚持", "deadline: 尽快"),
        "tasks.yaml:30:19: error: deadline: cannot read deadline '尽快'; write e.g. 2024年6月30日, "
        "2024年6月底前, 2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持",
    ),
    "unquoted numeric id": (
        edited('id: "1.2"', "id: 1.10"),
        'tasks.yaml:22:13: error: id: YAML reads 1.10 as a number, not text; quote it: id: "1.10"',
    ),
    "YAML 1.1 boolean as text": (
        edited("text: 住建局制定建筑垃圾管理工作方案。", "text: no"),
        'tasks.yaml:23:15: error: text: YAML reads no as a boolean, not text; quote it: text: "no"',
    ),
    "wrong type": (
        edited("units: [池北区]", "units: 池北区"),
        "tasks.yaml:17:16: error: units: input should be a valid list",
    ),
    "missing field": (
        edited("        text: 池南区完成积存渗滤液处理。\n", ""),
        "tasks.yaml:38:9: error: missing required key 'text'",
    ),
    "unknown key": (
        edited("        status: doing\n", "        stauts: doing\n"),
        "tasks.yaml:19:9: error: unknown key 'stauts'; did you mean 'status'?",
    ),
    "bad status": (
        edited("        status: doing\n", "        status: 进行中\n"),
        "tasks.yaml:19:17: error: status: must be 'todo', 'doing', 'done' or 'closed'",
    ),
    "percent out of range": (
        edited("percent: 100", "percent: 120"),
        "tasks.yaml:27:77: error: percent: input should be less than or equal to 100",
    ),
    "measure id not under its task": (
        edited('id: "2.1"', 'id: "3.1"'),
        "tasks.yaml:38:13: error: measure id '3.1' must start with its task's id: '2.N'",
    ),
    "empty file": ("", "tasks.yaml:1:1: error: the file is empty; it should start with 'plan:'"),
    "comments only": (
        "# nothing yet\n",
        "tasks.yaml:1:1: error: the file is empty; it should start with 'plan:'",
    ),
    "a list at the top": (
        "- a\n- b\n",
        "tasks.yaml:1:1: error: expected a mapping of keys at the top of the file",
    ),
    "tab indentation": (
        edited("    title: 渗滤液积存", "\ttitle: 渗滤液积存"),
        "tasks.yaml:33:1: error: a tab character in the indentation; YAML indents with spaces only",
    ),
    "full-width colon": (
        edited(
            "    supervisor: 办公室\n    deadline: 2024年6月底",
            "    supervisor：办公室\n    deadline: 2024年6月底",
        ),
        "tasks.yaml:36:5: error: a full-width colon '：' does not make a key; use ':' followed by "
        "a space",
    ),
    "full-width space indentation": (
        edited("    title: 渗滤液积存", "    \u3000title: 渗滤液积存"),
        "tasks.yaml:33:5: error: full-width space (U+3000) in the indentation; indent with ASCII "
        "spaces",
    ),
    "alias": (
        edited("units: [池北区]", "units: &d [池北区]").replace("units: [住建局]", "units: *d"),
        "tasks.yaml:17:16: error: YAML anchors, aliases and merge keys are not allowed in rect "
        "files; write the value out",
    ),
    "python tag": (
        edited("title: 渗滤液积存", "title: !!python/object/apply:os.system [ls]"),
        "tasks.yaml:33:12: error: the YAML tag tag:yaml.org,2002:python/object/apply:os.system is "
        "not allowed here",
    ),
}


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_located_line(
    invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    text, message = CASES[case]
    mini.write_text(text, encoding="utf-8")
    monkeypatch.chdir(mini.parent)
    result = invoke("check", file=Path("tasks.yaml"))
    assert (result.exit_code, result.stderr, result.stdout) == (2, message + "\n", "")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_all_errors_reported_at_once(
    invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = edited("units: [池北区]", "units: [池北县]").replace("status: todo", "status: x")
    mini.write_text(text, encoding="utf-8")
    monkeypatch.chdir(mini.parent)
    result = invoke("list", file=Path("tasks.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "tasks.yaml:31:17: error: status: must be 'todo', 'doing', 'done' or 'closed'",
        "tasks.yaml:40:17: error: status: must be 'todo', 'doing', 'done' or 'closed'",
    ]  # pydantic problems first; unit names are checked once the shape is right


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_conflict_markers(invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mini.write_text(
        edited(
            "        status: doing\n",
            "<<<<<<< HEAD\n        status: doing\n=======\n        status: done\n>>>>>>> theirs\n",
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(mini.parent)
    result = invoke("status", file=Path("tasks.yaml"))
    assert result.exit_code == 2
    hint = (
        "unresolved merge conflict; keep the right lines and delete the <<<<<<< ======= >>>>>>> "
        "markers"
    )
    assert result.stderr.splitlines() == [
        f"tasks.yaml:19:1: error: {hint}",
        f"tasks.yaml:21:1: error: {hint}",
        f"tasks.yaml:23:1: error: {hint}",
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_gbk_file(invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mini.write_bytes(MINI.encode("gbk"))
    monkeypatch.chdir(mini.parent)
    result = invoke("check", file=Path("tasks.yaml"))
    assert result.exit_code == 2
    assert result.stderr == (
        "tasks.yaml:3:10: error: not UTF-8 text (byte 0xb2); it looks like "
        "GBK/GB18030; convert it: iconv -f GB18030 -t UTF-8\n"
    )


def test_bom_and_crlf_are_fine(invoke: Invoke, mini: Path) -> None:
    mini.write_bytes(b"\xef\xbb\xbf" + MINI.replace("\n", "\r\n").encode("utf-8"))
    result = invoke("check", "--format", "json", file=mini, as_of="2024-02-01")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_alias_bomb_is_refused_fast(invoke: Invoke, mini: Path) -> None:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    mini.write_text("\n".join(levels) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = invoke("check", file=mini)
    assert time.perf_counter() - started < 5  # generous: it takes ~0.1 s; the bomb takes minutes
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "YAML anchors, aliases and merge keys are not allowed" in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_missing_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("status", file=tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr.endswith("nope.yaml: error: no such file\n")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_bad_units_file(invoke: Invoke, mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = mini.parent / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8")
        .replace("members: [池北区, 池南区]", "members: [池北区, 池东区]")
        .replace("  - name: 办公室", "  - name: 住建部门"),
        encoding="utf-8",
    )
    monkeypatch.chdir(mini.parent)
    result = invoke("check", file=Path("tasks.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "units.yaml:10:11: error: the name '住建部门' is used twice (first on line 8)",
        "units.yaml:14:20: error: group member '池东区' is not a unit name; did you mean '池南区'?",
    ]
