"""An agenda: the ordered items of one meeting with their start times.

Built from the meeting's record when there is one, else from the forward plan with the
partnership's standing items placed around the planned ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cspctl.models.base import minutes_of_day
from cspctl.records.store import Records


@dataclass
class AgendaItem:
    number: int
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


@dataclass
class Agenda:
    date: dt.date
    source: str  # "meeting" or "forward plan"
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None
    items: list[AgendaItem]

    @property
    def total_minutes(self) -> int:
        return sum(item.duration or 0 for item in self.items)

    @property
    def slot_minutes(self) -> int | None:
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return minutes_of_day(self.end) - minutes_of_day(self.start)

    @property
    def overrun(self) -> int:
        """Minutes by which the items overrun the slot (0 when they fit or no slot is known)."""
        slot = self.slot_minutes
        return max(0, self.total_minutes - slot) if slot is not None else 0


def build_agenda(records: Records, date: dt.date) -> Agenda | None:
    """The agenda for `date`, or None when no meeting record or forward-plan entry has it."""
    defaults = records.partnership.model.meetings if records.partnership else None
    meeting = records.meeting(date)
    if meeting is not None:
        model = meeting.model
        recorded = [
            AgendaItem(i, it.title, list(it.presenters), it.duration, it.restricted, it.kind,
                       papers=list(it.papers), **_standing_extras(records, it.title, it.kind))
            for i, it in enumerate(model.items, start=1)
        ]
        start, end = meeting_times(model.start, model.end, defaults)
        agenda = Agenda(date, "meeting", start, end,
                        model.venue or (defaults.venue if defaults else None), model.chair, recorded)
        return _timed(agenda)
    plan = records.forward_plan
    planned = next((p for p in plan.model.meetings if p.date == date), None) if plan else None
    if planned is None:
        return None
    standing = records.partnership.model.standing_items if records.partnership else []
    items: list[AgendaItem] = []

    def add_standing(position: str) -> None:
        for s in standing:
            if s.position == position:
                items.append(AgendaItem(len(items) + 1, s.title, list(s.presenters), s.duration,
                                        False, "standing", includes=list(s.includes),
                                        subgroup_updates=s.subgroup_updates))

    add_standing("start")
    for p in planned.items:
        items.append(AgendaItem(len(items) + 1, p.title, list(p.presenters), p.duration,
                                p.restricted, p.kind, notes=p.notes))
    add_standing("end")
    chair = records.partnership.model.chairs[0] if records.partnership and records.partnership.model.chairs else None
    agenda = Agenda(date, "forward plan", defaults.start if defaults else None,
                    defaults.end if defaults else None, defaults.venue if defaults else None,
                    chair, items)
    return _timed(agenda)


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
    clock = minutes_of_day(agenda.start)
    for item in agenda.items:
        item.start = f"{clock // 60 % 24:02d}:{clock % 60:02d}"
        clock += item.duration or 0
    return agenda
