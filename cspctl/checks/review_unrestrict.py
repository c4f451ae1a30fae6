"""CSP702 — lifting a restriction needs a stated reason (review rule, warning).

Restricted content is exempt information: once an item, a forward-plan entry, a report or a
plan action goes from `restricted: true` to `restricted: false`, its content reaches public
agendas, minutes and papers. The warning always appears; state the reason (for example the
Schedule 12A paragraph no longer applies) in the pull request description, and run
`cspctl lint --base REF --allow-unrestrict` once it has been reviewed.
Runs with `cspctl lint --base REF`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cspctl.models.meeting import item_number
from cspctl.problem import Problem
from cspctl.records.register import normalise
from cspctl.records.store import Records
from cspctl.review.changes import match_items

CODE = "CSP702"
REASON = "state the reason in the pull request description (--allow-unrestrict silences this)"


def check(base: Records, records: Records) -> Iterator[Problem]:
    yield from _meetings(base, records)
    yield from _forward_plan(base, records)
    reports = {r.model.id: r for r in records.reports}
    for old in base.reports:
        new = reports.get(old.model.id)
        if new is not None and old.model.restricted and not new.model.restricted:
            yield new.problem(["restricted"], CODE, "warning",
                              f"report {old.model.id} is no longer restricted: its content becomes public; {REASON}")
    plans = {p.model.id: p for p in records.plans}
    for old_plan in base.plans:
        plan = plans.get(old_plan.model.id)
        if plan is None:
            continue
        was = {(t.id, a.number) for t in old_plan.model.themes for a in t.actions if a.restricted}
        for t_index, theme in enumerate(plan.model.themes):
            for a_index, action in enumerate(theme.actions):
                if (theme.id, action.number) in was and not action.restricted:
                    yield plan.problem(["themes", t_index, "actions", a_index, "restricted"], CODE, "warning",
                                       f"plan action {theme.id}.{action.number} is no longer restricted: "
                                       f"its content becomes public; {REASON}")


def _meetings(base: Records, records: Records) -> Iterator[Problem]:
    after = {m.model.date: m for m in records.meetings}
    for old in base.meetings:
        new = after.get(old.model.date)
        if new is None:
            continue
        for where, shown in _lifted(old.model.items, new.model.items, [], ""):
            yield new.problem([*where, "restricted"], CODE, "warning",
                              f"item {shown} of the {new.model.date} meeting is no longer restricted: "
                              f"its minutes, decisions, actions and papers become public; {REASON}")


def _lifted(before: list[Any], after: list[Any], where: list[str | int],
            parent: str) -> Iterator[tuple[list[str | int], str]]:
    """Items and sub-items restricted before and not after: their key path and number."""
    for i, j in match_items(before, after):
        if i is None or j is None:
            continue
        item = after[j]
        number = item_number(item, j + 1, parent)
        if before[i].restricted and not item.restricted:
            yield [*where, "items", j], number
        yield from _lifted(before[i].items, item.items, [*where, "items", j], number)


def _forward_plan(base: Records, records: Records) -> Iterator[Problem]:
    if base.forward_plan is None or records.forward_plan is None:
        return
    was = {(m.date, normalise(i.title)) for m in base.forward_plan.model.meetings for i in m.items
           if i.restricted}
    for m_index, planned in enumerate(records.forward_plan.model.meetings):
        for i_index, item in enumerate(planned.items):
            if (planned.date, normalise(item.title)) in was and not item.restricted:
                yield records.forward_plan.problem(
                    ["meetings", m_index, "items", i_index, "restricted"], CODE, "warning",
                    f"a forward-plan item for {planned.date} is no longer restricted: its notes become "
                    f"public; {REASON}")
