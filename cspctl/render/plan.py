"""An action plan by theme, with a RAG summary the board can read at a glance.

A RAG status is printed only where the plan states one: an action with `rag: null` shows
none, and the summary counts it as "not stated" rather than asserting a rating.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from cspctl.records.store import Records
from cspctl.render.common import not_found

RAGS = ("red", "amber", "green", "complete", None)
RAG_LABELS = {"red": "rag_red", "amber": "rag_amber", "green": "rag_green",
              "complete": "rag_complete", None: "rag_not_stated"}
"""The label key (`render.labels`) each RAG status prints as."""


@dataclass
class ProgressLine:
    date: str | None
    note: str


@dataclass
class PlanActionView:
    number: str
    mandated: bool
    action: str
    outcomes: str | None
    leads: list[str]
    lead_note: str | None
    lead_organisations: list[str]
    start: dt.date | None
    end: dt.date | None
    supporting: list[str]
    progress: list[ProgressLine]
    rag: str | None
    restricted: bool
    rag_label: str = ""


@dataclass
class ThemeView:
    number: int
    title: str
    actions: list[PlanActionView]
    counts: list[int] = field(default_factory=list)


@dataclass
class PlanView:
    id: str
    title: str
    period: str | None
    governance: list[tuple[str, str, str]]
    themes: list[ThemeView]
    labels: list[str]
    totals: list[int]


def build(records: Records, plan_id: str, labels: Mapping[str, str]) -> PlanView:
    """The plan `plan_id` as a view model; `labels` are the board's words (RAG names)."""
    loaded = records.plan(plan_id)
    if loaded is None:
        raise not_found("action plan", f"'{plan_id}'", sorted(p.model.id for p in records.plans),
                        records=records, file=f"plans/{plan_id}.yaml")
    model = loaded.model
    themes = []
    for t_number, theme in enumerate(model.themes, start=1):
        actions = [
            PlanActionView(
                f"{t_number}.{a.number}", a.mandated, a.action, a.outcomes, list(a.leads),
                a.lead_note, list(a.lead_organisations), a.start, a.end,
                list(a.supporting_organisations),
                [ProgressLine(p.date, p.note) for p in a.progress], a.rag, a.restricted,
                labels[RAG_LABELS[a.rag]] if a.rag else "",
            )
            for a in theme.actions
        ]
        counts = Counter(a.rag for a in actions)
        themes.append(ThemeView(t_number, theme.title, actions, [counts[r] for r in RAGS] + [len(actions)]))
    totals = [sum(t.counts[i] for t in themes) for i in range(len(RAGS) + 1)]
    governance = [(g.role, g.name or "", g.organisation or "") for g in model.governance]
    return PlanView(model.id, model.title, model.period, governance, themes,
                    [labels[RAG_LABELS[r]] for r in RAGS] + [labels["total"]], totals)
