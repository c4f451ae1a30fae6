"""A board meeting (`meetings/YYYY-MM-DD.yaml`): attendance, items, minutes, actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cspctl.models.base import IsoDate, Minutes, PartialDate, PersonRef, Record, Slug, Text, Time

ItemKind = Literal["standing", "report", "presentation", "update"]
ActionStatus = Literal["open", "completed", "dropped"]
MeetingStatus = Literal["planned", "held", "drafted", "approved"]


class ProgressUpdate(Record):
    """A dated note of progress on an action."""

    date: PartialDate
    note: Text


class Action(Record):
    """An action raised at a meeting item.

    `id` is stable (`2021-09-29/4.2`: meeting, item, sequence) so that later papers and pull
    requests can name it. Without `due`, the action is due at the next meeting after the one
    that raised it. `carried_from` names the earlier meeting (a date, or a month when the
    seed gives no day) an action was carried from when that meeting has no record here.
    """

    id: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}/\d+\.\d+$")
    owners: list[PersonRef] = Field(min_length=1)
    description: Text = Field(min_length=1)
    due: IsoDate | None = None
    status: ActionStatus = "open"
    completed_on: IsoDate | None = None
    carried_from: PartialDate | None = None
    updates: list[ProgressUpdate] = Field(default_factory=list)


class Item(Record):
    """One agenda item. Numbers come from order; restricted items publish their title only."""

    title: str = Field(min_length=1)
    kind: ItemKind = "report"
    presenters: list[PersonRef] = Field(default_factory=list)
    duration: Minutes | None = None
    restricted: bool = False
    papers: list[Slug] = Field(default_factory=list)
    minutes: Text | None = None
    decisions: list[Text] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)


class Attendance(Record):
    """Who was there: members present, additional attendees, apologies."""

    present: list[PersonRef] = Field(default_factory=list)
    additional: list[PersonRef] = Field(default_factory=list)
    apologies: list[PersonRef] = Field(default_factory=list)


class Meeting(Record):
    """A meeting record. `status` moves planned -> held -> drafted -> approved.

    Approved minutes are a legal record: `approved_at` names the meeting that approved them,
    and afterwards only action progress may change.
    """

    date: IsoDate
    title: str | None = None
    start: Time | None = None
    end: Time | None = None
    venue: str | None = None
    chair: PersonRef | None = None
    note_taker: PersonRef | None = None
    status: MeetingStatus = "planned"
    approved_at: IsoDate | None = None
    attendance: Attendance = Attendance()
    items: list[Item] = Field(default_factory=list)
