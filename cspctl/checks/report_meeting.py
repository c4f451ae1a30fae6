"""CSP501 — a paper goes to a meeting the records know.

A report's `meeting` must be a meeting record or a forward-plan meeting; the file should sit in
`reports/<that date>/` and be named for its id.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP501"


def check(records: Records) -> Iterator[Problem]:
    known = set(records.meeting_dates())
    for report in records.reports:
        date = report.model.meeting
        if date not in known:
            yield report.problem(["meeting"], CODE, "error",
                                 f"no meeting on {date.isoformat()} in meetings/ or the forward plan")
        parts = report.relative.parts
        if len(parts) == 3 and parts[1] != date.isoformat():
            yield report.problem(["meeting"], CODE, "warning",
                                 f"filed under reports/{parts[1]}/ but goes to the meeting of {date.isoformat()}")
        if report.relative.stem != report.model.id:
            yield report.problem(["id"], CODE, "warning",
                                 f"id '{report.model.id}' differs from the file name '{report.relative.name}'")
