"""The forward plan as a paper: every planned meeting's agenda, standing items included."""

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
    meetings = [PlannedMeetingView(agenda.build(records, p.date), p.notes) for p in model.meetings]
    return ForwardPlanView(model.title or "Forward Plan", meetings)
