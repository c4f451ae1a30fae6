"""Changes to meeting records: status, attendance, items, minutes, decisions and actions.

People are shown as the record writes them (the register's names with `names: canonical`);
whether two spellings are one person is the register's (and the meeting's initials') call.
Actions of sub-items count like any other; those under a restricted item stay hidden."""

from __future__ import annotations

from typing import Any

from cspctl.models.meeting import attendee_name, item_number, walk_items
from cspctl.records.register import Register
from cspctl.review.changes import (
    RESTRICTED_MINUTES,
    Change,
    Side,
    canonical_names,
    match_items,
    moved,
    word_diff,
)

DETAILS = ("title", "start", "end", "venue", "chair", "note_taker")
PEOPLE = ("chair", "note_taker")
DONE = ("completed", "dropped")


def meeting_changes(b: Side, a: Side, include_restricted: bool) -> list[Change]:
    """Per meeting date: added or removed meetings, and every change inside the others."""
    from cspctl.models.meeting import Meeting

    before = {m.model.date: m for m in b.raw.meetings}
    after = {m.model.date: m for m in a.raw.meetings}
    shown_b = {m.model.date: m.model for m in b.shown.meetings}
    shown_a = {m.model.date: m.model for m in a.shown.meetings}
    out: list[Change] = []
    for date in sorted(before.keys() | after.keys()):
        record, old, new = f"meeting {date}", before.get(date), after.get(date)
        if new is None:
            assert old is not None
            if str(old.relative) not in a.unreadable:
                count = sum(len(item.actions) for _, item in walk_items(old.model.items))
                out.append(Change(record, "meeting", str(date), "removed", before=old.model.status,
                                  note=f"the meeting record and its {count} actions were deleted"))
            continue
        if old is None:
            if str(new.relative) in b.unreadable:
                continue
            out.append(Change(record, "meeting", str(date), "added", after=new.model.status))
            empty = Meeting.model_validate({"date": date.isoformat()})
            meeting = _Meeting(record, b.register, a.register, include_restricted, canonical_names(a))
            out += meeting.compare(empty, new.model, empty, shown_a[date], added=True)
            continue
        meeting = _Meeting(record, b.register, a.register, include_restricted, canonical_names(a))
        out += meeting.compare(old.model, new.model, shown_b[date], shown_a[date], added=False)
    return out


