"""The list's history in git: diff (what changed between revisions, as a reviewer reads
it) and textconv (one line per fact, for git's own diff).

Reading only, unlike edit.py's commands; merge.py sets up git to use textconv.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from rectcli.cli.app import app, echo, settings_of


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
        echo(changes_text(changes, settings.labels), nl=False)


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
    echo(facts(text, store.display_path(file)), nl=False)  # git diff shows it: no ESC


@app.command("audit")
def audit(
    ctx: typer.Context,
    since: Annotated[
        str,
        typer.Option(
            "--since", metavar="REV", help="Check the entries added after this git revision."
        ),
    ],
    output: Annotated[
        Literal["text", "json", "github"],
        typer.Option("--format", help="text (path:line:col: error: …), json or github."),
    ] = "text",
) -> None:
    """Who may record what: check every progress entry added in REV..HEAD against its
    commit's author (units.yaml people:, as in REV).

    A unit records only its own measures, in its own name; only the supervising unit
    records closed (销号). Exit 0 clean, 1 violations (each at its line, with the commit),
    2 invalid. For CI on merge requests: see docs/security.md.
    """
    from rectcli.history.audit import audit as run_audit
    from rectcli.textsafe import one_line
    from rectcli.views.serialize import json_text

    settings = settings_of(ctx)
    labels = settings.labels
    found = run_audit(settings.tasks_path, since)
    rows = []
    for v in found.violations:
        e = v.entry
        message = one_line(
            labels(
                f"audit_{v.kind}",
                measure=e.measure,
                author=v.commit.author,
                unit=v.unit or "",
                units="、".join(e.units),
                supervisor=e.supervisor or "—",
                claimed=e.claimed or "",
                commit=v.commit.sha[:12],
            )
        )
        rows.append((v, message))
    if output == "json":
        data = [
            {
                "file": v.entry.file,
                "line": v.entry.line,
                "col": v.entry.col,
                "measure": v.entry.measure,
                "kind": v.kind,
                "commit": v.commit.sha,
                "author": v.commit.author,
                "unit": v.unit,
                "message": message,
            }
            for v, message in rows
        ]
        typer.echo(json_text(data))
    elif output == "github":
        for v, message in rows:
            where = f"file={one_line(v.entry.file)},line={v.entry.line},col={v.entry.col}"
            typer.echo(f"::error {where},title=rect audit {one_line(v.entry.measure)}::{message}")
    else:
        for v, message in rows:
            echo(f"{v.entry.file}:{v.entry.line}:{v.entry.col}: error: {message}")
        if not rows:
            echo(labels("audit_clean", n=found.entries, commits=found.commits))
    raise typer.Exit(1 if rows else 0)
