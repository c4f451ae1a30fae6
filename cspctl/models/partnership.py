"""The board itself (`partnership.yaml`): meeting defaults, chairs, standing items, subgroups."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from cspctl.models.base import IsoDate, Minutes, PersonRef, Record, Slug, Time, WholeNumber

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
    """When papers must go out: `working_days_before: N` (the working day N working days before
    the meeting) or `clear_working_days: N` (N whole working days between the day papers go
    out and the meeting, as UK councils publish agendas). Give one of the two."""

    working_days_before: WholeNumber | None = Field(default=None, ge=0, le=60)
    clear_working_days: WholeNumber | None = Field(default=None, ge=0, le=60)

    @model_validator(mode="after")
    def _one_rule(self) -> PapersDeadline:
        if (self.working_days_before is None) == (self.clear_working_days is None):
            raise PydanticCustomError(
                "deadline_rule", "give one of working_days_before or clear_working_days")
        return self


class WorkingDays(Record):
    """Which weekdays are not working days: the bank holidays of the partnership's nation
    (`england-and-wales`, `scotland`, `northern-ireland`, or `none`) and its own closures."""

    bank_holidays: Literal["england-and-wales", "scotland", "northern-ireland", "none"] = "england-and-wales"
    closures: list[IsoDate] = Field(default_factory=list)


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

    min_members: WholeNumber | None = Field(default=None, ge=1, le=500)
    min_organisations: WholeNumber | None = Field(default=None, ge=1, le=500)


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


class Member(Record):
    """A member of the board in its terms of reference, with the organisation they sit for
    and the dates of their membership (either end may be open)."""

    name: PersonRef
    organisation: str | None = None
    start: IsoDate | None = Field(default=None, alias="from")
    until: IsoDate | None = None


class AttendanceThreshold(Record):
    """Members should attend (in person or by a substitute) at least `min_percent` of the
    last `last_meetings` meetings held; lint warns of those below."""

    min_percent: WholeNumber = Field(ge=1, le=100)
    last_meetings: WholeNumber = Field(default=4, ge=1, le=50)


class Partnership(Record):
    """The partnership board: its identity (name, authority, logo, contact officer, the
    words its papers print) and how it meets. `names: canonical` prints people by the
    register's name instead of as each record writes them. `exclusion_wording` introduces
    Part B of a pack (its restricted items), in the board's own words, such as the
    resolution that excludes the public; without it the pack prints the neutral label
    `part_b_note`."""

    name: str
    short_name: str | None = None
    authority: str | None = None
    logo: str | None = None
    contact: Contact | None = None
    security: Security = Security()
    labels: dict[str, str] = Field(default_factory=dict)
    exclusion_wording: str | None = None
    names: Literal["as_written", "canonical"] = "as_written"
    chairs: list[PersonRef | ChairTerm] = Field(default_factory=list)
    manager: PersonRef | None = None
    policy_officer: PersonRef | None = None
    meetings: MeetingDefaults = MeetingDefaults()
    membership: list[PersonRef | Member] = Field(default_factory=list)
    attendance_threshold: AttendanceThreshold | None = None
    quorum: Quorum | None = None
    papers_deadline: PapersDeadline | None = None
    working_days: WorkingDays | None = None
    standing_items: list[StandingItem] = Field(default_factory=list)
    subgroups: list[Subgroup] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    agenda_rules: list[AgendaRule] = Field(default_factory=list)
