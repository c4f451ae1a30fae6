"""CSP505 — a paper is filed by the papers deadline (warning).

When `partnership.yaml` sets a `papers_deadline` (`working_days_before` or
`clear_working_days`), a report whose `filed` date falls after the deadline of its meeting is
reported late, with the number of working days. Working days leave out weekends, the bank
holidays of the partnership's nation and its own closure days (`working_days`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP505"


def check(records: Records) -> Iterator[Problem]:
    rule = records.partnership.model.papers_deadline if records.partnership else None
    filed = [r for r in records.reports if r.model.filed is not None]
    if rule is None or not filed:
        return
    from cspctl.authoring.workdays import calendar_for

    calendar = calendar_for(records.partnership.model if records.partnership else None)
    for report in filed:
        day = report.model.filed
        assert day is not None
        deadline = calendar.deadline(report.model.meeting, rule)
        if day > deadline:
            late = max(1, calendar.working_days_between(deadline, day))
            yield report.problem(["filed"], CODE, "warning",
                                 f"filed {_long(day)}, {late} working day{'s' if late != 1 else ''} after "
                                 f"the papers deadline of {_long(deadline)}")


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"
