"""Multi-agency action plans (`plans/<id>.yaml`), such as a serious violence plan."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cspctl.models.base import IsoDate, PartialDate, PersonRef, Record, Slug, Text, WholeNumber

Rag = Literal["red", "amber", "green", "complete"]


class PlanProgress(Record):
    """A dated progress comment (the seed dates most by month: `2021-11`)."""

    date: PartialDate | None = None
    note: Text


class PlanAction(Record):
    """One action of a theme, numbered within it. `mandated` marks actions a funder or
    partnership above the board mandates (papers print the board's `mandated` label).

    `leads` are named people (or "TBC" entries left in `lead_note`); `end` is the due date
    for the overdue list.
    """

    number: WholeNumber = Field(ge=1)
    mandated: bool = False
    action: Text = Field(min_length=1)
    outcomes: Text | None = None
    leads: list[PersonRef] = Field(default_factory=list)
    lead_note: str | None = None
    lead_organisations: list[str] = Field(default_factory=list)
    start: IsoDate | None = None
    end: IsoDate | None = None
    supporting_organisations: list[str] = Field(default_factory=list)
    progress: list[PlanProgress] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    rag: Rag | None = None
    restricted: bool = False


class Theme(Record):
    """A theme of the plan with its actions."""

    id: Slug
    title: str
    actions: list[PlanAction] = Field(default_factory=list)


class GovernanceRole(Record):
    """A row of the plan's governance table: who holds which role for which organisation."""

    name: str | None = None
    role: str
    organisation: str | None = None


class ActionPlan(Record):
    """A whole action plan."""

    id: Slug
    title: str
    period: str | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    governance: list[GovernanceRole] = Field(default_factory=list)
    strategic_documents: list[str] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
