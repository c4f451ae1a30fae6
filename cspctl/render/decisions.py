"""The decisions register as a paper: by meeting, each decision under its item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from cspctl.governance.decisions import Decision, decisions
from cspctl.records.store import Records


@dataclass
class MeetingDecisions:
    date: dt.date
    draft: bool
    decisions: list[Decision] = field(default_factory=list)


@dataclass
class DecisionsView:
    since: dt.date | None
    until: dt.date | None
    meetings: list[MeetingDecisions]

    @property
    def count(self) -> int:
        return sum(len(m.decisions) for m in self.meetings)


def build(records: Records, since: dt.date | None = None, until: dt.date | None = None) -> DecisionsView:
    meetings = []
    for date, found in groupby(decisions(records, since=since, until=until), key=lambda d: d.meeting):
        group = list(found)
        meetings.append(MeetingDecisions(date, group[0].minutes_status != "approved", group))
    return DecisionsView(since, until, meetings)
