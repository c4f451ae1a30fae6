"""The words papers print that a board may want in its own: headings, field names, phrases.

Templates print them with `label('members_present')`; a board sets its own in
`partnership.yaml` (`labels: {members_present: Members}`). No default speaks one board's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cspctl.models.partnership import Partnership

DEFAULTS: Mapping[str, str] = {
    # minutes
    "members_present": "Members Present",
    "additional_attendees": "Additional Attendees",
    "apologies": "Apologies",
    "actions_table": "Actions",
    "action_ref": "Ref",
    "action_text": "Action",
    "action_owner": "Owner",
    "action_due": "Due",
    "action_status": "Status",
    "no_owner": "(no owner yet)",
    # every paper
    "paper_heading": "",
    "confidential": "CONFIDENTIAL",
    "confidential_note": "contains restricted information; not for publication",
    "contact_officer": "Contact officer",
    # the footer line saying which records a paper was made from (render/provenance.py)
    "source_committed": "Made from the records as committed on {date} (commit {commit}).",
    "source_uncommitted": "Made on {date} from the records at commit {commit} with uncommitted changes.",
    "source_untracked": "Made on {date} from records not committed to git.",
    # reports, subgroup updates and presentations
    "report": "REPORT",
    "subgroup_update": "SUBGROUP UPDATE",
    "subject": "Subject",
    "date": "Date",
    "subgroup": "Subgroup",
    "author": "Author",
    "presenter": "Presenter",
    "contact": "Contact",
    "security": "Security",
    "not_named": "not named",
    "not_given": "not given",
    "none": "None",
    "support_required": "Support required from the board",
    # action plans
    "mandated": "mandated",
    "meeting_cancelled": "Meeting cancelled",
    "meeting_postponed": "Meeting postponed",
    "item_chair": "Chair for this item",
    "deferred_to": "Deferred to",
    "deferred": "Deferred",
    "withdrawn": "Withdrawn",
    "not_quorate": "The meeting was not quorate.",
    "declarations": "Declarations of interest",
    "period": "Period",
    "rag_summary": "RAG summary",
    "theme": "Theme",
    "total": "Total",
    "governance": "Governance",
    "role": "Role",
    "name": "Name",
    "organisation": "Organisation",
    "number": "No.",
    "action_and_outcomes": "Action and outcomes",
    "lead": "Lead",
    "dates": "Dates",
    "progress": "Progress",
    "rag": "RAG",
    "outcomes": "Outcomes",
    "supporting": "Supporting",
    "not_set": "not set",
    "date_range": "to",
    "rag_red": "Red",
    "rag_amber": "Amber",
    "rag_green": "Green",
    "rag_complete": "Complete",
    "rag_not_stated": "Not stated",
    # the pack
    "pack_title": "Papers for",
    "contents": "Contents",
    "item": "Item",
    "agenda": "Agenda",
    "minutes_of": "Minutes of",
    "action_log": "Action log",
    "file_paper": "File",
    "part_b": "Part B",
    "part_b_note": "The items below are restricted: their papers are not for publication.",
    "pages": "Pages",
}
"""Every label a bundled template prints, with its default wording. `paper_heading` is
empty by default: papers are then headed by the partnership's name."""


def labels_for(partnership: Partnership | None) -> dict[str, str]:
    """The defaults with the board's own words laid over them."""
    own = partnership.labels if partnership is not None else {}
    return {**DEFAULTS, **own}


def label_function(labels: Mapping[str, str]) -> object:
    """The `label(key)` template global: an unknown key is a template error, as a typo must be."""

    def label(key: str) -> str:
        try:
            return labels[key]
        except KeyError:
            raise KeyError(f"no label '{key}'; known labels: {', '.join(sorted(labels))}") from None

    return label
