"""`cspctl approve DATE --at DATE`: the minutes of one meeting approved at a later one.

Approved minutes are a legal record, so approval is recorded once and never moved: the
approving meeting must be known and come later, and minutes already approved are refused.
Only `status` and `approved_at` change; every other line of the file stays as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cspctl.errors import CspError
from cspctl.models.meeting import NOT_HELD
from cspctl.records.store import Records


@dataclass
class Approved:
    date: dt.date
    at: dt.date
    path: str


def approve(records: Records, date: dt.date, at: dt.date) -> Approved:
    """Mark the minutes of `date` approved at the meeting of `at`."""
    from cspctl.authoring.fmt import load_for_edit, save_record
    from cspctl.records.roundtrip import rt_dump

    meeting = records.meeting(date)
    if meeting is None:
        held = ", ".join(m.model.date.isoformat() for m in records.meetings) or "none"
        broken = records.load_error(f"meetings/{date.isoformat()}.yaml")
        if broken is not None:
            raise CspError(f"{broken.path} does not load, so its minutes cannot be approved: "
                           f"{broken} (fix it first; see cspctl lint)")
        raise CspError(f"no meeting record for {date.isoformat()} (meeting records: {held})")
    if meeting.model.status == "approved":
        when = meeting.model.approved_at.isoformat() if meeting.model.approved_at else "an unrecorded date"
        raise CspError(f"the minutes of {date.isoformat()} were already approved (at {when})")
    if meeting.model.status == "planned":
        raise CspError(f"the meeting of {date.isoformat()} is still planned: there are no minutes "
                       "to approve yet (set status to held or drafted first)")
    if meeting.model.status in NOT_HELD:
        raise CspError(f"the meeting of {date.isoformat()} was {meeting.model.status}: it has no "
                       "minutes to approve")
    if at in records.not_held_dates():
        raise CspError(f"the meeting of {at.isoformat()} is cancelled or postponed: minutes can "
                       "only be approved at a meeting that takes place")
    if at <= date:
        raise CspError(f"minutes can only be approved at a later meeting; {at.isoformat()} is not "
                       f"after {date.isoformat()}")
    if at not in records.meeting_dates():
        later = ", ".join(d.isoformat() for d in records.meeting_dates() if d > date) or "none"
        raise CspError(f"no meeting on {at.isoformat()} in meetings/ or the forward plan "
                       f"(later meetings: {later})")
    snapshot, data = load_for_edit(records.root, meeting.path, "meeting", meeting.model)
    data["status"] = "approved"
    if "approved_at" in data:
        data["approved_at"] = at
    else:
        from cspctl.records.canonical import attach_after, detach_after

        following = detach_after(data, "status")  # comments above the next key stay above it
        data.insert(list(data).index("status") + 1, "approved_at", at)
        attach_after(data, "approved_at", following)
    save_record(snapshot, "meeting", rt_dump(data))
    return Approved(date, at, meeting.display)
