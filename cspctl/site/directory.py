"""The people, groups and organisations of the register, with what each owns, attends and
presents in the public records: the site's people and organisations pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cspctl.actions.log import ActionRow, owned_by
from cspctl.models.meeting import attendee_name, item_numbers, walk_items
from cspctl.records.register import Entry
from cspctl.records.store import Records
from cspctl.site import paths


@dataclass
class EntryFacts:
    id: str
    name: str
    kind: str
    role: str | None = None
    organisation: str | None = None
    organisation_id: str | None = None
    description: str | None = None
    members: list[tuple[str, str | None]] = field(default_factory=list)
    """(name, site path or None) of a group's members or an organisation's people."""
    actions: list[ActionRow] = field(default_factory=list)
    attended: list[tuple[dt.date, str]] = field(default_factory=list)
    """(meeting date, how: present, substitute, additional, apologies)."""
    presented: list[tuple[dt.date, str, str]] = field(default_factory=list)
    """(meeting date, item number, item title) of the public items they presented."""
    authored: list[tuple[str, str]] = field(default_factory=list)
    """(subject, site path) of the papers they wrote."""

    @property
    def path(self) -> str:
        return paths.organisation(self.id) if self.kind == "organisation" else paths.person(self.id)


class Directory:
    def __init__(self, records: Records, rows: list[ActionRow]) -> None:
        self.register = records.register
        register = records.people.model if records.people else None
        self.people = [self._entry(p.id) for p in (register.people if register else [])]
        self.groups = [self._entry(g.id) for g in (register.groups if register else [])]
        self.organisations = [self._entry(o.id) for o in (register.organisations if register else [])]
        self._by_id = {e.id: e for e in (*self.people, *self.groups, *self.organisations)}
        for entry in (*self.people, *self.groups, *self.organisations):
            known = self.register.entries.get(entry.id)
            if known is not None:
                entry.actions = owned_by(self.register, rows, known)
        self._members()
        self._meetings(records)
        for report in records.reports:
            for author in report.model.authors:
                found = self._find(author, None)
                if found is not None:
                    found.authored.append((report.model.subject, paths.report(report.model.id)))

    def _entry(self, entry_id: str) -> EntryFacts:
        entry = self.register.entries[entry_id]
        organisation = self.register.organisation(entry.organisation) if entry.organisation else None
        found = EntryFacts(entry.id, entry.name, entry.kind, entry.role,
                           organisation.name if organisation else entry.organisation,
                           organisation.id if organisation else None)
        return found

    def link(self, name: str | None, initials: dict[str, str] | None = None) -> str | None:
        """The page of the person, group or organisation `name` resolves to, if the site has one."""
        entry = self.register.resolve_in(name, initials) if name else None
        found = self._by_id.get(entry.id) if entry is not None else None
        return found.path if found is not None else None

    def _members(self) -> None:
        for group in self.groups:
            known = self.register.entries[group.id]
            group.members = [(self.register.display(m), self.link(m)) for m in known.members]
        for organisation in self.organisations:
            organisation.members = [(p.name, p.path) for p in self.people
                                    if p.organisation_id == organisation.id]

    def _meetings(self, records: Records) -> None:
        for meeting in records.meetings:
            model = meeting.model
            initials = dict(model.initials)
            lists = (("present", model.attendance.present), ("additional", model.attendance.additional),
                     ("apologies", model.attendance.apologies))
            for how, entries in lists:
                for entry in entries:
                    shown = "substitute" if getattr(entry, "substitute_for", None) else how
                    found = self._find(attendee_name(entry), initials)
                    if found is not None:
                        found.attended.append((model.date, shown))
            numbers = item_numbers(model.items)
            hidden: set[tuple[int, ...]] = set()
            for where, item in walk_items(model.items):
                if item.restricted or where[:-1] in hidden:
                    hidden.add(where)
                    continue
                for presenter in item.presenters:
                    found = self._find(presenter, initials)
                    if found is not None:
                        found.presented.append((model.date, numbers[where], item.title))

    def _find(self, name: str, initials: dict[str, str] | None) -> EntryFacts | None:
        entry: Entry | None = self.register.resolve_in(name, initials)
        return self._by_id.get(entry.id) if entry is not None else None

    def actions_by_organisation(self) -> list[tuple[str, list[ActionRow]]]:
        """Each organisation with the actions it or its people own (an action once per organisation)."""
        found = []
        for organisation in self.organisations:
            ids: dict[str, ActionRow] = {r.id: r for r in organisation.actions}
            for person in self.people:
                if person.organisation_id == organisation.id:
                    ids.update((r.id, r) for r in person.actions)
            if ids:
                found.append((organisation.name, sorted(ids.values(), key=lambda r: (r.due or dt.date.max, r.id))))
        return found
