"""CSP309 — a meeting ends after it starts.

A meeting record (or the partnership's usual times) whose end is not after its start gives
no time for any item: an agenda would show a negative slot, a calendar an event that ends
before it begins. Times are 24-hour: an evening meeting ends at "20:30", not "8:30".
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP309"


def check(records: Records) -> Iterator[Problem]:
    partnership = records.partnership
    if partnership is not None:
        usual = partnership.model.meetings
        if usual is not None and usual.start and usual.end and usual.end <= usual.start:
            yield partnership.problem(["meetings", "end"], CODE, "error",
                                      f"meetings end at {usual.end}, not after they start ({usual.start})")
    for meeting in records.meetings:
        model = meeting.model
        if model.start and model.end and model.end <= model.start:
            yield meeting.problem(["end"], CODE, "error",
                                  f"the meeting ends at {model.end}, not after it starts ({model.start})")
