"""The people register as a lookup: names, ids and aliases to people, groups and organisations.

The board's papers spell people several ways ("Alison Cooper" / "Alison Couper"); lookups are
case- and space-insensitive and aliases absorb the rest. A meeting's `initials` resolve first
inside that meeting only (`resolve_in`), so "AC" can be two people at two meetings. Papers
print names as the record writes them; the register gives identity (`shown_name`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.records.yamlio.text import Path_

if TYPE_CHECKING:
    from cspctl.models.people import PeopleRegister

SINGLE_PERSON_FIELDS = frozenset({"chair", "note_taker", "manager", "policy_officer", "person"})
PERSON_LIST_FIELDS = frozenset(
    {"chairs", "presenters", "owners", "authors", "leads", "copy_to", "members",
     "present", "additional", "apologies", "membership"}
)
ENTRY_PERSON_FIELDS = ("name", "for")
"""The person keys of a mapping inside a person list (`{name, organisation, for}`, `{name, from}`)."""
INITIALS_SHAPE = re.compile(r"[A-Z]{2,4}")
"""What initials look like in minutes ("AC", "JMK"): checked with `fullmatch`."""


@dataclass
class Entry:
    """A person, a group or an organisation of the register (`kind`)."""

    id: str
    name: str
    kind: str
    email: str | None = None
    role: str | None = None
    organisation: str | None = None
    members: list[str] = field(default_factory=list)
    salutation: str | None = None


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
        self._add_organisations(register)

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

    # Organisations, per-meeting initials and names as written.

    def _add_organisations(self, register: PeopleRegister) -> None:
        for organisation in register.organisations:
            entry = Entry(organisation.id, organisation.name, "organisation")
            self._add(entry, [organisation.id, organisation.name, *organisation.aliases])
        for person in register.people:
            known = self.entries.get(person.id)
            if known is not None and known.kind == "person":
                known.salutation = person.salutation

    @property
    def has_organisations(self) -> bool:
        """Whether the board keeps a list of organisations (only then are theirs checked)."""
        return any(e.kind == "organisation" for e in self.entries.values())

    def organisation(self, name: str) -> Entry | None:
        """The organisation a name stands for, or None (a person's or group's name is none)."""
        entry = self.resolve(name)
        return entry if entry is not None and entry.kind == "organisation" else None

    def resolve_in(self, name: str, initials: Mapping[str, str] | None) -> Entry | None:
        """Resolve a name used at one meeting: that meeting's `initials` first, then the register."""
        if initials:
            meant = initials.get(name.strip())
            if meant is not None:
                return self.resolve(meant)
        return self.resolve(name)

    def shown_name(self, name: str, *, canonical: bool = False,
                   initials: Mapping[str, str] | None = None) -> str:
        """The name a paper prints: as the record writes it, or with `names: canonical` the
        register's name (the meeting's initials resolved first)."""
        if not canonical:
            return name
        entry = self.resolve_in(name, initials)
        return entry.name if entry is not None else name

    def identity(self, name: str, initials: Mapping[str, str] | None = None) -> str:
        """A key equal for every spelling of one entry: its id, else the name normalised."""
        entry = self.resolve_in(name, initials)
        return entry.id if entry is not None else normalise(name)


def looks_like_initials(name: str) -> bool:
    """"AC", "JMK": two to four capitals, as minutes abbreviate people."""
    return INITIALS_SHAPE.fullmatch(name.strip()) is not None


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
                    elif isinstance(name, dict):
                        found.extend(((*path, key, index, k), name[k]) for k in ENTRY_PERSON_FIELDS
                                     if isinstance(name.get(k), str))
                        _references(name, (*path, key, index), found)
                    elif isinstance(name, list):
                        _references(name, (*path, key, index), found)
            elif isinstance(item, (dict, list)):
                _references(item, (*path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                _references(item, (*path, index), found)
