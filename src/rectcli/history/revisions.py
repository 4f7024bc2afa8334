"""A task list as committed in a git revision (``rect diff REV1 REV2``).

The list is the one the working tree's layout names (store.task_files): the main file
and the ``*.yaml`` of its shards directory (``data/tasks/`` beside ``data/tasks.yaml``),
or every task file of a directory named with ``--file DIR`` — each as it was in the
revision. A file that was not there then is simply not part of the list then, so files
added or removed between two revisions show as the tasks they add or remove.
"""

from __future__ import annotations

from pathlib import Path

from rectcli import store
from rectcli.errors import RectError
from rectcli.history import git as gitio
from rectcli.model.checklist import Checklist
from rectcli.model.shapes import Plan, TaskFile, UnitFile
from rectcli.model.units import UnitRegistry
from rectcli.model.validate import parse_tasks, parse_units


def files_at(tasks_path: Path, rev: str) -> list[tuple[str, Path]]:
    """(text, path) of each file of the list ``tasks_path`` in ``rev``, main file first
    (as store.task_files orders them); bytes are decoded as the loader decodes a file."""
    main = store.main_path(tasks_path)
    base = main if main.is_dir() else main.parent  # git runs here; names are relative
    gitio.resolve(main, rev, base)
    if main.is_dir():
        names = gitio.files_under(base, "", rev)
        wanted = [main / n for n in names if n.endswith(".yaml") and n not in store.SIDE_NAMES]
    else:
        shards = store.shards_dir(main)
        names = gitio.files_under(base, shards.name, rev)
        wanted = [main, *(shards / n for n in names if n.endswith(".yaml"))]
    found = []
    for path in wanted:
        raw = gitio.show_under(base, path.relative_to(base).as_posix(), rev)
        if raw is not None:
            shown = f"{rev}:{store.display_path(path)}"
            found.append((store.decode_text(raw, shown), path))
    return found


def checklist_at(tasks_path: Path, rev: str) -> Checklist:
    """The task list at ``tasks_path`` as committed in ``rev`` (empty if none of its
    files was there). Working days and policy come from today's files: they are not
    what is reviewed."""
    main = store.main_path(tasks_path)
    name = f"{rev}:{store.display_path(main)}"
    files = files_at(tasks_path, rev)
    if not files:
        return Checklist(name, TaskFile(plan=Plan(title="")), UnitRegistry(UnitFile(units=[])))
    units_path = store.units_file_for(tasks_path)
    units_shown = f"{rev}:{store.display_path(units_path)}"
    units_raw = gitio.show_under(units_path.parent, units_path.name, rev)
    if units_raw is None:  # units.yaml came later than the task list: use today's
        units_text = store.read_text(units_path)
    else:
        units_text = store.decode_text(units_raw, units_shown)
    units = parse_units(units_text, units_shown)
    policy, calendar, problems = store.load_calendar(store.side_dir(tasks_path))
    if problems:
        raise RectError(problems)
    texts = [(text, f"{rev}:{store.display_path(path)}") for text, path in files]
    if [path for _, path in files] == [main]:
        text, shown = texts[0]
        return parse_tasks(text, shown, units, policy=policy, calendar=calendar)
    from rectcli.model.shards import parse_shards

    return parse_shards(name, texts, units, policy=policy, calendar=calendar)
