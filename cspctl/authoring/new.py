"""`cspctl new`: start a meeting record or a subgroup update from what the records know.

A new meeting takes its items from the forward plan with the standing items around them
(`agenda.build_agenda`), its chair, venue and times from the partnership, an attendance
skeleton of the board's members, and a note of the actions still open. A new subgroup update
is the subgroup template with every section present and empty. Neither overwrites a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.errors import CspError
from cspctl.records.discovery import display_path
from cspctl.records.store import Records

SUBGROUP_SECTIONS = (
    ("update", "Brief Update"),
    ("key_challenges", "Key Challenge(s)"),
    ("emerging_trends", "Emerging Trends"),
    ("support_required", "Support required from CSP Board"),
    ("appendices", "List of Appendices"),
)
MINUTES_ITEM_ID = "minutes-and-actions"


@dataclass
class Created:
    path: Path
    shown: str
    text: str


def new_meeting(records: Records, date: dt.date) -> Created:
    """Write `meetings/DATE.yaml` for a forward-plan meeting."""
    from cspctl.records.agenda import build_agenda

    path = records.root / "meetings" / f"{date.isoformat()}.yaml"
    if records.meeting(date) is not None or path.exists() or path.is_symlink():
        raise CspError(f"a meeting record for {date.isoformat()} already exists: {display_path(path)}")
    agenda = build_agenda(records, date)
    if agenda is None:
        planned = ", ".join(d.isoformat() for d in records.meeting_dates() if d > date) or "none"
        raise CspError(f"the forward plan has no meeting on {date.isoformat()} "
                       f"(later planned meetings: {planned})")
    partnership = records.partnership.model if records.partnership else None
    data: dict[str, Any] = {"date": date, "start": _quoted(agenda.start), "end": _quoted(agenda.end),
                            "venue": agenda.venue, "chair": agenda.chair}
    if partnership and partnership.policy_officer:
        data["note_taker"] = partnership.policy_officer
    data = {k: v for k, v in data.items() if v is not None}
    data["status"] = "planned"
    data["attendance"] = {"present": _block(_members(records, date)), "additional": [], "apologies": []}
    minutes_title = _minutes_item_title(records)
    items = []
    for item in agenda.items:
        entry: dict[str, Any] = {"title": item.title, "kind": item.kind}
        if item.presenters:
            entry["presenters"] = _flow(item.presenters)
        if item.duration is not None:
            entry["duration"] = item.duration
        entry["restricted"] = item.restricted
        if item.kind == "standing" and item.title == minutes_title:
            note = open_actions_note(records, date)
            if note:
                entry["minutes"] = _literal(note)
        items.append(entry)
    data["items"] = items
    return _create(records.root, path, "meeting", data)


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
                 "sections": [{"kind": k, "heading": h, "paragraphs": []} for k, h in SUBGROUP_SECTIONS]})
    return _create(records.root, path, "report", data)


def open_actions_note(records: Records, date: dt.date) -> str:
    """The minutes note listing actions raised before `date` that are still open.

    An action raised under a restricted item is listed by id only: its text must not reach
    an open item's minutes.
    """
    lines = []
    for meeting in records.meetings:
        if meeting.model.date >= date:
            continue
        for item in meeting.model.items:
            for action in item.actions:
                if action.status != "open":
                    continue
                if item.restricted:
                    lines.append(f"- {action.id}: (raised under a restricted item)")
                else:
                    owners = ", ".join(records.register.display(o) for o in action.owners)
                    text = " ".join(action.description.split())
                    lines.append(f"- {action.id} ({owners}): {text}")
    if not lines:
        return ""
    return "Actions still open from previous meetings:\n\n" + "\n".join(lines) + "\n"


def _members(records: Records, date: dt.date) -> list[str]:
    """Who is expected: those present at the latest earlier meeting, else the register."""
    earlier = [m for m in records.meetings if m.model.date < date and m.model.attendance.present]
    if earlier:
        return list(earlier[-1].model.attendance.present)
    people = records.people.model.people if records.people else []
    return [p.name for p in people]


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
