"""Open data: one JSON file of the board's public meetings, items, people, organisations,
memberships, decisions and actions, documented in docs/site.md.

Meetings follow Open Civic Data's Event (`name`, `start_date`, `status`, `location`,
`participants`, `agenda`, `documents`); people, organisations and memberships follow Popolo's
Person, Organization and Membership. Built from the public view: a restricted item is its
title only, and nothing of a restricted paper or action is here. Emails are left out.
"""

from __future__ import annotations

import json
from typing import Any

from cspctl.site import paths
from cspctl.site.facts import AttendeeFacts, Facts, MeetingFacts

SCHEMA = "cspctl-open-data/1"
TIMEZONE = "Europe/London"


def open_data(facts: Facts, authority: str | None, commit: str | None, dirty: bool) -> bytes:
    data = {
        "schema": SCHEMA,
        "board": {"name": facts.board, "authority": authority},
        "built_from": {"commit": commit, "uncommitted_changes": dirty},
        "events": [_event(m) for m in facts.meetings],
        "people": [{"id": p.id, "name": p.name, "role": p.role, "url": p.path} for p in facts.people],
        "organizations": [
            *({"id": o.id, "name": o.name, "classification": "organisation", "url": o.path}
              for o in facts.organisations),
            *({"id": g.id, "name": g.name, "classification": "group", "url": g.path}
              for g in facts.groups),
        ],
        "memberships": _memberships(facts),
        "decisions": [d.as_dict() for m in facts.meetings for d in m.decisions],
        "actions": [_action(r.as_dict()) for r in facts.rows],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _event(meeting: MeetingFacts) -> dict[str, Any]:
    date = meeting.date.isoformat()
    documents = [{"note": "Agenda", "url": paths.agenda(meeting.date), "media_type": "text/html"}]
    if meeting.has_minutes:
        documents.append({"note": "Minutes", "url": paths.minutes(meeting.date), "media_type": "text/html"})
    status = {"cancelled": "cancelled", "postponed": "cancelled"}.get(meeting.status)
    if status is None:
        status = "tentative" if meeting.source != "meeting" else (
            "confirmed" if meeting.status == "planned" else "passed")
    return {
        "id": date,
        "name": meeting.title or "Meeting",
        "classification": "committee-meeting",
        "start_date": f"{date}T{meeting.start}" if meeting.start else date,
        "end_date": f"{date}T{meeting.end}" if meeting.end else None,
        "all_day": meeting.start is None,
        "timezone": TIMEZONE,
        "status": status,
        "record_status": meeting.status,
        "location": {"name": meeting.venue} if meeting.venue else None,
        "url": paths.meeting(meeting.date),
        "participants": [*_participants(meeting.present, "present"),
                         *_participants(meeting.additional, "additional"),
                         *_participants(meeting.apologies, "apologies")],
        "agenda": [{"order": item.number, "description": item.title, "restricted": item.restricted,
                    "status": item.status,
                    "related_entities": [{"name": p, "entity_type": "person", "note": "presenter"}
                                         for p in item.presenters],
                    "media": [{"note": paper.title, "url": paper.href} for paper in item.papers
                              if paper.href]}
                   for item in meeting.items],
        "documents": documents,
    }


def _participants(entries: list[AttendeeFacts], note: str) -> list[dict[str, Any]]:
    return [{"name": e.name, "entity_type": "person", "note": note, "organization": e.organisation,
             "substitute_for": e.substitute_for} for e in entries]


def _memberships(facts: Facts) -> list[dict[str, Any]]:
    found = [{"person_id": p.id, "organization_id": p.organisation_id, "role": p.role}
             for p in facts.people if p.organisation_id]
    for group in facts.groups:
        for _name, path in group.members:
            person = next((p for p in facts.people if p.path == path), None)
            if person is not None:
                found.append({"person_id": person.id, "organization_id": group.id, "role": "member"})
    return found


def _action(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("owner_ids", None)
    return row
