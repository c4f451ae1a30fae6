"""The agenda as a paper: header, numbered items and sub-items, the AOB's subgroup updates.

The paper says only what the records say. The time line is the meeting's start and end
("10:00–13:00"), its start alone when no end is recorded, and nothing without a start. A
"Start" column is printed only when an item after the first has a start time (see
`records.agenda`: the meeting has a start and every earlier item a duration), a "Mins"
column only when some item has a duration. How the items fit the slot is advice for the organisers, not the public:
`cspctl status` and lint (CSP303) give it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cspctl.records.agenda import AgendaItem
from cspctl.records.store import Records
from cspctl.render.common import meeting_dates, not_found, subject_of


@dataclass
class SubgroupLine:
    name: str
    leads: list[str]
    copy_to: list[str]


@dataclass
class AgendaRow:
    number: str
    title: str
    restricted: bool
    presenters: list[str]
    duration: int | None
    start: str | None
    notes: str | None = None
    papers: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    subgroups: list[SubgroupLine] = field(default_factory=list)
    paper_ids: list[str] = field(default_factory=list)
    depth: int = 0
    chair: str | None = None
    status: str = "taken"
    deferred_to: dt.date | None = None

    @property
    def has_details(self) -> bool:
        return bool(self.includes or self.subgroups)


@dataclass
class AgendaView:
    date: dt.date
    source: str
    status: str
    notes: str | None
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None
    rows: list[AgendaRow]
    page_refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    """In a pack: item number -> the anchors its papers start and end at (PDF prints pages)."""

    @property
    def held(self) -> bool:
        """False for a cancelled or postponed meeting: its paper is a short notice."""
        return self.status not in ("cancelled", "postponed")

    @property
    def detailed(self) -> list[AgendaRow]:
        return [r for r in self.rows if r.has_details]

    @property
    def show_start(self) -> bool:
        """A Start column only when it says more than the meeting's start time: some item
        after the first has a known start."""
        return sum(1 for r in self.rows if r.start) > 1

    @property
    def show_minutes(self) -> bool:
        return any(r.duration is not None for r in self.rows)


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
    if not agenda.held:  # a notice: no time, place or chair for a meeting that is not held
        return AgendaView(date, agenda.source, agenda.status, agenda.notes, None, None, None, None, [])
    rows = [_row(records, item, depth, subgroups) for depth, item in agenda.walk()]
    return AgendaView(date, agenda.source, agenda.status, agenda.notes, agenda.start, agenda.end,
                      agenda.venue, agenda.chair, rows)


def _row(records: Records, item: AgendaItem, depth: int, subgroups: list[SubgroupLine]) -> AgendaRow:
    return AgendaRow(
        item.number, item.title, item.restricted, list(item.presenters), item.duration,
        item.start, item.notes, list(dict.fromkeys(subject_of(records, p) for p in item.papers)),
        list(item.includes), subgroups if item.subgroup_updates else [], list(item.papers),
        depth, item.chair, item.status, item.deferred_to,
    )
