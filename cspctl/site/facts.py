"""What the site's pages say, gathered once from the public records.

Meetings come from the meeting records and the forward plan (`records.agenda`), decisions from
`governance.decisions`, attendance statistics from `governance.attendance`, actions from
`actions.log`: the site shows what those commands show, never a second reading of the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cspctl.actions.log import ActionRow, Owner
from cspctl.governance.attendance import Attendance
from cspctl.governance.decisions import Decision
from cspctl.models.meeting import AttendanceEntry, Attendee, attendee_name
from cspctl.records.agenda import build_agenda
from cspctl.records.store import Records
from cspctl.site import paths
from cspctl.site.directory import Directory, EntryFacts


@dataclass
class PaperLink:
    title: str
    href: str | None
    """The paper's page on the site, None when the site has no page for it (a file)."""
    pdf: bool = False
    date: dt.date | None = None
    kind: str = "paper"


@dataclass
class ItemFacts:
    number: str
    title: str
    depth: int
    restricted: bool
    presenters: list[str]
    papers: list[PaperLink]
    status: str


@dataclass
class AttendeeFacts:
    name: str
    link: str | None
    organisation: str | None
    substitute_for: str | None
    note: str | None


@dataclass
class MeetingFacts:
    date: dt.date
    title: str | None
    status: str
    source: str
    start: str | None
    end: str | None
    venue: str | None
    chair: str | None
    notes: str | None
    items: list[ItemFacts]
    has_minutes: bool
    present: list[AttendeeFacts] = field(default_factory=list)
    additional: list[AttendeeFacts] = field(default_factory=list)
    apologies: list[AttendeeFacts] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    other_papers: list[PaperLink] = field(default_factory=list)
    """Papers filed for the meeting that no item names."""

    @property
    def heading(self) -> str:
        return f"{self.title or 'Meeting'} — {self.date.strftime('%d %B %Y').lstrip('0')}"

    @property
    def held(self) -> bool:
        return self.status not in ("cancelled", "postponed")


@dataclass
class PlanFacts:
    id: str
    title: str
    labels: list[str]
    totals: list[int]


@dataclass
class Facts:
    board: str
    as_of: dt.date
    meetings: list[MeetingFacts]
    rows: list[ActionRow]
    owners: list[Owner]
    action_organisations: list[tuple[str, list[ActionRow]]]
    plans: list[PlanFacts]
    attendance: Attendance
    directory: Directory

    @property
    def people(self) -> list[EntryFacts]:
        return self.directory.people

    @property
    def groups(self) -> list[EntryFacts]:
        return self.directory.groups

    @property
    def organisations(self) -> list[EntryFacts]:
        return self.directory.organisations

    @property
    def next_meeting(self) -> MeetingFacts | None:
        return next((m for m in self.meetings if m.date >= self.as_of and m.held), None)

    def papers(self) -> list[PaperLink]:
        """Every published paper with a page, newest meeting first, each once."""
        found: dict[str, PaperLink] = {}
        for meeting in sorted(self.meetings, key=lambda m: m.date, reverse=True):
            if meeting.source == "meeting":
                found.setdefault(paths.agenda(meeting.date),
                                 PaperLink(f"Agenda — {_day(meeting.date)}", paths.agenda(meeting.date),
                                           True, meeting.date, "agenda"))
            if meeting.has_minutes:
                found.setdefault(paths.minutes(meeting.date),
                                 PaperLink(f"Minutes — {_day(meeting.date)}", paths.minutes(meeting.date),
                                           True, meeting.date, "minutes"))
            for item in [*meeting.items, ItemFacts("", "", 0, False, [], meeting.other_papers, "")]:
                for paper in item.papers:
                    if paper.href and paper.kind == "paper":
                        found.setdefault(paper.href, paper)
        return list(found.values())

    def latest_papers(self, count: int) -> list[PaperLink]:
        return [p for p in self.papers() if p.date is not None and p.date <= self.as_of][:count]


def gather(records: Records, as_of: dt.date) -> Facts:
    from cspctl.actions.log import action_rows, by_owner
    from cspctl.governance.attendance import attendance
    from cspctl.governance.decisions import decisions
    from cspctl.render.common import DEFAULT_NAME
    from cspctl.render.document import Request, build_view

    rows = action_rows(records, as_of)
    directory = Directory(records, rows)
    all_decisions = decisions(records)
    meetings = []
    for date in records.meeting_dates():
        agenda = build_agenda(records, date)
        if agenda is None:
            continue
        meetings.append(_meeting(records, agenda, directory, all_decisions, rows))
    plans = []
    for loaded in records.plans:
        view, title = build_view(records, Request("plan", loaded.model.id))
        plans.append(PlanFacts(loaded.model.id, title, view.labels, view.totals))
    board = records.partnership.model.name if records.partnership else DEFAULT_NAME
    return Facts(board, as_of, meetings, rows, by_owner(records.register, rows),
                 directory.actions_by_organisation(), plans, attendance(records), directory)


def _meeting(records: Records, agenda: Any, directory: Directory, decisions: list[Decision],
             rows: list[ActionRow]) -> MeetingFacts:
    from cspctl.render.minutes import NO_MINUTES

    record = records.meeting(agenda.date)
    model = record.model if record else None
    items = [ItemFacts(item.number, item.title, depth, item.restricted,
                       [] if item.restricted else list(item.presenters),
                       [] if item.restricted else [_paper(records, p, agenda.date) for p in item.papers],
                       item.status)
             for depth, item in agenda.walk()]
    found = MeetingFacts(agenda.date, agenda.title, agenda.status, agenda.source, agenda.start,
                         agenda.end, agenda.venue, agenda.chair, agenda.notes, items,
                         model is not None and model.status not in NO_MINUTES and model.status != "held")
    if model is not None:
        found.present = [_attendee(e, directory) for e in model.attendance.present]
        found.additional = [_attendee(e, directory) for e in model.attendance.additional]
        found.apologies = [_attendee(e, directory) for e in model.attendance.apologies]
        found.decisions = [d for d in decisions if d.meeting == agenda.date]
        found.actions = [r for r in rows if r.source == "minutes" and r.raised == agenda.date]
    named = {paper.href for item in items for paper in item.papers}
    found.other_papers = [_paper(records, r.model.id, agenda.date) for r in records.reports
                          if r.model.meeting == agenda.date and paths.report(r.model.id) not in named]
    return found


def _paper(records: Records, paper: str, date: dt.date) -> PaperLink:
    from cspctl.render.common import subject_of

    title = subject_of(records, paper)
    if records.report(paper) is not None:
        return PaperLink(title, paths.report(paper), True, records.report(paper).model.meeting)  # type: ignore[union-attr]
    if records.plan(paper) is not None:
        return PaperLink(title, paths.plan(paper), True, date, "plan")
    if paper == "forward-plan" and records.forward_plan is not None:
        return PaperLink(title, paths.FORWARD_PLAN, True, date, "forward-plan")
    if paper == "actions":
        return PaperLink(title, paths.ACTIONS, False, date, "actions")
    return PaperLink(title, None, False, date)


def _attendee(entry: AttendanceEntry, directory: Directory) -> AttendeeFacts:
    name = attendee_name(entry)
    extra = entry if isinstance(entry, Attendee) else None
    return AttendeeFacts(name, directory.link(name),
                         extra.organisation if extra else None,
                         extra.substitute_for if extra else None,
                         extra.note if extra else None)


def _day(date: dt.date) -> str:
    return date.strftime("%d %B %Y").lstrip("0")
