"""CSP201 — every name resolves to the people register.

Attendees, presenters, authors, owners, leads, chairs and group members are looked up in
`people.yaml` by id, name or alias (ignoring case and spacing). A name that matches nobody is
an error, with the closest spelling the register knows. Add the spelling as an alias of the
right person, or add the person.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.register import person_references
from cspctl.records.store import Records

CODE = "CSP201"


def check(records: Records) -> Iterator[Problem]:
    if records.people is None:
        return
    register = records.register
    for loaded in records.all_loaded():
        for where, name in person_references(loaded.document.data):
            if register.resolve(name) is not None:
                continue
            hint = register.suggest(name)
            shown = name if len(name) <= 60 else name[:59] + "…"
            message = f"'{shown}' is not in the people register"
            message += f" (did you mean '{hint}'?)" if hint else " (add them to people.yaml)"
            yield loaded.problem(where, CODE, "error", message)
