"""CSP401 — an action is not due, or completed, before it was raised.

An action's `due` and `completed_on` dates cannot fall before the meeting that raised it
(or, for an action carried from an earlier meeting, before that meeting). Its id should
start with the date of the meeting that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP401"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        raised = meeting.model.date
        for path, item in walk_items(meeting.model.items):
            for a, action in enumerate(item.actions):
                where: list[str | int] = [*record_path(path), "actions", a]
                origin = raised if action.carried_from is None else None
                if action.carried_from is not None and len(action.carried_from) == 10:
                    origin = type(raised).fromisoformat(action.carried_from)
                if origin is not None and action.due is not None and action.due < origin:
                    yield meeting.problem([*where, "due"], CODE, "error",
                                          f"action {action.id} is due before it was raised ({origin.isoformat()})")
                if origin is not None and action.completed_on is not None and action.completed_on < origin:
                    yield meeting.problem([*where, "completed_on"], CODE, "error",
                                          f"action {action.id} was completed before it was raised")
                if not action.id.startswith(raised.isoformat() + "/"):
                    yield meeting.problem([*where, "id"], CODE, "warning",
                                          f"action id {action.id} does not start with this meeting's date")
