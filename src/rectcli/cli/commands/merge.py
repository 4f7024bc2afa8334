"""Git integration: the merge driver (``rect merge-driver``) and its set-up (``rect init-git``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rectcli.cli.app import app, settings_of


@app.command("merge-driver")
def merge_driver(
    base: Annotated[
        Path, typer.Argument(metavar="BASE", help="%O: the common ancestor's version.")
    ],
    ours: Annotated[
        Path,
        typer.Argument(metavar="OURS", help="%A: our version; the merged file is written here."),
    ],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="%B: their version.")],
    name: Annotated[
        str | None,
        typer.Argument(metavar="PATH", help="%P: the file's path, for messages."),
    ] = None,
    marker_size: Annotated[
        int,
        typer.Argument(metavar="SIZE", min=1, help="%L: the conflict-marker size (7)."),
    ] = 7,
) -> None:
    """Merge two versions of a task list by task and measure (git's merge driver).

    Git runs it (set it up with rect init-git; see docs/merging.md): progress logs are
    unioned, a change made on one side wins, and the same status, deadline or text
    changed differently on both sides is marked as a conflict around just that measure.
    Exit 0: merged; 1: conflicts left in OURS, one line each on stderr.
    """
    from rectcli.history.git import merge_file
    from rectcli.merge.driver import merge_files
    from rectcli.store import read_bytes, write_output

    here = Path.cwd()

    def line_merge(o: bytes, a: bytes, b: bytes) -> tuple[bytes, int]:
        return merge_file(o, a, b, marker_size, here)

    shown = name or str(ours)
    result = merge_files(
        read_bytes(base), read_bytes(ours), read_bytes(theirs), shown, line_merge, marker_size
    )
    write_output(ours, result.data, yaml=True)
    from rectcli.catalog.messages import localized
    from rectcli.langs import LANGS, env_lang

    lang = env_lang() if env_lang() in LANGS else "zh"  # git runs it: no --lang
    for problem in [*result.notes, *result.conflicts]:
        typer.echo(str(localized(problem, lang)), err=True)
    if result.conflicts:
        raise typer.Exit(1)


@app.command("init-git")
def init_git(ctx: typer.Context) -> None:
    """Set up this git repository to merge (and diff) task lists with rect.

    Adds `data/*.yaml merge=rect diff=rect` to .gitattributes (commit it; for a list kept
    in several files also `data/tasks/*.yaml …`), and sets git config merge.rect.driver
    (rect merge-driver) and diff.rect.textconv (rect textconv) in this clone: each clone
    runs it once. Running it again changes nothing.
    """
    from pathlib import PurePosixPath

    from rectcli.errors import RectError
    from rectcli.history import git as gitio
    from rectcli.merge.gitsetup import ATTRIBUTES, CONFIG, pattern_for, with_attributes
    from rectcli.store import display_path, read_raw, write_atomic

    settings = settings_of(ctx)
    labels = settings.labels
    top = gitio.toplevel(Path.cwd())
    try:
        data_dirs = _data_dirs(settings.tasks_path.resolve())
    except RectError:
        data_dirs = [top / "data"]  # no task list yet: where it will be
    attributes = top / ".gitattributes"
    shown = display_path(attributes)
    for data_dir in data_dirs:
        try:
            pattern = pattern_for(PurePosixPath(data_dir.relative_to(top.resolve()).as_posix()))
        except ValueError:
            outside = f"{display_path(data_dir)} is outside the git repository {top}"
            raise RectError(outside) from None
        text = read_raw(attributes) if attributes.is_file() else ""
        new_text, added = with_attributes(text, pattern, ATTRIBUTES)
        if added:
            write_atomic(attributes, new_text)
        line = added or " ".join([pattern, *ATTRIBUTES])
        typer.echo(
            labels("git_attribute_added" if added else "git_attribute_kept", path=shown, line=line)
        )
    for key, value in CONFIG:
        was = gitio.get_config(top, key)
        if was != value:
            gitio.set_config(top, key, value)
        kept = "git_config_kept" if was == value else "git_config_set"
        typer.echo(labels(kept, name=key, value=value))


def _data_dirs(tasks_path: Path) -> list[Path]:
    """The directories whose *.yaml git should merge and diff with rect: the one of
    units.yaml and the main file, and a list's shards directory (data/tasks/)."""
    from rectcli import store

    main = store.main_path(tasks_path)
    found = [store.side_dir(main), main if main.is_dir() else main.parent]
    if not main.is_dir() and store.shards_dir(main).is_dir():
        found.append(store.shards_dir(main))
    return list(dict.fromkeys(found))
