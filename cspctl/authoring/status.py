"""`cspctl status DATE`: is the meeting ready?

Papers filed against papers expected — every subgroup that reports owes an update, every
planned item that needs a paper owes one — with the people to chase for the missing ones;
the papers deadline (`partnership.papers_deadline`, in working days); the agenda's time
against the slot (advice for the organisers that public agendas no longer print: only from
the durations the records give, and only against an end time when one is recorded); and the
actions still open that fall due by the meeting. A cancelled or postponed meeting expects
no papers and is never ready.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from cspctl.authoring.workdays import WorkingCalendar, calendar_for
from cspctl.errors import CspError
from cspctl.models.meeting import NOT_HELD, paper_ids, walk_items
from cspctl.records.register import normalise
from cspctl.records.store import Records


@dataclass
class Paper:
    """A paper the meeting expects: a subgroup update or a planned item's paper."""

    kind: str  # "subgroup update" or "item paper"
    title: str
    owed_by: list[str]
    filed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "owed_by": self.owed_by,
                "filed": self.filed, "missing": not self.filed}


@dataclass
class Status:
    date: dt.date
    as_of: dt.date
    source: str
    papers: list[Paper]
    deadline: dt.date | None
    agenda_minutes: int
    slot_minutes: int | None
    actions: list[Any]
    meeting_status: str = "planned"
    untimed: int = 0
    finish: str | None = None

    @property
    def held(self) -> bool:
        return self.meeting_status not in NOT_HELD
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    @property
    def missing(self) -> list[Paper]:
        return [p for p in self.papers if not p.filed]

    @property
    def working_days_to_deadline(self) -> int | None:
        return None if self.deadline is None else self.calendar.working_days_between(self.as_of, self.deadline)

    @property
    def overrun(self) -> int:
        return 0 if self.slot_minutes is None else max(0, self.agenda_minutes - self.slot_minutes)

    @property
    def ready(self) -> bool:
        return self.held and not self.missing and not self.overrun

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(), "as_of": self.as_of.isoformat(), "source": self.source,
            "ready": self.ready,
            "papers": [p.as_dict() for p in self.papers],
            "missing": len(self.missing),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "working_days_to_deadline": self.working_days_to_deadline,
            "days_to_deadline": (self.deadline - self.as_of).days if self.deadline else None,
            "agenda_minutes": self.agenda_minutes, "slot_minutes": self.slot_minutes,
            "overrun_minutes": self.overrun,
            "untimed_items": self.untimed, "finish": self.finish,
            "meeting_status": self.meeting_status,
            "open_actions_due": [a.as_dict() for a in self.actions],
        }


def meeting_status(records: Records, date: dt.date, as_of: dt.date, *,
                   include_restricted: bool = False) -> Status:
    """How ready the meeting of `date` is, seen on `as_of`."""
    from cspctl.actions.log import action_rows
    from cspctl.records.agenda import build_agenda
    from cspctl.records.public import public

    agenda = build_agenda(records, date)
    if agenda is None:
        known = ", ".join(d.isoformat() for d in records.meeting_dates()) or "none"
        raise CspError(f"no meeting on {date.isoformat()} in meetings/ or the forward plan "
                       f"(known meetings: {known})")
    papers = expected_papers(records, date, include_restricted=include_restricted) if agenda.held else []
    rule = records.partnership.model.papers_deadline if records.partnership else None
    calendar = calendar_for(records.partnership.model if records.partnership else None)
    deadline = calendar.deadline(date, rule) if rule else None
    visible = records if include_restricted else public(records)
    due = [row for row in action_rows(visible, as_of)
           if row.status in ("open", "in_progress") and row.due is not None and row.due <= date]
    return Status(date, as_of, agenda.source, papers, deadline, agenda.total_minutes,
                  agenda.slot_minutes, due, agenda.status, agenda.untimed, agenda.finish, calendar)


def expected_papers(records: Records, date: dt.date, *, include_restricted: bool = False) -> list[Paper]:
    """Every paper the meeting of `date` expects, with what has been filed for it."""
    register = records.register
    filed = [r.model for r in records.reports if r.model.meeting == date]

    def shown(report: Any) -> str:
        return report.id if include_restricted or not report.restricted else "(restricted paper)"

    papers: list[Paper] = []
    subgroups = records.partnership.model.subgroups if records.partnership else []
    for subgroup in subgroups:
        if not subgroup.reports:
            continue
        matches = [r for r in filed if r.kind == "subgroup_update" and r.subgroup == subgroup.id]
        papers.append(Paper("subgroup update", subgroup.name, [register.display(n) for n in subgroup.leads],
                            [shown(r) for r in matches]))
    for title, owed_by, cited in _planned(records, date):
        answered = [r for r in filed if r.id in cited or _same_subject(title, r.subject)]
        papers.append(Paper("item paper", title, [register.display(n) for n in owed_by],
                            [shown(r) for r in answered]))
    return papers


def _planned(records: Records, date: dt.date) -> list[tuple[str, list[str], list[str]]]:
    """(title, presenters, papers already cited) of each item that needs a paper."""
    plan = records.forward_plan
    planned = next((p for p in plan.model.meetings if p.date == date), None) if plan else None
    meeting = records.meeting(date)
    items = [i for _, i in walk_items(meeting.model.items)] if meeting else []
    cited = {normalise(i.title): paper_ids(i) for i in items}
    if planned is not None:
        return [(i.title, list(i.presenters), cited.get(normalise(i.title), []))
                for i in planned.items if i.paper]
    return [(i.title, list(i.presenters), paper_ids(i))
            for i in items if i.kind == "report" and i.status == "taken"]


def _same_subject(title: str, subject: str) -> bool:
    """A filed paper answers a planned item when their wording clearly agrees."""
    a, b = normalise(title), normalise(subject)
    if a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
