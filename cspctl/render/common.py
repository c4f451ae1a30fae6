"""What every rendered document shares: its header facts and the not-found message."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from cspctl.errors import CspError
from cspctl.models.partnership import Security
from cspctl.records import files
from cspctl.records.store import Records

DEFAULT_NAME = "Partnership board"
"""The heading of papers rendered from a folder without partnership.yaml (lint says so)."""


@dataclass(frozen=True)
class ContactView:
    """The board's contact officer as the papers print them."""

    name: str
    role: str | None
    email: str | None
    phone: str | None

    @property
    def line(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.email, self.phone) if part)


@dataclass(frozen=True)
class Meta:
    """Facts about the document rather than its content: the board's identity.

    `confidential` is set by --include-restricted: the document then carries restricted
    content and says so on its first line. `logo` is a `data:` URI (HTML and PDF embed it,
    `logo_bytes` goes into Word), `contact` is set for the papers that print the contact
    officer (agendas, reports, packs), `security` the board's marking vocabulary.
    """

    partnership: str
    authority: str | None
    title: str
    confidential: bool
    security: Security = field(default_factory=Security)
    logo: str | None = None
    logo_type: str | None = None
    logo_bytes: bytes | None = field(default=None, repr=False)
    contact: ContactView | None = None
    source: str = ""
    """Where the document came from: the footer sentence of render/provenance.py."""


def meta(records: Records, title: str, confidential: bool, *, contact: bool = False,
         source: str = "") -> Meta:
    partnership = records.partnership.model if records.partnership else None
    if partnership is None:
        return Meta(DEFAULT_NAME, None, title, confidential, source=source)
    logo_type, logo_bytes = _logo(records)
    officer = partnership.contact
    return Meta(
        partnership.name, partnership.authority, title, confidential, partnership.security,
        f"data:{logo_type};base64,{base64.b64encode(logo_bytes).decode('ascii')}" if logo_bytes else None,
        logo_type, logo_bytes,
        ContactView(officer.name, officer.role, officer.email, officer.phone)
        if officer is not None and contact else None,
        source,
    )


def _logo(records: Records) -> tuple[str | None, bytes | None]:
    """The logo's media type and bytes, refused (located, as lint words it) when unsafe."""
    loaded = records.partnership
    if loaded is None or loaded.model.logo is None:
        return None, None
    try:
        return files.read_logo(loaded.model.logo, records.root)
    except files.FileRefused as refused:
        problem = loaded.problem(["logo"], refused.code, "error", f"logo {refused.reason}")
        raise CspError(str(problem)) from None


def not_found(what: str, wanted: str, known: Iterable[str], hint: str = "", *,
              records: Records | None = None, file: str | None = None) -> CspError:
    """'no meeting on X; known: …' — names only ids and dates, never record text. With the
    record `file` it would come from (`meetings/2022-03-30.yaml`, a `*` for a folder), a file
    that is there but does not load says so, with its first error."""
    problem = records.load_error(file) if records is not None and file is not None else None
    if problem is not None:
        return CspError(f"{problem.path} does not load, so there are no {what} {wanted}: "
                        f"{problem} (run cspctl lint)")
    listed = ", ".join(known) or "none"
    return CspError(f"no {what} {wanted}; known: {listed}{hint}")


def meeting_dates(records: Records) -> list[str]:
    return [d.isoformat() for d in records.meeting_dates()]


def subject_of(records: Records, paper_id: str) -> str:
    """The title of a paper named by id: a report's subject, a plan's title, the forward
    plan's or the action log's name; the id itself when the records have no such paper."""
    from cspctl.render.labels import labels_for

    report = records.report(paper_id)
    if report is not None:
        return report.model.subject
    plan = records.plan(paper_id)
    if plan is not None:
        return plan.model.title
    if paper_id == "forward-plan" and records.forward_plan is not None:
        return records.forward_plan.model.title or "Forward Plan"
    if paper_id == "actions":
        return labels_for(records.partnership.model if records.partnership else None)["action_log"]
    return paper_id


def meeting_defaults(records: Records, date: dt.date) -> tuple[str | None, str | None, str | None]:
    """Start, end and venue of the meeting on `date`: its record first, then the defaults."""
    defaults = records.partnership.model.meetings if records.partnership else None
    record = records.meeting(date)
    model = record.model if record else None
    from cspctl.records.agenda import meeting_times

    start, end = meeting_times(model.start if model else None, model.end if model else None, defaults)
    return start, end, (model.venue if model else None) or (defaults.venue if defaults else None)
