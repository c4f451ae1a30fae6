"""The board itself (`partnership.yaml`): meeting defaults, chairs, standing items, subgroups."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cspctl.models.base import IsoDate, Minutes, PersonRef, Record, Slug, Time

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class MeetingDefaults(Record):
    """When and where the board usually meets; every part optional (many boards publish a
    start time only)."""

    weekday: Weekday | None = None
    start: Time | None = None
    end: Time | None = None
    venue: str | None = None


class StandingItem(Record):
    """An item on every agenda, placed before (`start`) or after (`end`) the planned items.

    `includes` are fixed sub-items listed under it (the seed's AOB carries "Performance
    Report"); `subgroup_updates: true` lists every subgroup with its leads under it.
    """

    id: Slug
    title: str
    presenters: list[PersonRef] = Field(default_factory=list)
    duration: Minutes | None = None
    position: Literal["start", "end"]
    includes: list[str] = Field(default_factory=list)
    subgroup_updates: bool = False


class Subgroup(Record):
    """A subgroup of the board that reports to it, with its leads."""

    id: Slug
    name: str
    leads: list[PersonRef] = Field(default_factory=list)
    copy_to: list[PersonRef] = Field(default_factory=list)
    reports: bool = True


class Priority(Record):
    """One of the partnership plan's priorities and the subgroups that own it."""

    id: Slug
    title: str
    subgroups: list[Slug] = Field(default_factory=list)


class AgendaRule(Record):
    """A standing requirement on every meeting's agenda (e.g. an item a funder mandates).

    A meeting satisfies the rule when one of its item titles contains one of `match`
    (case-insensitive). Meetings from `applies_from` on that miss it get a lint warning.
    """

    id: Slug
    description: str
    match: list[str] = Field(min_length=1)
    applies_from: IsoDate | None = None
    source: str | None = None


class PapersDeadline(Record):
    """Papers are due this many working days before the meeting."""

    working_days_before: int = Field(ge=0, le=60)


class ChairTerm(Record):
    """A chair with the dates of their term (either end may be open)."""

    name: PersonRef
    start: IsoDate | None = Field(default=None, alias="from")
    until: IsoDate | None = None


def chair_name(entry: PersonRef | ChairTerm) -> str:
    """The name of a `chairs` entry as the record writes it."""
    return entry if isinstance(entry, str) else entry.name


class Quorum(Record):
    """How many must be present for the board to be quorate: members, and/or distinct
    organisations (agencies) among them."""

    min_members: int | None = Field(default=None, ge=1, le=500)
    min_organisations: int | None = Field(default=None, ge=1, le=500)


class Contact(Record):
    """The officer the papers name for enquiries."""

    name: str = Field(min_length=1)
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


class Security(Record):
    """The security markings the board's papers carry, public and restricted. The Government
    Security Classifications are the default; a board may keep its own words."""

    public: str = "OFFICIAL"
    restricted: str = "OFFICIAL-SENSITIVE"


class Partnership(Record):
    """The partnership board: its identity (name, authority, logo, contact officer, the
    words its papers print) and how it meets. `names: canonical` prints people by the
    register's name instead of as each record writes them."""

    name: str
    short_name: str | None = None
    authority: str | None = None
    logo: str | None = None
    contact: Contact | None = None
    security: Security = Security()
    labels: dict[str, str] = Field(default_factory=dict)
    names: Literal["as_written", "canonical"] = "as_written"
    chairs: list[PersonRef | ChairTerm] = Field(default_factory=list)
    manager: PersonRef | None = None
    policy_officer: PersonRef | None = None
    meetings: MeetingDefaults = MeetingDefaults()
    quorum: Quorum | None = None
    papers_deadline: PapersDeadline | None = None
    standing_items: list[StandingItem] = Field(default_factory=list)
    subgroups: list[Subgroup] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    agenda_rules: list[AgendaRule] = Field(default_factory=list)
