"""Minutes in the seed's layout: attendance with the chair and note taker marked, every item
numbered, ACTION lines with their status, restricted items reduced to their title."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cspctl.records.register import Register
from cspctl.records.store import Records
from cspctl.render.common import meeting_defaults, not_found

NEXT_MEETING_TITLE = "date of next meeting"
NO_MINUTES = ("planned",)


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

    @property
    def text(self) -> str:
        """The description, with the trailing full stop dropped when a status follows."""
        return self.description.rstrip().rstrip(".") if self.status != "open" else self.description.rstrip()


@dataclass
class NextMeeting:
    date: dt.date
    title: str
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None


@dataclass
class MinutesItem:
    number: int
    title: str
    restricted: bool
    minutes: str | None
    decisions: list[str]
    actions: list[ActionLine]
    next_meeting: NextMeeting | None = None

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


def build(records: Records, date: dt.date) -> MinutesView:
    """The minutes of the meeting on `date`; a meeting still only planned has none."""
    held = [m for m in records.meetings if m.model.status not in NO_MINUTES]
    record = records.meeting(date)
    if record is None or record.model.status in NO_MINUTES:
        raise not_found("minutes for the meeting on", date.isoformat(),
                        [m.model.date.isoformat() for m in held],
                        records=records, file=f"meetings/{date.isoformat()}.yaml")
    model = record.model
    register = records.register
    marks = {_key(register, model.chair): "CHAIR", _key(register, model.note_taker): "NOTE TAKER"}

    def people(refs: list[str]) -> list[Attendee]:
        return [Attendee(r, [marks[k]] if (k := _key(register, r)) in marks else []) for r in refs]

    items = [
        MinutesItem(n, it.title, it.restricted, it.minutes, list(it.decisions),
                    [ActionLine(a.id, list(a.owners), a.description, a.status) for a in it.actions])
        for n, it in enumerate(model.items, start=1)
    ]
    upcoming = _next_meeting(records, date)
    last = next((i for i in items if i.title.casefold().startswith(NEXT_MEETING_TITLE)), None)
    if last is None and upcoming is not None:
        items.append(last := MinutesItem(len(items) + 1, "Date of Next Meeting", False, None, [], []))
    if last is not None and not last.minutes:
        last.next_meeting = upcoming
    start, end, venue = meeting_defaults(records, date)
    return MinutesView(date, model.title, start, end, venue, model.status, model.approved_at,
                       people(model.attendance.present), people(model.attendance.additional),
                       people(model.attendance.apologies), items)


def _key(register: Register, ref: str | None) -> str | None:
    if ref is None:
        return None
    entry = register.resolve(ref)
    return entry.id if entry else ref.casefold()


def _next_meeting(records: Records, date: dt.date) -> NextMeeting | None:
    upcoming = records.next_meeting_after(date)
    if upcoming is None:
        return None
    start, end, venue = meeting_defaults(records, upcoming)
    record = records.meeting(upcoming)
    name = records.partnership.model.name if records.partnership else "Community Safety Partnership"
    return NextMeeting(upcoming, f"{name} Board", start, end, venue,
                       record.model.chair if record else None)
