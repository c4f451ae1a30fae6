"""CSP303 — an agenda fits its slot (warning).

The durations of a meeting's items (or, for a planned meeting, its forward-plan items plus
the standing items) should add up to no more than the time between its start and end.
Checked only when the records give an end time and durations; a cancelled or postponed
meeting is not checked. Public agendas print no timing advice: this warning and
`cspctl status` give it to the organisers.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.agenda import build_agenda
from cspctl.records.store import Records

CODE = "CSP303"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        agenda = build_agenda(records, meeting.model.date)
        if agenda and agenda.held and agenda.overrun:
            yield meeting.problem(["items"], CODE, "warning", _message(agenda))
    plan = records.forward_plan
    if plan is None:
        return
    recorded = {m.model.date for m in records.meetings}
    for index, planned in enumerate(plan.model.meetings):
        if planned.date in recorded:
            continue
        agenda = build_agenda(records, planned.date)
        if agenda and agenda.held and agenda.overrun:
            yield plan.problem(["meetings", index, "date"], CODE, "warning", _message(agenda))


def _message(agenda: object) -> str:
    from cspctl.records.agenda import Agenda

    assert isinstance(agenda, Agenda)
    return (f"the agenda for {agenda.date.isoformat()} runs {agenda.total_minutes} minutes, "
            f"{agenda.overrun} over its {agenda.slot_minutes}-minute slot")
