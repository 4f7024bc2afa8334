"""Fuzzing: broken input never gives a traceback, only exit 0/1 or located errors."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rectcli.cli.main import app
from rectcli.dates.grammar import Deadline, DeadlineError, parse_deadline
from tests.helpers import FIXTURES

# Slow (kill -9 and fuzzing): CI runs them; `pytest -m 'not slow'` skips them while you work.
pytestmark = pytest.mark.slow

# 200 examples keep CI to seconds; RECT_FUZZ_EXAMPLES=5000 hunts longer.
FUZZ = settings(
    max_examples=int(os.environ.get("RECT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MINI = (FIXTURES / "mini" / "tasks.yaml").read_bytes()
LINES = MINI.splitlines(keepends=True)
LOCATED = re.compile(r"tasks\.yaml:\d+:\d+: error: \S.*")

# Values of every type YAML can spell, to put where another type belongs.
VALUES = [
    b"",
    b"~",
    b"yes",
    b"0x1F",
    b"1.10",
    b"2024-02-30",
    b"2024-13-01",
    b"[1, [2]]",
    b"{a: {b: c}}",
    b"!!binary aGk=",
    b"!!python/name:os.system",
    b"&x 1",
    b"*x",
    b"|\n  block",
    b"'unterminated",
    b"\xe5\xb0\x9a\xe6\x9c\xaa",  # 尚未
    b"\xef\xbc\x9a",  # a full-width colon
]


@st.composite
def broken(draw: st.DrawFn) -> bytes:
    """The mini list with 1-5 random damages: lines deleted, duplicated, swapped or
    retyped; random Unicode, bytes, tabs, BOMs, CRLF; truncation."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        action = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "retype", "unicode", "bytes", "tab", "indent"]
            )
        )
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "retype" and b": " in line:
            key = line.split(b": ", 1)[0]
            lines[i] = key + b": " + draw(st.sampled_from(VALUES)) + b"\n"
        elif action in ("unicode", "bytes", "tab"):
            at = draw(st.integers(0, len(line)))
            if action == "unicode":
                extra = draw(st.text(max_size=6)).encode("utf-8", "surrogatepass")
            elif action == "bytes":
                extra = draw(st.binary(max_size=3))
            else:
                extra = b"\t"
            lines[i] = line[:at] + extra + line[at:]
        elif action == "indent":
            lines[i] = draw(st.sampled_from([b" ", b"   ", b"\xe3\x80\x80"])) + line
    data = b"".join(lines)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.integers(0, 4)) == 0:
        data = data.replace(b"\n", b"\r\n")
    if draw(st.integers(0, 4)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini list's directory, the working directory of the test."""
    (tmp_path / "units.yaml").write_bytes((FIXTURES / "mini" / "units.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


@FUZZ
@given(data=broken())
@example(data=b"")
@example(data=MINI[:-40])
@example(data=b"\xef\xbb\xbf" + MINI.replace(b"\n", b"\r\n"))
@example(data=MINI.replace(b"status: done", b"status: [done]"))
@example(data=MINI.replace(b"  - id:", b"\t- id:", 1))
def test_broken_lists_give_located_errors_never_tracebacks(workdir: Path, data: bytes) -> None:
    (workdir / "tasks.yaml").write_bytes(data)
    runner = CliRunner()
    for args in (["check"], ["list", "--format", "json"]):
        result = runner.invoke(app, ["--file", "tasks.yaml", "--as-of", "2024-05-01", *args])
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        if result.exit_code == 2:
            lines = result.stderr.splitlines()
            assert lines, "exit 2 without a message"
            for line in lines:
                assert LOCATED.fullmatch(line), line
        else:
            assert result.stderr == ""


ISSUED = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
PHRASE_PARTS = st.sampled_from(
    [
        *"0123456789〇零一二两三四五六七八九十年月日号底末前上中下旬第季度半内个天以之至到截止",
        *"，、；,; .-/Qq\u3000\t\n",
        "2024",
        "9999",
        "0000",
        "2024年",
        "13月",
        "2月30日",
        "第五季度",
        "工作日",
        "自然日",
        "立行立改",
        "长期坚持",
        "持续整改",
        "常态化",
        "99999999999999999999",
    ]
)


def _read(text: str, issued: date | None) -> None:
    try:
        deadline = parse_deadline(text, issued)
    except DeadlineError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(deadline, Deadline) and deadline.text == text


@FUZZ
@given(text=st.text(), issued=ISSUED)
def test_any_string_is_a_deadline_or_a_deadline_error(text: str, issued: date | None) -> None:
    _read(text, issued)


@FUZZ
@given(text=st.lists(PHRASE_PARTS, max_size=10).map("".join), issued=ISSUED)
@example(text="9999年12月底", issued=None)
@example(text="0000年1月", issued=None)
@example(text="99999999999999999999个工作日内", issued=None)
@example(text="年底前", issued=date(9999, 12, 31))
@example(text="立行立改", issued=date(1, 1, 1))
def test_near_deadline_phrases_are_read_or_refused(text: str, issued: date | None) -> None:
    _read(text, issued)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_control_character_is_one_located_line(workdir: Path) -> None:
    # Found by the fuzzer: libyaml's reader error spanned lines and had no position.
    text = MINI.decode().replace("已清运约一半", "已清运\x1f约一半")
    (workdir / "tasks.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["--file", "tasks.yaml", "check"])
    assert result.exit_code == 2
    assert result.stderr == (
        "tasks.yaml:21:56: error: the control character U+001F is not allowed in YAML; delete it\n"
    )
