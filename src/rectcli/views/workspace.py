"""What a workspace shows (issue 17): each member's standing, the roll-up of the levels,
and the notes on members (sync age, failures). Built here, printed only by the CLI.

Member data is untrusted: every string reaches Rich as a ``Text`` (never parsed as
markup, control characters stripped) and notes meant for stderr are stripped too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from rectcli.labels import Labels
from rectcli.textsafe import visible
from rectcli.views.tables import data_text, plain_table, progress_bar

if TYPE_CHECKING:
    from rectcli.workspace.members import Member, Standing
    from rectcli.workspace.rollup import UpperItem


def plain(text: str) -> str:
    """``text`` without control characters (nor bidi overrides): safe on a terminal."""
    return visible(text)


GROUP_AGES = 4  # this many members synced equally long ago share one line


def member_notes(
    members: Sequence[Member],
    now: datetime,
    labels: Labels,
    workspace: str,
    *,
    problems: bool = True,
) -> list[str]:
    """Lines on where the members' data comes from: each sync's age (one line for the
    members synced equally long ago when they are many), a failed sync, a member never
    synced or unreadable (with its problems)."""
    from rectcli.workspace.members import age

    ages: dict[tuple[str, int], list[str]] = {}
    for member in members:
        if member.synced is not None:
            unit, n = age(member.synced.synced, now)
            ages.setdefault(("ws_synced_now" if n == 0 else f"ws_synced_{unit}", n), []).append(
                member.name
            )
    lines = []
    for (key, n), names in ages.items():
        if len(names) >= GROUP_AGES:
            lines.append(labels(key, name=labels("ws_members", n=len(names)), n=n))
        else:
            lines.extend(labels(key, name=name, n=n) for name in names)
    for member in members:
        name = member.name
        if member.never_synced:
            lines.append(labels("ws_never_synced", name=name, path=workspace))
        if member.synced is not None and member.synced.error:
            lines.append(labels("ws_sync_failed", name=name, error=member.synced.error))
        if member.problems and problems:
            lines.append(labels("ws_unreadable", name=name))
            lines.extend(f"  {p}" for p in member.problems)
    return [plain(line) for line in lines]


def status_view(
    title: str,
    standings: Sequence[tuple[Member, Standing | None]],
    labels: Labels,
    today_text: str,
) -> RenderableType:
    """A row per member: measures, progress, finished, overdue, due soon, behind."""
    heading = data_text(title, style="bold")
    counts = Text(f"{labels('as_of')} {today_text} · {labels('ws_members', n=len(standings))}\n")
    table = plain_table()
    table.add_column(labels("ws_member"), no_wrap=True)
    table.add_column(labels("measure_count"), justify="right", no_wrap=True)
    table.add_column(labels("progress"), no_wrap=True)
    table.add_column(labels("finished"), justify="right", no_wrap=True)
    table.add_column(labels("overdue"), justify="right", no_wrap=True)
    soon = next((s.soon_days for _, s in standings if s is not None), 14)
    table.add_column(labels("due_soon", n=soon), justify="right", no_wrap=True)
    table.add_column(labels("behind_n"), justify="right", no_wrap=True)
    totals = [0, 0, 0, 0, 0]
    for member, standing in standings:
        if standing is None:
            table.add_row(data_text(member.name), Text("—", style="dim"))
            continue
        numbers = standing.numbers()
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
        table.add_row(*_cells(data_text(member.name), numbers))
    if len(standings) > 1:
        table.add_row(*_cells(Text(labels("ws_total"), style="bold"), totals))
    return Group(heading, counts, table)


def _cells(name: Text, numbers: list[int]) -> list[RenderableType]:
    total, finished, late, soon, behind = numbers
    return [
        name,
        str(total),
        progress_bar(finished, total),
        f"{finished}/{total}",
        Text(str(late), style="bold red" if late else "dim"),
        Text(str(soon), style="yellow" if soon else "dim"),
        Text(str(behind), style="yellow" if behind else "dim"),
    ]


def rollup_view(title: str, items: Sequence[UpperItem], labels: Labels) -> RenderableType:
    """Each upper item, its state, every member's linked items, and the gaps."""
    done = sum(item.done for item in items)
    gaps = sum(bool(item.gaps) for item in items)
    parts: list[RenderableType] = [
        data_text(title, style="bold"),
        Text(labels("ws_rollup_summary", n=len(items), done=done, gaps=gaps)),
    ]
    for item in items:
        state = labels("ws_upper_done") if item.done else labels("ws_upper_open")
        head = Text("\n")
        head.append(visible(item.id), style="bold")
        head.append(
            f" [{state} {item.finished}/{len(item.linked)}] ",
            style="green" if item.done else "yellow",
        )
        text = visible(item.text)
        head.append(text if len(text) <= 60 else text[:59] + "…")
        parts.append(head)
        if item.units:
            units = visible("、".join(item.units))
            parts.append(Text(f"  {labels('units')}: {units}", style="dim"))
        table = plain_table(padding=(0, 1))
        table.add_column("", no_wrap=True)
        table.add_column(labels("ws_member"), no_wrap=True)
        table.add_column(labels("id"), no_wrap=True)
        table.add_column(labels("status"), no_wrap=True)
        table.add_column(labels("text"), min_width=10)
        for link in item.linked:
            status = Text(labels.status(link.status), style="bold red" if link.overdue else "")
            if link.overdue:
                status.append(f" {labels('overdue')}", style="bold red")
            table.add_row(
                "",
                data_text(link.member),
                data_text(link.id),
                status,
                data_text(link.text, no_wrap=True, overflow="ellipsis"),
            )
        if item.linked:
            parts.append(table)
        else:
            parts.append(Text(f"  {labels('ws_linked')}: {labels('ws_none_linked')}", style="dim"))
        if item.gaps:
            gap = Text(f"  {labels('ws_gaps')}: ", style="bold red")
            gap.append(visible("、".join(item.gaps)))
            parts.append(gap)
    return Group(*parts)
