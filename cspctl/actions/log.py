"""The action log: every action of the minutes and the action plans as one list of rows.

The overdue list is what the CSP manager reads before every board, so due dates follow the
board's own rule: an action without a `due` date is due at the next meeting after the one
that raised it (meeting records and the forward plan both count), and a plan action is due
at its end date. Overdue means still open and due before the as-of date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cspctl.errors import CspError
from cspctl.records.register import Entry, Register
from cspctl.records.store import Records

SOURCES = ("minutes", "plan", "all")
STATUSES = ("open", "completed", "dropped")
NO_OWNER = "(no owner)"


@dataclass
class ActionRow:
    """One action as the log shows it; `owner_refs` keeps the owners as the record names them."""

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

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    def as_dict(self) -> dict[str, Any]:
        """The `--format json` object: the fields DESIGN.md promises, then the extras."""
        return {
            "id": self.id,
            "description": self.description,
            "owners": list(self.owners),
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
        }


@dataclass
class Owner:
    """Someone a reminder or a `--by-owner` heading is for: a person, a memberless group,
    or a name the register does not know."""

    name: str
    id: str | None = None
    email: str | None = None
    rows: list[ActionRow] = field(default_factory=list)


def action_rows(records: Records, as_of: dt.date, source: str = "all") -> list[ActionRow]:
    """Every action of the wanted source, with due dates and days overdue as of `as_of`."""
    register = records.register
    rows: list[ActionRow] = []
    if source in ("minutes", "all"):
        dates = records.meeting_dates()
        for meeting in records.meetings:
            raised = meeting.model.date
            next_meeting = next((d for d in dates if d > raised), None)
            for item in meeting.model.items:
                for action in item.actions:
                    rows.append(ActionRow(
                        action.id, action.description, _names(register, action.owners),
                        list(action.owners), action.due or next_meeting, action.status,
                        "minutes", raised, item=item.title, completed_on=action.completed_on,
                        carried_from=action.carried_from,
                    ))
    if source in ("plan", "all"):
        for plan in records.plans:
            for theme in plan.model.themes:
                for pa in theme.actions:
                    rows.append(ActionRow(
                        f"{plan.model.id}/{theme.id}.{pa.number}", pa.action,
                        _names(register, pa.leads), list(pa.leads), pa.end,
                        "completed" if pa.rag == "complete" else "open", plan.model.id, None,
                        item=theme.title, rag=pa.rag, lead_note=pa.lead_note,
                    ))
    for row in rows:
        if row.status == "open" and row.due is not None and row.due < as_of:
            row.days_overdue = (as_of - row.due).days
    return sort_rows(rows)


def select(rows: Iterable[ActionRow], *, statuses: Iterable[str] = ("open",),
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
                       " (owners are people or groups of people.yaml, by id, name or alias)"))
    return entry


def owned_by(register: Register, rows: Iterable[ActionRow], owner: Entry) -> list[ActionRow]:
    """The rows `owner` answers for: a person's own actions and their groups' actions."""
    found = []
    for row in rows:
        for ref in row.owner_refs:
            entry = register.resolve(ref)
            if entry is owner or (entry is not None and owner.kind == "person"
                                  and owner.id in register.person_ids(entry.id)):
                found.append(row)
                break
    return found


def by_owner(register: Register, rows: Iterable[ActionRow]) -> list[Owner]:
    """The rows grouped by the person who answers for them; a group's action goes to each
    member, a memberless group or unknown name keeps its own heading."""
    owners: dict[str, Owner] = {}
    for row in rows:
        keys: dict[str, Owner] = {}
        refs: list[str | None] = list(row.owner_refs) or [None]
        for ref in refs:
            for owner in _answerable(register, ref):
                keys.setdefault(owner.id or owner.name, owner)
        for key, owner in keys.items():
            owners.setdefault(key, owner).rows.append(row)
    return sorted(owners.values(), key=lambda o: (o.name == NO_OWNER, o.name.casefold()))


def _answerable(register: Register, ref: str | None) -> list[Owner]:
    entry = register.resolve(ref) if ref is not None else None
    if entry is None:
        return [Owner(ref or NO_OWNER)]
    if entry.kind == "person":
        return [Owner(entry.name, entry.id, entry.email)]
    members = [register.entries[m] for m in sorted(register.person_ids(entry.id))]
    if not members:
        return [Owner(entry.name, entry.id, entry.email)]
    return [Owner(m.name, m.id, m.email) for m in members]


def sort_rows(rows: list[ActionRow]) -> list[ActionRow]:
    """Most overdue first, then by due date (undated last), then by id in number order."""
    return sorted(rows, key=lambda r: (-r.days_overdue, r.due or dt.date.max, _id_key(r.id)))


def _id_key(action_id: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", action_id))


def _names(register: Register, refs: Iterable[str]) -> list[str]:
    return [register.display(ref) for ref in refs]
