"""Recording progress on a meeting action: `actions done` and `actions update` write back.

Minutes are reviewed as diffs, so an edit must touch the action's own lines and nothing else:
the file is edited through ruamel's round-trip path (comments, quoting and layout kept), the
new text is validated as a meeting record before anything is written, a diff of old and new
text must stay inside the action's block, and the write is atomic. Approved minutes are a
legal record: only progress (status, completion date, review date, updates) may change on
them. Actions of sub-items are found and edited like any other (`walk_items`, `record_path`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.errors import CspError
from cspctl.models.meeting import ItemPath, record_path, walk_items
from cspctl.records.store import Records

if TYPE_CHECKING:
    from cspctl.models.meeting import Item, Meeting

KEY_ORDER = ("id", "owners", "description", "due", "status", "review", "completed_on",
             "carried_from", "updates")


@dataclass
class Change:
    """What an edit did to which file; `fields` is empty when nothing needed changing."""

    action_id: str
    path: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Edit:
    """The requested change to one action."""

    on: dt.date
    note: str | None = None
    status: str | None = None
    due: dt.date | None = None
    completed_on: dt.date | None = None
    date_completion: bool = False
    """Give an already completed action without a completion date one (`actions done`)."""
    review: dt.date | None = None


def mark_done(records: Records, action_id: str, on: dt.date | None, note: str | None,
              today: dt.date) -> Change:
    """Complete an action (on `on`, else keep a recorded completion date, else today)."""
    return apply(records, action_id,
                 Edit(on or today, note, "completed", completed_on=on, date_completion=True))


def apply(records: Records, action_id: str, edit: Edit) -> Change:
    """Apply `edit` to the action with `action_id` and write the file if anything changed."""
    from cspctl.authoring.fmt import load_for_edit
    from cspctl.records.guarded import write_if_unchanged
    from cspctl.records.roundtrip import rt_dump

    meeting, path, a = find_action(records, action_id)
    if edit.note is not None and not edit.note.strip():
        raise CspError("--note cannot be empty", 2)
    action = _item_at(meeting.model, path).actions[a]
    raised = _origin(meeting.model.date, action.carried_from)
    if edit.due is not None and meeting.model.status == "approved" \
            and edit.due != action.due:
        raise CspError(f"the minutes of {meeting.model.date} are approved: only an action's status, "
                       "completion date and updates may change, not its due date")
    for what, date in (("due date", edit.due), ("completion date", edit.completed_on),
                       ("review date", edit.review)):
        if date is not None and date < raised:
            raise CspError(f"the {what} {date} is before the meeting that raised "
                           f"{action_id} ({raised})")
    snapshot, data = load_for_edit(records.root, meeting.path, "meeting", meeting.model)
    text = snapshot.text
    try:
        node = data
        for key in (*record_path(path), "actions", a):
            node = node[key]
    except (KeyError, IndexError, TypeError):
        node = None
    if not hasattr(node, "get") or node.get("id") != action_id:
        raise CspError(f"{meeting.display} changed while cspctl was reading it; try again")
    before = _last_scalar(node)
    fields = _mutate(node, edit)
    change = Change(action_id, meeting.display, fields)
    if not fields:
        return change
    _carry_trailing_comment(before, _last_scalar(node))
    new_text = rt_dump(data)
    _check(meeting.display, text, new_text, (*record_path(path), "actions", a))
    write_if_unchanged(snapshot, new_text)
    return change


def find_action(records: Records, action_id: str) -> tuple[Any, ItemPath, int]:
    """The meeting holding `action_id`, the path of its item (sub-items too) and its
    position there, or a user error."""
    ids: list[str] = []
    found: list[tuple[Any, ItemPath, int]] = []
    for meeting in records.meetings:
        for path, item in walk_items(meeting.model.items):
            for a, action in enumerate(item.actions):
                if action.id == action_id:
                    found.append((meeting, path, a))
                ids.append(action.id)
    if len(found) > 1:
        where = ", ".join(f"{m.display}:{m.at(*record_path(p), 'actions', a, 'id')[0]}" for m, p, a in found)
        raise CspError(f"{len(found)} actions share the id '{action_id}' ({where}); give each its "
                       "own id (see cspctl lint, CSP202), then run the command again")
    if found:
        return found[0]
    plan_ids = [f"{p.model.id}/{t.id}.{pa.number}" for p in records.plans
                for t in p.model.themes for pa in t.actions]
    if action_id in plan_ids:
        plan = records.plan(action_id.split("/", 1)[0])
        where = plan.display if plan else "its plan file"
        raise CspError(f"{action_id} is an action plan action: update its rag and progress in "
                       f"{where} (only meeting actions are updated by this command)")
    broken = [p.path for p in records.problems if p.level == "error"
              and p.path.endswith(f"meetings/{action_id.split('/', 1)[0]}.yaml")]
    if broken:
        raise CspError(f"{broken[0]} has errors, so its actions cannot be updated; "
                       "run cspctl lint")
    hint = difflib.get_close_matches(action_id, ids + plan_ids, n=1, cutoff=0.5)
    raise CspError(f"no action with id '{action_id}'"
                   + (f"; did you mean '{hint[0]}'?" if hint else ""))


def _item_at(meeting: Meeting, path: ItemPath) -> Item:
    items, item = meeting.items, None
    for index in path:
        item = items[index]
        items = item.items
    assert item is not None
    return item


def _mutate(node: Any, edit: Edit) -> list[str]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    changed: list[str] = []
    old_status = node.get("status", "open")
    if edit.status is not None and old_status != edit.status:
        _set(node, "status", edit.status, changed)
    if (edit.status or old_status) == "completed":
        recorded = _as_date(node.get("completed_on"))
        newly = old_status != "completed" or edit.date_completion
        done_on = edit.completed_on or recorded or (edit.on if newly else None)
        if done_on is not None and done_on != recorded:
            _set(node, "completed_on", _fresh(done_on), changed)
    elif "completed_on" in node:
        del node["completed_on"]
        changed.append("completed_on")
    if edit.due is not None and _as_date(node.get("due")) != edit.due:
        _set(node, "due", _fresh(edit.due), changed)
    if edit.review is not None and _as_date(node.get("review")) != edit.review:
        _set(node, "review", _fresh(edit.review), changed)
    if edit.note is not None:
        entry = CommentedMap([("date", _fresh(edit.on)), ("note", edit.note.strip())])
        updates = node.get("updates")
        if updates is None:
            _set(node, "updates", CommentedSeq([entry]), changed)
        elif not any(str(u.get("date")) == edit.on.isoformat() and u.get("note") == entry["note"]
                     for u in updates):
            updates.append(entry)
            changed.append("updates")
    return changed


def _set(node: Any, key: str, value: Any, changed: list[str]) -> None:
    """Set `key`, placing a new key where the record layout puts it."""
    changed.append(key)
    if key in node:
        node[key] = value
        return
    rank = KEY_ORDER.index(key)
    position = next((n for n, k in enumerate(node) if k in KEY_ORDER and KEY_ORDER.index(k) > rank),
                    len(node))
    node.insert(position, key, value)


def _origin(held: dt.date, carried_from: str | None) -> dt.date:
    """When an action was first raised: the meeting holding it, or the one it was carried
    from (a month counts from its first day)."""
    if carried_from is None:
        return held
    return dt.date.fromisoformat(carried_from if len(carried_from) == 10 else carried_from + "-01")


def _fresh(date: dt.date) -> dt.date:
    """A new date object: ruamel writes an object met twice as an anchor and an alias,
    which records refuse."""
    return dt.date(date.year, date.month, date.day)


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _last_scalar(node: Any) -> tuple[Any, Any] | None:
    """The (mapping, key) of the last scalar written for `node`: where ruamel keeps the
    comment lines that follow it."""
    if hasattr(node, "items") and len(node):
        key = list(node)[-1]
        value = node[key]
        if isinstance(value, dict | list) and len(value) and _block_style(value):
            return _last_scalar(value)
        return (node, key)
    if isinstance(node, list) and len(node) and _block_style(node):
        return _last_scalar(node[-1])
    return None


def _block_style(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return fa is not None and not fa.flow_style()


def _carry_trailing_comment(old: tuple[Any, Any] | None, new: tuple[Any, Any] | None) -> None:
    """Keep comment lines that followed the action after it, when new keys go at its end."""
    from ruamel.yaml.tokens import CommentToken

    if old is None or new is None or old == new or not hasattr(new[0], "ca"):
        return
    slot = old[0].ca.items.get(old[1])
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None or "\n" not in token.value:
        return
    head, rest = token.value.split("\n", 1)
    if not rest:
        return
    token.value = head + "\n"
    new[0].ca.items.setdefault(new[1], [None, None, None, None])[2] = CommentToken(
        "\n" + rest, token.start_mark, None)


def _check(display: str, old: str, new: str, where: tuple[str | int, ...]) -> None:
    """Refuse a write that is invalid or that reaches outside the action's own lines."""
    from pydantic import ValidationError

    from cspctl.models.registry import adapter
    from cspctl.records.yamlio.read import parse
    from cspctl.records.yamlio.text import YamlError

    try:
        adapter("meeting").validate_python(parse(new).data)
    except (YamlError, ValidationError):
        raise CspError(f"the change would leave {display} invalid; nothing was written") from None
    start, end = _lines_of(parse(old), where, old.count("\n") + 1)
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    outside = any(tag != "equal" and (i1 < start - 1 or i2 > end - 1)
                  for tag, i1, i2, _, _ in matcher.get_opcodes())
    comments = _comments(old_lines) - _comments(new_lines)
    if outside or comments:
        raise CspError(f"cannot update {display} without changing lines outside the action "
                       "(its layout does not survive a round trip); nothing was written")


def _lines_of(document: Any, prefix: tuple[str | int, ...], last_line: int) -> tuple[int, int]:
    """The 1-based lines [start, end) of the action at key path `prefix`: to the next node
    that is not its own."""
    size = len(prefix)
    positions = [(p, lc[0]) for table in (document.values, document.keys) for p, lc in table.items()]
    start = document.values[prefix][0]
    inside = max(line for p, line in positions if p[:size] == prefix)
    later = [line for p, line in positions if p[:size] != prefix and line > inside]
    return start, min(later, default=last_line + 1)


def _comments(lines: list[str]) -> Counter[str]:
    return Counter(line.strip() for line in lines if line.strip().startswith("#"))
