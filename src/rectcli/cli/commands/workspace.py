"""Many lists (issue 17): ``sync`` and ``rollup``. The workspace forms of the read
commands are in cli/workspace.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rectcli.cli.app import app, print_renderable, settings_of
from rectcli.cli.options import Format

if TYPE_CHECKING:
    pass


@app.command()
def sync(ctx: typer.Context) -> None:
    """Fetch each git member of the workspace (--workspace) into a bare mirror under the
    cache directory; reads then use what was fetched. Nothing of a member runs: no
    checkout, hook, filter or driver. Exit 1 when a member could not be fetched."""
    from rectcli.cli.workspace import now_utc, workspace_of
    from rectcli.views.workspace import plain
    from rectcli.workspace.sync import sync_all

    settings = settings_of(ctx)
    labels = settings.labels
    workspace = workspace_of(settings)
    results = sync_all(workspace, now_utc())
    for spec in workspace.members:
        if spec.place.git is None:
            typer.echo(plain(labels("ws_local", name=spec.name)))
    failed = 0
    for result in results:
        name = result.name
        if result.commit is None:
            failed += 1
            key = "ws_unreachable" if result.before else "ws_unreachable_never"
            typer.echo(plain(labels(key, name=name, error=result.error)), err=True)
        elif result.before == result.commit:
            typer.echo(plain(labels("ws_unchanged", name=name, commit=result.commit[:12])))
        elif result.before:
            before, commit = result.before[:12], result.commit[:12]
            typer.echo(plain(labels("ws_changed", name=name, before=before, commit=commit)))
        else:
            typer.echo(plain(labels("ws_fetched", name=name, commit=result.commit[:12])))
    typer.echo(labels("ws_sync_summary", ok=len(results) - failed, n=len(results)))
    raise typer.Exit(1 if failed else 0)


@app.command()
def rollup(
    ctx: typer.Context,
    member: Annotated[
        str | None,
        typer.Option("--member", "-m", metavar="NAME", help="Only this member's items and gaps."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
) -> None:
    """Each item of the upper list (the workspace's upper:) with every member's items whose
    parent: names it, their status, and the members assigned it that link none (gaps)."""
    from rectcli.cli.workspace import members_of, upper_checklist
    from rectcli.errors import RectError
    from rectcli.views.workspace import rollup_view
    from rectcli.workspace.rollup import rollup as rollup_items

    settings = settings_of(ctx)
    workspace, members = members_of(settings, member)
    if workspace.upper is None:
        raise RectError(
            f"{workspace.path}: the workspace names no upper list; add upper: {{path: …}} "
            "or upper: {git: …}"
        )
    items, problems = rollup_items(upper_checklist(settings, workspace), members, settings.today)
    if problems:
        raise RectError(problems)
    if fmt is Format.json:
        from rectcli.views.serialize import json_text

        typer.echo(json_text([item.to_json() for item in items]))
        return
    print_renderable(rollup_view(workspace.title, items, settings.labels))
