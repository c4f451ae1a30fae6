"""CSP305 — approved minutes say when they were approved.

Approved minutes are a legal record. A meeting with `status: approved` must name the meeting
that approved them in `approved_at`, which comes after the meeting itself and is not a
cancelled or postponed meeting; `approved_at` on minutes that are not approved is an error
too.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP305"


def check(records: Records) -> Iterator[Problem]:
    not_held = records.not_held_dates()
    for meeting in records.meetings:
        model = meeting.model
        if model.status == "approved" and model.approved_at is None:
            yield meeting.problem(["status"], CODE, "error",
                                  "approved minutes need approved_at: the date of the meeting that approved them")
        elif model.approved_at is not None and model.status != "approved":
            yield meeting.problem(["approved_at"], CODE, "error",
                                  f"approved_at is set but status is '{model.status}'")
        elif model.approved_at is not None and model.approved_at <= model.date:
            yield meeting.problem(["approved_at"], CODE, "error",
                                  "minutes can only be approved at a later meeting")
        elif model.approved_at is not None and model.approved_at in not_held:
            yield meeting.problem(["approved_at"], CODE, "error",
                                  f"the meeting of {model.approved_at.isoformat()} did not take place "
                                  "(cancelled or postponed): it cannot have approved minutes")
