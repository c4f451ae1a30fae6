"""An agenda: the ordered items of one meeting, their numbers and sub-items, and what the
records say of their timing.

Built from the meeting's record when there is one, else from the forward plan with the
partnership's standing items placed around the planned ones.

Numbers: an item's own `number` is printed as given ("4a", "31"); otherwise items are
numbered by their place (1, 2, 3; sub-items 4.1, 4.2 under their parent's number).

Timing is never invented. An item has a start time only when the meeting has a start and
every item before it has a duration (a parent without one takes its sub-items' total when
each of them has one); after an item of unknown length the clock is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.models.base import minutes_of_day
from cspctl.models.meeting import NOT_HELD, item_number, paper_ids
from cspctl.models.partnership import ChairTerm, chair_name
from cspctl.records.store import Records

if TYPE_CHECKING:
    from cspctl.models.meeting import Item
    from cspctl.models.partnership import Partnership


@dataclass
class AgendaItem:
    number: str
    title: str
    presenters: list[str]
    duration: int | None
    restricted: bool
    kind: str
    start: str | None = None
    notes: str | None = None
    includes: list[str] = field(default_factory=list)
    subgroup_updates: bool = False
    papers: list[str] = field(default_factory=list)
    chair: str | None = None
    status: str = "taken"
    deferred_to: dt.date | None = None
    items: list[AgendaItem] = field(default_factory=list)

    @property
    def minutes(self) -> int | None:
        """How long the item is, as far as the records say: its duration, else the total of
        its sub-items when every one of them has one."""
        if self.duration is not None:
            return self.duration
        if self.items and all(sub.minutes is not None for sub in self.items):
            return sum(sub.minutes or 0 for sub in self.items)
        return None


@dataclass
class Agenda:
    date: dt.date
    source: str  # "meeting" or "forward plan"
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None
    items: list[AgendaItem]
    status: str = "planned"
    notes: str | None = None
    title: str | None = None

    @property
    def held(self) -> bool:
        """False for a cancelled or postponed meeting."""
        return self.status not in NOT_HELD

    def walk(self) -> Iterator[tuple[int, AgendaItem]]:
        """Every item and sub-item in paper order, with its depth (0 for top-level items)."""

        def down(items: list[AgendaItem], depth: int) -> Iterator[tuple[int, AgendaItem]]:
            for item in items:
                yield depth, item
                yield from down(item.items, depth + 1)

        return down(self.items, 0)

    @property
    def total_minutes(self) -> int:
        """The minutes the records give, summed over the top-level items that have them."""
        return sum(item.minutes or 0 for item in self.items)

    @property
    def untimed(self) -> int:
        """Top-level items of unknown length."""
        return sum(1 for item in self.items if item.minutes is None)

    @property
    def slot_minutes(self) -> int | None:
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return minutes_of_day(self.end) - minutes_of_day(self.start)

    @property
    def finish(self) -> str | None:
        """When the items end by their durations, known only when every item has one."""
        if self.start is None or self.untimed or not self.items:
            return None
        return _clock(minutes_of_day(self.start) + self.total_minutes)

    @property
    def overrun(self) -> int:
        """Minutes by which the given durations overrun the slot (0 when they fit, or when no
        end or no duration is recorded)."""
        slot = self.slot_minutes
        return max(0, self.total_minutes - slot) if slot is not None else 0


def build_agenda(records: Records, date: dt.date) -> Agenda | None:
    """The agenda for `date`, or None when no meeting record or forward-plan entry has it."""
    partnership = records.partnership.model if records.partnership else None
    defaults = partnership.meetings if partnership else None
    meeting = records.meeting(date)
    if meeting is not None:
        model = meeting.model
        start, end = meeting_times(model.start, model.end, defaults)
        agenda = Agenda(date, "meeting", start, end,
                        model.venue or (defaults.venue if defaults else None), model.chair,
                        _recorded(records, model.items, ""), model.status, model.notes, model.title)
        return _timed(agenda)
    plan = records.forward_plan
    planned = next((p for p in plan.model.meetings if p.date == date), None) if plan else None
    if planned is None:
        return None
    standing = partnership.standing_items if partnership else []
    items: list[AgendaItem] = []

    def add_standing(position: str) -> None:
        for s in standing:
            if s.position == position:
                items.append(AgendaItem(str(len(items) + 1), s.title, list(s.presenters), s.duration,
                                        False, "standing", includes=list(s.includes),
                                        subgroup_updates=s.subgroup_updates))

    add_standing("start")
    for p in planned.items:
        items.append(AgendaItem(str(len(items) + 1), p.title, list(p.presenters), p.duration,
                                p.restricted, p.kind, notes=p.notes))
    add_standing("end")
    agenda = Agenda(date, "forward plan", defaults.start if defaults else None,
                    defaults.end if defaults else None, defaults.venue if defaults else None,
                    chair_on(partnership, date), items, planned.status, planned.notes)
    return _timed(agenda)


def chair_on(partnership: Partnership | None, date: dt.date) -> str | None:
    """The board's chair on `date`: the chair whose term covers it, else the first chair
    listed without dates."""
    if partnership is None:
        return None
    for entry in partnership.chairs:
        if isinstance(entry, ChairTerm) and (entry.start is None or entry.start <= date) \
                and (entry.until is None or date <= entry.until):
            return entry.name
    plain = [chair_name(c) for c in partnership.chairs if not isinstance(c, ChairTerm)]
    return plain[0] if plain else None


def _recorded(records: Records, items: list[Item], parent: str) -> list[AgendaItem]:
    found = []
    for index, it in enumerate(items, start=1):
        number = item_number(it, index, parent)
        found.append(AgendaItem(
            number, it.title, list(it.presenters), it.duration, it.restricted, it.kind,
            papers=paper_ids(it), chair=it.chair, status=it.status, deferred_to=it.deferred_to,
            items=_recorded(records, it.items, number),
            **(_standing_extras(records, it.title, it.kind) if not parent else {}),
        ))
    return found


def meeting_times(start: str | None, end: str | None, defaults: Any) -> tuple[str | None, str | None]:
    """A meeting's start and end: its own, else the partnership's usual ones. The usual end
    is never borrowed for a meeting that starts at or after it (an evening meeting of a
    board that usually ends at 13:00 has no known end, not a negative slot)."""
    usual_start = defaults.start if defaults is not None else None
    usual_end = defaults.end if defaults is not None else None
    start = start or usual_start
    if end is None and usual_end is not None and (start is None or usual_end > start):
        end = usual_end
    return start, end


def _standing_extras(records: Records, title: str, kind: str) -> dict[str, Any]:
    """A meeting's standing item takes its sub-items (AOB's subgroup updates) from the
    partnership's standing item of the same title."""
    if kind != "standing" or records.partnership is None:
        return {}
    for s in records.partnership.model.standing_items:
        if s.title.casefold() == title.casefold():
            return {"includes": list(s.includes), "subgroup_updates": s.subgroup_updates}
    return {}


def _timed(agenda: Agenda) -> Agenda:
    if agenda.start is None:
        return agenda
    clock: int | None = minutes_of_day(agenda.start)
    for item in agenda.items:
        item.start = _clock(clock) if clock is not None else None
        length = item.minutes
        clock = clock + length if clock is not None and length is not None else None
    return agenda


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
