"""CSP602 — a red plan action has a progress note (warning).

A RAG status of red tells the board an action is off track; the board needs a progress
comment saying why and what is being done.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP602"


def check(records: Records) -> Iterator[Problem]:
    for plan in records.plans:
        for t, theme in enumerate(plan.model.themes):
            for a, action in enumerate(theme.actions):
                if action.rag == "red" and not action.progress:
                    yield plan.problem(["themes", t, "actions", a, "rag"], CODE, "warning",
                                       f"action {theme.id}.{action.number} is red but has no progress note")
