"""The board pack: every paper for a meeting in agenda order, with a contents list.

Agenda, the previous meeting's minutes, the action log as of the meeting, then each item's
papers with the papers they list as appendices, each paper once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cspctl.records.store import Records
from cspctl.render import actions, agenda, minutes, report


@dataclass
class PackPart:
    number: int
    kind: str
    title: str
    item: str | None
    doc: Any

    @property
    def anchor(self) -> str:
        return f"paper-{self.number}"


@dataclass
class PackView:
    date: dt.date
    parts: list[PackPart]


def build(records: Records, date: dt.date) -> PackView:
    the_agenda = agenda.build(records, date)
    parts: list[PackPart] = []

    def add(kind: str, title: str, doc: Any, item: str | None = None) -> None:
        parts.append(PackPart(len(parts) + 1, kind, title, item, doc))

    add("agenda", "Agenda", the_agenda)
    previous = [m for m in records.meetings
                if m.model.date < date and m.model.status not in minutes.NO_MINUTES]
    if previous:
        earlier = previous[-1].model.date
        add("minutes", f"Minutes of {earlier.strftime('%d %B %Y')}", minutes.build(records, earlier))
    add("actions", "Action log", actions.build(records, date))
    seen: set[str] = set()
    for row in the_agenda.rows:
        queue: list[tuple[str, str | None]] = [(p, None) for p in row.paper_ids]
        while queue:
            paper_id, title = queue.pop(0)
            loaded = records.report(paper_id)
            if paper_id in seen or loaded is None:
                continue
            seen.add(paper_id)
            add("report", title or loaded.model.subject, report.view(records, loaded.model), row.number)
            queue[:0] = report.appendix_reports(records, loaded.model)
    return PackView(date, parts)
