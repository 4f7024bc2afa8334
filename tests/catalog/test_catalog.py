"""The message catalog (issue 16): zh and en alike, every command and option's help in
Chinese, every message the code raises known to the catalog."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
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
    Problem and the core's error classes, its variable parts as {}; and the text that
    reaches them through a variable, a module constant (``UNREADABLE.format(id)``), a
    function returning it (``transition_problem``), a ``message=`` keyword, a helper
    that makes the problem (``bad(column, message)``, ``refuse(message)``) or a finding
    ``(where, message)`` appended to ``found``."""
    errors = {"RectError", "DeadlineError", "ScheduleError", "DutyChoiceError", "UnknownYear"}
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SOURCES.rglob("*.py"))
    }
    returns = _returned(trees.values())
    for path, tree in trees.items():
        flow = _Flow(tree, returns)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            starred = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
            given: list[ast.expr] = [k.value for k in node.keywords if k.arg == "message"]
            if name in ("Problem", "CellProblem") and starred == [1] and len(node.args) >= 3:
                given.append(node.args[2])  # Problem(path, *where, message)
            elif starred:
                pass
            elif name in errors and node.args:
                given.append(node.args[0])
            elif name in ("Problem", "CellProblem") and len(node.args) >= 4:
                given.append(node.args[3])
            elif name in _HELPERS:
                given += node.args
            elif name == "append" and getattr(node.func.value, "id", "") == "found":  # type: ignore[attr-defined]
                given += [a.elts[-1] for a in node.args if isinstance(a, ast.Tuple) and a.elts]
            for text in {t for arg in given for t in flow.templates(arg, node)}:
                if _KEYED_ONLY.fullmatch(text):
                    continue  # `every: {exc}`: the key kept, the message known where raised
                if re.search(r"[a-z]{3}", re.sub(r"\{\}", "", text)) and " " in text:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", text


# the helpers that make a problem of their message (sheet_in's bad and fail, refuse,
# the duties' report …)
_HELPERS = {"bad", "fail", "refuse", "problem", "_problem", "report"}
_KEYED_ONLY = re.compile(r"[\w.-]+: \{\}")


def _returned(trees: Iterable[ast.Module]) -> dict[str, list[tuple[ast.expr, ast.Module]]]:
    """Each function's name → the expressions it returns (and its module)."""
    found: dict[str, list[tuple[ast.expr, ast.Module]]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        found.setdefault(node.name, []).append((inner.value, tree))
    return found


class _Flow:
    """The texts an expression of one module can be: a template, a variable assigned
    one (in its function or at module level), a constant's ``.format``, the return of
    a function, either branch of ``a if c else b``."""

    def __init__(self, tree: ast.Module, returns: dict[str, list[tuple[ast.expr, ast.Module]]]):
        self.tree, self.returns = tree, returns
        self.module = _assigned(tree.body)
        self.scopes: list[tuple[ast.FunctionDef, dict[str, list[ast.expr]]]] = [
            (node, _assigned(ast.walk(node)))
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
        ]

    def templates(self, node: ast.expr, at: ast.AST, depth: int = 0) -> set[str]:
        if depth > 4:
            return set()
        text = _template(node)
        if text is not None:
            return {re.sub(r"\{\w*\}", "{}", text) if "{" in text else text}
        if isinstance(node, ast.IfExp):
            return self.templates(node.body, at, depth + 1) | self.templates(
                node.orelse, at, depth + 1
            )
        if isinstance(node, ast.Name):
            values = self._values(node.id, at)
            return {t for v in values for t in self.templates(v, at, depth + 1)}
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "format":
                return self.templates(func.value, at, depth + 1)
            if isinstance(func, ast.Name):
                found = set()
                for value, tree in self.returns.get(func.id, []):
                    flow = self if tree is self.tree else _Flow(tree, {})
                    found |= flow.templates(value, value, depth + 1)
                return found
        return set()

    def _values(self, name: str, at: ast.AST) -> list[ast.expr]:
        line = getattr(at, "lineno", 0)
        for function, names in self.scopes:  # the innermost function holding ``at``
            inside = function.lineno <= line <= (function.end_lineno or line)
            if (
                inside
                and name in names
                and not any(
                    f is not function
                    and f.lineno > function.lineno
                    and f.lineno <= line <= (f.end_lineno or line)
                    and name in n
                    for f, n in self.scopes
                )
            ):
                return names[name]
        return self.module.get(name, [])


def _assigned(nodes: Iterable[ast.AST]) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found.setdefault(node.target.id, []).append(node.value)
    return found


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
