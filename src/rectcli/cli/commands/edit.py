"""Writing commands: mark (record progress), fmt (canonical layout)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rectcli.cli.app import app, echo, settings_of
from rectcli.cli.options import complete_ids, default_by, entry_date, parse_date_option

if TYPE_CHECKING:
    from rectcli.edits.mark import Entry, Marked
    from rectcli.labels import Labels


@app.command()
def mark(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            autocompletion=complete_ids,
            help="A measure id (3.2); a problem id (3) with --all.",
        ),
    ],
    status: Annotated[
        str | None,
        typer.Argument(
            metavar="STATUS",
            help="todo doing done closed (or 未启动 推进中 已完成 已销号); with --duty or "
            "--covers it may be left out: the status stays as it is.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            "-n",
            metavar="TEXT",
            help="What was done; needed to close, and to reopen a done measure.",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="WHO",
            help="Who reports it (default: git config user.name, else the login name).",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="When, as 2024-06-30 (default: today)."),
    ] = None,
    percent: Annotated[
        str | None, typer.Option("--percent", metavar="N", help="How far along, 0 to 100.")
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence",
            metavar="PATH_OR_URL",
            help="Where the proof is: a file path or URL (closing needs it or --note).",
        ),
    ] = None,
    milestone: Annotated[
        str | None,
        typer.Option(
            "--milestone",
            metavar="PHRASE",
            help="The milestone (阶段节点) this entry reaches: its deadline phrase "
            "(2024年6月底前) or a part of it or of its text; STATUS may then be left out.",
        ),
    ] = None,
    duty: Annotated[
        str | None,
        typer.Option(
            "--duty",
            metavar="TEXT",
            help="The recurring duty this entry fulfils: its phrase (每季度) or text, or a "
            "part of either.",
        ),
    ] = None,
    covers: Annotated[
        str | None,
        typer.Option(
            "--covers",
            metavar="DATE",
            help="A late make-up: the due date of the missed occurrence it covers (2024-09-30).",
        ),
    ] = None,
    whole_task: Annotated[
        bool,
        typer.Option(
            "--all",
            help="With a problem id: mark each of its measures (done and closed ones are "
            "skipped unless --reopen).",
        ),
    ] = False,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="NAME",
            help="On a measure shared by several units: record this unit's part (default: "
            "--by when it names one of its units; else the whole measure).",
        ),
    ] = None,
    reopen: Annotated[
        bool,
        typer.Option("--reopen", help="Take a done or closed measure back (with --note why)."),
    ] = False,
    late: Annotated[
        bool,
        typer.Option(
            "--late",
            help="A late entry (补录) dated before the last one: kept where recorded, flagged.",
        ),
    ] = False,
    correct: Annotated[
        str | None,
        typer.Option(
            "--correct",
            metavar="DATE",
            help="Correct the entry of this date by a new entry (with --note what was wrong); "
            "entries are never edited.",
        ),
    ] = None,
) -> None:
    """Record progress: set a measure's status and append an entry to its log.

    Only that measure's lines change. Closing (销号) needs a done measure and --note or
    --evidence; reopening a done or closed one needs --reopen and --note. On a measure
    shared by several units, --unit records one unit's part; the measure's status follows
    from its parts (done when every part is done). With --duty (and --covers for a late
    make-up) the entry fulfils a recurring duty; STATUS may then be left out.
    """
    from rectcli.edits.apply import apply_marks
    from rectcli.edits.mark import Entry
    from rectcli.errors import RectError
    from rectcli.labels import parse_status

    settings = settings_of(ctx)
    if status is None and duty is None and covers is None and milestone is None:
        raise RectError(
            "mark needs a STATUS (todo doing done closed, or 未启动 推进中 已完成 已销号); "
            "only an entry for a recurring duty (--duty, --covers) or a milestone "
            "(--milestone) may leave it out"
        )
    if whole_task and (duty is not None or covers is not None or milestone is not None):
        raise RectError(
            "--duty, --covers and --milestone record one measure's entry; leave out --all"
        )
    from rectcli.textsafe import MAX_TEXT

    for option, given in (("--note", note), ("--by", by), ("--evidence", evidence)):
        if given is not None and len(given) > MAX_TEXT:
            raise RectError(f"{option}: longer than {MAX_TEXT:,} characters; shorten it")
    path = settings.tasks_path
    entry = Entry(
        date=entry_date(day, settings),
        status=parse_status(status) if status is not None else None,
        note=note.strip() or None if note else None,
        by=(by.strip() or None) if by is not None else default_by(path),
        percent=_percent(percent),
        evidence=evidence.strip() or None if evidence else None,
        duty=duty,
        covers=parse_date_option(covers, "--covers") if covers is not None else None,
        unit=unit,
        milestone=milestone,
        late=late,
        corrects=parse_date_option(correct, "--correct") if correct is not None else None,
    )
    marked = apply_marks(
        path,
        [(item_id, entry)],
        whole_task=whole_task,
        use_cache=not settings.no_cache,
        reopen=reopen,
        by_unit=by is not None,
    )
    labels = settings.labels
    if marked.skipped:
        echo(labels("marked_skipped", ids="、".join(marked.skipped)))
    if not marked.changes:
        return
    measure_id, old, new_status = marked.changes[0]
    new = labels.status(new_status)
    if milestone is not None:
        step = marked.edits[0][2].progress[-1].milestone if marked.edits else milestone
        echo(labels("marked_milestone", id=measure_id, step=step, status=new))
        return
    if duty is not None or covers is not None:
        echo(_duty_marked(marked, entry, labels))
    elif len(marked.changes) == 1 and not whole_task:
        typer.echo(labels("marked", id=measure_id, old=labels.status(old), new=new))
    else:
        typer.echo(labels("marked_all", id=item_id, n=len(marked.changes), new=new))


def _duty_marked(marked: Marked, entry: Entry, labels: Labels) -> str:
    """'已记录 1.5 每季度 补报 2024-09-30：未启动 → 推进中' (or '…，状态仍为未启动')."""
    measure_id, old, new = marked.changes[0]
    what = [measure_id, *([marked.duty] if marked.duty else [])]
    if entry.covers is not None:
        what.append(labels("marked_covers", day=entry.covers))
    if entry.status is None:
        return labels("marked_duty_kept", what=" ".join(what), status=labels.status(new))
    return labels(
        "marked_duty", what=" ".join(what), old=labels.status(old), new=labels.status(new)
    )


def _percent(text: str | None) -> int | None:
    from rectcli.errors import RectError

    if text is None:
        return None
    value = text.strip().removesuffix("%")
    if not value.isdigit() or not 0 <= int(value) <= 100:
        raise RectError(f"--percent: '{text}' is not a whole number from 0 to 100")
    return int(value)


@app.command()
def undo(ctx: typer.Context) -> None:
    """Take back the last mark (rect mark, import-sheet) while it is not committed.

    Only the lines it wrote go back to what they were; refused when the file was changed
    since, or the mark is committed (then: git revert). One step: git keeps the rest.
    """
    from rectcli.edits.undo import regions_from_json, revert
    from rectcli.errors import RectError
    from rectcli.store import display_path, locked, read_raw, write_atomic
    from rectcli.store.undo import clear_undo, read_undo, stamp

    settings = settings_of(ctx)
    labels = settings.labels
    path = settings.tasks_path
    record = read_undo(path)
    if not record or not record.get("files"):
        raise RectError(labels("undo_nothing"))
    reverted: list[tuple[Path, str]] = []
    for item in record["files"]:
        file = Path(item["path"])
        shown = display_path(file)
        with locked(file):
            changed = not file.is_file() or stamp(file) != item["stamp"]
            text = "" if changed else read_raw(file)
            old = None if changed else revert(text, regions_from_json(item["regions"]))
        if old is None:
            raise RectError(labels("undo_changed", path=shown))
        if _committed(file, text):
            raise RectError(labels("undo_committed", path=shown))
        reverted.append((file, old))
    for file, old in reverted:
        with locked(file):
            write_atomic(file, old)
    clear_undo(path)
    for measure_id, old_status, new_status in record.get("changes", []):
        typer.echo(
            labels(
                "undone",
                id=measure_id,
                new=labels.status(new_status),
                old=labels.status(old_status),
            )
        )


def _committed(file: Path, text: str) -> bool:
    """Whether ``file`` is in git as it is now (the mark was committed)."""
    from rectcli.errors import RectError
    from rectcli.history.git import show_under

    try:
        committed = show_under(file.parent, file.name, "HEAD")
    except RectError:  # no git, or not a repository
        return False
    return committed is not None and committed == text.encode("utf-8")


@app.command("fmt")
def fmt(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Files to format (default: the task list and the units.yaml beside it; "
            "- is standard input).",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Change nothing; name the files that would change, exit 1."),
    ] = False,
    show_diff: Annotated[
        bool, typer.Option("--diff", help="Also print the changes as a unified diff.")
    ] = False,
) -> None:
    """Rewrite task lists in the one canonical layout, comments kept.

    Hand edits and tool edits then look the same in a diff. With --check (CI,
    pre-commit): exit 1 if any file is not canonical.
    """
    from rectcli import store
    from rectcli.edits.apply import apply_format
    from rectcli.errors import RectError

    settings = settings_of(ctx)
    labels = settings.labels
    if not files:
        tasks = settings.tasks_path
        units = store.units_file_for(tasks)
        files = [*store.task_files(tasks), *([units] if units.is_file() else [])]
    changed, problems = 0, []
    try:  # which files are shards of a list kept in several (their plan: is optional)
        tasks = store.main_path(settings.tasks_path)
        lists = store.task_files(tasks)
        shards = {p.resolve() for p in (lists if tasks.is_dir() else lists[1:])}
    except RectError:  # files outside any task list
        shards = set()
    if not check:
        _refuse_invalid(settings.tasks_path, files)
    for path in files:
        # a symlinked list is written through: name the file that changes, its target
        shown = store.display_path(path.resolve() if path.is_symlink() else path)
        try:
            shard = path.resolve() in shards
            if str(path) == "-" and not check:
                raise RectError(
                    "rect fmt -: standard input is only checked (--check); name the files"
                )
            formatted = apply_format(path, shard=shard, write=not check)
        except RectError as exc:
            problems += exc.problems
            continue
        before, after = formatted.before, formatted.text
        if after == before:
            continue
        changed += 1
        typer.echo(labels("fmt_would" if check else "fmt_changed", path=shown))
        if show_diff:
            typer.echo(_unified(before, after, shown), nl=False)
    if problems:
        raise RectError(problems)
    if check:
        typer.echo(labels("fmt_check_bad" if changed else "fmt_check_ok", n=changed or len(files)))
        raise typer.Exit(1 if changed else 0)
    typer.echo(labels("fmt_summary", changed=changed, same=len(files) - changed))


def _refuse_invalid(tasks_path: Path, files: list[Path]) -> None:
    """fmt rewrites no file of a list that `rect check` rejects (issue 14): its errors
    first, at their places; the files are left as they are."""
    from rectcli import store
    from rectcli.errors import RectError

    try:
        tasks = store.main_path(tasks_path)
        own = {p.resolve() for p in [*store.task_files(tasks), store.units_file_for(tasks)]}
    except RectError:  # files outside any task list: fmt checks their shape alone
        return
    if any(path.resolve() in own for path in files):
        store.load(tasks, use_cache=False)  # raises every problem found


def _unified(before: str, after: str, shown: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{shown}",
            f"b/{shown}",
        )
    )
