"""`cspctl new`: start a meeting record or a subgroup update from what the records know.

A new meeting takes its items from the forward plan with the standing items around them
(`agenda.build_agenda`) when the date is planned, else (a past, extraordinary or unplanned
meeting) the standing items only; its venue and times from the partnership, its chair from the
chairs in office on the day (`records.chairs.chair_on`), an attendance skeleton from the latest earlier
meeting, and a note of the actions still open. A new subgroup update is the subgroup template
with every section present and empty. Neither overwrites a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.errors import CspError
from cspctl.models.meeting import OPEN_STATUSES, AttendanceEntry, walk_items
from cspctl.models.partnership import Partnership
from cspctl.records.chairs import chair_on, latest_held
from cspctl.records.discovery import display_path
from cspctl.records.store import Records

SUBGROUP_SECTIONS = (
    ("update", "Brief Update"),
    ("key_challenges", "Key Challenge(s)"),
    ("emerging_trends", "Emerging Trends"),
    ("support_required", None),  # the board's own words: label('support_required')
    ("appendices", "List of Appendices"),
)
MINUTES_ITEM_ID = "minutes-and-actions"


@dataclass
class Created:
    path: Path
    shown: str
    text: str
    note: str = ""


@dataclass
class _Item:
    title: str
    kind: str
    presenters: list[str]
    duration: int | None
    restricted: bool


def new_meeting(records: Records, date: dt.date, *, title: str | None = None) -> Created:
    """Write `meetings/DATE.yaml`: from the forward plan when planned, else the standing items."""
    from cspctl.records.agenda import build_agenda

    path = records.root / "meetings" / f"{date.isoformat()}.yaml"
    if records.meeting(date) is not None or path.exists() or path.is_symlink():
        raise CspError(f"a meeting record for {date.isoformat()} already exists: {display_path(path)}")
    partnership = records.partnership.model if records.partnership else None
    defaults = partnership.meetings if partnership else None
    agenda = build_agenda(records, date)
    if agenda is not None:
        items = [_Item(i.title, i.kind, i.presenters, i.duration, i.restricted) for i in agenda.items]
        note = "from the forward plan"
    else:
        standing = partnership.standing_items if partnership else []
        ordered = [s for s in standing if s.position == "start"] + [s for s in standing if s.position == "end"]
        items = [_Item(s.title, "standing", list(s.presenters), s.duration, False) for s in ordered]
        note = "not in the forward plan: an agenda of the standing items only"
    if title is not None:
        from cspctl.authoring.init import plain_text

        title = plain_text(title, "--title") or None
    data: dict[str, Any] = {"date": date, "title": title}
    if defaults is not None:
        data.update({"start": _quoted(defaults.start), "end": _quoted(defaults.end), "venue": defaults.venue})
    data["chair"] = chair_on(records, date)
    if partnership and partnership.policy_officer:
        data["note_taker"] = partnership.policy_officer
    data = {k: v for k, v in data.items() if v is not None}
    data["status"] = "planned"
    data["attendance"] = {"present": _block(expected_attendance(records, date)), "additional": [],
                          "apologies": []}
    minutes_title = _minutes_item_title(records)
    entries = []
    for item in items:
        entry: dict[str, Any] = {"title": item.title, "kind": item.kind}
        if item.presenters:
            entry["presenters"] = _flow(item.presenters)
        if item.duration is not None:
            entry["duration"] = item.duration
        entry["restricted"] = item.restricted
        if item.kind == "standing" and item.title == minutes_title:
            actions_note = open_actions_note(records, date)
            if actions_note:
                entry["minutes"] = _literal(actions_note)
        entries.append(entry)
    data["items"] = entries
    created = _create(records.root, path, "meeting", data)
    created.note = note
    return created


def expected_attendance(records: Records, date: dt.date) -> list[Any]:
    """Who is expected: the members present at the latest earlier meeting (a substitute
    gives way to the member they stood for), or nobody when there is no earlier meeting."""
    previous = latest_held(records, date, lambda m: bool(m.attendance.present))
    if previous is None:
        return []
    return [_expected(entry) for entry in previous.attendance.present]


def _expected(entry: AttendanceEntry) -> Any:
    if isinstance(entry, str):
        return entry
    name = entry.substitute_for or entry.name
    if entry.organisation is None:
        return name
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap({"name": name, "organisation": entry.organisation})
    mapping.fa.set_flow_style()
    return mapping


def new_report(records: Records, subgroup_ref: str, meeting: dt.date) -> Created:
    """Write `reports/DATE/<subgroup>-update.yaml` on the subgroup template."""
    partnership = records.partnership.model if records.partnership else None
    subgroups = partnership.subgroups if partnership else []
    wanted = subgroup_ref.strip().casefold()
    subgroup = next((s for s in subgroups if wanted in (s.id, s.name.casefold())), None)
    if subgroup is None:
        known = ", ".join(s.id for s in subgroups) or "none"
        raise CspError(f"no subgroup '{subgroup_ref}' in partnership.yaml (subgroups: {known})")
    if meeting not in records.meeting_dates():
        known = ", ".join(d.isoformat() for d in records.meeting_dates()) or "none"
        raise CspError(f"no meeting on {meeting.isoformat()} in meetings/ or the forward plan "
                       f"(known meetings: {known})")
    report_id = f"{subgroup.id}-update"
    existing = records.report(report_id)
    if existing is not None and existing.model.meeting != meeting:
        report_id = f"{report_id}-{meeting.isoformat()}"  # ids are unique across meetings
    path = records.root / "reports" / meeting.isoformat() / f"{report_id}.yaml"
    if path.exists() or path.is_symlink() or records.report(report_id) is not None:
        raise CspError(f"a report '{report_id}' already exists: {display_path(path)}")
    data: dict[str, Any] = {
        "id": report_id, "meeting": meeting, "subject": f"{subgroup.name} Subgroup Update",
        "authors": _flow(subgroup.leads),
    }
    contact = _contact(records, subgroup.leads)
    if contact:
        data["contact"] = contact
    data.update({"restricted": False, "kind": "subgroup_update", "subgroup": subgroup.id,
                 "sections": _sections(partnership)})
    return _create(records.root, path, "report", data)


def open_actions_note(records: Records, date: dt.date) -> str:
    """The minutes note listing actions raised before `date` that still want doing.

    An action raised under a restricted item (or a sub-item of one) is listed by id only: its
    text must not reach an open item's minutes.
    """
    lines = []
    for meeting in records.meetings:
        if meeting.model.date >= date:
            continue
        restricted: dict[tuple[int, ...], bool] = {}
        for path, item in walk_items(meeting.model.items):
            hidden = restricted[path] = item.restricted or restricted.get(path[:-1], False)
            for action in item.actions:
                if action.status not in OPEN_STATUSES:
                    continue
                if hidden:
                    lines.append(f"- {action.id}: (raised under a restricted item)")
                else:
                    owners = ", ".join(records.register.display(o) for o in action.owners) or "no owner"
                    text = " ".join(action.description.split())
                    lines.append(f"- {action.id} ({owners}): {text}")
    if not lines:
        return ""
    return "Actions still open from previous meetings:\n\n" + "\n".join(lines) + "\n"


def _sections(partnership: Partnership | None) -> list[dict[str, Any]]:
    """The subgroup template's sections, headed in the board's words where it has its own."""
    from cspctl.render.labels import labels_for

    labels = labels_for(partnership)
    return [{"kind": kind, "heading": heading or labels[kind], "paragraphs": []}
            for kind, heading in SUBGROUP_SECTIONS]


def _minutes_item_title(records: Records) -> str | None:
    standing = records.partnership.model.standing_items if records.partnership else []
    by_id = next((s.title for s in standing if s.id == MINUTES_ITEM_ID), None)
    return by_id or next((s.title for s in standing if "minutes" in s.title.casefold()), None)


def _contact(records: Records, leads: list[str]) -> str | None:
    for lead in leads:
        entry = records.register.resolve(lead)
        if entry is not None and entry.email:
            return entry.email
    return None


def _flow(values: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _block(values: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    seq.fa.set_block_style()
    return seq


def _quoted(text: str | None) -> Any:
    """Times are written "10:00": a YAML 1.1 reader would take a plain 10:00 for a number."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return None if text is None else DoubleQuotedScalarString(text)


def _literal(text: str) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text)


def _create(root: Path, path: Path, kind: str, data: dict[str, Any]) -> Created:
    from cspctl.authoring.fmt import canonical_text, save_record
    from cspctl.records.guarded import absent
    from cspctl.records.roundtrip import rt_dump

    existing = path.parent
    while not existing.exists():
        existing = existing.parent
    if not existing.resolve().is_relative_to(root.resolve()):
        raise CspError(f"refusing to write outside the records folder: {display_path(path)}")
    text = canonical_text(kind, rt_dump(data), PurePosixPath(path.relative_to(root).as_posix()))
    path.parent.mkdir(parents=True, exist_ok=True)
    save_record(absent(path, root), kind, text)
    return Created(path, display_path(path), text)
