"""CSP307 — a deferred item says where it went.

An item with `status: deferred` names the meeting it moved to in `deferred_to`, a date after
the meeting itself ("Deferred to 08 December 2021" is printed from it); `deferred_to` on an
item that was taken or withdrawn is an error too, since the paper would not print it.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP307"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        date = meeting.model.date
        for path, item in walk_items(meeting.model.items):
            where = record_path(path)
            if item.status == "deferred" and item.deferred_to is None:
                yield meeting.problem([*where, "status"], CODE, "error",
                                      "a deferred item needs deferred_to: the date of the meeting it moved to")
            elif item.status != "deferred" and item.deferred_to is not None:
                yield meeting.problem([*where, "deferred_to"], CODE, "error",
                                      f"deferred_to is set but the item's status is '{item.status}'")
            elif item.deferred_to is not None and item.deferred_to <= date:
                yield meeting.problem([*where, "deferred_to"], CODE, "error",
                                      f"an item can only be deferred to a later meeting than {date.isoformat()}")
