"""The list's history in git: diff (what changed between revisions, as a reviewer reads
it) and textconv (one line per fact, for git's own diff).

Reading only, unlike edit.py's commands; merge.py sets up git to use textconv.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from rectcli.cli.app import app, settings_of


@app.command("diff")
def diff(
    ctx: typer.Context,
    rev1: Annotated[
        str, typer.Argument(metavar="REV1", help="The git revision to compare from.")
    ] = "HEAD",
    rev2: Annotated[
        str | None,
        typer.Argument(metavar="REV2", help="The revision to compare to (default: the files)."),
    ] = None,
    output: Annotated[
        Literal["text", "json"], typer.Option("--format", help="Output format.")
    ] = "text",
) -> None:
    """What changed in the task list between two git revisions, as a reviewer reads it.

    Status changes with their newest entry, measures added or removed, deadlines moved
    (a later one flagged: 延期 needs approval), units reassigned, text edited.
    """
    from rectcli.history.revisions import checklist_at
    from rectcli.history.semdiff import compare
    from rectcli.views.diff import changes_json, changes_text

    settings = settings_of(ctx)
    path = settings.tasks_path
    old = checklist_at(path, rev1)
    new = checklist_at(path, rev2) if rev2 else settings.load()
    changes = compare(old, new)
    if output == "json":
        typer.echo(changes_json(changes))
    else:
        typer.echo(changes_text(changes, settings.labels), nl=False)


@app.command("textconv")
def textconv(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A task list (or units.yaml); - is standard input."),
    ],
) -> None:
    """Print a task list as one line per fact, for git diff (diff.rect.textconv).

    See docs/editing.md: with .gitattributes `data/*.yaml diff=rect` and
    `git config diff.rect.textconv "rect textconv"`, git diff shows facts, not layout.
    """
    import sys

    from rectcli import store
    from rectcli.views.diff import textconv as facts

    raw = store.read_bytes(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # a diff driver passes on what it cannot read
        sys.stdout.buffer.write(raw)
        return
    typer.echo(facts(text, store.display_path(file)), nl=False)
