"""Changes to the register, the forward plan, reports and action plans."""

from __future__ import annotations

from typing import Any

from cspctl.records.register import normalise
from cspctl.review.changes import Change, Side, canonical_names, same_person, word_diff

RESTRICTED_NOTE = "restricted: content not shown"


def register_changes(b: Side, a: Side) -> list[Change]:
    """People and groups added, removed or renamed; partnership settings changed."""
    out: list[Change] = []
    old_people, new_people = b.raw.people, a.raw.people
    if old_people and new_people:
        for kind, attr in (("person", "people"), ("group", "groups")):
            before = {p.id: p for p in getattr(old_people.model, attr)}
            after = {p.id: p for p in getattr(new_people.model, attr)}
            for pid in sorted(before.keys() | after.keys()):
                old, new = before.get(pid), after.get(pid)
                if old is None or new is None:
                    name = new.name if new is not None else old.name  # type: ignore[union-attr]
                    out.append(Change("people", kind, pid, "added" if old is None else "removed", title=name))
                elif old.name != new.name:
                    out.append(Change("people", kind, pid, "renamed", old.name, new.name, title=new.name))
    old_board, new_board = b.raw.partnership, a.raw.partnership
    if old_board and new_board:
        old_data, new_data = old_board.model.model_dump(), new_board.model.model_dump()
        for name in new_data:
            if old_data.get(name) != new_data[name]:
                out.append(Change("partnership", "settings", name, "changed"))
    return out


def forward_plan_changes(b: Side, a: Side) -> list[Change]:
    """Planned meetings and items added or removed, items moved between meetings or edited."""
    old, new = _planned(b), _planned(a)
    if b.raw.forward_plan is None and a.raw.forward_plan is None:
        return []
    out: list[Change] = []
    record = "forward plan"
    old_dates = {date for entries in old.values() for date in entries} | _dates(b)
    new_dates = {date for entries in new.values() for date in entries} | _dates(a)
    out += [Change(record, "planned meeting", str(d), "added") for d in sorted(new_dates - old_dates)]
    out += [Change(record, "planned meeting", str(d), "removed") for d in sorted(old_dates - new_dates)]
    for key in list(dict.fromkeys([*old, *new])):
        before, after = old.get(key, {}), new.get(key, {})
        gone, came = sorted(before.keys() - after.keys()), sorted(after.keys() - before.keys())
        for was, now in zip(gone, came, strict=False):
            out.append(Change(record, "planned item", str(now), "moved", was, now, title=after[now][0].title))
        for was in gone[len(came):]:
            out.append(Change(record, "planned item", str(was), "removed", title=before[was][0].title))
        for now in came[len(gone):]:
            out.append(Change(record, "planned item", str(now), "added", title=after[now][0].title))
        for date in sorted(before.keys() & after.keys()):
            out += _planned_item(record, str(date), before[date], after[date], b, a)
    return out


def _dates(side: Side) -> set[Any]:
    plan = side.shown.forward_plan
    return {m.date for m in plan.model.meetings} if plan else set()


def _planned(side: Side) -> dict[str, dict[Any, tuple[Any, Any]]]:
    """normalised title -> date -> (shown item, full item)."""
    found: dict[str, dict[Any, tuple[Any, Any]]] = {}
    shown, raw = side.shown.forward_plan, side.raw.forward_plan
    if shown is None or raw is None:
        return found
    for shown_meeting, raw_meeting in zip(shown.model.meetings, raw.model.meetings, strict=True):
        for item, full in zip(shown_meeting.items, raw_meeting.items, strict=True):
            found.setdefault(normalise(item.title), {}).setdefault(shown_meeting.date, (item, full))
    return found


