"""The board pack: every paper for a meeting in agenda order, with a contents list.

The agenda, the previous meeting's minutes and the action log as at the meeting, then the
papers each item (and sub-item) names, in agenda order: reports with the papers they list as
appendices, action plans as `render plan` shows them, the forward plan as `render
forward-plan` shows it, the action log (which then sits at its item instead of up front),
and files kept in the records folder as a titled entry with their path. Each paper once.

Restricted business comes last, as Part B: the restricted items by number and title,
introduced by the board's `exclusion_wording` (a neutral default label otherwise), then,
only with --include-restricted, their papers (the public view has none). In PDF the
agenda gives the pages of each item's papers; `page_refs` names the anchors they start and
end at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from cspctl.errors import CspError
from cspctl.models.meeting import ItemPath, PaperFile, item_numbers, record_path, walk_items
from cspctl.records import files
from cspctl.records.store import Loaded, Records
from cspctl.render import actions, agenda, forward_plan, minutes, plan, report
from cspctl.render.filters import uk_date


@dataclass
class PackPart:
    number: int
    kind: str
    title: str
    item: str | None
    doc: Any

    @property
    def anchor(self) -> str:
        return f"paper-{self.number}"

    @property
    def end_anchor(self) -> str:
        """An empty mark at the end of the paper (PDF only): the page of its last line."""
        return f"paper-{self.number}-end"


@dataclass
class FilePaperView:
    """A document the board received as a file: its content is not a record."""

    title: str
    path: str

    @property
    def href(self) -> str:
        return quote(self.path.replace("\\", "/"))


@dataclass
class RestrictedItem:
    """A restricted item in Part B: its number and title, and its papers when included."""

    number: str
    title: str
    parts: list[PackPart] = field(default_factory=list)


@dataclass
class PackView:
    date: dt.date
    parts: list[PackPart]
    """Part A: every paper of the public business, in agenda order."""
    part_b: list[RestrictedItem] = field(default_factory=list)
    exclusion: str = ""

    @property
    def part_b_parts(self) -> list[PackPart]:
        return [part for item in self.part_b for part in item.parts]


def build(records: Records, date: dt.date, labels: Mapping[str, str]) -> PackView:
    found: list[tuple[str, str, Any, str | None]] = []

    def add(kind: str, title: str, doc: Any, item: str | None = None) -> None:
        found.append((kind, title, doc, item))

    the_agenda = agenda.build(records, date)
    add("agenda", labels["agenda"], the_agenda)
    previous = [m for m in records.meetings
                if m.model.date < date and m.model.status not in minutes.NO_MINUTES]
    if previous:
        earlier = previous[-1].model.date
        add("minutes", f"{labels['minutes_of']} {uk_date(earlier)}",
            minutes.build(records, earlier))
    record = records.meeting(date)
    items = list(walk_items(record.model.items)) if record else []
    if not any("actions" in item.papers for _, item in items):
        add("actions", labels["action_log"], actions.build(records, date))
    numbers = item_numbers(record.model.items) if record else {}
    seen: set[str] = set()
    for where, item in items:
        number = numbers[where]
        for p, paper in enumerate(item.papers):
            if isinstance(paper, PaperFile):
                key = "file:" + paper.path
                if key not in seen:
                    seen.add(key)
                    add("paper_file", paper.title, _file_paper(records, record, where, p, paper), number)
                continue
            if paper in seen:
                continue
            seen.add(paper)
            if paper == "actions":
                add("actions", labels["action_log"], actions.build(records, date), number)
            elif paper == "forward-plan":
                if records.forward_plan is not None:
                    planned = forward_plan.build(records)
                    add("forward_plan", planned.title, planned, number)
            elif records.plan(paper) is not None:
                the_plan = plan.build(records, paper, labels)
                add("plan", the_plan.title, the_plan, number)
            else:
                _add_report(records, paper, None, number, seen, add)
    return _arrange(records, the_agenda, found, labels)


def _arrange(records: Records, the_agenda: agenda.AgendaView,
             found: list[tuple[str, str, Any, str | None]], labels: Mapping[str, str]) -> PackView:
    """Part A, then Part B (the restricted items and their papers), numbered in that order;
    the agenda learns where each item's papers start and end."""
    owner = _restricted_owner(the_agenda)
    restricted = {row.number: RestrictedItem(row.number, row.title)
                  for row in the_agenda.rows if owner.get(row.number) == row.number}
    part_a = [entry for entry in found if entry[3] not in owner]
    ordered = part_a + [entry for entry in found if entry[3] in owner]
    parts = [PackPart(n, kind, title, item, doc) for n, (kind, title, doc, item) in enumerate(ordered, 1)]
    for part in parts[len(part_a):]:
        restricted[owner[str(part.item)]].parts.append(part)
    for part in parts:
        if part.item is not None:
            first, _ = the_agenda.page_refs.get(part.item, (part.anchor, part.end_anchor))
            the_agenda.page_refs[part.item] = (first, part.end_anchor)
    partnership = records.partnership.model if records.partnership else None
    wording = (partnership.exclusion_wording if partnership else None) or labels["part_b_note"]
    return PackView(the_agenda.date, parts[:len(part_a)], list(restricted.values()), wording)


def _restricted_owner(the_agenda: agenda.AgendaView) -> dict[str, str]:
    """The number of every item at or below a restricted item, mapped to the number of the
    outermost restricted item it is part of."""
    owner: dict[str, str] = {}
    current: tuple[str, int] | None = None
    for row in the_agenda.rows:
        if current is not None and row.depth > current[1]:
            owner[row.number] = current[0]
            continue
        current = (row.number, row.depth) if row.restricted else None
        if row.restricted:
            owner[row.number] = row.number
    return owner


def _add_report(records: Records, paper_id: str, title: str | None, number: str,
                seen: set[str], add: Any) -> None:
    """A report, then the reports it lists as appendices (depth first, each once)."""
    loaded = records.report(paper_id)
    if loaded is None:
        return
    add("report", title or loaded.model.subject, report.view(records, loaded.model), number)
    for appendix_id, appendix_title in report.appendix_reports(records, loaded.model):
        if appendix_id not in seen:
            seen.add(appendix_id)
            _add_report(records, appendix_id, appendix_title, number, seen, add)


def _file_paper(records: Records, record: Loaded[Any] | None, where: ItemPath, index: int,
                paper: PaperFile) -> FilePaperView:
    """The entry for a file paper, refused (located, as lint words it) when the file is
    missing or outside the records folder."""
    try:
        files.check(paper.path, records.root)
    except files.FileRefused as refused:
        if record is None:
            raise CspError(f"paper path {refused.reason}") from None
        problem = record.problem([*record_path(where), "papers", index, "path"], refused.code,
                                 "error", f"paper path {refused.reason}")
        raise CspError(str(problem)) from None
    return FilePaperView(paper.title, paper.path)


