"""The forward plan as a paper: every planned meeting's agenda, standing items included.

Items keep their planned durations but no clock times: a plan is not yet an agenda, and
its items move. A cancelled or postponed meeting is shown as such, with its notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from cspctl.errors import CspError
from cspctl.records.store import Records
from cspctl.render import agenda


@dataclass
class PlannedMeetingView:
    agenda: agenda.AgendaView
    notes: str | None


@dataclass
class ForwardPlanView:
    title: str
    meetings: list[PlannedMeetingView]


def build(records: Records) -> ForwardPlanView:
    if records.forward_plan is None:
        raise CspError("the records folder has no forward-plan.yaml")
    model = records.forward_plan.model
    meetings = []
    for planned in model.meetings:
        view = agenda.build(records, planned.date)
        for row in view.rows:
            row.start = None
        meetings.append(PlannedMeetingView(view, planned.notes))
    return ForwardPlanView(model.title or "Forward Plan", meetings)
