"""The people register as a lookup: names, ids and aliases to people and groups.

The board's papers spell people several ways ("Narinder Dail" / "Narinder Dial"); lookups are
case- and space-insensitive and aliases absorb the rest.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.yamlio import Path_, walk

if TYPE_CHECKING:
    from cspctl.models.people import PeopleRegister

SINGLE_PERSON_FIELDS = frozenset({"chair", "note_taker", "manager", "policy_officer"})
PERSON_LIST_FIELDS = frozenset(
    {"chairs", "presenters", "owners", "authors", "leads", "copy_to", "members",
     "present", "additional", "apologies"}
)


@dataclass
class Entry:
    """A person or a group of the register."""

    id: str
    name: str
    kind: str
    email: str | None = None
    role: str | None = None
    organisation: str | None = None
    members: list[str] = field(default_factory=list)


def normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


class Register:
    """Resolves names; knows who belongs to which group."""

    def __init__(self, register: PeopleRegister | None) -> None:
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, Entry] = {}
        self.clashes: list[tuple[str, Entry, Entry]] = []
        if register is None:
            return
        for person in register.people:
            entry = Entry(person.id, person.name, "person", person.email, person.role,
                          person.organisation)
            self._add(entry, [person.id, person.name, *person.aliases])
        for group in register.groups:
            entry = Entry(group.id, group.name, "group")
            self._add(entry, [group.id, group.name, *group.aliases])
            entry.members = list(group.members)

    def _add(self, entry: Entry, keys: list[str]) -> None:
        self.entries.setdefault(entry.id, entry)
        for key in keys:
            norm = normalise(key)
            existing = self._index.get(norm)
            if existing is not None and existing is not entry:
                self.clashes.append((key, existing, entry))
            else:
                self._index[norm] = entry

    def resolve(self, name: str) -> Entry | None:
        return self._index.get(normalise(name))

    def suggest(self, name: str) -> str | None:
        """The closest known spelling, for "did you mean" hints."""
        spellings: dict[str, str] = {}
        for entry in self.entries.values():
            spellings[normalise(entry.name)] = entry.name
        for key, entry in self._index.items():
            spellings.setdefault(key, entry.name)
        match = difflib.get_close_matches(normalise(name), list(spellings), n=1, cutoff=0.6)
        return spellings[match[0]] if match else None

    def display(self, name: str) -> str:
        """The register's name for a reference, or the reference as written."""
        entry = self.resolve(name)
        return entry.name if entry else name

    def person_ids(self, name: str) -> set[str]:
        """The people a reference stands for: a person, or a group's members (recursively)."""
        entry = self.resolve(name)
        if entry is None:
            return set()
        if entry.kind == "person":
            return {entry.id}
        found: set[str] = set()
        for member in entry.members:
            resolved = self.resolve(member)
            if resolved is not None and resolved is not entry and resolved.kind == "person":
                found.add(resolved.id)
        return found

    def groups_of(self, person_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == "group" and person_id in self.person_ids(e.id)]


def person_references(data: Any) -> Iterator[tuple[Path_, str]]:
    """Every place a record names a person or group, with the name as written."""
    for path, value in walk(data):
        if not path or not isinstance(path[-1], str):
            if len(path) >= 2 and isinstance(path[-1], int) and path[-2] in PERSON_LIST_FIELDS \
                    and isinstance(value, str):
                yield path, value
            continue
        if path[-1] in SINGLE_PERSON_FIELDS and isinstance(value, str):
            yield path, value
