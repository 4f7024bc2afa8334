"""Data never drives the terminal (issue 14): markup shows as written, control
characters are shown as escapes, messages stay one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke

HOSTILE = {
    "close": "[/]",
    "link": "[link=file:///etc/passwd]点我[/link]",
    "bold": "[bold red]假通知[/]",
}


def plant(mini: Path, old: str, new: str) -> None:
    text = mini.read_text(encoding="utf-8")
    assert old in text
    mini.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("markup", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    "args", [["show", "1.1"], ["show", "1"], ["list"], ["report"], ["status"], ["overdue"]]
)
def test_markup_in_data_prints_as_written(
    mini: Path, invoke: Invoke, markup: str, args: list[str]
) -> None:
    plant(mini, "note: 已清运约一半", f'note: "{markup}"')
    plant(
        mini, "text: 2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处理。", f"text: '{markup}'"
    )
    plant(mini, "title: 建筑垃圾混堆乱倒", f'title: "{markup}"')
    result = invoke(*args, file=mini)
    assert result.exit_code in (0, 1), result.output
    assert result.stderr == ""
    if args[0] in ("show", "list"):
        assert markup in result.stdout


def test_a_link_in_a_note_is_no_hyperlink_on_a_terminal(mini: Path, invoke: Invoke) -> None:
    plant(mini, "note: 已清运约一半", f'note: "{HOSTILE["link"]}"')
    result = invoke("show", "1.1", file=mini, env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert "\x1b]8;" not in result.stdout  # OSC 8: a hyperlink
    assert HOSTILE["link"] in result.stdout


ESCAPES = [
    ("\\e]0;pwned\\a", "\\x1b]0;pwned\\x07"),  # window title
    ("\\e[2J", "\\x1b[2J"),  # clear screen
    ("\\x9b31m", "\\x9b31m"),  # 8-bit CSI
    ("abc\\u202Efdp.exe", "abc\\u202efdp.exe"),  # right-to-left override
]


@pytest.mark.parametrize(("yaml", "shown"), ESCAPES)
def test_control_characters_are_shown_not_sent(
    mini: Path, invoke: Invoke, yaml: str, shown: str
) -> None:
    plant(mini, "note: 已清运约一半", f'note: "{yaml}"')
    plant(mini, "title: 建筑垃圾混堆乱倒", f'title: "{yaml}"')
    for args in (["show", "1.1"], ["list"], ["status"], ["report"]):
        result = invoke(*args, file=mini, env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1), result.output
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in result.stdout
    assert shown in invoke("show", "1.1", file=mini, env={"COLUMNS": "200"}).stdout


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_newline_in_a_unit_name_is_refused_where_it_is(mini: Path, invoke: Invoke) -> None:
    units = mini.with_name("units.yaml")
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("- name: 池南区", '- name: "池南区\\n::error ::x"'), "utf-8")
    result = invoke("check", file=mini)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert all(not line.startswith("::") for line in lines)
    assert (
        f"{units}:4:11: error: a unit name cannot hold a control, bidi or line-break "
        "character (\\n): it would change how a terminal or a CI log shows it"
    ) in lines


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_control_character_in_an_id_is_refused(mini: Path, invoke: Invoke) -> None:
    plant(mini, 'id: "2.1"', 'id: "2.1\\e[2J"')
    result = invoke("check", file=mini)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert (
        f"{mini}:38:9: error: an id cannot hold a control, bidi or line-break character (\\x1b)"
    ) in result.stderr


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_findings_are_one_line_each_whatever_the_data(
    mini: Path, invoke: Invoke, fmt: str
) -> None:
    plant(mini, "deadline: 2024年6月底", 'deadline: "2024年6月底\\n::error file=x,line=1::forged"')
    result = invoke("check", "--format", fmt, file=mini, as_of="2024-08-01")
    assert result.exit_code in (1, 2), result.output
    out = result.stdout + result.stderr
    assert not any(line.startswith("::error file=x") for line in out.splitlines())
    assert "\x1b" not in out
