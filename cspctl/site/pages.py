"""The pages of the site: one `Page` for each thing the public records hold, nothing more.

Each page names its template under `site/` and the context it needs; document pages (agenda,
minutes, papers, plans, the forward plan) reuse the renderers' view models and partials, and
name the document whose PDF sits beside them. Built from the public view only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cspctl.records.store import Records
from cspctl.render.document import Request, build_view
from cspctl.site import paths
from cspctl.site.facts import Facts


@dataclass
class Page:
    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    pdf: Request | None = None
    """The document rendered as the PDF beside this page (`paths.pdf(path)`)."""
    kind: str = "page"
    date: dt.date | None = None
    """The meeting date of a paper: the feed lists papers by it."""


def pages(records: Records, facts: Facts) -> Iterator[Page]:
    """Every page of the site, in a fixed order."""
    yield Page(paths.HOME, "home", facts.board, {"next": facts.next_meeting,
                                                 "latest": facts.latest_papers(10)})
    yield Page(paths.MEETINGS, "meetings", "Meetings", {"meetings": facts.meetings})
    for meeting in facts.meetings:
        yield from _meeting_pages(records, facts, meeting)
    for report in records.reports:
        model = report.model
        view, title = build_view(records, Request("report", model.id))
        yield Page(paths.report(model.id), "document", title, {"doc": view, "partial": "report"},
                   Request("report", model.id, "pdf"), "paper", model.meeting)
    for loaded in records.plans:
        view, title = build_view(records, Request("plan", loaded.model.id))
        yield Page(paths.plan(loaded.model.id), "document", title, {"doc": view, "partial": "plan"},
                   Request("plan", loaded.model.id, "pdf"), "plan")
    if records.forward_plan is not None:
        view, title = build_view(records, Request("forward-plan"))
        yield Page(paths.FORWARD_PLAN, "document", title, {"doc": view, "partial": "forward_plan"},
                   Request("forward-plan", None, "pdf"), "forward-plan")
    view, _ = build_view(records, Request("actions", as_of=facts.as_of))
    yield Page(paths.ACTIONS, "actions", "Actions", {"doc": view, "owners": facts.owners,
                                                     "organisations": facts.action_organisations,
                                                     "plans": facts.plans})
    view, title = build_view(records, Request("decisions"))
    yield Page(paths.DECISIONS, "document", title, {"doc": view, "partial": "decisions"})
    yield Page(paths.ATTENDANCE, "attendance", "Attendance", {"stats": facts.attendance})
    yield Page(paths.PEOPLE, "people", "People", {"people": facts.people, "groups": facts.groups})
    for person in [*facts.people, *facts.groups]:
        yield Page(paths.person(person.id), "person", person.name, {"person": person})
    if facts.organisations:
        yield Page(paths.ORGANISATIONS, "organisations", "Organisations",
                   {"organisations": facts.organisations})
        for organisation in facts.organisations:
            yield Page(paths.organisation(organisation.id), "organisation", organisation.name,
                       {"organisation": organisation})
    yield Page(paths.SEARCH, "search", "Search", kind="search")


def _meeting_pages(records: Records, facts: Facts, meeting: Any) -> Iterator[Page]:
    date = meeting.date
    yield Page(paths.meeting(date), "meeting", meeting.heading, {"meeting": meeting}, kind="meeting")
    view, title = build_view(records, Request("agenda", date.isoformat()))
    yield Page(paths.agenda(date), "document", title, {"doc": view, "partial": "agenda"},
               Request("agenda", date.isoformat(), "pdf"), "agenda", date)
    if meeting.has_minutes:
        view, title = build_view(records, Request("minutes", date.isoformat()))
        yield Page(paths.minutes(date), "document", title, {"doc": view, "partial": "minutes"},
                   Request("minutes", date.isoformat(), "pdf"), "minutes", date)