class _Meeting:
    def __init__(self, record: str, old_register: Register, new_register: Register,
                 include_restricted: bool, canonical: bool = False) -> None:
        self.record = record
        self.old_register = old_register
        self.new_register = new_register
        self.include = include_restricted
        self.canonical = canonical
        self.out: list[Change] = []
        self.old_initials: dict[str, str] = {}
        self.new_initials: dict[str, str] = {}

    def old_name(self, name: str) -> str:
        return self.old_register.shown_name(name, canonical=self.canonical, initials=self.old_initials)

    def new_name(self, name: str) -> str:
        return self.new_register.shown_name(name, canonical=self.canonical, initials=self.new_initials)

    def old_key(self, name: str) -> str:
        return self.old_register.identity(name, self.old_initials)

    def new_key(self, name: str) -> str:
        return self.new_register.identity(name, self.new_initials)

    def add(self, kind: str, id: str, change: str, before: Any = None, after: Any = None,
            **more: Any) -> None:
        self.out.append(Change(self.record, kind, id, change, before, after, **more))

    def compare(self, old: Any, new: Any, old_shown: Any, new_shown: Any, *, added: bool) -> list[Change]:
        date = str(new.date)
        self.old_initials, self.new_initials = dict(old.initials), dict(new.initials)
        if not added and (old.status, old.approved_at) != (new.status, new.approved_at):
            extra = {"approved_at": new.approved_at} if new.approved_at else {}
            self.add("status", date, "changed", old.status, new.status, extra=extra)
        if not added:
            for name in DETAILS:
                before, after = getattr(old, name), getattr(new, name)
                if name in PEOPLE and before and after and self.old_key(before) == self.new_key(after):
                    continue
                if before != after:
                    self.add("details", name, "changed", before, after)
        self.attendance(old.attendance, new.attendance)
        self.items(old, new, old_shown, new_shown)
        self.actions(new, old_shown, new_shown)
        return self.out

    def attendance(self, old: Any, new: Any) -> None:
        for section in ("present", "additional", "apologies"):
            before = [attendee_name(e) for e in getattr(old, section)]
            after = [attendee_name(e) for e in getattr(new, section)]
            old_keys = {self.old_key(n) for n in before}
            new_keys = {self.new_key(n) for n in after}
            gone = [self.old_name(n) for n in before if self.old_key(n) not in new_keys]
            came = [self.new_name(n) for n in after if self.new_key(n) not in old_keys]
            if gone or came:
                self.add("attendance", section, "changed",
                         [self.old_name(n) for n in before], [self.new_name(n) for n in after],
                         extra={"added": came, "removed": gone})

    def items(self, old: Any, new: Any, old_shown: Any, new_shown: Any) -> None:
        self.level(old.items, new.items, old_shown.items, new_shown.items, "")

    def level(self, olds: list[Any], news: list[Any], olds_shown: list[Any], news_shown: list[Any],
              parent: str) -> None:
        """One level of items (the meeting's, or one item's sub-items), then the next down."""
        pairs = match_items(olds, news)
        out_of_place = moved([i for i, j in pairs if i is not None and j is not None])
        for i, j in pairs:
            if j is None:
                assert i is not None
                gone = olds[i]
                self.add("item", item_number(gone, i + 1, parent), "removed", gone.title, None, title=gone.title)
                continue
            item = news[j]
            number = item_number(item, j + 1, parent)
            if i is None:
                self.add("item", number, "added", None, item.title, title=item.title)
            else:
                previous = olds[i]
                if previous.title != item.title:
                    self.add("item", number, "retitled", previous.title, item.title, title=item.title)
                if i in out_of_place:
                    self.add("item", number, "reordered", i + 1, j + 1, title=item.title)
                if previous.restricted != item.restricted:
                    self.add("restricted", number, "restricted" if item.restricted else "unrestricted",
                             previous.restricted, item.restricted, title=item.title)
                if previous.status != item.status or previous.deferred_to != item.deferred_to:
                    self.add("item", number, item.status, previous.status, item.status, title=item.title,
                             extra={"deferred_to": item.deferred_to} if item.deferred_to else {})
            if item.restricted and not self.include:
                if i is None or _content(olds[i]) != _content(item):
                    if _content(item) != _content(None):
                        self.add("minutes", number, "changed", title=item.title, note=RESTRICTED_MINUTES)
                continue
            before = olds_shown[i] if i is not None else None
            self.text("minutes", number, item.title, getattr(before, "minutes", None),
                      news_shown[j].minutes)
            self.text("decisions", number, item.title, _decisions(before),
                      _decisions(news_shown[j]))
            self.level(olds[i].items if i is not None else [], item.items,
                       before.items if before is not None else [], news_shown[j].items, number)

    def text(self, kind: str, number: str, title: str, before: str | None, after: str | None) -> None:
        if (before or "").split() == (after or "").split():
            return
        change = "added" if not (before or "").strip() else "removed" if not (after or "").strip() else "changed"
        self.add(kind, number, change, before, after, title=title, words=word_diff(before, after))

    def actions(self, new: Any, old_shown: Any, new_shown: Any) -> None:
        hidden = set() if self.include else _restricted_actions(new.items)
        before = {a.id: a for _, item in walk_items(old_shown.items) for a in item.actions}
        after = {a.id: a for _, item in walk_items(new_shown.items) for a in item.actions}
        for action_id in sorted((before.keys() | after.keys()) - hidden, key=_action_order):
            self.action(action_id, before.get(action_id), after.get(action_id))

    def action(self, action_id: str, old: Any, new: Any) -> None:
        if new is None:
            owners = [self.old_name(o) for o in old.owners]
            self.add("action", action_id, "removed", old.description, None, title=old.description, owners=owners)
            return
        owners = [self.new_name(o) for o in new.owners]
        more = {"title": new.description, "owners": owners}
        if old is None:
            self.add("action", action_id, "raised", None, new.description,
                     extra={"due": new.due, "status": new.status}, **more)
            return
        if old.status != new.status:
            change = "reopened" if new.status == "open" and old.status in DONE else new.status
            self.add("action", action_id, change, old.status, new.status,
                     extra={"completed_on": new.completed_on} if new.completed_on else {}, **more)
        elif old.completed_on != new.completed_on:
            self.add("action", action_id, "completion date changed", old.completed_on, new.completed_on, **more)
        old_owners = {self.old_key(o) for o in old.owners}
        if old_owners != {self.new_key(o) for o in new.owners}:
            self.add("action", action_id, "reassigned", [self.old_name(o) for o in old.owners],
                     owners, **more)
        if old.review != new.review:
            self.add("action", action_id, "review date changed", old.review, new.review, **more)
        if old.due != new.due:
            self.add("action", action_id, "re-dated", old.due, new.due, **more)
        if old.description != new.description:
            self.add("action", action_id, "reworded", old.description, new.description,
                     words=word_diff(old.description, new.description), **more)
        seen = {(u.date, u.note) for u in old.updates}
        fresh = [f"{u.date}: {u.note}" for u in new.updates if (u.date, u.note) not in seen]
        if fresh:
            self.add("action", action_id, "progress", None, fresh, **more)


def _restricted_actions(items: list[Any]) -> set[str]:
    """The ids of actions under a restricted item, its sub-items included."""
    found: set[str] = set()
    for item in items:
        if item.restricted:
            found.update(a.id for _, sub in walk_items([item]) for a in sub.actions)
        else:
            found |= _restricted_actions(item.items)
    return found


def _content(item: Any) -> Any:
    """Everything a restricted item hides, its sub-items included."""
    if item is None:
        return (None, [], [], [], [])
    return (item.minutes, item.decisions, [a.model_dump() for a in item.actions],
            [p if isinstance(p, str) else p.model_dump() for p in item.papers],
            [_content(sub) for sub in item.items])


def _decisions(item: Any) -> str | None:
    if item is None or not item.decisions:
        return None
    return " • ".join(item.decisions)


def _action_order(action_id: str) -> tuple[str, int, int]:
    date, _, number = action_id.partition("/")
    item, _, seq = number.partition(".")
    return (date, int(item) if item.isdigit() else 0, int(seq) if seq.isdigit() else 0)
