"""A board meeting (`meetings/YYYY-MM-DD.yaml`): attendance, items, minutes, actions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from cspctl.models.base import (
    Initials,
    IsoDate,
    ItemNumber,
    Minutes,
    PartialDate,
    PersonRef,
    Record,
    Slug,
    Text,
    Time,
    WholeNumber,
)

ItemKind = Literal["standing", "report", "presentation", "update"]
ItemStatus = Literal["taken", "deferred", "withdrawn"]
ActionStatus = Literal["open", "in_progress", "ongoing", "completed", "dropped"]
MeetingStatus = Literal["planned", "held", "drafted", "approved", "cancelled", "postponed"]

OPEN_STATUSES = ("open", "in_progress", "ongoing")
"""Action statuses that still want doing; `ongoing` (a recurring task) is never overdue."""

NOT_HELD = ("cancelled", "postponed")
"""Meeting statuses of a meeting that did not take place: never a due date, never minuted."""


class ProgressUpdate(Record):
    """A dated note of progress on an action."""

    date: PartialDate
    note: Text


class Action(Record):
    """An action raised at a meeting item.

    `id` is stable (`2021-09-29/4.2`: meeting, item, sequence) so that later papers and pull
    requests can name it. `owners` are people, groups or organisations of the register; an
    action nobody owns yet has `owners: []` (lint warns). Without `due`, the action is due at
    the next meeting held after the one that raised it. An `ongoing` action (a recurring task
    such as quarterly updates) is never overdue; `review` is when the board next looks at it.
    `carried_from` names the earlier meeting (a date, or a month when the papers give no
    day) an action was carried from when that meeting has no record here.
    """

    id: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9A-Za-z]+([.][0-9A-Za-z]+)*[.][0-9]+$")
    owners: list[PersonRef] = Field(default_factory=list)
    description: Text = Field(min_length=1)
    due: IsoDate | None = None
    status: ActionStatus = "open"
    review: IsoDate | None = None
    completed_on: IsoDate | None = None
    carried_from: PartialDate | None = None
    updates: list[ProgressUpdate] = Field(default_factory=list)


class PaperFile(Record):
    """A document the board received as a file kept in the records folder."""

    path: str = Field(min_length=1)
    title: str = Field(min_length=1)


PaperRef = Slug | PaperFile
"""A paper for an item: a report or action plan by id, `forward-plan`, `actions` (the action
log as at the meeting), or a file in the records folder (`{path, title}`)."""


class Item(Record):
    """One agenda item. Without `number` items are numbered by order (sub-items 4.1, 4.2);
    restricted items publish their title only. A `deferred` item names the meeting it moved
    to (`deferred_to`); a `withdrawn` one was not taken."""

    number: ItemNumber | None = None
    title: str = Field(min_length=1)
    kind: ItemKind = "report"
    status: ItemStatus = "taken"
    deferred_to: IsoDate | None = None
    chair: PersonRef | None = None
    presenters: list[PersonRef] = Field(default_factory=list)
    duration: Minutes | None = None
    restricted: bool = False
    papers: list[PaperRef] = Field(default_factory=list)
    minutes: Text | None = None
    decisions: list[Text] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


class Attendee(Record):
    """An attendance entry with more than a name: the organisation the person came for, the
    member they substituted for (`for`), and a note as the minutes give it."""

    name: PersonRef
    organisation: str | None = None
    substitute_for: PersonRef | None = Field(default=None, alias="for")
    note: str | None = None


AttendanceEntry = PersonRef | Attendee
"""A name as the minutes print it, or an `Attendee` mapping."""


class Attendance(Record):
    """Who was there: members present, additional attendees, apologies."""

    present: list[AttendanceEntry] = Field(default_factory=list)
    additional: list[AttendanceEntry] = Field(default_factory=list)
    apologies: list[AttendanceEntry] = Field(default_factory=list)


class Declaration(Record):
    """A declaration of interest: who, on which item (its number or title), and the interest."""

    person: PersonRef
    item: str | None = None
    interest: Text = Field(min_length=1)


class Publication(Record):
    """A publication of the meeting's papers by `cspctl publish`: when, from which records
    commit, where its files and manifest are, whether it was a supplement, and how many working
    days after the papers deadline it went out (0: on time)."""

    on: IsoDate
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    folder: str = Field(min_length=1)
    supplement: bool = False
    late_working_days: WholeNumber = Field(default=0, ge=0)


class Meeting(Record):
    """A meeting record. `status` moves planned -> held -> drafted -> approved, or the meeting
    is `cancelled` or `postponed` (say why in `notes`).

    Approved minutes are a legal record: `approved_at` names the meeting that approved them,
    and afterwards only action progress may change. `quorate` records what the minutes say;
    without it lint checks the attendance against the partnership's `quorum`. `initials` maps
    the initials this meeting's minutes use to people, for this meeting only.
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
    notes: Text | None = None
    quorate: bool | None = None
    initials: dict[Initials, PersonRef] = Field(default_factory=dict)
    attendance: Attendance = Attendance()
    declarations: list[Declaration] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)


ItemPath = tuple[int, ...]
"""Where an item sits: its index among the meeting's items, then among each parent's sub-items."""


def walk_items(items: list[Item], parent: ItemPath = ()) -> Iterator[tuple[ItemPath, Item]]:
    """Every item and sub-item in paper order, each with its `ItemPath`.

    Anything that reads items (actions, papers, restrictions, checks) walks them through
    this, so a sub-item's actions and papers are never missed."""
    for index, item in enumerate(items):
        path = (*parent, index)
        yield path, item
        if item.items:
            yield from walk_items(item.items, path)


def item_number(item: Item, place: int, parent: str = "") -> str:
    """The number the papers print for an item: its own `number`, else its `place` (1-based)
    among its siblings, under its parent's number (4, and 4.1, 4.2 for the sub-items of 4)."""
    return item.number or (f"{parent}.{place}" if parent else str(place))


def item_numbers(items: list[Item]) -> dict[ItemPath, str]:
    """Every item's and sub-item's printed number, by `ItemPath`."""
    found: dict[ItemPath, str] = {}
    for where, item in walk_items(items):
        found[where] = item_number(item, where[-1] + 1, found.get(where[:-1], ""))
    return found


def record_path(path: ItemPath) -> list[str | int]:
    """The key path of an item inside the meeting record (`items, 3, items, 0`)."""
    found: list[str | int] = []
    for index in path:
        found += ["items", index]
    return found


def paper_ids(item: Item) -> list[str]:
    """The papers of an item named by id (reports, plans, `forward-plan`, `actions`)."""
    return [paper for paper in item.papers if isinstance(paper, str)]


def attendee_name(entry: AttendanceEntry) -> str:
    """The name of an attendance entry as the record writes it."""
    return entry if isinstance(entry, str) else entry.name
