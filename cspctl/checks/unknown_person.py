"""CSP201 — every name resolves to the people register.

Attendees (and the members they stood in `for`), presenters, authors, owners, leads, chairs,
declarations and group members are looked up in `people.yaml` by id, name or alias (ignoring
case and spacing); owners may be people, groups or organisations. Inside a meeting, the
meeting's own `initials` are looked up first, and for that meeting only: initials another
meeting defines are unknown here. A name that matches nobody is an error, with the closest
spelling the register knows. Add the spelling as an alias of the right person, add the
person, or say who the initials are in the meeting's `initials`; every `initials` value must
itself be in the register.

When `people.yaml` lists `organisations`, an attendance entry's or a person's
`organisation` that names none of them is a warning (a board without an organisation list
is not asked for one).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from cspctl.models.meeting import Attendee
from cspctl.problem import Problem
from cspctl.records.register import Register, person_references

if TYPE_CHECKING:
    from cspctl.records.store import Loaded, Records

CODE = "CSP201"
SECTIONS = ("present", "additional", "apologies")


def check(records: Records) -> Iterator[Problem]:
    if records.people is None:
        return
    register = records.register
    meetings = {id(m): m for m in records.meetings}
    for loaded in records.all_loaded():
        meeting = meetings.get(id(loaded))
        initials = meeting.model.initials if meeting is not None else None
        yield from _names(register, loaded, initials)
        if meeting is not None:
            for key, name in meeting.model.initials.items():
                if register.resolve(name) is None:
                    yield _unknown(register, loaded, ["initials", key], name)
    if register.has_organisations:
        yield from _organisations(records, register)


def _names(register: Register, loaded: Loaded[Any],
           initials: Mapping[str, str] | None) -> Iterator[Problem]:
    for where, name in person_references(loaded.document.data):
        if initials and name.strip() in initials:
            continue  # resolves as the meeting's initials say; an unknown value is found there
        if register.resolve_in(name, initials) is None:
            yield _unknown(register, loaded, list(where), name)


def _unknown(register: Register, loaded: Loaded[Any], where: list[Any], name: str) -> Problem:
    hint = register.suggest(name)
    message = f"'{_short(name)}' is not in the people register"
    message += f" (did you mean '{hint}'?)" if hint else " (add them to people.yaml)"
    return loaded.problem(where, CODE, "error", message)


def _organisations(records: Records, register: Register) -> Iterator[Problem]:
    for meeting in records.meetings:
        attendance = meeting.model.attendance
        for section in SECTIONS:
            for index, entry in enumerate(getattr(attendance, section)):
                if isinstance(entry, Attendee) and entry.organisation \
                        and register.organisation(entry.organisation) is None:
                    yield _no_organisation(register, meeting, ["attendance", section, index,
                                                               "organisation"], entry.organisation)
    if records.people is not None:
        for index, person in enumerate(records.people.model.people):
            if person.organisation and register.organisation(person.organisation) is None:
                yield _no_organisation(register, records.people, ["people", index, "organisation"],
                                       person.organisation)


def _no_organisation(register: Register, loaded: Loaded[Any], where: list[Any],
                     name: str) -> Problem:
    known = [e.name for e in register.entries.values() if e.kind == "organisation"]
    import difflib

    hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    message = f"organisation '{_short(name)}' is not in the register's organisations"
    message += f" (did you mean '{hint[0]}'?)" if hint else " (add it to organisations in people.yaml)"
    return loaded.problem(where, CODE, "warning", message)


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:59] + "…"
