"""Papers on the board's templates: reports and subgroup updates with numbered sections and
paragraphs (1.1, 1.2 …), presentations as slides."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from cspctl.records.store import Records
from cspctl.render.common import not_found

HEADINGS = {"report": "REPORT", "subgroup_update": "SUBGROUP UPDATE", "presentation": "PRESENTATION"}
_BLOCK_START = re.compile(r"^(?:[-*+] |\d+[.)] |\||#|>)")


@dataclass
class Paragraph:
    number: str
    text: str

    @property
    def starts_with_block(self) -> bool:
        """A paragraph opening with a list or table keeps its number on a line of its own."""
        return bool(_BLOCK_START.match(self.text.lstrip()))


@dataclass
class AppendixLine:
    text: str
    report: str | None


@dataclass
class SectionView:
    number: int
    heading: str
    paragraphs: list[Paragraph]
    appendices: list[AppendixLine]


@dataclass
class SlideView:
    title: str
    body: str


@dataclass
class ReportView:
    id: str
    kind: str
    heading: str
    subject: str
    date: dt.date
    authors: list[str]
    contact: str | None
    restricted: bool
    subgroup: str | None = None
    byline: str | None = None
    date_line: str | None = None
    sections: list[SectionView] = field(default_factory=list)
    slides: list[SlideView] = field(default_factory=list)

    @property
    def security(self) -> str:
        return "[RESTRICTED]" if self.restricted else "[UNPROTECTED]"


def build(records: Records, report_id: str) -> ReportView:
    """The paper `report_id` as a view model."""
    loaded = records.report(report_id)
    if loaded is None:
        raise not_found("report", f"'{report_id}'", sorted(r.model.id for r in records.reports),
                        "; restricted reports are rendered only with --include-restricted",
                        records=records, file=f"reports/*/{report_id}.yaml")
    return view(records, loaded.model)


def view(records: Records, model: Any) -> ReportView:
    subgroup = None
    if model.kind == "subgroup_update" and records.partnership:
        subgroup = next((s.name for s in records.partnership.model.subgroups
                         if s.id == model.subgroup), model.subgroup)
    report = ReportView(model.id, model.kind, HEADINGS[model.kind], model.subject, model.meeting,
                        list(model.authors), model.contact, model.restricted, subgroup)
    if model.kind == "presentation":
        report.byline, report.date_line = model.byline, model.date_line
        report.slides = [SlideView(s.title, s.body) for s in model.slides]
        return report
    known = {r.model.id for r in records.reports}
    for number, section in enumerate(model.sections, start=1):
        paragraphs = [Paragraph(f"{number}.{n}", p.strip("\n"))
                      for n, p in enumerate(section.paragraphs, start=1)]
        appendices = [
            AppendixLine(appendix_text(n, a.title), a.report if a.report in known else None)
            for n, a in enumerate(section.appendices, start=1)
        ]
        report.sections.append(SectionView(number, section.heading, paragraphs, appendices))
    return report


def appendix_reports(records: Records, model: Any) -> list[tuple[str, str]]:
    """(id, title) of the papers in the records that `model` lists as appendices, in order;
    the title as the list words it ("Appendix A: …"), numbered when it is not."""
    found = []
    for section in getattr(model, "sections", []):
        for n, a in enumerate(section.appendices, start=1):
            if a.report and records.report(a.report) is not None:
                found.append((a.report, appendix_text(n, a.title)))
    return found


def appendix_text(number: int, title: str) -> str:
    """"Appendix 1: title", unless the paper already words it so ("Appendix A: …")."""
    return title if title.casefold().startswith("appendix") else f"Appendix {number}: {title}"
