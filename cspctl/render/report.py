"""Papers on the board's templates: reports and subgroup updates with numbered sections and
paragraphs (1.1, 1.2 …), presentations as slides.

The lines under a paper's heading (`fields`) say only what the record says: a slide deck
gets no date, marking or slide numbers it does not carry, a byline shows with or without a
presenter, and the security marking is the paper's own (`marking`) or the board's words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from cspctl.models.partnership import Security
from cspctl.records.store import Records
from cspctl.render.common import not_found
from cspctl.render.filters import join_names, long_date, people_filters

_BLOCK_START = re.compile(r"^(?:[-*+] |\d+[.)] |\||#|>)")


@dataclass
class Paragraph:
    number: str | None
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
class FieldLine:
    """One line under the heading: a label key (None for a line printed as it is) and its
    text, or the label key of words printed instead (`not_named`)."""

    label: str | None
    text: str
    text_label: str | None = None


@dataclass
class ReportView:
    id: str
    kind: str
    subject: str
    date: dt.date
    restricted: bool
    fields: list[FieldLine] = field(default_factory=list)
    sections: list[SectionView] = field(default_factory=list)
    slides: list[SlideView] = field(default_factory=list)


def build(records: Records, report_id: str) -> ReportView:
    """The paper `report_id` as a view model."""
    loaded = records.report(report_id)
    if loaded is None:
        raise not_found("report", f"'{report_id}'", sorted(r.model.id for r in records.reports),
                        "; restricted reports are rendered only with --include-restricted",
                        records=records, file=f"reports/*/{report_id}.yaml")
    return view(records, loaded.model)


def marking(records: Records, model: Any) -> str | None:
    """The marking the paper prints: the board's restricted word for a restricted paper, the
    paper's own `marking`, the board's public word for a template report, none for slides."""
    security = records.partnership.model.security if records.partnership else Security()
    if model.restricted:
        return security.restricted
    if model.marking is not None:
        return str(model.marking)
    return None if model.kind == "presentation" else security.public


def view(records: Records, model: Any) -> ReportView:
    names = people_filters(records.register)
    report = ReportView(model.id, model.kind, model.subject, model.meeting, model.restricted)
    security = marking(records, model)
    if model.kind == "presentation":
        if model.authors:
            who = join_names([names["person"](a) for a in model.authors])
            report.fields.append(FieldLine("presenter", ", ".join(filter(None, [who, model.byline]))))
        elif model.byline:
            report.fields.append(FieldLine(None, model.byline))
        if model.date_line:
            report.fields.append(FieldLine(None, model.date_line))
        if security is not None:
            report.fields.append(FieldLine("security", security))
        report.slides = [SlideView(s.title, s.body) for s in model.slides]
        return report
    report.fields.append(FieldLine("subject", model.subject))
    report.fields.append(FieldLine("date", long_date(model.meeting)))
    if model.kind == "subgroup_update":
        subgroups = records.partnership.model.subgroups if records.partnership else []
        name = next((s.name for s in subgroups if s.id == model.subgroup), model.subgroup)
        report.fields.append(FieldLine("subgroup", name))
    authors = "; ".join(names["person_role"](a) for a in model.authors)
    report.fields.append(FieldLine("author", authors, None if authors else "not_named"))
    report.fields.append(FieldLine("contact", model.contact or "", None if model.contact else "not_given"))
    report.fields.append(FieldLine("security", security or ""))
    known = {r.model.id for r in records.reports}
    for number, section in enumerate(model.sections, start=1):
        paragraphs = [Paragraph(f"{number}.{n}" if section.numbered else None, p.strip("\n"))
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
