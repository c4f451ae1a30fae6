"""One person's action due dates as an iCalendar feed (`cspctl calendar --owner NAME`).

Each open or in-progress action with a due date is an all-day event on that date, marked free
time (a deadline, not an appointment). The owner's actions are those the action log gives for
`--owner`: their own and their groups'. Completed, dropped and ongoing actions leave the feed,
so a subscribed calendar drops them too. UIDs come from the action ids; `SEQUENCE` counts the
commits that changed the action's record (its meeting or plan file), `DTSTAMP` is the records'
commit time, as in the meetings calendar. Restricted actions are left out unless the records
given include them (`--include-restricted`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

from cspctl.records.store import Records

FED = ("open", "in_progress")


def build_action_calendar(records: Records, owner: str) -> tuple[bytes, int]:
    """The feed for `owner` (id, name or alias), and how many actions it holds."""
    from icalendar import Event

    from cspctl.actions.formats import summary
    from cspctl.actions.log import action_rows, owned_by, resolve_owner, select
    from cspctl.render.calendar import board_name, made_at, new_calendar, uid_domain
    from cspctl.review.history import revisions

    entry = resolve_owner(records.register, owner)
    stamp = made_at(records)
    rows = owned_by(records.register, select(action_rows(records, stamp.date()), statuses=FED), entry)
    rows = [r for r in rows if r.due is not None]
    name = board_name(records)
    domain = uid_domain(name)
    calendar = new_calendar(f"{name}: actions for {entry.name}")
    history = revisions(records.root)
    files = _files(records)
    for row in rows:
        assert row.due is not None
        event: Any = Event()
        event.add("uid", f"action-{_slug(row.id)}@{domain}.cspctl")
        event.add("dtstamp", stamp)
        changed = sum(1 for commit in history if files.get(_file_key(row)) in commit)
        event.add("sequence", max(changed - 1, 0))
        event.add("summary", f"Action due {row.id}: {summary(row.description, 80)}")
        event.add("dtstart", row.due)
        event.add("dtend", row.due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        where = (f"Raised at the meeting of {_day(row.raised)}" + (f", item: {row.item}" if row.item else "")
                 if row.raised else f"From the action plan {row.source}"
                 + (f", theme: {row.item}" if row.item else ""))
        lines = [" ".join(row.description.split()), "",
                 f"Owners: {', '.join(row.owners) or entry.name}", f"{where}.",
                 f"Status: {row.status.replace('_', ' ')}.", f"Action {row.id}, {name}."]
        event.add("description", "\n".join(lines))
        event.add("categories", ["Action"])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data, len(rows)


def _files(records: Records) -> dict[str, PurePosixPath]:
    """Where each source of actions is recorded: a meeting's date, or a plan's id."""
    found = {m.model.date.isoformat(): m.relative for m in records.meetings}
    found.update({p.model.id: p.relative for p in records.plans})
    return found


def _file_key(row: Any) -> str:
    return str(row.raised.isoformat() if row.raised else row.source)


def _day(date: dt.date) -> str:
    """"8 December 2021", as UK papers write a date."""
    return f"{date.day} {date:%B %Y}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-")
