"""Who chairs a meeting on a given date: the partnership's chairs as in office that day.

`chairs` entries are names (always in office) or terms `{name, from, until}`. A meeting keeps
the previous meeting's chair while they are still in office, so two co-chairs alternate as
the records show rather than the first always being taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cspctl.models.meeting import NOT_HELD, Meeting
from cspctl.models.partnership import ChairTerm, chair_name
from cspctl.records.register import normalise
from cspctl.records.store import Records


def chair_on(records: Records, date: dt.date) -> str | None:
    """The chair of a meeting on `date`, as the partnership's `chairs` write them: the latest
    earlier meeting's chair while still in office, else the first chair in office that day,
    else none."""
    chairs = records.partnership.model.chairs if records.partnership else []
    in_office = [chair_name(c) for c in chairs if _in_office(c, date)]
    if not in_office:
        return None
    previous = latest_held(records, date, lambda m: m.chair is not None)
    if previous is not None and previous.chair is not None:
        chair = previous.chair
        continuing = next((name for name in in_office if _same_person(records, chair, name)), None)
        if continuing is not None:
            return continuing
    return in_office[0]


def latest_held(records: Records, date: dt.date, wanted: Callable[[Meeting], bool]) -> Meeting | None:
    """The latest meeting before `date` that was not cancelled or postponed and is `wanted`."""
    earlier = [m.model for m in records.meetings
               if m.model.date < date and m.model.status not in NOT_HELD and wanted(m.model)]
    return max(earlier, key=lambda m: m.date) if earlier else None


def _in_office(entry: str | ChairTerm, date: dt.date) -> bool:
    if isinstance(entry, str):
        return True
    return (entry.start is None or entry.start <= date) and (entry.until is None or date <= entry.until)


def _same_person(records: Records, one: str, other: str) -> bool:
    first, second = records.register.resolve(one), records.register.resolve(other)
    if first is not None and second is not None:
        return first.id == second.id
    return normalise(one) == normalise(other)
