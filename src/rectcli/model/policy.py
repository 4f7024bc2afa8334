"""When rect warns and escalates: warning tiers (预警), escalation levels (通报 → 督办 →
约谈), look-back periods (回头看) and 序时进度 (pace against the time elapsed).

The defaults are built in; ``data/policy.yaml`` may change them (see docs/deadlines.md).
Pure: ``today`` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rectcli.model.shapes import PolicyFile


# Escalation levels, mildest first: the id (JSON) and the policy key are the same word.
LEVELS: tuple[str, ...] = ("notice", "supervise", "summon")


@dataclass(frozen=True)
class Policy:
    warn: tuple[int, ...] = (30, 15, 7)  # days before a due date, largest first
    escalate: tuple[tuple[str, int], ...] = (("notice", 1), ("supervise", 15), ("summon", 30))
    stale: int = 90  # 长期坚持 with no check-in for this long → 回头看
    look_back: int = 180  # done/closed this long after the last entry → 回头看
    lag: int = 0  # 序时进度: percentage points a measure may trail the time elapsed

    @classmethod
    def from_file(cls, policy: PolicyFile) -> Policy:
        steps = ((level, getattr(policy.escalate, level)) for level in LEVELS)
        return cls(
            warn=tuple(sorted(set(policy.warn), reverse=True)),
            escalate=tuple((level, days) for level, days in steps if days is not None),
            stale=policy.review.stale,
            look_back=policy.review.look_back,
            lag=policy.lag,
        )

    def tiers(self, lead: int | None = None) -> tuple[int, ...]:
        """The warning tiers of one item: its own lead time replaces the tiers above it."""
        if lead is None:
            return self.warn
        return (lead, *(t for t in self.warn if t < lead))

    def tier(self, days_left: int | None, lead: int | None = None) -> int | None:
        """The narrowest tier an item due in ``days_left`` days is inside (7 of 30/15/7)."""
        if days_left is None or days_left < 0:
            return None
        inside = [t for t in self.tiers(lead) if days_left <= t]
        return min(inside) if inside else None

    def level(self, days_overdue: int) -> str | None:
        """The escalation level an item overdue by ``days_overdue`` days has reached."""
        reached = None
        for level, days in self.escalate:  # thresholds ascend (checked on load)
            if days_overdue >= days:
                reached = level
        return reached


def expected_percent(start: date | None, due: date | None, today: date) -> int | None:
    """序时进度: the share of the time from start to due that has passed, in percent
    (rounded down); None when there is no such span or it has not begun."""
    if start is None or due is None or due <= start or today < start:
        return None
    elapsed = min((today - start).days, (due - start).days)
    return 100 * elapsed // (due - start).days


def is_behind(expected: int | None, percent: int | None, lag: int) -> bool:
    """滞后: the reported percent trails the share of time elapsed by more than ``lag``."""
    return expected is not None and percent is not None and percent + lag < expected
