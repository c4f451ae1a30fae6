"""CSP403 — every action has an owner (warning).

An action may be recorded before anyone takes it on (`owners: []`), but nobody will be
chased for it and the overdue list shows "(no owner)": name the person, group or
organisation when the board agrees one.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP403"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        for path, item in walk_items(meeting.model.items):
            for a, action in enumerate(item.actions):
                if not action.owners and action.status not in ("completed", "dropped"):
                    yield meeting.problem([*record_path(path), "actions", a], CODE, "warning",
                                          f"action {action.id} has no owner")
