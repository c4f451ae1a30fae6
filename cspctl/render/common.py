"""What every rendered document shares: its header facts and the not-found message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cspctl.errors import CspError
from cspctl.records.store import Records

DEFAULT_NAME = "Community Safety Partnership"


@dataclass(frozen=True)
class Meta:
    """Facts about the document rather than its content.

    `confidential` is set by --include-restricted: the document then carries restricted
    content and says so on its first line.
    """

    partnership: str
    authority: str | None
    title: str
    confidential: bool


def meta(records: Records, title: str, confidential: bool) -> Meta:
    partnership = records.partnership.model if records.partnership else None
    return Meta(partnership.name if partnership else DEFAULT_NAME,
                partnership.authority if partnership else None, title, confidential)


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


def subject_of(records: Records, report_id: str) -> str:
    report = records.report(report_id)
    return report.model.subject if report else report_id


def meeting_defaults(records: Records, date: dt.date) -> tuple[str | None, str | None, str | None]:
    """Start, end and venue of the meeting on `date`: its record first, then the defaults."""
    defaults = records.partnership.model.meetings if records.partnership else None
    record = records.meeting(date)
    model = record.model if record else None
    from cspctl.records.agenda import meeting_times

    start, end = meeting_times(model.start if model else None, model.end if model else None, defaults)
    return start, end, (model.venue if model else None) or (defaults.venue if defaults else None)
