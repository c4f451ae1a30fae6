"""CSP301 — a meeting file is named for its date.

`meetings/2021-09-29.yaml` must hold `date: 2021-09-29`: commands find meetings by date, and a
mismatch usually means a copied file whose date was not updated.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP301"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        expected = meeting.model.date.isoformat()
        if meeting.relative.stem != expected:
            yield meeting.problem(
                ["date"], CODE, "error",
                f"file name '{meeting.relative.name}' does not match the meeting date {expected}",
            )
