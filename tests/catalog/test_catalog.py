"""The message catalog (issue 16): zh and en alike, every command and option's help in
Chinese, every message the code raises known to the catalog."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.main import get_command

from rectcli.catalog.click_words import CLICK_ZH
from rectcli.catalog.help_zh import HELP_ZH
from rectcli.catalog.messages import translate
from rectcli.catalog.messages_zh import MESSAGES_ZH
from rectcli.catalog.words import WORDS
from rectcli.cli.localize import help_keys
from rectcli.cli.main import app
from rectcli.labels import STATUS_LABELS
from tests.conftest import ROOT

SOURCES = ROOT / "src" / "rectcli"


def test_zh_and_en_words_have_the_same_keys() -> None:
    assert set(WORDS["zh"]) == set(WORDS["en"])
    assert set(STATUS_LABELS["zh"]) == set(STATUS_LABELS["en"])


def test_the_placeholders_of_zh_and_en_words_agree() -> None:
    for key, english in WORDS["en"].items():
        names = set(re.findall(r"\{(\w+)", english))
        assert set(re.findall(r"\{(\w+)", WORDS["zh"][key])) == names, key


def test_every_command_and_option_has_chinese_help_and_no_other() -> None:
    group = get_command(app)
    english = {key: item for key, item in help_keys(group)}
    typer_own = {k for k, item in english.items() if getattr(item, "help", None) in CLICK_ZH}
    missing = sorted(set(english) - set(HELP_ZH) - typer_own)
    assert not missing, f"add their Chinese to catalog/help_zh.py: {missing}"
    stale = sorted(set(HELP_ZH) - set(english))
    assert not stale, f"no such command or option: {stale}"


def test_message_entries_are_well_formed() -> None:
    seen = set()
    for english, chinese in MESSAGES_ZH:
        assert english not in seen, english
        seen.add(english)
        count = english.count("{}")
        assert set(re.findall(r"\{(\d+)\}", chinese)) <= {str(i) for i in range(count)}, english


def raised_messages() -> Iterator[tuple[str, str]]:
    """(where, template) of each message the code raises: the text given to RectError,
    Problem and the core's error classes, its variable parts as {}."""
    errors = {"RectError", "DeadlineError", "ScheduleError", "DutyChoiceError", "UnknownYear"}
    for path in sorted(SOURCES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            starred = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
            if name == "Problem" and starred == [1] and len(node.args) >= 3:
                text = _template(node.args[2])  # Problem(path, *where, message)
            elif starred:
                continue
            elif name in errors and node.args:
                text = _template(node.args[0])
            elif name == "Problem" and len(node.args) >= 4:
                text = _template(node.args[3])
            else:
                continue
            if text and re.search(r"[a-z]{3}", re.sub(r"\{\}", "", text)):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", text


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)  # type: ignore[misc]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None  # a variable: its text is raised elsewhere


def sample(template: str) -> str:
    """The template with its parts filled in as a run would (``'{}'`` a name, ``{}`` a
    word; a part that ends a template, a did-you-mean or nothing)."""
    parts = template.split("{}")
    out = parts[0]
    for i, part in enumerate(parts[1:], 1):
        suffix = parts[i - 1] == "'" and i > 1  # '{}'{}: a did-you-mean, often none
        out += ("" if suffix else f"v{i}") + part
    return out


@pytest.mark.parametrize(("where", "template"), sorted(set(raised_messages())))
def test_every_raised_message_is_in_the_catalog(where: str, template: str) -> None:
    message = sample(template)
    chinese = translate(message, "zh")
    assert chinese != message, f"{where}: add to catalog/messages_zh.py: {template!r}"
    leftover = re.sub(r"v\d+|(?<![\w-])--?[a-z][\w-]*", "", chinese)  # option names stay English
    english_words = re.findall(r"\b(?:is|the|not|and|or|to|of|a|no|cannot)\b", leftover)
    assert not english_words, f"{where}: partly translated: {chinese!r}"


def test_an_unknown_message_stays_as_it_is() -> None:
    assert translate("something new happened", "zh") == "something new happened"
    assert translate("unknown status 'x'; use one of a, b", "en") == (
        "unknown status 'x'; use one of a, b"
    )


def test_the_catalog_is_not_loaded_by_a_command_that_needs_none() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from rectcli.cli.main import main; sys.argv = ['rect', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'rectcli.catalog.messages_zh' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_help_lines_never_start_with_a_comma() -> None:
    for doc in (ROOT / "docs" / "cli.zh.md",):
        for line in doc.read_text(encoding="utf-8").splitlines():
            assert not line.strip().startswith(("，", "、", "。", "；", "：")), line


def test_sources_are_where_the_test_looks() -> None:
    assert len(list(raised_messages())) > 80
    assert Path(SOURCES / "errors.py").is_file()
