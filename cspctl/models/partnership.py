"""The board itself (`partnership.yaml`): meeting defaults, chairs, standing items, subgroups."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cspctl.models.base import IsoDate, Minutes, PersonRef, Record, Slug, Time

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class MeetingDefaults(Record):
    """When and where the board usually meets."""

    weekday: Weekday
    start: Time
    end: Time
    venue: str


class StandingItem(Record):
    """An item on every agenda, placed before (`start`) or after (`end`) the planned items.

    `includes` are fixed sub-items listed under it (the seed's AOB carries "Performance
    Report"); `subgroup_updates: true` lists every subgroup with its leads under it.
    """

    id: Slug
    title: str
    presenters: list[PersonRef] = Field(default_factory=list)
    duration: Minutes
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
    """A standing requirement on every meeting's agenda (e.g. a VRU-mandated item).

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


class Partnership(Record):
    """The partnership board."""

    name: str
    short_name: str | None = None
    authority: str | None = None
    chairs: list[PersonRef] = Field(default_factory=list)
    manager: PersonRef | None = None
    policy_officer: PersonRef | None = None
    meetings: MeetingDefaults
    papers_deadline: PapersDeadline | None = None
    standing_items: list[StandingItem] = Field(default_factory=list)
    subgroups: list[Subgroup] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    agenda_rules: list[AgendaRule] = Field(default_factory=list)
