"""rect mark: one measure's lines change, every other byte stays; the office's rules."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rectcli.edits.mark import Entry, mark, mark_many
from rectcli.errors import RectError
from tests.helpers import FIXTURES, Invoke

COMMENTED = FIXTURES / "commented" / "tasks.yaml"
ENTRY = "{date: 2024-06-01, status: doing, note: 第二次, by: 测试}"
FIRST = "          - {date: 2024-03-01, status: doing, note: 已清运约一半, by: 池北区}   # 第一次\n"


@pytest.fixture
def commented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the commented fixture as data/tasks.yaml, with the working directory
    at its root (so messages name data/tasks.yaml)."""
    shutil.copytree(FIXTURES / "commented", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def _mark(invoke: Invoke, path: Path, *args: str) -> tuple[int, str, str]:
    result = invoke("mark", *args, "--by", "测试", file=path, as_of="2024-06-01")
    return result.exit_code, result.stdout, result.stderr


# What each measure of the fixture becomes when marked doing with --note 第二次:
# (the lines before, the lines after) — nothing else in the file may change.
EDITS = {
    "1.1": (
        FIRST,
        f"{FIRST}          - {ENTRY}\n",
    ),
    "1.2": (
        "          folded over two lines.\n        status: todo\n",
        "          folded over two lines.\n        status: doing\n"
        f"        progress:\n          - {ENTRY}\n",
    ),
    "1.3": (
        "        deadline: 长期坚持\n        progress: []   # nothing yet\n",
        "        deadline: 长期坚持\n        status: doing\n"
        f"        progress:   # nothing yet\n          - {ENTRY}\n",
    ),
    "1.4": (
        "        status: done\n        progress:\n        - date: 2024-05-20"
        "   # a block-style entry, indentless\n          status: done\n          note: 已印发\n",
        "        status: doing\n        progress:\n        - date: 2024-05-20"
        "   # a block-style entry, indentless\n          status: done\n          note: 已印发\n"
        f"        - {ENTRY}\n",
    ),
    "2.1": (
        "        status: todo\n# the end of the file\n",
        f"        status: doing\n        progress:\n          - {ENTRY}\n# the end of the file\n",
    ),
}


@pytest.mark.parametrize("measure", list(EDITS))
def test_mark_changes_only_that_measure(invoke: Invoke, commented: Path, measure: str) -> None:
    before = commented.read_bytes()
    code, out, err = _mark(invoke, commented, measure, "doing", "--note", "第二次", "--reopen")
    assert (code, err) == (0, "")
    old, new = EDITS[measure]
    assert before.decode().count(old) == 1
    assert commented.read_bytes() == before.replace(old.encode(), new.encode())
    assert out.startswith(f"已记录 {measure}：")


def test_mark_leaves_comments_and_layout_alone_across_many_marks(
    invoke: Invoke, commented: Path
) -> None:
    before = commented.read_text(encoding="utf-8")
    for measure in EDITS:
        assert _mark(invoke, commented, measure, "doing", "--note", "第二次", "--reopen")[0] == 0
    after = commented.read_text(encoding="utf-8")
    removed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] == "-"
    ]
    # Only status lines and `progress: []` were rewritten; every comment line survives.
    assert [line.split(":")[0].strip("- ") for line in removed] == [
        "status",
        "progress",
        "status",
        "status",
    ]
    assert [c.replace("progress: []", "progress:") for c in before.splitlines() if "#" in c] == [
        c for c in after.splitlines() if "#" in c
    ]


