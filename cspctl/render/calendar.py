"""An iCalendar file of the board's meetings, past and planned, for members' calendars.

Times are the meeting's own (or the partnership's defaults) in Europe/London; UIDs are stable
per meeting date so that re-importing updates events instead of duplicating them. Restricted
items appear by title only, as on a public agenda. A meeting with a start but no end is an
event with a start time only (RFC 5545 allows it: no end is invented); one without a start
is an all-day event. Cancelled and postponed meetings stay in the calendar as CANCELLED, so
that an imported event is withdrawn rather than left standing.

Europe/London is written as the standard two-rule VTIMEZONE (summer time from 01:00 UTC on the
last Sunday of March to 01:00 UTC on the last Sunday of October), which every client reads the
same way. `DTSTAMP` is the records' last commit time (or `SOURCE_DATE_EPOCH`) and `SEQUENCE`
counts the commits that revised the meeting's file (before the meeting had a record: the
forward plan's), so the same commit gives the same file and a changed meeting replaces the
copy in a client's calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

from cspctl.records.agenda import build_agenda
from cspctl.records.store import Records

TIMEZONE = "Europe/London"
FORWARD_PLAN = PurePosixPath("forward-plan.yaml")


def build_calendar(records: Records) -> bytes:
    """The calendar as iCalendar bytes."""
    from zoneinfo import ZoneInfo

    from icalendar import Event

    from cspctl.records.public import public
    from cspctl.review.history import revisions

    records = public(records)  # a calendar is public: a restricted item's sub-items never show
    name = board_name(records)
    domain = uid_domain(name)
    zone = ZoneInfo(TIMEZONE)
    calendar = new_calendar(name)
    stamp = made_at(records)
    history = revisions(records.root)
    plan_file = records.forward_plan.relative if records.forward_plan else FORWARD_PLAN
    for date in records.meeting_dates():
        agenda = build_agenda(records, date)
        if agenda is None:
            continue
        event: Any = Event()
        event.add("uid", f"{date.isoformat()}@{domain}.cspctl")
        event.add("dtstamp", stamp)
        meeting = records.meeting(date)
        event.add("sequence", meeting_sequence(history, meeting.relative if meeting else None, plan_file))
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
    data: bytes = calendar.to_ical()
    return data


def board_name(records: Records) -> str:
    return records.partnership.model.name if records.partnership else "Partnership board"


def uid_domain(name: str) -> str:
    """The right-hand side of every UID: the board's name as a slug, so UIDs stay stable."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "board"


def new_calendar(name: str) -> Any:
    """An empty VCALENDAR named for the board, with the Europe/London VTIMEZONE."""
    from icalendar import Calendar

    calendar: Any = Calendar()
    calendar.add("prodid", "-//cspctl//Partnership board records//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(london())
    return calendar


def london() -> Any:
    """Europe/London as RFC 5545 rules rather than a list of dates: GMT, and BST from the last
    Sunday of March at 01:00 GMT to the last Sunday of October at 02:00 BST (01:00 UTC both),
    the rule in force since 1996."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone: Any = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    summer: Any = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("dtstart", dt.datetime(1981, 3, 29, 1, 0))
    summer.add("tzoffsetfrom", dt.timedelta(0))
    summer.add("tzoffsetto", dt.timedelta(hours=1))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter: Any = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("dtstart", dt.datetime(1996, 10, 27, 2, 0))
    winter.add("tzoffsetfrom", dt.timedelta(hours=1))
    winter.add("tzoffsetto", dt.timedelta(0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def made_at(records: Records) -> dt.datetime:
    """DTSTAMP: when the records were last committed (or SOURCE_DATE_EPOCH), in UTC."""
    from cspctl.review.history import source_epoch

    return dt.datetime.fromtimestamp(source_epoch(records.root), dt.UTC)


def meeting_sequence(history: list[set[PurePosixPath]], meeting_file: PurePosixPath | None,
                     plan_file: PurePosixPath) -> int:
    """How often the meeting was revised: the commits that changed its file, and before it had
    one, those that changed the forward plan (which then held it), less the first. It only
    grows, from planned meeting to record, so clients take every change as an update."""
    count, recorded = 0, False
    for changed in history:
        if meeting_file is not None and meeting_file in changed:
            count, recorded = count + 1, True
        elif not recorded and plan_file in changed:
            count += 1
    return max(count - 1, 0)


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
