"""CSP601 — a plan action ends after it starts.

A plan action's `end` date is its due date on the overdue list, so an end before the start is
an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP601"


def check(records: Records) -> Iterator[Problem]:
    for plan in records.plans:
        for t, theme in enumerate(plan.model.themes):
            for a, action in enumerate(theme.actions):
                if action.start and action.end and action.end < action.start:
                    yield plan.problem(["themes", t, "actions", a, "end"], CODE, "error",
                                       f"action {theme.id}.{action.number} ends before it starts")
