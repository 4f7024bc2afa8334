"""The Typer application: global options, settings, the error boundary, output helpers.

Command modules (``rectcli.commands.*``) register on :data:`app`. Only the CLI layer
prints. Heavy modules (pydantic models, YAML, Rich tables) are imported inside the
commands so that ``rect --help`` starts fast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from typer._click.core import Command as ClickCommand
    from typer._click.core import Context as ClickContext

    from rectcli.dates.workdays import WorkCalendar
    from rectcli.labels import Labels
    from rectcli.model.checklist import Checklist


class _Group(TyperGroup):
    """The single error boundary: a RectError becomes its problems on stderr and exit 2;
    any other exception (a bug) one line on stderr, ``rect: internal error: …``, and
    exit 70 (EX_SOFTWARE), its traceback only with ``--debug`` (issue 14).

    Also where option values are coerced without pydantic (see coercion.py): the root's
    options before they are parsed, a command's once it is known.
    """

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        import sys

        from rectcli.cli.coercion import quicken
        from rectcli.langs import completing, lang_of

        if ctx.parent is None:  # the root: help in the run's language (issue 16)
            lang = lang_of(args)
            if lang == "zh" or "rectcli.cli.localize" in sys.modules:  # (en: undo a zh run)
                from rectcli.cli.localize import localize

                helps = not args or "--help" in args or "-h" in args or completing()
                localize(self, lang, with_help=helps)
            if completing():
                from rectcli.cli.shared import add_completions

                add_completions(self, None)
        quicken(self)
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: ClickContext, args: list[str]
    ) -> tuple[str | None, ClickCommand | None, list[str]]:
        from rectcli.cli.coercion import quicken

        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            from rectcli.cli.shared import add_completions, add_file_option
            from rectcli.langs import completing

            add_file_option(self, command)
            if completing():
                add_completions(self, command)
            quicken(command)
        return name, command, rest

    def invoke(self, ctx: ClickContext) -> Any:
        from rectcli.errors import RectError

        try:
            return super().invoke(ctx)
        except RectError as exc:
            from rectcli.catalog.messages import localized

            lang = run_lang(ctx)
            for problem in exc.problems:
                typer.echo(str(localized(problem, lang)), err=True)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise  # typer's own: usage errors (exit 2), exits, ^C
        except BrokenPipeError:
            raise  # `rect list | head`: click ends quietly
        except Exception as exc:  # the boundary: every bug ends here
            internal_error(ctx, exc)
            raise typer.Exit(INTERNAL_ERROR) from None


INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h): not 1, which `check` means "overdue"


def internal_error(ctx: ClickContext | None, exc: Exception) -> None:
    """Say that rect failed, in one line; the traceback with --debug (or RECT_DEBUG)."""
    import traceback

    from rectcli import __version__
    from rectcli.labels import Labels, pick_lang
    from rectcli.textsafe import one_line

    settings = ctx.find_object(Settings) if ctx is not None else None
    debug = settings.debug if settings else os.environ.get("RECT_DEBUG", "") in ("1", "true")
    if debug:
        traceback.print_exception(exc)
    try:
        labels = settings.labels if settings else Labels(pick_lang(None))
    except Exception:
        labels = Labels("en")
    error = one_line(f"{type(exc).__name__}: {exc}")
    typer.echo(labels("internal_error", error=error, version=__version__), err=True)


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


STDIN = "-"  # as a file name: standard input (or, for -o, standard output)
STDIN_SHOWN = "<stdin>"  # its name in messages


@dataclass
class Settings:
    file: Path | None
    as_of: str | None
    lang: str | None
    no_cache: bool = False
    debug: bool = False
    warned: set[int] = field(default_factory=set)  # years already warned of (warn_guessed)

    @property
    def from_stdin(self) -> bool:
        """``--file -``: the list comes on standard input (read-only)."""
        return self.file is not None and str(self.file) == STDIN

    workspace: Path | None = None  # --workspace: read the member lists it names (issue 17)

    @property
    def tasks_path(self) -> Path:
        from rectcli.store import find_tasks_file

        if self.from_stdin:
            from rectcli.errors import RectError

            raise RectError("--file -: standard input can only be read; name the file to change")

        if self.workspace is not None:  # a command of one list, given a workspace
            from rectcli.errors import RectError

            raise RectError(
                "this command reads or edits one list: leave out --workspace (and RECT_WORKSPACE)"
            )
        return self.file if self.file else find_tasks_file(Path.cwd())

    def load(self) -> Checklist:
        from rectcli.memory import gc_paused
        from rectcli.store import load

        if self.from_stdin:
            return self._load_stdin()
        with gc_paused():
            checklist = load(self.tasks_path, use_cache=not self.no_cache)
            # The checklist lives until the process ends: hide its ~10 objects per line
            # from the collector, which would otherwise rescan them all as soon as it is
            # back on and again and again while the command builds its rows (0.5 s at 50k).
            checklist.lifelong()
        self.warn_guessed(checklist.calendar)
        if self.debug:
            from rectcli.store import cachefiles

            if cachefiles.refused:  # why this run was not cached
                typer.echo(self.labels("cache_refused", why=cachefiles.refused), err=True)
        return checklist

    def warn_guessed(self, calendar: WorkCalendar) -> None:
        """A warning on stderr, once, for each year counted by weekends alone: no
        holiday arrangement known for it (dates/workdays.py)."""
        from rectcli.dates.workdays import KNOWN_YEARS

        for year in sorted(calendar.guessed - self.warned):
            typer.echo(self.labels("unknown_year", year=year, last=KNOWN_YEARS[1]), err=True)
            self.warned.add(year)

    def _load_stdin(self) -> Checklist:
        """The list on stdin (``git show REV:data/tasks.yaml | rect --file - status``),
        with the units.yaml (policy, holidays) of the project here."""
        from rectcli.store import find_tasks_file, read_text, side_dir
        from rectcli.store.loading import load_text

        text = read_text(Path(STDIN))
        return load_text(text, STDIN_SHOWN, side_dir(find_tasks_file(Path.cwd())))

    def check_member(self, member: str | None) -> None:
        """``--member`` only means something with ``--workspace``."""
        if member is not None and self.workspace is None:
            from rectcli.errors import RectError

            raise RectError("--member picks a member list of a workspace: add --workspace FILE")

    @property
    def today(self) -> date:
        if not self.as_of:
            return date.today()
        from rectcli.cli.options import parse_date_option

        today = parse_date_option(self.as_of, "--as-of")
        if not FIRST_DAY <= today <= LAST_DAY:  # a due date ± a year must still be a date
            from rectcli.errors import RectError

            raise RectError(
                f"--as-of: '{self.as_of}' is out of range; "
                f"use a date from {FIRST_DAY} to {LAST_DAY}"
            )
        return today

    @property
    def labels(self) -> Labels:
        from rectcli.labels import Labels, pick_lang

        return Labels(pick_lang(self.lang))


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)  # as dates/grammar.py's years


def run_lang(ctx: ClickContext) -> str:
    """The language of this run's messages: --lang, RECT_LANG, the locale; zh when the
    one asked for is unknown (the error saying so is then in Chinese)."""
    from rectcli.langs import LANGS, env_lang

    settings = ctx.find_object(Settings)
    for lang in (settings.lang if settings is not None else None, env_lang()):
        if lang and lang.lower() in LANGS:
            return lang.lower()
    return "zh"


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings) if ctx is not None else None
    assert settings is not None
    return settings


def console() -> Console:
    from rectcli.views.console import safe_console
    from rectcli.views.kinsoku import keep_marks_on_the_line

    keep_marks_on_the_line()
    # Rich honours NO_COLOR and drops colour when stdout is not a terminal. Data is
    # never markup and its control characters are shown (views/console.py).
    return safe_console(soft_wrap=False)


def print_renderable(renderable: RenderableType) -> None:
    """Print to the terminal; piped, without the padding Rich leaves at line ends."""
    out = console()
    if out.is_terminal:
        out.print(renderable)
        return
    with out.capture() as captured:
        out.print(renderable)
    typer.echo("\n".join(line.rstrip() for line in captured.get().split("\n")), nl=False)


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """``typer.echo`` for text that holds data: its control characters shown, never sent
    to the terminal (textsafe.visible)."""
    from rectcli.textsafe import visible

    typer.echo(visible(text), err=err, nl=nl)


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        envvar="RECT_FILE",
        metavar="PATH",
        help="The task list (default: data/tasks.yaml here or in a parent directory; "
        "- reads standard input).",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        envvar="RECT_TODAY",
        metavar="DATE",
        help="Treat this ISO date as today (default: the real date).",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="RECT_LANG",
        metavar="zh|en",
        help="Language of labels and messages: zh (default) or en.",
    ),
]


WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        envvar="RECT_WORKSPACE",
        metavar="FILE",
        help="Read the member lists this workspace file names (status, list, overdue, "
        "upcoming, check, report, calendar; sync, rollup): see docs/workspace.md.",
    ),
]


NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="RECT_NO_CACHE",
        help="Parse the files afresh; neither read nor write the parse cache "
        "(~/.cache/rect, or $RECT_CACHE_DIR).",
    ),
]


DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        envvar="RECT_DEBUG",
        help="On an internal error, print the Python traceback; say why the parse cache "
        "is not used, if it is not.",
    ),
]


def _show_version(value: bool) -> None:
    if value:
        from rectcli import __version__

        typer.echo(f"rect {__version__}")
        raise typer.Exit(0)


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version",
        is_eager=True,
        expose_value=False,
        callback=_show_version,
        help="Print rect's version and exit.",
    ),
]


@app.callback()
def root(
    ctx: typer.Context,
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
    _version: VersionOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """rect: track a rectification task list (整改任务清单) kept as YAML in git.

    Exit codes: 0 success; 1 `rect check` found overdue measures; 2 invalid data or
    usage; 70 an internal error (a bug in rect: please report it).

    Environment: RECT_FILE (as --file), RECT_TODAY (as --as-of), RECT_LANG (as --lang;
    unset, the locale's LC_ALL/LC_MESSAGES/LANG: English when it is English, else
    Chinese), RECT_NO_CACHE (as --no-cache), RECT_DEBUG (as --debug), RECT_CACHE_DIR (the
    parse cache, default ~/.cache/rect), NO_COLOR (no colours), TZ (the time zone that
    decides today).
    """
    ctx.obj = Settings(file, as_of, lang, no_cache, debug, workspace=workspace)
