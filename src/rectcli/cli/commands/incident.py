"""rect incident: record an incident of a response-time duty (7个工作日内), or clear it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rectcli.cli.app import app, echo, settings_of
from rectcli.cli.options import complete_ids, parse_date_option

if TYPE_CHECKING:
    from datetime import date


@app.command()
def incident(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=complete_ids,
            help="The measure whose response-time duty (7个工作日内) the incident is for.",
        ),
    ],
    found: Annotated[
        str,
        typer.Option("--found", metavar="DATE", help="The day the incident was found."),
    ],
    cleared: Annotated[
        str | None,
        typer.Option(
            "--cleared",
            metavar="DATE",
            help="The day it was dealt with: clears the open incident found on --found "
            "(or records a new one, found and cleared).",
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            "-n",
            metavar="TEXT",
            help="Where or what it is; with --cleared, names the open incident to clear "
            "when several were found that day.",
        ),
    ] = None,
    duty: Annotated[
        str | None,
        typer.Option(
            "--duty",
            metavar="TEXT",
            help="Which response-time duty, when the measure has several (its phrase or text).",
        ),
    ] = None,
) -> None:
    """Record an incident of a response-time duty (N个工作日内), or clear an open one.

    Each incident is due N (working) days after it was found; an uncleared one past that
    is overdue. Only that measure's lines change, as with rect mark.
    """
    from rectcli.edits.apply import apply_incident

    settings = settings_of(ctx)
    today = settings.today
    found_day = _not_after(parse_date_option(found, "--found"), today, "--found")
    cleared_day = (
        _not_after(parse_date_option(cleared, "--cleared"), today, "--cleared") if cleared else None
    )
    done = apply_incident(
        settings.tasks_path,
        item_id,
        found_day,
        cleared=cleared_day,
        note=(note.strip() or None) if note else None,
        duty=duty,
    )
    recorded, due = done.recorded, done.due
    settings.warn_guessed(done.calendar)
    labels = settings.labels
    shown_incident = recorded.incident
    words = {
        "id": recorded.measure,
        "duty": recorded.duty.every,
        "found": shown_incident.found,
        "due": due,
    }
    if shown_incident.cleared is None:
        echo(labels("incident_open", **words))
    else:
        echo(labels("incident_cleared", cleared=shown_incident.cleared, **words))


def _not_after(day: date, today: date, option: str) -> date:
    from rectcli.errors import RectError

    if day > today:
        raise RectError(f"{option} {day} is after today ({today}); record it once it has happened")
    return day
