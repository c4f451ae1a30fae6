"""Working days for the papers deadline: weekdays that are not bank holidays or closure days.

UK councils publish committee papers a number of working days (or *clear* working days) before
a meeting, counting out weekends and bank holidays. Bank holidays come from the `holidays`
package for the partnership's nation (England and Wales by default; Scotland and Northern
Ireland when `working_days.bank_holidays` says so, or `none`), and the board adds its own
closure days (`working_days.closures`, such as a council's Christmas closure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cspctl.models.partnership import PapersDeadline, Partnership

_SUBDIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


@dataclass
class WorkingCalendar:
    """Which days count as working days for one board."""

    bank_holidays: str = "england-and-wales"
    closures: frozenset[dt.date] = frozenset()
    _years: dict[int, Any] = field(default_factory=dict, repr=False)

    def holiday(self, day: dt.date) -> str | None:
        """Why `day` is not a working day although a weekday: a bank holiday's name, or a closure."""
        if day in self.closures:
            return "closure day"
        subdivision = _SUBDIVISIONS.get(self.bank_holidays)
        if subdivision is None:
            return None
        table = self._years.get(day.year)
        if table is None:
            import holidays

            table = self._years[day.year] = holidays.country_holidays("GB", subdiv=subdivision, years=day.year)
        name = table.get(day)
        return str(name) if name else None

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def working_days_before(self, day: dt.date, count: int) -> dt.date:
        """The working day `count` working days before `day` (0: `day` itself)."""
        current = day
        remaining = count
        while remaining > 0:
            current -= dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start`, up to and including `end`; negative when `end` is earlier."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start + dt.timedelta(days=1)
        while day <= end:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count

    def deadline(self, meeting: dt.date, rule: PapersDeadline) -> dt.date:
        """The last day papers may go out for a meeting on `meeting`.

        `working_days_before: N` is the working day N working days before the meeting;
        `clear_working_days: N` leaves N whole working days between the day papers go out and
        the meeting day, neither counted (the rule UK councils publish agendas by)."""
        if rule.clear_working_days is not None:
            return self.working_days_before(meeting, rule.clear_working_days + 1)
        return self.working_days_before(meeting, rule.working_days_before or 0)


WEEKDAYS = WorkingCalendar(bank_holidays="none")
"""Monday to Friday, nothing else counted out."""


def calendar_for(partnership: Partnership | None) -> WorkingCalendar:
    """The working calendar the partnership declares (England and Wales by default)."""
    rule = partnership.working_days if partnership is not None else None
    if rule is None:
        return WorkingCalendar()
    return WorkingCalendar(rule.bank_holidays, frozenset(rule.closures))


def working_days_before(day: dt.date, count: int, calendar: WorkingCalendar = WEEKDAYS) -> dt.date:
    return calendar.working_days_before(day, count)


def working_days_between(start: dt.date, end: dt.date, calendar: WorkingCalendar = WEEKDAYS) -> int:
    return calendar.working_days_between(start, end)
