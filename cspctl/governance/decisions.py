"""The decisions register: every item's `decisions` across meetings, with meeting and item.

ModernGov and CMIS publish one for every committee; here it is read from the minutes, so a
decision is exactly as the minutes word it. Items are numbered as the papers number them (an
explicit `number`, else their place; sub-items under their parent, 4.1). Decisions of
restricted items are absent from the public view before this sees the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cspctl.models.meeting import item_numbers, walk_items
from cspctl.records.store import Records


@dataclass(frozen=True)
class Decision:
    meeting: dt.date
    item: str
    title: str
    text: str
    minutes_status: str
    restricted: bool

    def as_dict(self) -> dict[str, Any]:
        return {"meeting": self.meeting.isoformat(), "item": self.item, "title": self.title,
                "decision": self.text, "minutes_status": self.minutes_status,
                "restricted": self.restricted}


def decisions(records: Records, *, since: dt.date | None = None,
              until: dt.date | None = None) -> list[Decision]:
    """Every decision of the meetings from `since` to `until` (both included), in paper order."""
    found: list[Decision] = []
    for meeting in records.meetings:
        model = meeting.model
        if (since and model.date < since) or (until and model.date > until):
            continue
        numbers = item_numbers(model.items)
        for path, item in walk_items(model.items):
            for text in item.decisions:
                found.append(Decision(model.date, numbers[path], item.title,
                                      text, model.status, item.restricted))
    return found
