"""Unit names: aliases resolved to one name, groups expanded to their members."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rectcli.model.shapes import Group, Unit, UnitFile


class UnitRegistry:
    """What units.yaml says, indexed for lookups by name, alias or group."""

    def __init__(self, unit_file: UnitFile) -> None:
        # Plain names only, no models: a cached run unpickles this without pydantic.
        self.full_names: dict[str, str] = {u.name: u.full for u in unit_file.units if u.full}
        self.kinds: dict[str, str] = {u.name: u.kind for u in unit_file.units if u.kind}
        self.groups: dict[str, frozenset[str]] = {
            g.name: frozenset(g.members) for g in unit_file.groups
        }
        self.ordered: dict[str, tuple[str, ...]] = {
            g.name: tuple(dict.fromkeys(g.members)) for g in unit_file.groups
        }
        self.canonical: dict[str, str] = {}
        named: list[Unit | Group] = [*unit_file.units, *unit_file.groups]
        for item in named:
            self.canonical[item.name] = item.name
            for alias in item.aliases:
                self.canonical[alias] = item.name
        # a person's e-mail (lower case) → the unit they record for (units.yaml people:)
        self.people: dict[str, str] = {
            email: u.name for u in unit_file.units for email in map(person_email, u.people)
        }
        self._member_of: dict[str, set[str]] = {}
        for group, members in self.groups.items():
            for member in members:
                self._member_of.setdefault(member, set()).add(group)

    def resolve(self, name: str) -> str | None:
        """The unit's or group's own name for a name or alias; None if unknown."""
        return self.canonical.get(name)

    def members(self, name: str) -> frozenset[str]:
        """The units a (resolved) name stands for: a group's members, or the unit itself."""
        return self.groups.get(name, frozenset((name,)))

    def expand(self, names: Iterable[str]) -> tuple[str, ...]:
        """The units that (resolved) names stand for, groups expanded in their listed
        order, each once: the parts of a shared measure (docs/format.md)."""
        found: dict[str, None] = {}
        for name in names:
            for member in self.ordered.get(name, (name,)):
                found.setdefault(member)
        return tuple(found)

    def parts(self, names: Iterable[str], finished_by: str | None = None) -> tuple[str, ...]:
        """The parts of a measure whose units are ``names`` (resolved): each unit, groups
        expanded; only the lead's when the lead finishes it alone (``finished_by``, as
        written). Shared when more than one (docs/format.md)."""
        if finished_by is not None:
            return (self.resolve(finished_by) or finished_by,)
        return self.expand(names)

    def groups_of(self, name: str) -> frozenset[str]:
        return frozenset(self._member_of.get(name, ()))

    def matches(self, wanted: str, names: Iterable[str]) -> bool:
        """Whether any of ``names`` is, contains or belongs to the unit ``wanted``."""
        wanted_members = self.members(wanted)
        return any(not wanted_members.isdisjoint(self.members(n)) for n in names)

    def full_name(self, name: str) -> str:
        return self.full_names.get(name, name)

    def unit_of(self, email: str | None) -> str | None:
        """The unit whose ``people:`` name this git e-mail address; None if none does."""
        return self.people.get(email.strip().lower()) if email else None


def person_email(person: str) -> str:
    """``张三 <zhangsan@example.gov.cn>`` or ``zhangsan@example.gov.cn`` → the address,
    lower case; '' when there is none (units.yaml validation refuses that)."""
    person = person.strip()
    if person.endswith(">") and "<" in person:
        person = person[person.rindex("<") + 1 : -1]
    person = person.strip().lower()
    return person if "@" in person and " " not in person else ""
