"""CSP502 — papers named by items and appendices exist.

An item's `papers` and an appendix's `report` name reports by id; each must be a report in
`reports/`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP502"


def check(records: Records) -> Iterator[Problem]:
    known = {r.model.id for r in records.reports}
    for meeting in records.meetings:
        for path, item in walk_items(meeting.model.items):
            for p, paper in enumerate(item.papers):
                if paper not in known:
                    yield meeting.problem([*record_path(path), "papers", p], CODE, "error",
                                          f"no report with id '{paper}'")
    for report in records.reports:
        for s, section in enumerate(getattr(report.model, "sections", [])):
            for a, appendix in enumerate(section.appendices):
                if appendix.report is not None and appendix.report not in known:
                    yield report.problem(["sections", s, "appendices", a, "report"], CODE, "error",
                                         f"no report with id '{appendix.report}'")