@pytest.mark.parametrize("prefix, eol", [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")])
def test_mark_keeps_line_ends_and_bom(
    invoke: Invoke, commented: Path, prefix: str, eol: str
) -> None:
    text = commented.read_text(encoding="utf-8")
    commented.write_bytes((prefix + text.replace("\n", eol)).encode("utf-8"))
    assert _mark(invoke, commented, "1.2", "doing", "--note", "第二次")[0] == 0
    old, new = EDITS["1.2"]
    expected = prefix + text.replace(old, new).replace("\n", eol)
    assert commented.read_bytes() == expected.encode("utf-8")


def test_mark_whole_task_with_all(invoke: Invoke, commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    result = invoke("mark", "2", "done", "--all", "--by", "x", file=commented, as_of="2024-06-01")
    assert (result.exit_code, result.stdout) == (0, "已记录 问题 2 的 1 项措施 → 已完成\n")
    assert commented.read_text(encoding="utf-8") == before.replace(
        "        status: todo\n# the end",
        "        status: done\n        progress:\n"
        "          - {date: 2024-06-01, status: done, by: x}\n# the end",
    )
    args = ["mark", "1", "doing", "--all", "--note", "回头看", "--by", "x"]
    result = invoke("--lang", "en", *args, file=commented, as_of="2024-06-01")
    assert result.stdout == (  # --all never reopens: the done 1.4 is left as it was
        "skipped, as done or closed: 1.4 (to take one back, use --reopen with --note)\n"
        "recorded 3 measures of problem 1 → in progress\n"
    )
    after = commented.read_text(encoding="utf-8")
    assert after.count("{date: 2024-06-01, status: doing, note: 回头看, by: x}") == 3


def test_mark_output_in_english(invoke: Invoke, commented: Path) -> None:
    result = invoke("--lang", "en", "mark", "1.2", "doing", "--by", "x", file=commented)
    assert (result.exit_code, result.stdout) == (0, "recorded 1.2: to do → in progress\n")


def test_mark_accepts_chinese_status_and_all_fields(invoke: Invoke, commented: Path) -> None:
    args = ["--note", "a: b, #c", "--percent", "100", "--date", "2024-05-31"]
    code, _, err = _mark(
        invoke, commented, "1.2", "已完成", *args, "--evidence", "https://example.org/x?a=1"
    )
    assert (code, err) == (0, "")
    assert (
        '          - {date: 2024-05-31, status: done, note: "a: b, #c", by: 测试, percent: 100, '
        'evidence: "https://example.org/x?a=1"}\n'
    ) in commented.read_text(encoding="utf-8")


NOT_PERCENT = "is not a whole number from 0 to 100"
REFUSALS = [
    (
        ["2.1x", "doing"],
        "data/tasks.yaml: error: no problem or measure '2.1x'; did you mean '2.1'?",
    ),
    (
        ["1", "doing"],
        "data/tasks.yaml:10:5: error: '1' is a problem (task), not a measure; mark one of its "
        "measures (1.1 … 1.4), or add --all to mark all 4",
    ),
    (
        ["1.2", "closed", "--note", "x"],
        "data/tasks.yaml:27:9: error: 1.2 is todo (未启动); only a done (已完成) measure can be "
        "closed (已销号): mark it done first",
    ),
    (
        ["1.4", "closed"],
        "data/tasks.yaml:38:9: error: closing 1.4 needs --note or --evidence: say what shows it "
        "is finished",
    ),
    (
        ["1.4", "doing"],
        "data/tasks.yaml:38:9: error: 1.4 is done (已完成); reopening it needs --reopen and --note "
        "saying why",
    ),
    (
        ["1", "closed", "--all", "--note", "x"],
        "data/tasks.yaml:17:9: error: 1.1 is doing (推进中); only a done (已完成) measure can be "
        "closed (已销号): mark it done first",
    ),
    (
        ["1.1", "doing", "--date", "2024-02-01"],
        "data/tasks.yaml:17:9: error: --date 2024-02-01 is before 1.1's last progress entry "
        "(2024-03-01); the log is kept oldest first: record an entry made late (补录) with --late",
    ),
    (
        ["1.1", "doing", "--date", "2024-06-02"],
        "error: --date 2024-06-02 is after today (2024-06-01); record progress once it has "
        "happened",
    ),
    (
        ["1.1", "doing", "--date", "6/2"],
        "error: --date: '6/2' is not a date; write it as 2024-06-30",
    ),
    (["1.1", "doing", "--percent", "101"], "error: --percent: '101' " + NOT_PERCENT),
    (["1.1", "doing", "--percent", "half"], "error: --percent: 'half' " + NOT_PERCENT),
    (
        ["1.1", "started"],
        "error: unknown status 'started'; use one of todo (未启动), doing (推进中), done (已完成), "
        "closed (已销号)",
    ),
]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize("args, message", REFUSALS)
def test_refusals_are_one_line_and_exit_2(
    invoke: Invoke, commented: Path, args: list[str], message: str
) -> None:
    before = commented.read_bytes()
    assert _mark(invoke, commented, *args) == (2, "", message + "\n")
    assert commented.read_bytes() == before


def _refusal(text: str, item: str, entry: Entry | None = None) -> str:
    with pytest.raises(RectError) as caught:
        mark(text, "t.yaml", item, entry or Entry(date(2024, 6, 1), "doing"))
    return str(caught.value)


def test_refuses_a_duplicate_id_and_a_flow_style_measure() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    doubled = text.replace('- id: "1.2"', '- id: "1.3"')
    assert _refusal(doubled, "1.3") == (
        "t.yaml:34:9: error: duplicate id '1.3' (first on line 27); ids must be unique"
    )
    flow = text.replace(
        '      - id: "2.1"\n        text: 池南区完成积存渗滤液处理。\n        status: todo\n',
        '      - {id: "2.1", text: 池南区完成积存渗滤液处理。, status: todo}\n',
    )
    assert _refusal(flow, "2.1") == (
        "t.yaml: error: '2.1' is written in flow style ({id: …}); run rect fmt to write it in "
        "block style, then mark it"
    )


def test_refuses_an_id_that_is_not_the_first_key() -> None:
    text = COMMENTED.read_text(encoding="utf-8").replace(
        '      - id: "2.1"\n        text: 池南区完成积存渗滤液处理。\n',
        '      - text: 池南区完成积存渗滤液处理。\n        id: "2.1"\n',
    )
    assert _refusal(text, "2.1") == (
        "t.yaml: error: '2.1' does not begin its item (its id must be the first key, on the "
        "'- ' line); run rect fmt to put it there, then mark it"
    )


def test_refuses_an_invalid_measure_at_its_place_in_the_file() -> None:
    text = COMMENTED.read_text(encoding="utf-8").replace(
        "status: todo\n# the", "statsu: todo\n# the"
    )
    assert _refusal(text, "2.1") == (
        "t.yaml:54:9: error: unknown key 'statsu'; did you mean 'status'?"
    )
    unquoted = COMMENTED.read_text(encoding="utf-8").replace('- id: "2.1"', "- id: 2.1")
    assert _refusal(unquoted, "2.1") == (
        't.yaml:52:13: error: id: YAML reads 2.1 as a number, not text; quote it: id: "2.1"'
    )


def test_refuses_an_inline_progress_list() -> None:
    text = COMMENTED.read_text(encoding="utf-8").replace(
        "progress: []", "progress: [{date: 2024-01-01, status: doing}]"
    )
    assert _refusal(text, "1.3") == (
        "t.yaml:34:9: error: the progress log is written inline (progress: [...]); "
        "run rect fmt to write it as a list, then mark again"
    )


def test_refuses_a_problem_without_measures() -> None:
    text = 'tasks:\n  - id: "1"\n    title: t\n    units: [x]\n    deadline: 2024年6月底\n'
    with pytest.raises(RectError, match="problem '1' has no measures"):
        mark(text, "t.yaml", "1", Entry(date(2024, 6, 1), "doing"), whole_task=True)


HEAD = 'tasks:\n  - id: "1"\n    measures:\n      - id: "1.1"\n        text: t\n'


def test_status_written_below_its_key_and_a_last_line_without_newline() -> None:
    text = f"{HEAD}        status:\n          todo"
    done = mark(text, "t.yaml", "1.1", Entry(date(2024, 6, 1), "done", note="ok"))
    assert done.text == (
        f"{HEAD}        status: done\n        progress:\n"
        "          - {date: 2024-06-01, status: done, note: ok}\n"
    )


def test_status_inserted_before_the_comments_of_progress() -> None:
    text = f"{HEAD}        # the log\n        progress: []\n"
    done = mark(text, "t.yaml", "1.1", Entry(date(2024, 6, 1), "doing"))
    assert done.text == (
        f"{HEAD}        status: doing\n        # the log\n        progress:\n"
        "          - {date: 2024-06-01, status: doing}\n"
    )


def test_mark_many_is_all_or_nothing() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    day = date(2024, 6, 1)
    done = mark_many(text, "t.yaml", [("1.2", Entry(day, "doing")), ("2.1", Entry(day, "done"))])
    assert done.changes == [("1.2", "todo", "doing"), ("2.1", "todo", "done")]
    with pytest.raises(RectError, match="only a done"):
        mark_many(text, "t.yaml", [("1.2", Entry(day, "doing")), ("2.1", Entry(day, "closed"))])


NOTES = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(lambda s: s.strip() == s)


@settings(max_examples=150, deadline=None)
@given(note=NOTES, by=NOTES)
def test_any_note_reads_back_exactly(note: str, by: str) -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    done = mark(text, "t.yaml", "2.1", Entry(date(2024, 6, 1), "doing", note=note, by=by))
    data = yaml.safe_load(done.text)
    entry = data["tasks"][1]["measures"][0]["progress"][-1]
    assert (entry["note"], entry["by"]) == (note, by)
    assert len(done.text.splitlines()) == len(text.splitlines()) + 2  # one line per entry


def test_by_defaults_to_the_git_user(invoke: Invoke, commented: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=commented.parent, check=True)
    subprocess.run(["git", "config", "user.name", "张三"], cwd=commented.parent, check=True)
    result = invoke("mark", "1.2", "doing", file=commented, as_of="2024-06-01")
    assert result.exit_code == 0, result.stderr
    assert "{date: 2024-06-01, status: doing, by: 张三}" in commented.read_text(encoding="utf-8")


def one_by_one(text: str, path: str, marks: list[tuple[str, Entry]]) -> tuple[str, object, int]:
    """What mark_many must give: each mark on the text the one before left."""
    changes: list[object] = []
    line = 0
    for item_id, entry in marks:
        done = mark(text, path, item_id, entry)
        text, line = done.text, line or done.line
        changes += done.changes
    return text, changes, line


BATCH = st.lists(
    st.tuples(
        st.sampled_from(["1.1", "1.2", "1.3", "1.4", "2.1", "2", "9.9"]),
        st.builds(
            Entry,
            date=st.dates(min_value=date(2024, 5, 1), max_value=date(2024, 7, 1)),
            status=st.sampled_from(["todo", "doing", "done", "closed"]),
            note=st.sampled_from([None, "说明"]),
        ),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(marks=BATCH, crlf=st.booleans())
def test_mark_many_is_marking_one_by_one(marks: list[tuple[str, Entry]], crlf: bool) -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        expected: object = one_by_one(text, "t.yaml", marks)
    except RectError as exc:  # the first refusal, at the line it has by then
        expected = [str(p) for p in exc.problems]
    try:
        done = mark_many(text, "t.yaml", marks)
        got: object = (done.text, done.changes, done.line)
    except RectError as exc:
        got = [str(p) for p in exc.problems]
    assert got == expected


def test_mark_many_tells_the_cache_what_it_did() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    day = date(2024, 6, 1)
    done = mark_many(text, "t.yaml", [("2.1", Entry(day, "doing")), ("1.2", Entry(day, "done"))])
    assert [(i, grew, m.status) for i, grew, m in done.edits] == [
        ("2.1", 2, "doing"),  # progress: and its entry
        ("1.2", 2, "done"),
    ]


# ---- what mark refuses to edit, rather than guess -----------------------------------

UNREADABLE = (
    "cannot edit '{0}' safely here (its lines do not read as one item); record this change "
    "by hand, then run rect check"
)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_task_whose_measure_does_not_begin_with_its_id(invoke: Invoke, mini: Path) -> None:
    text = mini.read_text(encoding="utf-8")
    moved = text.replace(
        '      - id: "1.3"\n        text: 各区加强巡查，发现问题立行立改。\n',
        '      - text: 各区加强巡查，发现问题立行立改。\n        id: "1.3"\n',
    )
    assert moved != text
    mini.write_text(moved, encoding="utf-8")
    result = invoke("mark", "1", "done", "--all", "--note", "x", file=mini, as_of="2024-06-01")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{mini}:6:5: error: {UNREADABLE.format('1')}\n"
    assert mini.read_text(encoding="utf-8") == moved


def test_an_id_whose_line_reads_as_another() -> None:
    # '1''3' is the id 1'3 to YAML: the line names what was asked for, the item does not
    text = "tasks:\n  - id: \"1\"\n    measures:\n      - id: '1''3'\n        text: x\n"
    with pytest.raises(RectError) as caught:
        mark(text, "t.yaml", "1''3", Entry(date(2024, 6, 1), "doing"))
    assert str(caught.value) == "t.yaml:4:9: error: " + UNREADABLE.format("1''3")


def test_an_edit_that_changes_more_than_the_mark_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The safety net: were the new entry to come out wrong, nothing is handed back."""
    import rectcli.edits.mark as edit

    monkeypatch.setattr(edit, "flow_map", lambda pairs: "{date: 2000-01-01, status: doing}")
    text = COMMENTED.read_text(encoding="utf-8")
    with pytest.raises(RectError) as caught:
        mark(text, "t.yaml", "2.1", Entry(date(2024, 6, 1), "doing"))
    (problem,) = caught.value.problems
    assert problem.message == UNREADABLE.format("2.1")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_mark_never_edits_an_item_quoted_in_a_block_scalar(invoke: Invoke, mini: Path) -> None:
    text = mini.read_text(encoding="utf-8").replace(
        "    finding: 老粮库院内堆存约2500立方米建筑垃圾。\n",
        '    finding: |\n      旧清单：\n      - id: "1.9"\n      - id: "1.2"\n',
    )
    mini.write_text(text, encoding="utf-8")
    result = invoke("mark", "1.9", "doing", "--note", "x", file=mini, as_of="2024-06-01")
    assert (result.exit_code, result.stderr) == (
        2,
        f"{mini}: error: no problem or measure '1.9'; did you mean '1.3'?\n",
    )
    assert mini.read_text(encoding="utf-8") == text
    args = ["mark", "1.2", "doing", "--note", "x", "--reopen"]
    result = invoke(*args, file=mini, as_of="2024-06-01")
    assert result.exit_code == 0, result.output  # the real 1.2, not a duplicate
    after = mini.read_text(encoding="utf-8")
    assert after.startswith(text.split('      - id: "1.2"\n        text:')[0])
    assert "note: x" in after.split('      - id: "1.2"\n        text:')[1]
