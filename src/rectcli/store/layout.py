"""Where the files of a task list are: its main file, its shards, the side files beside it.

A list is ``data/tasks.yaml``, optionally with more files in ``data/tasks/`` (issue 6;
see shards.py), or only a directory of ``*.yaml`` files; units.yaml, policy.yaml,
holidays.yaml and targets.yaml sit beside it. Paths only: reading is files.py's.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rectcli.errors import Problem, RectError
from rectcli.store.files import display_path, read_raw

TASKS_FILE = Path("data") / "tasks.yaml"
UNITS_NAME = "units.yaml"
POLICY_NAME = "policy.yaml"  # optional, beside units.yaml (config.py)
HOLIDAYS_NAME = "holidays.yaml"  # optional, likewise
TARGETS_NAME = "targets.yaml"

# Files of a data directory that are not task lists.
SIDE_NAMES = frozenset({UNITS_NAME, POLICY_NAME, HOLIDAYS_NAME, TARGETS_NAME})


def find_tasks_file(start: Path) -> Path:
    """``data/tasks.yaml`` in ``start`` or the nearest directory above it (or only the
    directory ``data/tasks/`` of a list kept in several files)."""
    for directory in (start, *start.parents):
        candidate = directory / TASKS_FILE
        if candidate.is_file() or shards_dir(candidate).is_dir():
            return candidate if candidate.is_file() else shards_dir(candidate)
    raise RectError(
        f"no {TASKS_FILE} found in {start} or any directory above it; "
        "run rect inside a project, or name the file with --file PATH"
    )


def shards_dir(tasks_file: Path) -> Path:
    """Where the other files of a list are: ``data/tasks/`` beside ``data/tasks.yaml``."""
    return tasks_file.with_suffix("")


def main_path(tasks_path: Path) -> Path:
    """The list a path names: a data directory names the ``tasks.yaml`` in it."""
    inner = tasks_path / TASKS_FILE.name
    return inner if tasks_path.is_dir() and inner.is_file() else tasks_path


def task_files(tasks_path: Path) -> list[Path]:
    """The files of the list ``tasks_path``: the file and the ``*.yaml`` of its shards
    directory, or a directory's ``*.yaml`` files; the main file first, then by name.
    Raises RectError when there is none."""
    tasks_path = main_path(tasks_path)
    if not tasks_path.is_dir():
        shards = shards_dir(tasks_path)
        return [tasks_path, *(sorted(shards.glob("*.yaml")) if shards.is_dir() else [])]
    files = sorted(p for p in tasks_path.glob("*.yaml") if p.name not in SIDE_NAMES)
    if not files:
        raise RectError([Problem(display_path(tasks_path), 0, 0, "no *.yaml task files in it")])
    return files


def side_dir(tasks_path: Path) -> Path:
    """Where units.yaml and the other side files of a list are: beside its main file; for
    a shards directory, in it if it holds units.yaml, else beside it."""
    tasks_path = main_path(tasks_path)
    if tasks_path.is_dir() and (tasks_path / UNITS_NAME).is_file():
        return tasks_path
    return tasks_path.parent


def units_file_for(tasks_path: Path) -> Path:
    return side_dir(tasks_path) / UNITS_NAME


def targets_file_for(tasks_path: Path) -> Path:
    return tasks_path.parent / TARGETS_NAME


def files_holding(tasks_path: Path, item_ids: Iterable[str]) -> dict[str, Path]:
    """For each id, the file of the list whose ``- id:`` line names it (else the first
    file, where the edit will say it is unknown). Reads each file once, if at all."""
    from rectcli.yamltext.lines import find_item

    files = task_files(tasks_path)
    holding = dict.fromkeys(item_ids, files[0])
    if len(files) == 1:
        return holding
    wanted = set(holding)
    for path in files:
        text, shown = read_raw(path), display_path(path)
        for item_id in list(wanted):
            try:
                find_item(text, shown, item_id)
            except RectError as exc:
                if not exc.problems[0].line:  # not here (twice here: the edit says so)
                    continue
            holding[item_id] = path
            wanted.discard(item_id)
    return holding


def repo_relative(shown: str, cwd: Path) -> str:
    """A shown path (relative to ``cwd``, or absolute) as relative to the root of the git
    working tree holding it, as GitHub's annotations need it; unchanged outside one or
    when it names no file (``REV:path``)."""
    path = Path(shown)
    if not path.is_absolute():
        path = cwd / path
    if not path.exists():
        return shown
    path = path.resolve()
    for directory in path.parents:
        if (directory / ".git").exists():
            return path.relative_to(directory).as_posix()
    return shown
