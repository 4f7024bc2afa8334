"""The log is the truth: rect check refuses a status its progress log does not support."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.helpers import edit_measure

MEASURE_41 = '      - id: "4.1"\n'


def _check(invoke: Invoke, path: Path) -> tuple[int, str]:
    result = invoke("check", file=path, as_of="2025-01-15")
    return result.exit_code, result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_closed_by_hand_without_a_done_entry(shipped: Path, invoke: Invoke) -> None:
    line = edit_measure(shipped, "4.1", "status: todo", "status: closed")
    assert _check(invoke, shipped) == (
        2,
        f"{shipped}:{line}:17: error: 4.1 is closed but no entry records it done\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_status_must_follow_the_last_entry(shipped: Path, invoke: Invoke) -> None:
    line = edit_measure(
        shipped,
        "4.1",
        "status: todo\n",
        "status: done\n        progress:\n"
        "          - {date: 2024-05-01, status: done, note: 完成}\n"
        "          - {date: 2024-06-01, status: doing, note: 返工}\n",
    )
    assert _check(invoke, shipped) == (
        2,
        f"{shipped}:{line}:17: error: 4.1 is done but its progress log says doing\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    "entries, where, message",
    [
        (
            ["{date: 2024-06-01, status: doing}", "{date: 2024-05-01, status: doing}"],
            (4, 20),
            "4.1: the entry of 2024-05-01 comes after one of 2024-06-01; the log is kept "
            "oldest first (an entry recorded late says late: true)",
        ),
        (
            ["{date: 2024-06-01, status: doing}", "{date: 2024-06-02, status: closed, note: x}"],
            (4, 40),
            "4.1 is closed on 2024-06-02 but no entry before it records it done",
        ),
        (
            ["{date: 2024-06-01, status: done}", "{date: 2024-06-02, status: closed}"],
            (4, 40),
            "4.1: the closing (销号) entry of 2024-06-02 needs a note or evidence",
        ),
        (
            ["{date: 2024-06-01, status: doing, unit: 池南区}"],
            (3, 53),
            "4.1 has one responsible unit; unit: is only for a part of a measure shared by "
            "several units",
        ),
        (
            [
                "{date: 2024-06-01, status: doing}",
                "{date: 2024-06-02, status: doing, corrects: 2024-05-01, note: x}",
            ],
            (4, 57),
            "4.1: corrects: 2024-05-01 names no earlier entry of that date",
        ),
    ],
)
def test_log_rules_are_located_errors(
    shipped: Path, invoke: Invoke, entries: list[str], where: tuple[int, int], message: str
) -> None:
    final = "closed" if "closed" in entries[-1] else "doing"
    new = f"status: {final}\n        progress:\n" + "".join(
        f"          - {entry}\n" for entry in entries
    )
    line = edit_measure(shipped, "4.1", "status: todo\n", new)
    code, err = _check(invoke, shipped)
    assert (code, err) == (2, f"{shipped}:{line + where[0] - 1}:{where[1]}: error: {message}\n")


def test_a_late_entry_may_be_dated_before_the_last(shipped: Path, invoke: Invoke) -> None:
    edit_measure(
        shipped,
        "4.1",
        "status: todo\n",
        "status: doing\n        progress:\n"
        "          - {date: 2024-06-01, status: doing}\n"
        "          - {date: 2024-05-01, status: doing, note: 补录, late: true}\n",
    )
    assert _check(invoke, shipped)[0] in (0, 1)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_part_entry_must_name_one_of_the_units(shipped: Path, invoke: Invoke) -> None:
    line = edit_measure(
        shipped,
        "3.5",
        "status: todo\n",
        "status: todo\n        progress:\n"
        "          - {date: 2024-06-01, status: todo, unit: 住建局}\n",
    )
    code, err = _check(invoke, shipped)
    assert (code, err) == (
        2,
        f"{shipped}:{line + 2}:52: error: 3.5: '住建局' is not one of its units "
        "(池北区、池南区、池西区)\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_shared_status_follows_the_parts(shipped: Path, invoke: Invoke) -> None:
    line = edit_measure(
        shipped,
        "3.5",
        "status: todo\n",
        "status: done\n        progress:\n"
        "          - {date: 2024-06-01, status: done, unit: 池北区}\n",
    )
    code, err = _check(invoke, shipped)
    assert (code, err) == (
        2,
        f"{shipped}:{line}:17: error: 3.5 is done but its progress log says doing "
        "(池北区 done，池南区 todo，池西区 todo)\n",
    )


@pytest.mark.usefixtures("english")
def test_no_entry_after_the_real_today(shipped: Path, invoke: Invoke) -> None:
    edit_measure(
        shipped,
        "4.1",
        "status: todo\n",
        "status: doing\n        progress:\n          - {date: 2999-01-01, status: doing}\n",
    )
    result = invoke("check", file=shipped, as_of=None)
    assert result.exit_code == 2
    assert "4.1 has a progress entry dated 2999-01-01, after today" in result.stderr
