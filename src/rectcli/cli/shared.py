"""What every command gets without declaring it (issue 16), added when the command is
resolved: the root's ``--file`` after the command too, and shell completion of
statuses (both languages), ``--lang`` and a measure's recurring duties."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click.core import Command as ClickCommand
    from typer._click.core import Context as ClickContext


# Commands that read no task list (their files are their arguments).
NO_LIST_COMMANDS = frozenset({"import", "schema", "merge-driver", "textconv"})


def add_file_option(group: ClickCommand, command: ClickCommand) -> None:
    """Give a command the root's ``--file``/``-f`` (if it reads the list) and ``--lang``
    too, so that ``rect check --file x.yaml`` works as ``rect --file x.yaml check`` does
    (a hook's ``args:`` come after its entry). Added when the command is resolved: no
    command module declares them."""
    if command.name not in NO_LIST_COMMANDS:
        _share(group, command, "file", ("--file", "-f"))
    _share(group, command, "lang", ("--lang",))


def _share(group: ClickCommand, command: ClickCommand, name: str, opts: tuple[str, ...]) -> None:
    import copy

    if any(o in opts for p in command.params for o in p.opts):
        return
    root = next((p for p in group.params if p.name == name), None)
    if root is None:
        return
    option = copy.copy(root)  # typer's own option: the same type, coercion and help
    option.name = f"{name}_after"
    option.envvar = None
    option.expose_value = False
    option.callback = _set_after
    command.params.append(option)


def _set_after(ctx: ClickContext, param: Any, value: str | None) -> None:
    from rectcli.cli.app import Settings

    settings = ctx.find_object(Settings)
    if value is None or settings is None:
        return
    if param.name == "file_after":
        settings.file = Path(value)
    else:
        settings.lang = value


# ---- completion ----


def add_completions(group: ClickCommand, command: ClickCommand | None) -> None:
    """Statuses for ``mark STATUS`` and ``list --status``; duties for ``--duty``; zh/en
    for the root's ``--lang``."""
    for param in group.params:
        if param.name == "lang":
            _complete_with(param, complete_lang)
    for param in command.params if command is not None else []:
        if param.name in ("status", "status_"):
            _complete_with(param, complete_status)
        elif param.name == "duty":
            _complete_with(param, complete_duty)


def _complete_with(param: Any, complete: Any) -> None:
    if getattr(param, "_custom_shell_complete", None) is None:
        param._custom_shell_complete = complete


def complete_status(_ctx: ClickContext, _param: object, incomplete: str) -> list[Any]:
    """todo doing done closed and 未启动 推进中 已完成 已销号, each with its other name."""
    from typer._click.shell_completion import CompletionItem

    from rectcli.labels import STATUS_LABELS
    from rectcli.statuses import STATUSES

    items = [CompletionItem(s, help=STATUS_LABELS["zh"][s]) for s in STATUSES]
    items += [CompletionItem(STATUS_LABELS["zh"][s], help=s) for s in STATUSES]
    return [i for i in items if i.value.startswith(incomplete)]


def complete_lang(_ctx: ClickContext, _param: object, incomplete: str) -> list[Any]:
    from typer._click.shell_completion import CompletionItem

    items = [CompletionItem("zh", help="中文"), CompletionItem("en", help="English")]
    return [i for i in items if i.value.startswith(incomplete)]


def complete_duty(ctx: ClickContext, _param: object, incomplete: str) -> list[Any]:
    """The recurring duties (their phrases) of the measure being marked."""
    from typer._click.shell_completion import CompletionItem

    from rectcli.cli.app import Settings
    from rectcli.errors import RectError

    item = ctx.params.get("item_id")
    if item is None and ctx.args:  # `mark 1.5 --duty <TAB>`: the parse stopped at --duty
        item = ctx.args[0]
    root = ctx.find_root()
    file = root.params.get("file")
    try:
        checklist = Settings(Path(file) if file else None, None, None).load()
    except RectError:
        return []
    duties = checklist.duties.get(str(item), []) if item else []
    return [CompletionItem(d.every) for d in duties if d.every.startswith(incomplete)]
