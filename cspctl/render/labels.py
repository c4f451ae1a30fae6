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
    "members_present": "Members Present",
    "additional_attendees": "Additional Attendees",
    "apologies": "Apologies",
    "support_required": "Support required from the board",
    "mandated": "mandated",
    "meeting_cancelled": "Meeting cancelled",
    "meeting_postponed": "Meeting postponed",
    "item_chair": "Chair for this item",
    "deferred_to": "Deferred to",
    "deferred": "Deferred",
    "withdrawn": "Withdrawn",
    "not_quorate": "The meeting was not quorate.",
    "declarations": "Declarations of interest",
}
"""Every label a bundled template prints, with its default wording."""


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
