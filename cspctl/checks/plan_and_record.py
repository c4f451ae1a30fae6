"""CSP311 — a meeting's record and the forward plan agree about its items (warning).

Once a meeting has its record (`cspctl new meeting`), the forward plan and the record both
list its items. An item the forward plan plans for that date but the record does not have, or
an item the record marks deferred that the forward plan still plans for that date, means one
of them was edited and not the other: the agenda and the forward plan would then disagree.
`cspctl forward-plan defer` keeps both in step.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import walk_items
from cspctl.problem import Problem
from cspctl.records.register import normalise
from cspctl.records.store import Records

CODE = "CSP311"


def check(records: Records) -> Iterator[Problem]:
    plan = records.forward_plan
    if plan is None:
        return
    for m, planned in enumerate(plan.model.meetings):
        record = records.meeting(planned.date)
        if record is None or not planned.items:
            continue
        items = {normalise(item.title): item for _, item in walk_items(record.model.items)}
        for i, entry in enumerate(planned.items):
            found = items.get(normalise(entry.title))
            if found is None:
                yield plan.problem(["meetings", m, "items", i, "title"], CODE, "warning",
                                   f"planned for {planned.date.isoformat()}, but that meeting's record "
                                   f"({record.display}) has no item of this title")
            elif found.status == "deferred":
                when = found.deferred_to.isoformat() if found.deferred_to else "a later meeting"
                yield plan.problem(["meetings", m, "items", i, "title"], CODE, "warning",
                                   f"still planned for {planned.date.isoformat()}, but that meeting's "
                                   f"record defers it to {when}: move it (cspctl forward-plan defer)")
