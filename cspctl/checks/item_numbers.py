"""CSP308 — item numbers are unique within a meeting.

An item's own `number` ("4a", "31") is printed as given; items without one are numbered by
their place (sub-items 4.1, 4.2 under their parent). Two items of one meeting printed with
the same number make the minutes ambiguous and an action's item unclear, so the second is an
error.
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.models.meeting import Item, item_number, record_path
from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP308"


def check(records: Records) -> Iterator[Problem]:
    for meeting in records.meetings:
        seen: dict[str, tuple[tuple[int, ...], bool]] = {}
        for path, number, explicit in _numbered(meeting.model.items, (), ""):
            first, given = seen.setdefault(number.casefold(), (path, explicit))
            if first != path and (explicit or given):
                line = meeting.at(*record_path(first))[0]
                yield meeting.problem([*record_path(path), "number" if explicit else "title"], CODE, "error",
                                      f"item number '{number}' is used twice in this meeting (also at line {line})")


def _numbered(items: list[Item], parent: tuple[int, ...],
              prefix: str) -> Iterator[tuple[tuple[int, ...], str, bool]]:
    """Every item's path, printed number, and whether the record gives that number."""
    for index, item in enumerate(items):
        path = (*parent, index)
        number = item_number(item, index + 1, prefix)
        yield path, number, item.number is not None
        yield from _numbered(item.items, path, number)
