"""CSP310 — members attend often enough (warning).

When `partnership.yaml` sets `attendance_threshold: {min_percent: N, last_meetings: M}`, each
member expected at the last M meetings held who attended (in person or by a substitute) fewer
than N per cent of them is reported, with their count. Who is expected follows
`cspctl attendance`: the declared `membership`, else each meeting's lists.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP310"


def check(records: Records) -> Iterator[Problem]:
    partnership = records.partnership
    rule = partnership.model.attendance_threshold if partnership else None
    if partnership is None or rule is None:
        return
    from cspctl.governance.attendance import HELD, attendance

    held = [m.model.date for m in records.meetings if m.model.status in HELD][-rule.last_meetings:]
    if not held:
        return
    stats = attendance(records, since=held[0], until=held[-1])
    for row in stats.members:
        if row.percent is not None and row.percent < rule.min_percent:
            yield partnership.problem(["attendance_threshold"], CODE, "warning",
                                      f"{row.name} attended {row.attended} of the {row.expected} meetings "
                                      f"expected among the last {len(held)} held ({row.percent}%), below "
                                      f"{rule.min_percent}%", key=True)
