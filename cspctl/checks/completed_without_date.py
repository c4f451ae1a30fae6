"""CSP402 — a completed action records when it was completed (warning).

The action log shows completion dates, and "recently completed" lists need them. A
`completed_on` date on an action that is still open is reported too.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP402"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        for path, item in walk_items(meeting.model.items):
            for a, action in enumerate(item.actions):
                where: list[str | int] = [*record_path(path), "actions", a]
                if action.status == "completed" and action.completed_on is None:
                    yield meeting.problem([*where, "status"], CODE, "warning",
                                          f"action {action.id} is completed but has no completed_on date")
                elif action.status != "completed" and action.completed_on is not None:
                    yield meeting.problem([*where, "completed_on"], CODE, "warning",
                                          f"action {action.id} has a completed_on date but is {action.status}")