def _planned_item(record: str, date: str, old: tuple[Any, Any], new: tuple[Any, Any],
                  b: Side, a: Side) -> list[Change]:
    (shown_old, full_old), (shown_new, full_new) = old, new
    out: list[Change] = []
    title = shown_new.title
    if full_old.restricted != full_new.restricted:
        out.append(Change(record, "restricted", date, "restricted" if full_new.restricted else "unrestricted",
                          full_old.restricted, full_new.restricted, title=title))
    fields = [f for f in ("title", "kind", "duration", "paper", "notes")
              if getattr(shown_old, f) != getattr(shown_new, f)]
    if {same_person(b.register, p) for p in shown_old.presenters} != \
            {same_person(a.register, p) for p in shown_new.presenters}:
        fields.append("presenters")
    note = None
    if full_new.restricted and full_old.notes != full_new.notes and "notes" not in fields:
        note = "notes of a restricted item changed"
    if fields or note:
        out.append(Change(record, "planned item", date, "changed",
                          {f: _value(getattr(shown_old, f)) for f in fields},
                          {f: _value(getattr(shown_new, f)) for f in fields},
                          title=title, note=note, extra={"fields": fields}))
    return out


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def report_changes(b: Side, a: Side, include_restricted: bool) -> list[Change]:
    """Reports filed, changed (which sections) or withdrawn; restricted ones without content."""
    raw_b = {r.model.id: r for r in b.raw.reports}
    raw_a = {r.model.id: r for r in a.raw.reports}
    shown_b = {r.model.id: r.model for r in b.shown.reports}
    shown_a = {r.model.id: r.model for r in a.shown.reports}
    out: list[Change] = []

    def order(rid: str) -> tuple[Any, str]:
        return ((raw_a.get(rid) or raw_b[rid]).model.meeting, rid)

    for rid in sorted(raw_b.keys() | raw_a.keys(), key=order):
        record, old, new = f"report {rid}", raw_b.get(rid), raw_a.get(rid)
        if new is None:
            assert old is not None
            if str(old.relative) not in a.unreadable:
                subject = shown_b[rid].subject if rid in shown_b else None
                out.append(Change(record, "report", rid, "withdrawn", subject, None, title=subject,
                                  extra={"meeting": old.model.meeting}))
            continue
        if old is None and str(new.relative) in b.unreadable:
            continue
        meeting = {"meeting": new.model.meeting}
        if old is not None and old.model.restricted != new.model.restricted:
            out.append(Change(record, "restricted", rid, "restricted" if new.model.restricted else "unrestricted",
                              old.model.restricted, new.model.restricted))
        if rid not in shown_a:
            # Neither the id nor the subject of a restricted paper is shown (an id such as
            # "operation-x-briefing" says what it is about), unless it was public before.
            hidden = rid not in shown_b
            label = f"restricted report for {new.model.meeting}" if hidden else record
            shown_id = "restricted" if hidden else rid
            if old is None:
                out.append(Change(label, "report", shown_id, "filed", note=RESTRICTED_NOTE, extra=meeting))
            elif old.model.model_dump() != new.model.model_dump():
                out.append(Change(label, "report", shown_id, "changed", note=RESTRICTED_NOTE, extra=meeting))
            continue
        report = shown_a[rid]
        authors = [a.register.shown_name(name, canonical=canonical_names(a)) for name in report.authors]
        if rid not in shown_b:
            note = "previously restricted" if old is not None else None
            out.append(Change(record, "report", rid, "filed", None, report.subject, title=report.subject,
                              owners=authors, note=note, extra=meeting))
            continue
        parts = _report_parts(shown_b[rid], report)
        if parts:
            out.append(Change(record, "report", rid, "changed", title=report.subject, owners=authors,
                              extra={**meeting, "sections": parts}))
    return out


def _report_parts(old: Any, new: Any) -> list[str]:
    parts = [f for f in ("kind", "subject", "meeting", "authors", "contact", "subgroup", "byline", "date_line")
             if getattr(old, f, None) != getattr(new, f, None)]
    for attr, label in (("sections", "section"), ("slides", "slide")):
        before, after = getattr(old, attr, []), getattr(new, attr, [])
        for k in range(max(len(before), len(after))):
            was = before[k] if k < len(before) else None
            now = after[k] if k < len(after) else None
            heading = getattr(now or was, "heading", None) or getattr(now or was, "title", "")
            if now is None:
                parts.append(f"{label} {k + 1} removed ({heading})")
            elif was is None:
                parts.append(f"{label} {k + 1} added ({heading})")
            elif was != now:
                parts.append(f"{label} {k + 1} ({heading})")
    return parts


