"""rect fmt: one canonical layout, comments kept, the data never changed, idempotent."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from rectcli.edits import fmt
from rectcli.edits.fmt import format_text
from rectcli.edits.mark import Entry, mark
from rectcli.errors import RectError
from rectcli.model.shapes import Measure, Task, TaskFile, UnitFile
from rectcli.yamltext import comments as yamlcomments
from rectcli.yamltext import source as yamlsrc
from tests.helpers import FIXTURES, SHIPPED_DATA, Invoke

COMMENTED = FIXTURES / "commented" / "tasks.yaml"
FORMATTED = FIXTURES / "commented" / "formatted.yaml"


def _data(text: str) -> object:
    return yamlsrc.Source(text.lstrip("\ufeff").replace("\r\n", "\n"), "t.yaml").data


def _comments(text: str) -> list[str]:
    """Every comment's text (what follows a '#' that starts a comment on its line)."""
    return sorted(m for line in text.splitlines() for m in re.findall(r"(?:^|\s)(#.*)$", line))


def test_the_commented_fixture_in_canonical_layout() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    formatted = FORMATTED.read_text(encoding="utf-8")
    assert format_text(text, "t.yaml") == formatted
    assert format_text(formatted, "t.yaml") == formatted
    assert _data(formatted) == _data(text)
    assert _comments(formatted) == _comments(text)


@pytest.mark.parametrize("name, model", [("tasks.yaml", TaskFile), ("units.yaml", UnitFile)])
def test_shipped_data_keeps_its_data_and_comments(name: str, model: type) -> None:
    text = (SHIPPED_DATA / name).read_text(encoding="utf-8")
    formatted = format_text(text, name)
    assert _data(formatted) == _data(text)
    assert model.model_validate(_data(formatted)) == model.model_validate(_data(text))
    assert _comments(formatted) == _comments(text)
    assert format_text(formatted, name) == formatted


