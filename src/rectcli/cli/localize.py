"""The language of a run, and ``--help`` in it (issue 16).

The language is known before click parses anything (``rect --help`` is answered while
the root's options are parsed): ``langs.lang_of`` reads it from the arguments, then
``RECT_LANG``, then the locale. :func:`localize` then gives the click commands built for
this run their Chinese help from the catalog (catalog/help_zh.py) — the command modules
keep their English help in code and declare nothing for it — and has typer and click
say their own words (Usage, Options, default, env var) in Chinese, wrapping Chinese text
by its width on the screen, never starting a line with ， or 、.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rectcli.views.kinsoku import NO_LINE_END, NO_LINE_START

if TYPE_CHECKING:
    from typer._click.core import Command, Parameter


def param_key(command: str | None, param: Parameter) -> str:
    """``help.mark.--note``, ``help.show.item_id``; the root's ``help.--file``."""
    word = next((o for o in param.opts if o.startswith("--")), param.name or "")
    return f"help.{command}.{word}" if command else f"help.{word}"


def help_keys(group: Command) -> Iterator[tuple[str, Command | Parameter]]:
    """Each catalog key of the group's help and what it describes."""

    yield "help", group
    for param in group.params:
        yield param_key(None, param), param
    for name, command in getattr(group, "commands", {}).items():
        yield f"help.{name}", command
        for param in command.params:
            if param.name in ("file_after", "lang_after"):
                continue  # the root's --file and --lang, shared
            yield param_key(name, param), param


def localize(group: Command, lang: str, *, with_help: bool = True) -> None:
    """Put ``lang``'s help on the group, its commands and their parameters (only click's
    own words without ``with_help``: a run that shows no help page needs no more)."""
    _click_words(lang)
    if lang != "zh" or not with_help:
        return
    from rectcli.catalog.click_words import CLICK_ZH
    from rectcli.catalog.help_zh import HELP_ZH

    for key, item in help_keys(group):
        text = HELP_ZH.get(key)
        if text is None and hasattr(item, "opts"):  # typer's own options
            text = CLICK_ZH.get(getattr(item, "help", None) or "")
        if text is None:
            continue
        target: Any = item
        target.help = text
        if not hasattr(item, "opts"):  # a command: its first sentence in the list
            target.short_help = short_help(text)
    for command in getattr(group, "commands", {}).values():
        for param in command.params:
            if param.name in ("file_after", "lang_after"):
                shared: Any = param
                shared.help = HELP_ZH[f"help.--{param.name.split('_')[0]}"]


# ---- typer's and click's own words ----

_ORIGINAL: dict[str, Any] = {}


def _click_words(lang: str) -> None:
    """Swap typer's gettext, click's help formatter, wrapping and usage errors for
    ``lang``'s (each run sets them again: tests run many in one process)."""
    import typer.core
    from typer._click import core, exceptions, formatting

    typer_words = vars(typer.core)  # its gettext, ``_``

    if not _ORIGINAL:
        _ORIGINAL.update(
            gettext=typer_words["_"],
            wrap_text=formatting.wrap_text,
            formatter=core.Context.formatter_class,
            usage_show=exceptions.UsageError.show,
        )
    if lang != "zh":
        typer_words["_"] = _ORIGINAL["gettext"]
        formatting.wrap_text = _ORIGINAL["wrap_text"]
        core.Context.formatter_class = _ORIGINAL["formatter"]
        exceptions.UsageError.show = _ORIGINAL["usage_show"]  # type: ignore[method-assign]
        return
    from rectcli.catalog.click_words import CLICK_ZH

    typer_words["_"] = lambda text: CLICK_ZH.get(text, text)
    formatting.wrap_text = wrap_text
    core.Context.formatter_class = _zh_formatter()
    exceptions.UsageError.show = _usage_error_zh  # type: ignore[method-assign]


