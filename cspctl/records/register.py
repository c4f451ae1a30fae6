"""The people register as a lookup: names, ids and aliases to people and groups.

The board's papers spell people several ways ("Narinder Dail" / "Narinder Dial"); lookups are
case- and space-insensitive and aliases absorb the rest.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.records.yamlio.text import Path_

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
    """A name as lookups compare it: spacing and case ignored, and one Unicode spelling (NFC),
    so "Zoë" typed as e + combining diaeresis is the register's "Zoë"."""
    folded = re.sub(r"\s+", " ", name).strip().casefold()
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def scripts(name: str) -> set[str]:
    """The scripts of the letters of `name` ("LATIN", "CYRILLIC", ...); full-width forms count
    as "FULLWIDTH". Two or more make a look-alike: "Jаne" with a Cyrillic "а" is not "Jane"."""
    if name.isascii():
        return {"LATIN"} if any(c.isalpha() for c in name) else set()
    found = set()
    for char in name:
        if char.isalpha() or "\uff01" <= char <= "\uff5e":
            found.add(unicodedata.name(char, "UNKNOWN").split(" ")[0])
    return found


class Register:
    """Resolves names; knows who belongs to which group."""

    def __init__(self, register: PeopleRegister | None) -> None:
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, Entry] = {}
        self._resolved: dict[str, Entry | None] = {}
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
        first = self.entries.setdefault(entry.id, entry)
        if first is not entry:
            # A second entry with a taken id (lint: CSP202) is left out: its names must not
            # resolve to the first one's id ("--owner 'Jane Smith'" listing Jo's actions).
            self.clashes.append((entry.id, first, entry))
            return
        for key in keys:
            norm = normalise(key)
            existing = self._index.get(norm)
            if existing is not None and existing is not entry:
                self.clashes.append((key, existing, entry))
            else:
                self._index[norm] = entry

    def resolve(self, name: str) -> Entry | None:
        # The same few dozen names fill thousands of attendance lists: normalise each once.
        try:
            return self._resolved[name]
        except KeyError:
            entry = self._resolved[name] = self._index.get(normalise(name))
            return entry

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


def person_references(data: Any) -> list[tuple[Path_, str]]:
    """Every place a record names a person or group, with the name as written: a string under
    a person field (`chair: …`) or in a person list (`present: [...]`), at any depth."""
    found: list[tuple[Path_, str]] = []
    _references(data, (), found)
    return found


def _references(value: Any, path: Path_, found: list[tuple[Path_, str]]) -> None:
    # Every value of every record passes here: only containers make paths, strings cost a test.
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                if key in SINGLE_PERSON_FIELDS:
                    found.append(((*path, key), item))
            elif isinstance(item, list) and key in PERSON_LIST_FIELDS:
                for index, name in enumerate(item):
                    if isinstance(name, str):
                        found.append(((*path, key, index), name))
                    elif isinstance(name, (dict, list)):
                        _references(name, (*path, key, index), found)
            elif isinstance(item, (dict, list)):
                _references(item, (*path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                _references(item, (*path, index), found)