@pytest.mark.parametrize("prefix, eol", [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")])
def test_bom_and_line_ends_are_kept(prefix: str, eol: str) -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    expected = FORMATTED.read_text(encoding="utf-8")
    assert format_text(prefix + text.replace("\n", eol), "t.yaml") == prefix + expected.replace(
        "\n", eol
    )


def test_keys_are_put_in_order_and_entries_on_one_line() -> None:
    text = (
        "tasks:\n"
        "- measures:\n"
        "  - status: doing\n"
        "    progress:\n"
        "    - note: 'yes'\n"
        "      status: doing\n"
        "      date: 2024-03-01\n"
        "    text: 'plain: no, this needs quotes'\n"
        "    id: '1.1'\n"
        "  deadline: '2024-06-30'\n"
        "  units:\n"
        "  - 各区\n"
        "  title: >-\n"
        "    two\n"
        "    lines\n"
        "  id: '1'\n"
        "plan: {title: t, issued: 2024-04-12}\n"
    )
    assert format_text(text, "t.yaml") == (
        "plan:\n"
        "  title: t\n"
        "  issued: 2024-04-12\n"
        "tasks:\n"
        '  - id: "1"\n'
        "    title: two lines\n"
        "    units: [各区]\n"
        '    deadline: "2024-06-30"\n'
        "    measures:\n"
        '      - id: "1.1"\n'
        '        text: "plain: no, this needs quotes"\n'
        "        status: doing\n"
        "        progress:\n"
        '          - {date: 2024-03-01, status: doing, note: "yes"}\n'
    )


def test_units_file_order() -> None:
    text = "groups:\n- members: [a]\n  name: g\nunits:\n- kind: district\n  name: a\n"
    assert format_text(text, "units.yaml") == (
        "units:\n  - name: a\n    kind: district\ngroups:\n  - name: g\n    members: [a]\n"
    )


def test_a_mark_on_a_canonical_file_stays_canonical() -> None:
    text = FORMATTED.read_text(encoding="utf-8")
    for measure in ("1.1", "1.2", "1.3", "1.4", "2.1"):
        entry = Entry(date_of("2024-06-01"), "doing", note="a, b: #c", by="x", percent=5)
        text = mark(text, "t.yaml", measure, entry, reopen=True).text
    assert format_text(text, "t.yaml") == text


def date_of(text: str) -> object:
    from datetime import date

    return date.fromisoformat(text)


def test_invalid_file_gives_every_problem_at_its_line() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    text = text.replace("  issued:", "  isued:").replace(
        "status: todo\n# the", "statsu: todo\n# the"
    )
    with pytest.raises(RectError) as caught:
        format_text(text, "t.yaml")
    assert str(caught.value) == (
        "t.yaml:6:3: error: unknown key 'isued'; did you mean 'issued'?\n"
        "t.yaml:54:9: error: unknown key 'statsu'; did you mean 'status'?"
    )


def test_comment_only_and_empty_files() -> None:
    assert format_text("", "t.yaml") == ""
    assert format_text("  # just a comment\n\n\n# and one more\n\n", "t.yaml") == (
        "# just a comment\n\n# and one more\n"
    )


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 12))
def test_comments_anywhere_are_kept_and_formatting_is_idempotent(seed: int, count: int) -> None:
    rng = random.Random(seed)
    lines = COMMENTED.read_text(encoding="utf-8").split("\n")[:-1]
    added = []
    for n in range(count):
        at = rng.randrange(len(lines) + 1)
        # Not inside the folded text of 1.2, where a '#' line would be text, not a comment.
        folded = next(i for i, line in enumerate(lines) if "text: >-" in line)
        if folded < at <= folded + 3:
            continue
        if rng.random() < 0.5 or at == len(lines) or lines[at].lstrip().startswith("#"):
            lines.insert(at, " " * rng.randrange(12) + f"# added {n}")
        else:
            lines[at] += " " * rng.randrange(1, 4) + f"# added {n}"
        added.append(f"# added {n}")
    text = "\n".join(lines) + "\n"
    formatted = format_text(text, "t.yaml")
    assert _data(formatted) == _data(text)
    for comment in [*_comments(COMMENTED.read_text(encoding="utf-8")), *added]:
        assert comment in formatted
    assert format_text(formatted, "t.yaml") == formatted


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "commented", tmp_path / "data")
    (tmp_path / "data" / "formatted.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "tasks.yaml"


def test_cli_check_then_format(invoke: Invoke, project: Path) -> None:
    before = project.read_bytes()
    result = invoke("fmt", "--check", file=project)
    assert (result.exit_code, result.stdout) == (
        1,
        "需要格式化 data/tasks.yaml\n1 个文件需要格式化：运行 rect fmt\n",
    )
    assert project.read_bytes() == before
    result = invoke("--lang", "en", "fmt", file=project)
    assert (result.exit_code, result.stdout) == (
        0,
        "reformatted data/tasks.yaml\n1 reformatted, 1 unchanged.\n",
    )
    assert project.read_text(encoding="utf-8") == FORMATTED.read_text(encoding="utf-8")
    result = invoke("--lang", "en", "fmt", "--check", file=project)
    assert (result.exit_code, result.stdout) == (0, "2 file(s) already formatted.\n")


def test_cli_check_with_diff_and_named_files(invoke: Invoke, project: Path) -> None:
    result = invoke("fmt", "--check", "--diff", "data/units.yaml", "data/tasks.yaml")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "需要格式化 data/tasks.yaml\n--- a/data/tasks.yaml\n+++ b/data/tasks.yaml\n"
        "@@ -2,7 +2,7 @@\n"
    )
    assert "-  title: '测试整改方案: 带注释'   # single-quoted on purpose\n" in result.stdout
    assert result.stdout.endswith("1 个文件需要格式化：运行 rect fmt\n")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_cli_reports_problems_of_every_file(invoke: Invoke, project: Path) -> None:
    (project.parent / "bad.yaml").write_text("plan:\n  title: [\n", encoding="utf-8")
    result = invoke("fmt", "--check", "data/bad.yaml", "data/nope.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == "data/nope.yaml: error: no such file"
    assert result.stderr.splitlines()[0].startswith("data/bad.yaml:3:1: error: invalid YAML")


def test_a_file_left_mid_merge_is_refused() -> None:
    text = COMMENTED.read_text(encoding="utf-8").replace(
        "        status: todo\n# the end",
        "<<<<<<< ours\n        status: todo\n=======\n"
        "        status: doing\n>>>>>>> theirs\n# the end",
    )
    with pytest.raises(RectError) as caught:
        format_text(text, "t.yaml")
    assert str(caught.value).splitlines()[0] == (
        "t.yaml:54:1: error: unresolved merge conflict; keep the right lines and delete the "
        "<<<<<<< ======= >>>>>>> markers"
    )


def test_a_list_without_a_plan_is_refused() -> None:
    text = '# c\ntasks:\n  - id: "1"\n    title: t\n    units: [a]\n    deadline: x\n'
    with pytest.raises(RectError, match=r"^t\.yaml:2:1: error: missing required key 'plan'$"):
        format_text(text, "t.yaml")


def _the_long_way(text: str, **how: bool) -> str | list[str]:
    """format_text with its quick paths off: every task's tree walked for comments, and
    every node's tag asked of PyYAML's own resolver. Its problems, if it refuses."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (
        mock.patch.object(yamlcomments, "has_trivia", lambda text: True),
        mock.patch.object(yamlsrc, "Loader", loader),
    ):
        return _formatted(text, **how)


def _formatted(text: str, **how: bool) -> str | list[str]:
    try:
        return format_text(text, "t.yaml", **how)
    except RectError as exc:
        return [str(p) for p in exc.problems]


GENERATED = generate(40, seed=7).split("\n")
TASK_STARTS = [i for i, line in enumerate(GENERATED) if line.startswith("  - id:")]
EDITS = st.sampled_from(  # mostly comments and blank lines; some make a file fmt refuses
    ["# c", "    # c", "      # c", " # x", "   #", "", "  ", "\t", "'#'", "  - {a: 1}"]
)


@settings(max_examples=100, deadline=None)
@given(
    first=st.integers(0, len(TASK_STARTS) - 2),
    count=st.integers(1, 6),
    edits=st.lists(st.tuples(st.integers(0, 400), st.booleans(), EDITS), max_size=8),
    shard=st.booleans(),
)
def test_the_quick_paths_give_what_the_long_way_gives(
    first: int, count: int, edits: list[tuple[int, bool, str]], shard: bool
) -> None:
    end = TASK_STARTS[min(first + count, len(TASK_STARTS) - 1)]
    lines = GENERATED[: TASK_STARTS[0]] + GENERATED[TASK_STARTS[first] : end]  # plan, tasks
    for at, insert, edit in edits:
        at %= len(lines)
        if insert:
            lines.insert(at, edit)
        else:
            lines[at] += edit
    text = "\n".join(lines)
    assert _formatted(text, shard=shard) == _the_long_way(text, shard=shard)


def test_the_quick_paths_on_the_commented_fixture() -> None:
    text = COMMENTED.read_text(encoding="utf-8")
    assert format_text(text, "t.yaml") == _the_long_way(text) == FORMATTED.read_text("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["id", "text", "status", "units", "odd", "x"]), max_size=8))
def test_keys_in_order_as_a_stable_sort_puts_them(names: list[str]) -> None:
    pairs = [(SimpleNamespace(value=name), index) for index, name in enumerate(names)]
    for model in (Measure, Task, None):
        keys = fmt._keys(model)
        rank = {name: index for name, (index, _) in keys.items()}
        expected = sorted(pairs, key=lambda pair: rank.get(pair[0].value, len(rank)))
        assert fmt._in_order(pairs, keys) == expected  # type: ignore[arg-type]