def plan_changes(b: Side, a: Side, include_restricted: bool) -> list[Change]:
    """Per action plan: actions added or removed, RAG, progress, dates, leads and wording."""
    raw_b = {p.model.id: p for p in b.raw.plans}
    raw_a = {p.model.id: p for p in a.raw.plans}
    shown_b = {p.model.id: p.model for p in b.shown.plans}
    shown_a = {p.model.id: p.model for p in a.shown.plans}
    out: list[Change] = []
    for pid in sorted(raw_b.keys() | raw_a.keys()):
        record, old, new = f"plan {pid}", raw_b.get(pid), raw_a.get(pid)
        if new is None or old is None:
            loaded = new or old
            assert loaded is not None
            other = b if old is None else a
            if str(loaded.relative) not in other.unreadable:
                out.append(Change(record, "plan", pid, "added" if old is None else "removed",
                                  title=shown_a[pid].title if new is not None else shown_b[pid].title))
            continue
        full_b, full_a = _plan_actions(old.model), _plan_actions(new.model)
        hidden = set() if include_restricted else {k for k, v in full_a.items() if v[1].restricted}
        for key in full_b.keys() & full_a.keys():
            was, now = full_b[key][1].restricted, full_a[key][1].restricted
            if was != now:
                out.append(Change(record, "restricted", key, "restricted" if now else "unrestricted", was, now))
        before, after = _plan_actions(shown_b[pid]), _plan_actions(shown_a[pid])
        for key in [*after, *(k for k in before if k not in after)]:
            if key in hidden:
                continue
            out += _plan_action(record, key, before.get(key), after.get(key), b, a)
        for key in sorted(hidden):
            if key not in full_b or full_b[key][1].model_dump() != full_a[key][1].model_dump():
                out.append(Change(record, "plan action", key, "changed", note=RESTRICTED_NOTE))
    return out


def _plan_actions(plan: Any) -> dict[str, tuple[str, Any]]:
    return {f"{theme.id}.{action.number}": (theme.title, action) for theme in plan.themes
            for action in theme.actions}


def _plan_action(record: str, key: str, old: tuple[str, Any] | None, new: tuple[str, Any] | None,
                 b: Side, a: Side) -> list[Change]:
    if new is None or old is None:
        action = (new or old)[1]  # type: ignore[index]
        return [Change(record, "plan action", key, "added" if old is None else "removed",
                       title=action.action, extra={"theme": (new or old)[0]})]  # type: ignore[index]
    was, now = old[1], new[1]
    leads = [a.register.shown_name(name, canonical=canonical_names(a)) for name in now.leads]
    more: dict[str, Any] = {"title": now.action, "owners": leads}
    out: list[Change] = []
    if was.rag != now.rag:
        out.append(Change(record, "plan action", key, "RAG", was.rag, now.rag, **more))
    seen = {(p.date, p.note) for p in was.progress}
    fresh = [f"{p.date}: {p.note}" if p.date else p.note for p in now.progress if (p.date, p.note) not in seen]
    if fresh:
        out.append(Change(record, "plan action", key, "progress", None, fresh, **more))
    if was.end != now.end:
        out.append(Change(record, "plan action", key, "re-dated", was.end, now.end, **more))
    if {same_person(b.register, n) for n in was.leads} != {same_person(a.register, n) for n in now.leads}:
        out.append(Change(record, "plan action", key, "reassigned",
                          [b.register.shown_name(n, canonical=canonical_names(a)) for n in was.leads], leads, **more))
    if was.action != now.action:
        out.append(Change(record, "plan action", key, "reworded", was.action, now.action,
                          words=word_diff(was.action, now.action), **more))
    return out
