"""CSP302 — meetings fall on the partnership's usual weekday (warning).

`partnership.yaml` may declare the weekday the board meets on (`meetings: {weekday: …}`). A
meeting or forward-plan date on another day is usually a typo in the date; if the board really
moved the meeting, the warning can stand. Without a weekday nothing is checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP302"


def check(records: Records) -> Iterator[Problem]:
    usual = records.partnership.model.meetings.weekday if records.partnership else None
    if usual is None:
        return
    for meeting in records.meetings:
        day = meeting.model.date.strftime("%A")
        if day != usual:
            yield meeting.problem(
                ["date"], CODE, "warning",
                f"{meeting.model.date.isoformat()} is a {day}; the board meets on {usual}s",
            )
    plan = records.forward_plan
    if plan is not None:
        for index, planned in enumerate(plan.model.meetings):
            day = planned.date.strftime("%A")
            if day != usual:
                yield plan.problem(
                    ["meetings", index, "date"], CODE, "warning",
                    f"{planned.date.isoformat()} is a {day}; the board meets on {usual}s",
                )