def _zh_formatter() -> type[Any]:
    from typer._click.formatting import HelpFormatter

    from rectcli.catalog.click_words import CLICK_ZH

    class ZhFormatter(HelpFormatter):
        """click's help page with Chinese headings: 用法：, 选项：."""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, CLICK_ZH["Usage: "] if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{heading}：\n")

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            rows = [(term, CLICK_ZH.get(text, text)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    return ZhFormatter


def _usage_error_zh(self: Any, file: Any = None) -> None:
    """click's usage error, its words in Chinese (its message stays click's)."""
    import sys

    from typer._click.utils import echo

    from rectcli.catalog.click_words import CLICK_ZH

    out = sys.stderr if file is None else file
    hint = ""
    if self.ctx is not None:
        option = self.ctx.help_option_names[0]
        command = self.ctx.command_path
        hint = CLICK_ZH["Try '{command} {option}' for help."].format(command=command, option=option)
        echo(self.ctx.get_usage() + "\n" + hint + "\n", file=out, color=None)
    from rectcli.catalog.messages import translate

    echo(CLICK_ZH["Error: "] + translate(self.format_message(), "zh"), file=out, color=None)


def short_help(text: str) -> str:
    """A Chinese help's first sentence, for the command list."""
    first = text.split("\n\n", 1)[0]
    return first.split("。", 1)[0]


# ---- wrapping by width on the screen ----


def is_wide(char: str) -> bool:
    """A CJK character or full-width mark: two columns on a terminal."""
    return (
        "\u2e80" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uf900" <= char <= "\ufaff"
        or "\uff00" <= char <= "\uffef"
    )


def _tokens(text: str) -> list[tuple[str, int]]:
    """Each space, wide character or Latin word, with its width on the screen (no regex:
    compiling one with these ranges would cost --help 10 ms)."""
    tokens: list[tuple[str, int]] = []
    word = ""
    for char in text:
        if char == " " or is_wide(char):
            if word:
                tokens.append((word, len(word)))
                word = ""
            tokens.append((char, 1 if char == " " else 2))
        else:
            word += char
    if word:
        tokens.append((word, len(word)))
    return tokens


def cell_width(text: str) -> int:
    return sum(2 if is_wide(c) else 1 for c in text)


def fill(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Greedy wrapping by display width: a Chinese character may end a line anywhere, a
    Latin word only at a space; ， 、 and other closing marks stay on the line before."""
    lines: list[str] = []
    line, used = initial_indent, cell_width(initial_indent)
    start = True  # nothing of the text on this line yet
    for token, size in _tokens(" ".join(text.split())):
        if token == " ":
            if not start:
                line, used = line + " ", used + 1
            continue
        fits = used + size <= width or start or token[0] in NO_LINE_START
        if not fits:
            carried = ""
            if line[-1] in NO_LINE_END and len(line) > len(subsequent_indent) + 1:
                line, carried = line[:-1], line[-1]  # an opening mark goes down with it
            lines.append(line.rstrip())
            line = subsequent_indent + carried
            used = cell_width(line)
        line, used, start = line + token, used + size, False
    lines.append(line.rstrip())
    return "\n".join(lines)


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """click's ``wrap_text`` (paragraphs kept; a ``\\b`` paragraph as written), by width."""
    if not preserve_paragraphs:
        return fill(text, width, initial_indent, subsequent_indent)
    paragraphs = [p for p in re.split(r"\n\s*\n", text.expandtabs()) if p.strip()]
    out = []
    for paragraph in paragraphs:
        lines = paragraph.splitlines()
        indent = " " * (len(lines[0]) - len(lines[0].lstrip()))
        if lines[0].strip() == "\b":
            out.append("\n".join(initial_indent + indent + line for line in lines[1:]))
            continue
        joined = " ".join(line.strip() for line in lines)
        out.append(fill(joined, width, initial_indent + indent, subsequent_indent + indent))
    return "\n\n".join(out)
