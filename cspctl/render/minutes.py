"""Minutes in the seed's layout: attendance with the chair and note taker marked, every item
and sub-item numbered, ACTION lines with their status, restricted items reduced to their title.

Nothing is added that the record does not say: an attendee's organisation, substitution
and note only when written; "not quorate" only when `quorate: false`; declarations of
interest as recorded (under the first item whose title mentions declarations, else in a
block after the attendance), and "no declarations" only when the item's own minutes say so.
A cancelled or postponed meeting has no minutes: its paper is a short notice. An item
titled "Date of next meeting" without minutes of its own shows the next meeting held or
planned; no item is added that the record does not have.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cspctl.models.meeting import NOT_HELD, AttendanceEntry, Declaration, Item, attendee_name, item_number
from cspctl.records.register import Register
from cspctl.records.store import Records
from cspctl.render.common import meeting_defaults, not_found

NEXT_MEETING_TITLE = "date of next meeting"
DECLARATIONS_TITLE = "declaration"
NO_MINUTES = ("planned", *NOT_HELD)
"""Statuses of meetings that are never expected to have minutes."""


@dataclass
class Attendee:
    ref: str
    marks: list[str] = field(default_factory=list)


@dataclass
class ActionLine:
    id: str
    owners: list[str]
    description: str
    status: str
    due: dt.date | None = None
    """The record's due date, else the next meeting's (as the action log has it); an
    `ongoing` action has none, only its `review` date."""
    review: dt.date | None = None

    @property
    def text(self) -> str:
        """The description, with the trailing full stop dropped when a status follows."""
        return self.description.rstrip().rstrip(".") if self.status != "open" else self.description.rstrip()


@dataclass
class NextMeeting:
    date: dt.date
    title: str | None
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None


@dataclass
class MinutesItem:
    number: str
    title: str
    restricted: bool
    minutes: str | None
    decisions: list[str]
    actions: list[ActionLine]
    next_meeting: NextMeeting | None = None
    depth: int = 0
    chair: str | None = None
    status: str = "taken"
    deferred_to: dt.date | None = None
    declarations: list[Declaration] = field(default_factory=list)
    items: list[MinutesItem] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        """A restricted item with nothing to show: printed as title and placeholder."""
        return self.restricted and not (self.minutes or self.decisions or self.actions)


@dataclass
class MinutesView:
    date: dt.date
    title: str | None
    start: str | None
    end: str | None
    venue: str | None
    status: str
    approved_at: dt.date | None
    present: list[Attendee]
    additional: list[Attendee]
    apologies: list[Attendee]
    items: list[MinutesItem]
    notes: str | None = None
    quorate: bool | None = None
    declarations: list[Declaration] = field(default_factory=list)
    """Declarations shown after the attendance: there is no declarations item to hold them."""

    @property
    def held(self) -> bool:
        return self.status not in NOT_HELD

    @property
    def all_items(self) -> list[MinutesItem]:
        """Every item and sub-item in paper order (each knows its `depth`)."""
        found: list[MinutesItem] = []

        def down(items: list[MinutesItem]) -> None:
            for item in items:
                found.append(item)
                down(item.items)

        down(self.items)
        return found

    @property
    def actions(self) -> list[ActionLine]:
        """Every action the minutes record, in paper order: the minutes' actions table."""
        return [action for item in self.all_items for action in item.actions]


def build(records: Records, date: dt.date) -> MinutesView:
    """The minutes of the meeting on `date`; a meeting still only planned has none."""
    record = records.meeting(date)
    if record is None or record.model.status == "planned":
        held = [m for m in records.meetings if m.model.status not in NO_MINUTES]
        raise not_found("minutes for the meeting on", date.isoformat(),
                        [m.model.date.isoformat() for m in held],
                        records=records, file=f"meetings/{date.isoformat()}.yaml")
    model = record.model
    register = records.register
    marks = {_key(register, model.chair): "CHAIR", _key(register, model.note_taker): "NOTE TAKER"}

    def people(entries: list[AttendanceEntry]) -> list[Attendee]:
        found = []
        for entry in entries:
            name = attendee_name(entry)
            written = [] if isinstance(entry, str) else [
                part for part in (entry.organisation,
                                  f"for {entry.substitute_for}" if entry.substitute_for else None,
                                  entry.note) if part]
            mark = marks.get(_key(register, name))
            found.append(Attendee(name, ([", ".join(written)] if written else []) + ([mark] if mark else [])))
        return found

    start, end, venue = meeting_defaults(records, date) if model.status not in NOT_HELD else (None, None, None)
    view = MinutesView(date, model.title, start, end, venue, model.status, model.approved_at,
                       people(model.attendance.present), people(model.attendance.additional),
                       people(model.attendance.apologies), [], model.notes, model.quorate)
    if not view.held:
        return view
    view.items = _items(model.items, "", 0, records.next_meeting_after(date))
    holder = next((i for i in view.items if DECLARATIONS_TITLE in i.title.casefold()), None)
    if holder is not None:
        holder.declarations = list(model.declarations)
    else:
        view.declarations = list(model.declarations)
    upcoming = _next_meeting(records, date)
    last = next((i for i in view.items if i.title.casefold().startswith(NEXT_MEETING_TITLE)), None)
    if last is not None and not last.minutes:
        last.next_meeting = upcoming
    return view


def _items(items: list[Item], parent: str, depth: int, next_date: dt.date | None) -> list[MinutesItem]:
    found = []
    for index, it in enumerate(items, start=1):
        number = item_number(it, index, parent)
        found.append(MinutesItem(
            number, it.title, it.restricted, it.minutes, list(it.decisions),
            [ActionLine(a.id, list(a.owners), a.description, a.status,
                        None if a.status == "ongoing" else a.due or next_date, a.review)
             for a in it.actions],
            depth=depth, chair=it.chair, status=it.status, deferred_to=it.deferred_to,
            items=_items(it.items, number, depth + 1, next_date),
        ))
    return found


def _key(register: Register, ref: str | None) -> str | None:
    if ref is None:
        return None
    entry = register.resolve(ref)
    return entry.id if entry else ref.casefold()


def _next_meeting(records: Records, date: dt.date) -> NextMeeting | None:
    """The next meeting held or planned (never a cancelled one), titled as its record or the
    board's name says."""
    upcoming = records.next_meeting_after(date)
    if upcoming is None:
        return None
    start, end, venue = meeting_defaults(records, upcoming)
    record = records.meeting(upcoming)
    name = records.partnership.model.name if records.partnership else None
    title = record.model.title if record and record.model.title else name
    return NextMeeting(upcoming, title, start, end, venue, record.model.chair if record else None)
