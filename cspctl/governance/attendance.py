"""Attendance statistics: per member and per organisation, as committee websites publish them.

For each meeting held in the period, every member *expected* is counted once as present, as
represented by a substitute (an attendee recorded `for` them), as having sent apologies, or as
absent. Who is expected comes from the partnership's `membership` when it declares one (each
member within the dates of their membership); otherwise from the meeting's own lists (those
present other than as guests, those who sent apologies or a substitute), so absence can only be
known where a membership is declared. Additional attendees are guests and never counted.
People are one row however the minutes spell them (the register gives identity); a row shows
the name as the membership writes it, else as the latest minutes do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cspctl.models.meeting import AttendanceEntry, Attendee, attendee_name
from cspctl.records.register import normalise
from cspctl.records.store import Records

HELD = ("held", "drafted", "approved")
OUTCOMES = ("present", "substitute", "apologies", "absent")


@dataclass
class Tally:
    """One member's or one organisation's record over the period."""

    name: str
    organisation: str | None = None
    expected: int = 0
    present: int = 0
    substitute: int = 0
    apologies: int = 0
    absent: int = 0
    as_substitute: int = 0
    """Meetings this person attended for another member (members' rows only)."""

    @property
    def attended(self) -> int:
        return self.present + self.substitute

    @property
    def percent(self) -> int | None:
        return None if not self.expected else round(100 * self.attended / self.expected)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "organisation": self.organisation, "expected": self.expected,
                "present": self.present, "substitute": self.substitute, "apologies": self.apologies,
                "absent": self.absent, "as_substitute": self.as_substitute,
                "attended_percent": self.percent}


@dataclass
class Attendance:
    meetings: list[dt.date]
    members: list[Tally] = field(default_factory=list)
    organisations: list[Tally] = field(default_factory=list)
    roll: bool = False
    """True when the partnership declares its membership (absence is then known)."""


def held_meetings(records: Records, since: dt.date | None, until: dt.date | None) -> list[Any]:
    return [m.model for m in records.meetings if m.model.status in HELD
            and (since is None or m.model.date >= since) and (until is None or m.model.date <= until)]


def attendance(records: Records, *, since: dt.date | None = None, until: dt.date | None = None) -> Attendance:
    """The attendance of every member and organisation at the meetings held from `since` to `until`."""
    partnership = records.partnership.model if records.partnership else None
    roll = list(partnership.membership) if partnership else []
    meetings = held_meetings(records, since, until)
    result = Attendance([m.date for m in meetings], roll=bool(roll))
    members: dict[str, Tally] = {}
    per_meeting: list[tuple[dt.date, dict[str, str]]] = []

    def key(name: str) -> str:
        entry = records.register.resolve(name)
        return entry.id if entry is not None else normalise(name)

    def tally(name: str, organisation: str | None, *, from_roll: bool = False) -> Tally:
        organisation = _organisation_name(records, organisation) if organisation else None
        found = members.setdefault(key(name), Tally(name, organisation or _organisation(records, name)))
        if from_roll or not roll:
            found.name = name
        if organisation:
            found.organisation = organisation
        return found

    for meeting in meetings:
        outcome: dict[str, str] = {}
        if roll:
            for member in roll:
                name = member if isinstance(member, str) else member.name
                if isinstance(member, str) or _in_term(member, meeting.date):
                    tally(name, None if isinstance(member, str) else member.organisation, from_roll=True)
                    outcome[key(name)] = "absent"
        for entry in meeting.attendance.present:
            represented = entry.substitute_for if isinstance(entry, Attendee) else None
            if represented:
                tally(represented, None)
                outcome[key(represented)] = "substitute"
                attendee = attendee_name(entry)
                if roll and key(attendee) not in outcome:
                    continue  # a substitute from outside the membership has no row of their own
                tally(attendee, _entry_organisation(entry)).as_substitute += 1
            else:
                tally(attendee_name(entry), _entry_organisation(entry))
                outcome[key(attendee_name(entry))] = "present"
        for entry in meeting.attendance.apologies:
            name = attendee_name(entry)
            tally(name, _entry_organisation(entry))
            if outcome.get(key(name)) in (None, "absent"):
                outcome[key(name)] = "apologies"
        per_meeting.append((meeting.date, outcome))
    for _, outcome in per_meeting:
        for member_key, what in outcome.items():
            row = members[member_key]
            row.expected += 1
            setattr(row, what, getattr(row, what) + 1)
    result.members = sorted(members.values(), key=lambda t: normalise(t.name))
    result.members = [m for m in result.members if m.expected or m.as_substitute]
    result.organisations = _organisations(result.members, per_meeting, members)
    return result


def _organisations(rows: list[Tally], per_meeting: list[tuple[dt.date, dict[str, str]]],
                   members: dict[str, Tally]) -> list[Tally]:
    """An organisation is represented at a meeting when any of its members is there in person
    or by a substitute; it sent apologies when none is there and one sent apologies."""
    found: dict[str, Tally] = {}
    for _, outcome in per_meeting:
        by_org: dict[str, list[str]] = {}
        for member_key, what in outcome.items():
            organisation = members[member_key].organisation
            if organisation:
                by_org.setdefault(organisation, []).append(what)
        for organisation, outcomes in by_org.items():
            row = found.setdefault(normalise(organisation), Tally(organisation))
            row.expected += 1
            best = next(o for o in OUTCOMES if o in outcomes)
            setattr(row, best, getattr(row, best) + 1)
    return sorted(found.values(), key=lambda t: normalise(t.name))


def _entry_organisation(entry: AttendanceEntry) -> str | None:
    return entry.organisation if isinstance(entry, Attendee) else None


def _organisation(records: Records, name: str) -> str | None:
    entry = records.register.resolve(name)
    return _organisation_name(records, entry.organisation) if entry is not None and entry.organisation else None


def _organisation_name(records: Records, written: str) -> str:
    """An organisation as the register names it, however a record spells it (by alias)."""
    entry = records.register.resolve(written)
    return entry.name if entry is not None and entry.kind == "organisation" else written


def _in_term(member: Any, date: dt.date) -> bool:
    return (member.start is None or member.start <= date) and (member.until is None or date <= member.until)
