"""CSP701 — approved minutes are not edited, except for action progress (review rule).

Approved minutes are a legal record. Once the base revision has a meeting with
`status: approved`, a change may only record the progress of its actions: their `status`,
`completed_on` and `updates`. Anything else (minutes, decisions, attendance, items, action
owners, wording or due dates, the status of the minutes) is an error naming the meeting that
approved them. Correct approved minutes by a decision of a later meeting, recorded there.
Runs with `cspctl lint --base REF`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cspctl.problem import Problem
from cspctl.records.store import Records
from cspctl.records.yamlio.text import Path_

CODE = "CSP701"
PROGRESS = ("status", "completed_on", "updates")


def check(base: Records, records: Records) -> Iterator[Problem]:
    after = {m.model.date: m for m in records.meetings}
    for old in base.meetings:
        new = after.get(old.model.date)
        if old.model.status != "approved" or new is None:
            continue  # a deleted meeting is CSP703's finding
        before, now = _frozen(old.model), _frozen(new.model)
        for path in differences(before, now):
            yield new.problem(path, CODE, "error",
                              f"these minutes were approved at the meeting of {old.model.approved_at} "
                              f"and are a legal record: {where(path, now, before)} changed, but only "
                              "action progress (status, completed_on, updates) may change")


def _frozen(meeting: Any) -> dict[str, Any]:
    """The meeting as data, without the parts that may still change: action progress."""
    data: dict[str, Any] = meeting.model_dump(mode="json")
    data.pop("publications", None)  # what was published when is not the minutes: CSP704 guards it

    def thaw(items: list[dict[str, Any]]) -> None:
        for item in items:
            for action in item["actions"]:
                for name in PROGRESS:
                    action.pop(name, None)
            thaw(item["items"])

    thaw(data["items"])
    return data


def differences(before: Any, after: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Where two plain values differ: keys and same-length lists are followed down."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*after, *(k for k in before if k not in after)]:
            if key not in before or key not in after:
                yield (*path, key)
            else:
                yield from differences(before[key], after[key], (*path, key))
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            yield from differences(old, new, (*path, index))
    elif before != after:
        yield path


def where(path: Path_, now: Any, before: Any) -> str:
    """A path as the board would say it: "item 4 minutes", "action 2021-09-29/4.2 owners"."""
    words: list[str] = []
    node: Any = now
    for index, key in enumerate(path):
        parent = path[index - 1] if index else None
        if isinstance(key, int):
            entry: Any = node[key] if isinstance(node, list) and key < len(node) else None
            if parent == "items" and isinstance(entry, dict) and entry.get("number"):
                words.append(f"item {entry['number']}")
            elif parent == "items":
                words.append(f"item {key + 1}" if index == 1 else f"sub-item {key + 1}")
            elif parent == "actions" and isinstance(entry, dict) and "id" in entry:
                words.append(f"action {entry['id']}")
            else:
                words.append(f"entry {key + 1}")
        elif key not in ("items", "actions"):
            words.append(key.replace("_", " "))
        node = node[key] if _has(node, key) else None
    return " ".join(words) or "the record"


def _has(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and key < len(node)
