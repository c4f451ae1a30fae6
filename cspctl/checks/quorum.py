"""CSP306 — a meeting held had its quorum (warning).

`partnership.yaml` may set `quorum: {min_members: N, min_organisations: N}`. A meeting that
was held (status `held`, `drafted` or `approved`) and does not record `quorate` is checked
against it: the members present (`attendance.present`, substitutes included) must number at
least `min_members`, and come from at least `min_organisations` distinct organisations. An
attendee's organisation is the entry's own `organisation`, else, for a substitute, that of the
member they attend for, else the one the register gives them; an attendee with none counts
towards no organisation. When the minutes say whether the meeting was quorate, record it
(`quorate: true` or `false`) and lint takes the record's word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cspctl.models.meeting import AttendanceEntry, Attendee, attendee_name
from cspctl.problem import Problem
from cspctl.records.register import normalise
from cspctl.records.store import Records

CODE = "CSP306"
HELD = ("held", "drafted", "approved")


def check(records: Records) -> Iterator[Problem]:
    rule = records.partnership.model.quorum if records.partnership else None
    if rule is None or (rule.min_members is None and rule.min_organisations is None):
        return
    organisation_key = _organisations(records)
    register = records.register

    def organisation_of(entry: AttendanceEntry) -> str | None:
        written = entry.organisation if isinstance(entry, Attendee) else None
        if written is None and isinstance(entry, Attendee) and entry.substitute_for:
            member = register.resolve(entry.substitute_for)
            written = member.organisation if member else None
        if written is None:
            person = register.resolve(attendee_name(entry))
            written = person.organisation if person else None
        return organisation_key(written) if written else None

    for meeting in records.meetings:
        model = meeting.model
        if model.status not in HELD or model.quorate is not None:
            continue
        present = model.attendance.present
        short: list[str] = []
        if rule.min_members is not None and len(present) < rule.min_members:
            short.append(f"{len(present)} members present, fewer than the quorum of {rule.min_members}")
        if rule.min_organisations is not None:
            count = len({o for o in map(organisation_of, present) if o is not None})
            if count < rule.min_organisations:
                short.append(f"{count} organisations present, fewer than the quorum of "
                             f"{rule.min_organisations}")
        if short:
            yield meeting.problem(["attendance", "present"] if present else ["status"], CODE,
                                  "warning", f"the meeting of {model.date.isoformat()} may not have "
                                  f"been quorate: {'; '.join(short)} (record quorate: true or false "
                                  "as the minutes say)")


def _organisations(records: Records) -> Callable[[str], str]:
    """A function from an organisation as written to one key per register organisation."""
    index: dict[str, str] = {}
    for org in records.people.model.organisations if records.people else []:
        for spelling in (org.id, org.name, *org.aliases):
            index.setdefault(normalise(spelling), org.id)

    def key(written: str) -> str:
        return index.get(normalise(written), normalise(written))

    return key
