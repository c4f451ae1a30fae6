"""CSP202 — ids are unique.

People, groups and organisations (ids, names and aliases must not point at two entries),
actions across all meetings and their sub-items, reports across the folder, plans, and action
numbers within a plan's theme. A duplicate makes references ambiguous, so the second
occurrence is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cspctl.models.meeting import record_path, walk_items
from cspctl.problem import Problem
from cspctl.records.register import normalise
from cspctl.records.store import Loaded, Records

CODE = "CSP202"


def check(records: Records) -> Iterator[Problem]:
    if records.people is not None:
        people = records.people
        seen: dict[str, tuple[str, int, str]] = {}
        for section in ("people", "groups", "organisations"):
            for index, entry in enumerate(getattr(people.model, section)):
                for field, values in (("id", [entry.id]), ("name", [entry.name]),
                                      ("aliases", entry.aliases)):
                    for position, value in enumerate(values):
                        key = normalise(value)
                        owner = seen.get(key)
                        where = [section, index, field] + ([position] if field == "aliases" else [])
                        if owner is not None and owner[:2] != (section, index):
                            # Two entries, even with one id (two people, or a group taking a
                            # person's id), make every reference to it ambiguous.
                            line = people.at(owner[0], owner[1])[0]
                            taken = {"people": "person", "groups": "group"}.get(owner[0], "organisation")
                            message = (f"the id '{value}' is already the {taken} on line {line}"
                                       if field == "id" and value == owner[2] else
                                       f"'{value}' already names '{owner[2]}' (line {line})")
                            yield people.problem(where, CODE, "error", message)
                        seen.setdefault(key, (section, index, entry.id))
    yield from _unique(
        ((m, [*record_path(path), "actions", a, "id"], action.id)
         for m in records.meetings
         for path, item in walk_items(m.model.items)
         for a, action in enumerate(item.actions)),
        "action",
    )
    yield from _unique(((r, ["id"], r.model.id) for r in records.reports), "report")
    yield from _unique(((p, ["id"], p.model.id) for p in records.plans), "plan")
    for plan in records.plans:
        for t, theme in enumerate(plan.model.themes):
            yield from _unique(
                ((plan, ["themes", t, "actions", a, "number"], action.number)
                 for a, action in enumerate(theme.actions)),
                f"action number in theme '{theme.id}'",
            )
        yield from _unique(
            ((plan, ["themes", t, "id"], theme.id) for t, theme in enumerate(plan.model.themes)),
            "theme",
        )


def _unique(items: Iterable[tuple[Loaded[Any], list[Any], Any]], what: str) -> Iterator[Problem]:
    first: dict[Any, tuple[Loaded[Any], list[Any]]] = {}
    for loaded, where, value in items:
        if value in first:
            earlier, earlier_where = first[value]
            line = earlier.at(*earlier_where)[0] if earlier is loaded else None
            origin = f"line {line}" if line else earlier.display
            yield loaded.problem(where, CODE, "error", f"duplicate {what} id '{value}' (also at {origin})")
        else:
            first[value] = (loaded, where)
