"""The agenda as a paper: header, numbered items with start times, the AOB's subgroup updates.

Start times are only printed while every earlier item has a duration: after an item without
one, the clock is unknown, and a wrong time on an agenda is worse than none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cspctl.models.base import minutes_of_day
from cspctl.records.store import Records
from cspctl.render.common import meeting_dates, not_found, subject_of


@dataclass
class SubgroupLine:
    name: str
    leads: list[str]
    copy_to: list[str]


@dataclass
class AgendaRow:
    number: int
    title: str
    restricted: bool
    presenters: list[str]
    duration: int | None
    start: str | None
    notes: str | None = None
    papers: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    subgroups: list[SubgroupLine] = field(default_factory=list)

    @property
    def has_details(self) -> bool:
        return bool(self.includes or self.subgroups)


@dataclass
class AgendaView:
    date: dt.date
    source: str
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None
    rows: list[AgendaRow]
    total_minutes: int
    finish: str | None
    slot_minutes: int | None
    overrun: int
    untimed: int

    @property
    def detailed(self) -> list[AgendaRow]:
        return [r for r in self.rows if r.has_details]


def build(records: Records, date: dt.date) -> AgendaView:
    """The agenda for `date` from its meeting record or the forward plan."""
    from cspctl.records.agenda import build_agenda

    agenda = build_agenda(records, date)
    if agenda is None:
        raise not_found("meeting or forward-plan entry on", date.isoformat(), meeting_dates(records),
                        records=records, file=f"meetings/{date.isoformat()}.yaml")
    subgroups = [
        SubgroupLine(s.name, list(s.leads), list(s.copy_to))
        for s in (records.partnership.model.subgroups if records.partnership else [])
        if s.reports
    ]
    rows: list[AgendaRow] = []
    timed = True
    for item in agenda.items:
        rows.append(AgendaRow(
            item.number, item.title, item.restricted, list(item.presenters), item.duration,
            item.start if timed else None, item.notes,
            list(dict.fromkeys(subject_of(records, p) for p in item.papers)), list(item.includes),
            subgroups if item.subgroup_updates else [],
        ))
        timed = timed and item.duration is not None
    untimed = sum(1 for r in rows if r.duration is None)
    finish = None
    if agenda.start is not None and untimed == 0:
        clock = minutes_of_day(agenda.start) + agenda.total_minutes
        finish = f"{clock // 60 % 24:02d}:{clock % 60:02d}"
    return AgendaView(date, agenda.source, agenda.start, agenda.end, agenda.venue, agenda.chair,
                      rows, agenda.total_minutes, finish, agenda.slot_minutes, agenda.overrun,
                      untimed)
