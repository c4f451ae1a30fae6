"""`cspctl forward-plan defer`: move a planned item to a later (or earlier) meeting.

As the board did when it postponed the Family Drug and Alcohol Court update to March 2022:
the item leaves one meeting of `forward-plan.yaml` and joins another (created in date order
when the plan has no such meeting yet), with a note. The file is edited round-trip: the
moved item takes its comments along, and every other line stays as it was.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from cspctl.errors import CspError
from cspctl.records.canonical import attach_after, detach_after
from cspctl.records.register import normalise
from cspctl.records.store import Records


@dataclass
class Deferred:
    title: str
    from_date: dt.date
    to_date: dt.date
    created_meeting: bool
    note: str
    path: str
    meeting_record: str | None = None
    """The meeting record whose item was marked deferred too, when that meeting has one."""


def defer(records: Records, title: str, to: dt.date, *, note: str | None = None,
          from_date: dt.date | None = None) -> Deferred:
    """Move the planned item called `title` to the meeting of `to`."""
    from cspctl.authoring.fmt import load_for_edit, save_record
    from cspctl.records.canonical import KeyLine, attach_after, detach_after
    from cspctl.records.roundtrip import rt_dump

    if records.forward_plan is None:
        broken = records.load_error("forward-plan.yaml")
        raise CspError("the records folder has no valid forward-plan.yaml"
                       + (f": {broken}" if broken else "") + " (see cspctl lint)")
    meeting_index, item_index = _find(records, title, from_date)
    source_date = records.forward_plan.model.meetings[meeting_index].date
    if source_date == to:
        raise CspError(f"the item is already planned for {to.isoformat()}")
    path = records.forward_plan.path
    snapshot, data = load_for_edit(records.root, path, "forward-plan", records.forward_plan.model)
    meetings = data["meetings"]
    source = meetings[meeting_index]
    items = source["items"]
    item = items[item_index]
    before_slot = KeyLine(source, "items")
    leading = detach_after(items, item_index - 1) if item_index else before_slot.detach()
    trailing = detach_after(items, item_index)
    del items[item_index]
    if item_index:
        attach_after(items, item_index - 1, trailing)
    elif len(items):
        before_slot(trailing)
    else:
        # No items left: drop the key (the model's default is no items).
        keys = list(source)
        previous = keys[keys.index("items") - 1]
        del source["items"]
        attach_after(source, previous, trailing)
    text = note if note else f"Deferred from {source_date.isoformat()}."
    _append_note(item, text)
    target, created = _target(data, to)
    if "items" not in target:
        from ruamel.yaml.comments import CommentedSeq

        after = detach_after(target, list(target)[-1])
        target.insert(1, "items", CommentedSeq())
        _append(target["items"], target, item, leading)
        attach_after(target, list(target)[-1], after)
    else:
        _append(target["items"], target, item, leading)
    recorded = _recorded_item(records, source_date, str(item["title"]))  # refuses before any write
    save_record(snapshot, "forward-plan", rt_dump(data))
    marked = _mark_deferred(records, recorded, to) if recorded else None
    return Deferred(str(item["title"]), source_date, to, created, text, records.forward_plan.display, marked)


def _recorded_item(records: Records, date: dt.date, title: str) -> tuple[Any, Any] | None:
    """The meeting record's item of the same title, when `new meeting` already wrote the
    record: it is marked deferred too, so the record, the agenda and the plan agree. Minutes
    already taken under it are refused rather than hidden."""
    from cspctl.models.meeting import walk_items

    meeting = records.meeting(date)
    if meeting is None:
        return None
    found = [(path, item) for path, item in walk_items(meeting.model.items)
             if normalise(item.title) == normalise(title) and item.status == "taken"]
    if not found:
        return None
    path, item = found[0]
    if item.minutes or item.actions or item.decisions:
        raise CspError(f"the item '{title}' of {meeting.display} already has minutes, decisions or "
                       "actions: nothing was moved; mark it deferred there by hand if it was")
    return meeting, path


def _mark_deferred(records: Records, recorded: tuple[Any, Any], to: dt.date) -> str:
    """`status: deferred` and `deferred_to` on the recorded item (round-trip: nothing else moves)."""
    from cspctl.authoring.fmt import load_for_edit, save_record
    from cspctl.models.meeting import record_path
    from cspctl.records.roundtrip import rt_dump

    meeting, path = recorded
    snapshot, data = load_for_edit(records.root, meeting.path, "meeting", meeting.model)
    node = data
    for key in record_path(path):
        node = node[key]
    anchor = "kind" if "kind" in node else "title"
    place = list(node).index(anchor) + 1
    following = detach_after(node, anchor)
    node.insert(place, "status", "deferred")
    node.insert(place + 1, "deferred_to", to)
    attach_after(node, "deferred_to", following)
    save_record(snapshot, "meeting", rt_dump(data))
    return str(meeting.display)


def _find(records: Records, title: str, from_date: dt.date | None) -> tuple[int, int]:
    """The (meeting, item) indexes of the one item called `title` (case-insensitive)."""
    assert records.forward_plan is not None
    wanted = normalise(title)
    everything = [(m, i, meeting.date, item.title)
                  for m, meeting in enumerate(records.forward_plan.model.meetings)
                  for i, item in enumerate(meeting.items)]
    found = [e for e in everything if normalise(e[3]) == wanted
             and (from_date is None or e[2] == from_date)]
    if len(found) == 1:
        return found[0][0], found[0][1]
    if found:
        dates = ", ".join(e[2].isoformat() for e in found)
        raise CspError(f"'{title}' is planned for several meetings ({dates}); "
                       "choose one with --from DATE")
    titles = sorted({e[3] for e in everything})
    close = [t for t in titles if wanted in normalise(t)] or difflib.get_close_matches(
        title, titles, n=5, cutoff=0.5)
    where = f" on {from_date.isoformat()}" if from_date else ""
    listed = "; ".join(f"'{t}'" for t in (close or titles)) or "none"
    label = "did you mean" if close else "planned items"
    raise CspError(f"no planned item titled '{title}'{where} ({label}: {listed})")


def _append_note(item: Any, text: str) -> None:
    existing = str(item.get("notes") or "").rstrip()
    if existing and not existing.endswith((".", "!", "?")):
        existing += "."
    item["notes"] = f"{existing} {text}" if existing else text


def _target(data: Any, to: dt.date) -> tuple[Any, bool]:
    """The forward-plan meeting of `to`, created in date order when absent."""
    from ruamel.yaml.comments import CommentedMap

    from cspctl.records.canonical import KeyLine, attach_after, detach_after

    meetings = data["meetings"]
    for meeting in meetings:
        if str(meeting["date"]) == to.isoformat():
            return meeting, False
    position = next((i for i, m in enumerate(meetings) if str(m["date"]) > to.isoformat()), len(meetings))
    fresh = CommentedMap()
    fresh["date"] = to
    # Comments in front of the meeting now at `position` stay in front of it.
    moved = detach_after(meetings, position - 1) if position else KeyLine(data, "meetings").detach()
    meetings.insert(position, fresh)
    attach_after(meetings, position, moved)
    return fresh, True


def _append(items: Any, parent: Any, item: Any, leading: str) -> None:
    """Append `item` to a block sequence, `leading` comments in front of it."""
    from cspctl.records.canonical import KeyLine, attach_after, detach_after

    if len(items):
        after = detach_after(items, len(items) - 1)
        attach_after(items, len(items) - 1, leading)
    else:
        after = ""
        KeyLine(parent, "items")(leading)
    items.append(item)
    attach_after(items, len(items) - 1, after)
