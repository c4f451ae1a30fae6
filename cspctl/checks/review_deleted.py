"""CSP703 — meetings and actions are never deleted (review rule).

A meeting record and an action are part of the board's history: later papers and pull
requests refer to them by date and id. Removing either is an error. Record a cancelled
meeting by its status and notes, and close an action with `status: dropped` and an update
saying why. An action moved to another meeting file keeps its id and is not a deletion.
Runs with `cspctl lint --base REF`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import walk_items
from cspctl.problem import Problem
from cspctl.records.discovery import display_path
from cspctl.records.store import Records
from cspctl.review.changes import match_items
from cspctl.review.diff import unreadable

CODE = "CSP703"


def check(base: Records, records: Records) -> Iterator[Problem]:
    broken = unreadable(records)
    after = {m.model.date: m for m in records.meetings}
    action_ids = {a.id for m in records.meetings for _, item in walk_items(m.model.items)
                  for a in item.actions}
    for old in base.meetings:
        new = after.get(old.model.date)
        if new is None:
            if str(old.relative) not in broken:
                shown = display_path(records.root / old.relative)
                yield Problem(shown, 1, 1, CODE, "error",
                              f"the record of the {old.model.date} meeting was deleted: meeting records "
                              "are never deleted")
            continue
        if broken:
            continue  # an action may sit in a file that does not load; its load errors come first
        places = {i: j for i, j in match_items(old.model.items, new.model.items) if i is not None}
        for index, top in enumerate(old.model.items):
            for action in (a for _, item in walk_items([top]) for a in item.actions):
                if action.id in action_ids:
                    continue
                j = places.get(index)
                where = ("items", j, "actions") if j is not None else ("items",)
                yield new.problem(where, CODE, "error",
                                  f"action {action.id} was deleted: actions are never deleted; set "
                                  "status: dropped and add an update saying why")
