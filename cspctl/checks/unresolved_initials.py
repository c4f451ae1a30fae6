"""CSP205 — initials a meeting uses say who they are (warning).

Minutes often name people by initials ("AC to circulate the draft"). A name of two to four
capitals in a meeting's owners, attendance, presenters, chairs or declarations that neither
the people register nor the meeting's own `initials` resolves is reported, with the person
another meeting's `initials` gives it, if any. Initials are resolved per meeting, because the
same initials can mean two people on one board: say who they are at this meeting with
`initials: {AC: Alison Cooper}` (the name as the register knows it). The name stays
unknown (CSP201) until then.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cspctl.problem import Problem
from cspctl.records.register import looks_like_initials, person_references

if TYPE_CHECKING:
    from cspctl.records.store import Records

CODE = "CSP205"


def check(records: Records) -> Iterator[Problem]:
    if records.people is None:
        return
    register = records.register
    elsewhere: dict[str, set[str]] = {}
    for meeting in records.meetings:
        for key, name in meeting.model.initials.items():
            entry = register.resolve(name)
            elsewhere.setdefault(key, set()).add(entry.name if entry else name)
    for meeting in records.meetings:
        initials = meeting.model.initials
        for where, name in person_references(meeting.document.data):
            if not looks_like_initials(name) or name.strip() in initials \
                    or register.resolve_in(name, initials) is not None:
                continue
            key = name.strip()
            message = f"'{key}' looks like initials nobody is named for at this meeting: add " \
                      f"it to the meeting's initials ({key}: the person's name)"
            others = sorted(elsewhere.get(key, ()))
            if others:
                message += f"; other meetings use it for {' and '.join(others)}"
            yield meeting.problem(list(where), CODE, "warning", message)
