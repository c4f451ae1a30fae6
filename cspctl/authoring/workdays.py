"""Working days (Monday to Friday), for the papers deadline.

Bank holidays are not counted out: the board's rule is "N working days before", and the
partnership file declares no holiday calendar.
"""

from __future__ import annotations

import datetime as dt


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The working day `count` working days before `day` (0: `day` itself)."""
    current = day
    remaining = count
    while remaining > 0:
        current -= dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days from `start` to `end`: after `start`, up to and including `end`;
    negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start)
    weeks, extra = divmod((end - start).days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if is_working_day(start + dt.timedelta(days=weeks * 7 + offset)):
            count += 1
    return count
