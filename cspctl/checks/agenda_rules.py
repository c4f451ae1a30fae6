"""CSP304 — agendas carry the items the partnership requires (warning).

`partnership.yaml` may declare `agenda_rules`, such as the standing items a funder mandates
(violence performance, repeat knife carriers, community tensions, stop and search). A meeting
on or after a rule's `applies_from` date whose agenda has no item title containing one of the
rule's `match` phrases is reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from cspctl.problem import Problem
from cspctl.records.agenda import build_agenda
from cspctl.records.store import Loaded, Records

CODE = "CSP304"


def check(records: Records) -> Iterator[Problem]:
    if records.partnership is None or not records.partnership.model.agenda_rules:
        return
    rules = records.partnership.model.agenda_rules
    recorded = {m.model.date for m in records.meetings}
    targets: list[tuple[Loaded[Any], list[str | int], dt.date]] = [
        (m, ["items"], m.model.date) for m in records.meetings
    ]
    if records.forward_plan is not None:
        targets += [
            (records.forward_plan, ["meetings", i, "date"], p.date)
            for i, p in enumerate(records.forward_plan.model.meetings)
            if p.date not in recorded
        ]
    for loaded, where, date in targets:
        agenda = build_agenda(records, date)
        if agenda is None:
            continue
        titles = " | ".join(item.title.casefold() for _, item in agenda.walk())
        for _, item in agenda.walk():
            titles += " | " + " | ".join(i.casefold() for i in item.includes)
        for rule in rules:
            if rule.applies_from and date < rule.applies_from:
                continue
            if not any(phrase.casefold() in titles for phrase in rule.match):
                yield loaded.problem(
                    where, CODE, "warning",
                    f"the agenda for {date.isoformat()} has no item for '{rule.description}' "
                    f"(rule {rule.id})",
                )
