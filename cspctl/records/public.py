"""Public view of the records: restricted content removed before any template or diff sees it.

Removal, not hiding. A restricted item keeps its number, title, kind, presenters and duration
(a public agenda may show "RESTRICTED: Prevent Update") and loses its minutes, decisions,
papers, actions and sub-items; a restricted sub-item keeps only its number and title.
Declarations of interest on a restricted item (named by its number or title) are dropped.
Restricted reports, reports filed for restricted items, restricted plan
actions and restricted forward-plan entries' notes are dropped. The public records carry no raw
YAML data at all, only positions, so nothing downstream can reach the removed text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from cspctl.models.meeting import Item, ItemPath, Meeting, PaperFile, item_number, paper_ids, walk_items
from cspctl.records.store import Loaded, Records

RESTRICTED_PLACEHOLDER = "Restricted item due to sensitive information"


def public(records: Records) -> Records:
    """A copy of `records` fit for public output."""
    hidden_papers = _restricted_papers(records)
    named_ids, hidden_files = _restricted_paper_refs(records)
    hidden_papers |= named_ids
    meetings = [_strip(m, m.model if _nothing_hidden(m.model.items, hidden_papers, hidden_files, records.root)
                       else _without_hidden_papers(_public_meeting(m.model, hidden_papers),
                                                   hidden_papers, hidden_files, records.root))
                for m in records.meetings]
    reports = [_strip(r, r.model) for r in records.reports if r.model.id not in hidden_papers]
    reports = [_strip(r, _public_report(r.model, hidden_papers)) for r in reports]
    plans = [_strip(p, _public_plan(p.model)) for p in records.plans if p.model.id not in hidden_papers]
    forward = records.forward_plan
    if forward is not None:
        forward = _strip(forward, _public_forward_plan(forward.model))
    return replace(
        records,
        partnership=_strip(records.partnership, records.partnership.model) if records.partnership else None,
        people=_strip(records.people, records.people.model) if records.people else None,
        forward_plan=forward,
        meetings=meetings,
        reports=reports,
        plans=plans,
    )


def _restricted_papers(records: Records) -> set[str]:
    hidden = {r.model.id for r in records.reports if r.model.restricted}
    for meeting in records.meetings:
        for _, item in walk_items(meeting.model.items):
            if item.restricted:
                for _, inside in walk_items([item]):
                    hidden.update(paper_ids(inside))
    # an appendix of a hidden paper is hidden with it
    changed = True
    while changed:
        changed = False
        for report in records.reports:
            if report.model.id in hidden:
                for section in getattr(report.model, "sections", []):
                    for appendix in section.appendices:
                        if appendix.report and appendix.report not in hidden:
                            hidden.add(appendix.report)
                            changed = True
    return hidden


def _restricted_paper_refs(records: Records) -> tuple[set[str], set[str]]:
    """The ids and the files (resolved paths) of every paper that a restricted item, or any
    sub-item of one, names. Fail-closed: such a paper is left out wherever else it is named."""
    ids: set[str] = set()
    paths: set[str] = set()
    for meeting in records.meetings:
        restricted: dict[ItemPath, bool] = {}
        for where, item in walk_items(meeting.model.items):
            restricted[where] = item.restricted or restricted.get(where[:-1], False)
            if restricted[where]:
                ids.update(paper_ids(item))
                paths.update(_file_key(p.path, records.root) for p in item.papers
                             if isinstance(p, PaperFile))
    queue = list(ids)  # the appendices of a hidden report go with it
    while queue:
        loaded = records.report(queue.pop())
        for section in getattr(loaded.model if loaded else None, "sections", []):
            for appendix in section.appendices:
                if appendix.report and appendix.report not in ids:
                    ids.add(appendix.report)
                    queue.append(appendix.report)
    return ids, paths


def _file_key(path: str, root: Path) -> str:
    try:
        return str((root / path.replace("\\", "/")).resolve())
    except (OSError, RuntimeError, ValueError):
        return path


def _without_hidden_papers(model: Any, ids: set[str], paths: set[str], root: Path) -> Any:
    """The meeting with no hidden paper left on any item or sub-item, and no paper at all on
    a restricted item or below one."""

    def public_items(items: list[Any], restricted: bool) -> list[Any]:
        kept = []
        for item in items:
            hidden = restricted or item.restricted
            papers = [] if hidden else [
                p for p in item.papers
                if (_file_key(p.path, root) not in paths if isinstance(p, PaperFile) else p not in ids)
            ]
            kept.append(item.model_copy(update={"papers": papers,
                                                "items": public_items(item.items, hidden)}))
        return kept

    return model.model_copy(update={"items": public_items(model.items, False)})


def _nothing_hidden(items: list[Item], ids: set[str], paths: set[str], root: Path) -> bool:
    """No item (at any depth) is restricted or names a hidden paper: the public meeting is the
    meeting itself, and copying it item by item (most meetings, most of the time) is skipped.
    Declarations are dropped only for restricted items, so they stay as they are too."""
    for item in items:
        if item.restricted or not _nothing_hidden(item.items, ids, paths, root):
            return False
        for paper in item.papers:
            if (_file_key(paper.path, root) in paths if isinstance(paper, PaperFile) else paper in ids):
                return False
    return True


def _strip(loaded: Loaded[Any], model: Any) -> Loaded[Any]:
    return replace(loaded, document=loaded.document.positions_only(loaded.path), model=model)


def _public_meeting(model: Meeting, hidden: set[str]) -> Meeting:
    restricted = _restricted_names(model.items, "")
    declarations = [d for d in model.declarations
                    if d.item is None or d.item.strip().casefold() not in restricted]
    return model.model_copy(update={"items": _public_items(model.items, hidden, top=True),
                                    "declarations": declarations})


def _public_items(items: list[Item], hidden: set[str], *, top: bool) -> list[Item]:
    found = []
    for item in items:
        if item.restricted:
            keep: dict[str, Any] = {"minutes": None, "decisions": [], "papers": [], "actions": [],
                                    "items": []}
            if not top:
                keep.update(presenters=[], chair=None)
            found.append(item.model_copy(update=keep))
        else:
            found.append(item.model_copy(update={
                "papers": [p for p in item.papers if not isinstance(p, str) or p not in hidden],
                "items": _public_items(item.items, hidden, top=False),
            }))
    return found


def _restricted_names(items: list[Item], parent: str, hidden: bool = False) -> set[str]:
    """Numbers (as printed) and titles of restricted items and of everything under them."""
    found: set[str] = set()
    for index, item in enumerate(items, start=1):
        number = item_number(item, index, parent)
        inside = hidden or item.restricted
        if inside:
            found.update({number.casefold(), item.title.strip().casefold()})
        found |= _restricted_names(item.items, number, inside)
    return found


def _public_report(model: Any, hidden: set[str]) -> Any:
    if not hasattr(model, "sections"):
        return model
    sections = []
    for section in model.sections:
        appendices = [a for a in section.appendices if a.report not in hidden or a.report is None]
        sections.append(section.model_copy(update={"appendices": appendices}))
    return model.model_copy(update={"sections": sections})


def _public_plan(model: Any) -> Any:
    themes = [
        theme.model_copy(update={"actions": [a for a in theme.actions if not a.restricted]})
        for theme in model.themes
    ]
    return model.model_copy(update={"themes": themes})


def _public_forward_plan(model: Any) -> Any:
    meetings = []
    for planned in model.meetings:
        items = [i.model_copy(update={"notes": None}) if i.restricted else i for i in planned.items]
        meetings.append(planned.model_copy(update={"items": items}))
    return model.model_copy(update={"meetings": meetings})
