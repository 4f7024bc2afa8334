"""The architecture, as the code has it: packages by concern, layers that run downward.

README's "How the code is laid out" says why each package exists; this keeps the tree
honest. An import needed for type hints only (under ``if TYPE_CHECKING:``) costs nothing
at run time and may point anywhere; every other import must go to the same or a lower
layer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "src" / "rectcli"

# Lowest first. A module may import its own layer and those below it.
LAYERS: list[set[str]] = [
    # the words (the catalog and its front, labels), the one error, data made safe to show
    {"rectcli", "errors", "statuses", "memory", "labels", "langs", "catalog", "textsafe"},
    {"yamltext"},  # YAML text tools that know no models
    {"dates"},  # the deadline grammar, recurrence, working days
    {"model"},  # pydantic shapes, validation, the checklist
    {"store"},  # files, locks, the parse cache
    {"queries", "history", "merge"},  # pure questions; git; the merge driver
    {"views", "edits", "exchange"},  # renderables; writes; documents in and out
    {"reports"},  # one module per report format
    {"cli", "__main__"},  # the only code that knows typer
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def runtime_imports(tree: ast.Module) -> Iterator[ast.ImportFrom | ast.Import]:
    """Every import statement except those under ``if TYPE_CHECKING:``."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imported_modules(node: ast.ImportFrom | ast.Import) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert node.module is not None  # relative imports are banned (ruff TID252)
    if node.module == "rectcli":  # `from rectcli import store`: a module, or a name of rectcli's
        return [
            f"rectcli.{alias.name}" if (PACKAGE / alias.name).is_dir() else "rectcli"
            for alias in node.names
        ]
    return [node.module]


def concern(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_the_modules_live_in_packages_by_concern() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= 8, loose
    packages = [p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()]
    assert len(packages) >= 6, packages
    assert set(packages) <= LEVEL.keys(), "a new package needs its place in LAYERS"


@pytest.mark.parametrize(("module", "path"), list(modules()), ids=lambda v: str(v))
def test_imports_run_downward(module: str, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = LEVEL[concern(module)]
    upward = [
        f"{module} imports {target} (line {node.lineno})"
        for node in runtime_imports(tree)
        for target in imported_modules(node)
        if target.startswith("rectcli") and LEVEL[concern(target)] > here
    ]
    assert upward == []


@pytest.mark.parametrize(("module", "path"), list(modules()), ids=lambda v: str(v))
def test_no_private_name_crosses_a_module_boundary(module: str, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rectcli")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.endswith("__")
    ]
    assert private == []


def test_commands_import_no_other_command_module() -> None:
    commands = PACKAGE / "cli" / "commands"
    for path in commands.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("rectcli.cli.commands"), path.name


def test_no_module_grows_past_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for _, path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
