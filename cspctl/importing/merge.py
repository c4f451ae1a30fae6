"""`--update`: a drafted record brought up to date from the source, item by item.

An item of the source replaces the title, restriction, minutes, decisions and actions of the
record's item of the same title (else the same place); actions are matched by id. What the record has beyond that
(kind, presenters, papers, duration, sub-items, comments) is kept, and so are items the
source does not mention. Header fields and attendance lists are set when the source gives them.
"""

from __future__ import annotations

from typing import Any

from cspctl.records.register import normalise

REPLACED = ("title", "restricted", "minutes", "decisions", "actions")


def merge_record(existing: Any, new: dict[str, Any]) -> None:
    for key in ("start", "end", "venue", "chair", "note_taker", "initials"):
        if key in new:
            existing[key] = new[key]
    attendance = existing.setdefault("attendance", {})
    for key, values in new["attendance"].items():
        if values:
            attendance[key] = _entries(attendance.get(key) or [], values)
    items = existing.setdefault("items", [])
    by_title = {normalise(str(i.get("title", ""))): i for i in items}
    last = -1
    for place, item in enumerate(new["items"]):
        match = by_title.get(normalise(item["title"]))
        if match is None and place < len(items) and "number" not in items[place]:
            match = items[place] if normalise(str(items[place].get("title", ""))) not in \
                {normalise(i["title"]) for i in new["items"]} else None
        if match is None:
            last += 1
            items.insert(last, item)
            continue
        for key in REPLACED:
            if key == "actions" and key in item and key in match:
                _merge_actions(match[key], item[key])
            elif key in item and match.get(key) != item[key]:
                match[key] = item[key]
        last = max(last, list(items).index(match))


def _name(entry: Any) -> str:
    return normalise(str(entry if isinstance(entry, str) else entry.get("name", "")))


def _entries(existing: list[Any], new: list[Any]) -> list[Any]:
    """The source's attendance list, keeping the record's entry for a name both give (its
    organisation, substitute and note stay)."""
    known = {_name(entry): entry for entry in existing}
    return [known.get(_name(entry), entry) for entry in new]


def _merge_actions(existing: Any, new: list[dict[str, Any]]) -> None:
    """Actions by id, edited in place (so comments stay where they are): the source's words and
    owners; a status only when the source gives one; actions the source does not list are kept."""
    by_id = {str(a.get("id")): a for a in existing}
    for action in new:
        known = by_id.get(action["id"])
        if known is None:
            existing.append(action)
            continue
        for key, value in action.items():
            if key == "status" and value == "open":
                continue
            if known.get(key) != value:
                known[key] = value
