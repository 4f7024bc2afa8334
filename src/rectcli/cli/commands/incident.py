"""rect incident: record an incident of a response-time duty (7个工作日内), or clear it;
rect escalate: record an escalation (通报 督办 约谈) as an entry of the measure's log;
rect extend: record an approved extension (延期) the same way."""

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


_ACTIONS = {"通报": "通报", "notice": "通报", "督办": "督办", "supervise": "督办"}
_ACTIONS |= {"约谈": "约谈", "summon": "约谈"}


@app.command()
def escalate(
    ctx: typer.Context,
    item_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=complete_ids, help="A measure id (3.2).")
    ],
    action: Annotated[
        str,
        typer.Argument(
            metavar="ACTION",
            help="通报, 督办 (a 督办函 issued) or 约谈 (or notice, supervise, summon).",
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", metavar="TEXT", help="What was done (函号, 约谈对象)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="WHO", help="Who took it (default: git config user.name)."),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="When, as 2024-06-30 (default: today)."),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", metavar="PATH_OR_URL", help="The letter or the minutes."),
    ] = None,
) -> None:
    """Record an escalation taken on a measure (通报, 督办, 约谈) as an entry of its log.

    The measure's status stays as it is; only its lines change, as with rect mark.
    """
    from rectcli.cli.options import default_by, entry_date
    from rectcli.edits.apply import apply_marks
    from rectcli.edits.mark import Entry
    from rectcli.errors import RectError

    settings = settings_of(ctx)
    word = _ACTIONS.get(action.strip().casefold())
    if word is None:
        raise RectError(f"unknown action '{action}'; use 通报, 督办 or 约谈")
    path = settings.tasks_path
    entry = Entry(
        date=entry_date(day, settings),
        status=None,
        action=word,
        note=note.strip() or None if note else None,
        by=(by.strip() or None) if by is not None else default_by(path),
        evidence=evidence.strip() or None if evidence else None,
    )
    marked = apply_marks(path, [(item_id, entry)], use_cache=not settings.no_cache)
    labels = settings.labels
    measure_id, _, status = marked.changes[0]
    echo(labels("escalated", id=measure_id, action=word, status=labels.status(status)))


@app.command()
def extend(
    ctx: typer.Context,
    item_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=complete_ids, help="A measure id (3.2).")
    ],
    deadline: Annotated[
        str,
        typer.Argument(metavar="DEADLINE", help="The approved new deadline (2024年9月底前)."),
    ],
    evidence: Annotated[
        str,
        typer.Option(
            "--evidence", metavar="PATH_OR_URL", help="The approval (批复): a file or URL."
        ),
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", metavar="TEXT", help="Why (延期理由).")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="WHO", help="Who approved (default: git config user.name)."),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The approval's date (default: today)."),
    ] = None,
) -> None:
    """Record an approved extension (延期) as an entry: the new deadline applies from then.

    The measure's own deadline stays as the plan wrote it; rect diff shows the move as
    approved, with its approval.
    """
    from rectcli.cli.options import default_by, entry_date
    from rectcli.dates.grammar import DeadlineError, parse_deadline
    from rectcli.edits.apply import apply_marks, plan_issued
    from rectcli.edits.mark import Entry
    from rectcli.errors import RectError

    settings = settings_of(ctx)
    path = settings.tasks_path
    phrase = deadline.strip()
    try:
        due = parse_deadline(phrase, plan_issued(path)).due
    except DeadlineError as exc:
        raise RectError(f"DEADLINE: {exc}") from None
    entry = Entry(
        date=entry_date(day, settings),
        status=None,
        action="延期",
        deadline=phrase,
        note=note.strip() or None if note else None,
        by=(by.strip() or None) if by is not None else default_by(path),
        evidence=evidence.strip() or None,
    )
    marked = apply_marks(path, [(item_id, entry)], use_cache=not settings.no_cache)
    labels = settings.labels
    measure_id = marked.changes[0][0]
    if due is None:
        echo(labels("extended", id=measure_id, deadline=phrase))
    else:
        echo(labels("extended_due", id=measure_id, deadline=phrase, due=due.isoformat()))
