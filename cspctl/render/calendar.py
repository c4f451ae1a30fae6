"""An iCalendar file of the board's meetings, past and planned, for members' calendars.

Times are the meeting's own (or the partnership's defaults) in Europe/London; UIDs are stable
per meeting date so that re-importing updates events instead of duplicating them. Restricted
items appear by title only, as on a public agenda. A meeting with a start but no end is an
event with a start time only (RFC 5545 allows it: no end is invented); one without a start
is an all-day event. Cancelled and postponed meetings stay in the calendar as CANCELLED, so
that an imported event is withdrawn rather than left standing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cspctl.records.agenda import build_agenda
from cspctl.records.store import Records

TIMEZONE = "Europe/London"


def build_calendar(records: Records) -> bytes:
    """The calendar as iCalendar bytes."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    from cspctl.records.public import public

    records = public(records)  # a calendar is public: a restricted item's sub-items never show
    partnership = records.partnership.model if records.partnership else None
    name = partnership.name if partnership else "Partnership board"
    domain = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "board"
    zone = ZoneInfo(TIMEZONE)
    calendar: Any = Calendar()
    calendar.add("prodid", "-//cspctl//Partnership board records//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    for date in records.meeting_dates():
        agenda = build_agenda(records, date)
        if agenda is None:
            continue
        event: Any = Event()
        event.add("uid", f"{date.isoformat()}@{domain}.cspctl")
        event.add("dtstamp", stamp)
        event.add("summary", f"{name}: {agenda.title}" if agenda.title else name)
        if agenda.start:
            event.add("dtstart", _at(date, agenda.start, zone))
            if agenda.end:
                event.add("dtend", _at(date, agenda.end, zone))
        else:
            event.add("dtstart", date)
        if agenda.venue:
            event.add("location", agenda.venue)
        event.add("description", _description(agenda))
        status = "CONFIRMED" if agenda.source == "meeting" else "TENTATIVE"
        event.add("status", status if agenda.held else "CANCELLED")
        calendar.add_component(event)
    if hasattr(calendar, "add_missing_timezones"):
        calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def _at(date: dt.date, time: str, zone: Any) -> dt.datetime:
    hours, minutes = (int(part) for part in time.split(":"))
    return dt.datetime(date.year, date.month, date.day, hours, minutes, tzinfo=zone)


def _description(agenda: Any) -> str:
    if not agenda.held:
        return "\n\n".join(part for part in (agenda.status.capitalize(), agenda.notes) if part)
    lines = ["Agenda:"]
    for depth, item in agenda.walk():
        title = f"RESTRICTED: {item.title}" if item.restricted else item.title
        lines.append(f"{'  ' * depth}{item.number}. {title}")
    return "\n".join(lines)
