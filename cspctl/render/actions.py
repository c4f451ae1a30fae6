"""The action log as a paper for the board: overdue, open, and recently completed actions.

Rows come from `cspctl.actions` (the same log `cspctl actions` prints). Open plan actions are
many and are reported in the plan itself, so the paper lists a plan action only when overdue.
Open, in-progress and ongoing actions are open; an ongoing one shows its review date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cspctl.records.store import Records

if TYPE_CHECKING:
    from cspctl.actions.log import ActionRow

RECENT_DAYS = 120


@dataclass
class ActionLogView:
    as_of: dt.date
    overdue: list[ActionRow]
    open: list[ActionRow]
    completed: list[ActionRow]
    recent_days: int
    updates: dict[str, str]

    def latest(self, action_id: str) -> str:
        """The action's latest progress note ("November 2021: …"), or ""."""
        return self.updates.get(action_id, "")

    @staticmethod
    def when(row: ActionRow) -> str:
        """The Due cell of an open action: its date (or the next meeting), "in progress"
        when it is, and an ongoing action's review date."""
        from cspctl.render.filters import short_date

        if row.status == "ongoing":
            return f"ongoing, review by {short_date(row.review)}" if row.review else "ongoing"
        due = short_date(row.due) if row.due else "next meeting"
        return f"{due} (in progress)" if row.status == "in_progress" else due


def build(records: Records, as_of: dt.date) -> ActionLogView:
    """The log as it stood on `as_of`: actions raised later are not shown."""
    from cspctl.actions.log import action_rows
    from cspctl.models.meeting import OPEN_STATUSES

    rows = [r for r in action_rows(records, as_of) if r.raised is None or r.raised <= as_of]
    since = as_of - dt.timedelta(days=RECENT_DAYS)
    overdue = [r for r in rows if r.overdue]
    still_open = [r for r in rows if r.status in OPEN_STATUSES and not r.overdue
                  and r.source == "minutes"]
    completed = [
        r for r in rows
        if r.status == "completed" and r.source == "minutes"
        and since <= (r.completed_on or r.raised or dt.date.min) <= as_of
    ]
    return ActionLogView(as_of, overdue, still_open, completed, RECENT_DAYS, _latest_updates(records, as_of))


def _latest_updates(records: Records, as_of: dt.date) -> dict[str, str]:
    from cspctl.models.meeting import walk_items
    from cspctl.render.filters import short_date

    found: dict[str, str] = {}
    for meeting in records.meetings:
        for _, item in walk_items(meeting.model.items):
            for action in item.actions:
                dated = [u for u in action.updates if u.date <= as_of.isoformat()]
                if dated:
                    last = max(dated, key=lambda u: u.date)
                    found[action.id] = f"{short_date(last.date)}: {last.note}"
    return found
