"""The forward plan (`forward-plan.yaml`): future meetings and the items planned for each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cspctl.models.base import IsoDate, Minutes, PersonRef, Record, Text
from cspctl.models.meeting import ItemKind


class PlannedItem(Record):
    """An item planned for a future meeting. Standing items come from `partnership.yaml`.

    `notes` carries the plan's status column ("focus to be confirmed"); `paper` says whether a
    written paper is expected for it.
    """

    title: str = Field(min_length=1)
    kind: ItemKind = "report"
    presenters: list[PersonRef] = Field(default_factory=list)
    duration: Minutes | None = None
    restricted: bool = False
    paper: bool = True
    notes: Text | None = None


class PlannedMeeting(Record):
    """One future meeting of the plan. A planned meeting the board calls off stays in the
    plan as `cancelled` or `postponed`, with the reason in `notes`: it is then no due date
    and its agenda is a short notice."""

    date: IsoDate
    status: Literal["planned", "cancelled", "postponed"] = "planned"
    items: list[PlannedItem] = Field(default_factory=list)
    notes: Text | None = None


class ForwardPlan(Record):
    """The whole forward plan."""

    title: str | None = None
    meetings: list[PlannedMeeting] = Field(default_factory=list)
