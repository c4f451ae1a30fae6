"""CSP502 — the papers, appendices and logo the records name exist.

An item's `papers` name reports and action plans by id, `forward-plan` (the forward plan) and
`actions` (the action log as at the meeting), or a file kept in the records folder
(`{path: papers/prevent-data.pdf, title: Prevent data}`); an appendix's `report` names a
report. Each must exist: a report in `reports/`, a plan in `plans/`, a `forward-plan.yaml`, a
regular file (not a folder) at the path. The board's `logo` must be a file too. A report or
plan may not take the id `forward-plan` or `actions`, which name those papers. A message
about a restricted item's paper never repeats its id or path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cspctl.models.meeting import PaperFile, record_path, walk_items
from cspctl.problem import Problem
from cspctl.records import files
from cspctl.records.store import Loaded, Records

CODE = "CSP502"
RESERVED = ("forward-plan", "actions")


def check(records: Records) -> Iterator[Problem]:
    known = {r.model.id for r in records.reports} | {p.model.id for p in records.plans}
    for meeting in records.meetings:
        hidden: dict[tuple[int, ...], bool] = {}
        for where, item in walk_items(meeting.model.items):
            hidden[where] = item.restricted or hidden.get(where[:-1], False)
            for p, paper in enumerate(item.papers):
                at = [*record_path(where), "papers", p]
                if isinstance(paper, PaperFile):
                    why = None if files.unsafe(paper.path, records.root) else \
                        files.missing(paper.path, records.root)
                    if why:
                        yield meeting.problem([*at, "path"], CODE, "error", f"paper path {why}")
                elif paper == "forward-plan":
                    if records.forward_plan is None:
                        yield meeting.problem(at, CODE, "error",
                                              "names the forward plan, but there is no forward-plan.yaml")
                elif paper != "actions" and paper not in known:
                    named = "" if hidden[where] else f" '{paper}'"
                    yield meeting.problem(at, CODE, "error",
                                          f"no report or action plan with id{named}")
    ids: list[tuple[Loaded[Any], str]] = [(r, r.model.id) for r in records.reports]
    ids += [(p, p.model.id) for p in records.plans]
    for loaded, paper_id in ids:
        if paper_id in RESERVED:
            what = "forward plan" if paper_id == "forward-plan" else "action log"
            yield loaded.problem(["id"], CODE, "error",
                                 f"the id '{paper_id}' is reserved: papers use it for the {what}")
    report_ids = {r.model.id for r in records.reports}
    for report in records.reports:
        for s, section in enumerate(getattr(report.model, "sections", [])):
            for a, appendix in enumerate(section.appendices):
                if appendix.report is not None and appendix.report not in report_ids:
                    named = "" if report.model.restricted else f" '{appendix.report}'"
                    yield report.problem(["sections", s, "appendices", a, "report"], CODE, "error",
                                         f"no report with id{named}")
    partnership = records.partnership
    logo = partnership.model.logo if partnership is not None else None
    if partnership is not None and logo is not None and files.unsafe(logo, records.root) is None:
        why = files.missing(logo, records.root)
        if why:
            yield partnership.problem(["logo"], CODE, "error", f"logo {why}")
