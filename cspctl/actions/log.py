"""The action log: every action of the minutes and the action plans as one list of rows.

The overdue list is what the board's manager reads before every meeting, so due dates follow
the board's own rule: an action without a `due` date is due at the next meeting held after the
one that raised it (`Records.next_meeting_after`), and a plan action is due at its end date.
Overdue means `open` or `in_progress` and due before the as-of date; an `ongoing` action (a
recurring task) is never overdue and shows its `review` date instead. Actions of sub-items
count like any other. Owners print as the record writes them (or, with `names: canonical`,
by the register's name); identity (`owner_ids`, `--owner`, grouping, chasing) resolves
through the register and the meeting's own `initials`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cspctl.errors import CspError
from cspctl.models.meeting import OPEN_STATUSES, walk_items
from cspctl.records.register import Entry, Register
from cspctl.records.store import Records

SOURCES = ("minutes", "plan", "all")
STATUSES = ("open", "in_progress", "ongoing", "completed", "dropped")
OVERDUE_STATUSES = ("open", "in_progress")
"""Statuses whose due date can pass: an `ongoing` action is never overdue."""
NO_OWNER = "(no owner)"


@dataclass
class ActionRow:
    """One action as the log shows it: `owners` as the paper prints them, `owner_refs` as
    the record names them, `owner_ids` the register entries they resolve to (None: unknown)."""

    id: str
    description: str
    owners: list[str]
    owner_refs: list[str]
    due: dt.date | None
    status: str
    source: str
    raised: dt.date | None
    days_overdue: int = 0
    item: str | None = None
    completed_on: dt.date | None = None
    carried_from: str | None = None
    rag: str | None = None
    lead_note: str | None = None
    owner_ids: list[str | None] = field(default_factory=list)
    review: dt.date | None = None

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    def as_dict(self) -> dict[str, Any]:
        """The `--format json` object: the fields DESIGN.md promises, then the extras."""
        return {
            "id": self.id,
            "description": self.description,
            "owners": list(self.owners),
            "owner_ids": list(self.owner_ids),
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "source": self.source,
            "raised": self.raised.isoformat() if self.raised else None,
            "days_overdue": self.days_overdue,
            "overdue": self.overdue,
            "item": self.item,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "carried_from": self.carried_from,
            "rag": self.rag,
            "lead_note": self.lead_note,
            "review": self.review.isoformat() if self.review else None,
        }


@dataclass
class Owner:
    """Someone a reminder or a `--by-owner` heading is for: a person, a memberless group, an
    organisation (`kind`), or a name the register does not know (`kind` None)."""

    name: str
    id: str | None = None
    email: str | None = None
    rows: list[ActionRow] = field(default_factory=list)
    kind: str | None = None
    salutation: str | None = None


def action_rows(records: Records, as_of: dt.date, source: str = "all") -> list[ActionRow]:
    """Every action of the wanted source, with due dates and days overdue as of `as_of`."""
    register = records.register
    canonical = records.partnership is not None and records.partnership.model.names == "canonical"
    rows: list[ActionRow] = []
    if source in ("minutes", "all"):
        for meeting in records.meetings:
            raised = meeting.model.date
            initials = meeting.model.initials
            next_meeting = records.next_meeting_after(raised)
            for _, item in walk_items(meeting.model.items):
                for action in item.actions:
                    rows.append(ActionRow(
                        action.id, action.description,
                        [register.shown_name(o, canonical=canonical, initials=initials)
                         for o in action.owners],
                        list(action.owners), action.due or next_meeting, action.status,
                        "minutes", raised, item=item.title, completed_on=action.completed_on,
                        carried_from=action.carried_from, review=action.review,
                        owner_ids=_ids(register, action.owners, initials),
                    ))
    if source in ("plan", "all"):
        for plan in records.plans:
            for theme in plan.model.themes:
                for pa in theme.actions:
                    rows.append(ActionRow(
                        f"{plan.model.id}/{theme.id}.{pa.number}", pa.action,
                        [register.shown_name(ref, canonical=canonical) for ref in pa.leads],
                        list(pa.leads), pa.end,
                        "completed" if pa.rag == "complete" else "open", plan.model.id, None,
                        item=theme.title, rag=pa.rag, lead_note=pa.lead_note,
                        owner_ids=_ids(register, pa.leads, None),
                    ))
    for row in rows:
        if row.status in OVERDUE_STATUSES and row.due is not None and row.due < as_of:
            row.days_overdue = (as_of - row.due).days
    return sort_rows(rows)


def select(rows: Iterable[ActionRow], *, statuses: Iterable[str] = OPEN_STATUSES,
           overdue: bool = False) -> list[ActionRow]:
    """The rows with one of `statuses` (and overdue, when asked)."""
    wanted = set(statuses)
    return [r for r in rows if r.status in wanted and (r.overdue or not overdue)]


def resolve_owner(register: Register, name: str) -> Entry:
    """The register entry for `--owner`, or a user error suggesting the closest name."""
    entry = register.resolve(name)
    if entry is None:
        hint = register.suggest(name)
        raise CspError(f"unknown owner '{name}'" + (f"; did you mean '{hint}'?" if hint else
                       " (owners are people, groups or organisations of people.yaml, by id, "
                       "name or alias)"))
    return entry


def owned_by(register: Register, rows: Iterable[ActionRow], owner: Entry) -> list[ActionRow]:
    """The rows `owner` answers for: a person's own actions and their groups' actions."""
    found = []
    for row in rows:
        for owner_id in row.owner_ids:
            if owner_id == owner.id or (owner_id is not None and owner.kind == "person"
                                        and owner.id in register.person_ids(owner_id)):
                found.append(row)
                break
    return found


def by_owner(register: Register, rows: Iterable[ActionRow]) -> list[Owner]:
    """The rows grouped by the person who answers for them; a group's action goes to each
    member, a memberless group, an organisation or an unknown name keeps its own heading."""
    owners: dict[str, Owner] = {}
    for row in rows:
        keys: dict[str, Owner] = {}
        refs: list[tuple[str | None, str | None]] = (
            list(zip(row.owner_refs, row.owner_ids, strict=False)) or [(None, None)])
        for ref, owner_id in refs:
            for owner in _answerable(register, ref, owner_id):
                keys.setdefault(owner.id or owner.name, owner)
        for key, owner in keys.items():
            owners.setdefault(key, owner).rows.append(row)
    return sorted(owners.values(), key=lambda o: (o.name == NO_OWNER, o.name.casefold()))


def _answerable(register: Register, ref: str | None, owner_id: str | None) -> list[Owner]:
    entry = register.entries.get(owner_id) if owner_id is not None else None
    if entry is None:
        return [Owner(ref or NO_OWNER)]
    if entry.kind != "group":
        return [_owner(entry)]
    members = [register.entries[m] for m in sorted(register.person_ids(entry.id))]
    return [_owner(m) for m in members] if members else [_owner(entry)]


def _owner(entry: Entry) -> Owner:
    return Owner(entry.name, entry.id, entry.email, kind=entry.kind, salutation=entry.salutation)


def _ids(register: Register, refs: Iterable[str], initials: dict[str, str] | None) -> list[str | None]:
    ids: list[str | None] = []
    for ref in refs:
        entry = register.resolve_in(ref, initials)
        ids.append(entry.id if entry is not None else None)
    return ids


def sort_rows(rows: list[ActionRow]) -> list[ActionRow]:
    """Most overdue first, then by due date (undated last), then by id in number order."""
    return sorted(rows, key=lambda r: (-r.days_overdue, r.due or dt.date.max, _id_key(r.id)))


def _id_key(action_id: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", action_id))
