"""`cspctl diff` output: plain text, Markdown for a pull-request comment, or JSON.

Text and Markdown say the same sentences; only the inline styling differs (`[-removed-]{+added+}`
in text, `~~removed~~ **added**` in Markdown, where record text is escaped so that it cannot
break the comment's structure or mention anyone).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any, TextIO

from cspctl.problem import one_line
from cspctl.review.changes import Change

NO_CHANGES = "No changes to the records."
LONG = 90


@dataclass(frozen=True)
class Style:
    esc: Callable[[str], str]
    code: Callable[[str], str]
    quote: Callable[[str], str]
    ins: Callable[[str], str]
    rm: Callable[[str], str]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#@!])")


def md_escape(text: str) -> str:
    """Record text made inert in Markdown: no markup, no HTML, no @mentions, one line."""
    text = " ".join(text.split()).replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


TEXT = Style(esc=str, code=str, quote=lambda s: f'"{s}"', ins=lambda s: f"{{+{s}+}}",
             rm=lambda s: f"[-{s}-]")
MARKDOWN = Style(esc=md_escape, code=lambda s: f"`{s.replace('`', '')}`",
                 quote=lambda s: f"*{md_escape(s)}*", ins=lambda s: f"**{md_escape(s)}**",
                 rm=lambda s: f"~~{md_escape(s)}~~")


def words(change: Change, style: Style) -> str:
    parts = []
    for op, text in change.words or []:
        parts.append(style.esc(text) if op == "=" else style.ins(text) if op == "+" else style.rm(text))
    return " ".join(p for p in parts if p)


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= LONG else text[: LONG - 1].rstrip() + "…"


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "nobody"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def describe(c: Change, s: Style) -> str:
    """One change as a sentence in the board's terms."""
    if c.kind == "restricted" and not c.record.startswith("meeting"):
        return _restricted(c, s)
    for kinds, phrase in _PHRASES:
        if c.kind in kinds:
            return phrase(c, s)
    return f"{c.kind.capitalize()} {s.code(c.id)} {c.change}"


def _parts(c: Change, s: Style) -> tuple[str, str, str, str]:
    who = f" ({s.esc(', '.join(c.owners))})" if c.owners else ""
    title = s.quote(_short(c.title)) if c.title else ""
    arrow = f"{s.esc(_show(c.before))} → {s.esc(_show(c.after))}"
    note = f" — {s.esc(c.note)}" if c.note else ""
    return who, title, arrow, note


def _action(c: Change, s: Style) -> str:
    who, title, arrow, _ = _parts(c, s)
    head = f"Action {s.code(c.id)}"
    if c.change == "raised":
        due = f", due {c.extra['due']}" if c.extra.get("due") else ""
        return f"{head} raised{who}: {title}{due}"
    if c.change == "removed":
        return f"{head} deleted{who}: {title}"
    if c.change == "completed":
        on = f" on {c.extra['completed_on']}" if c.extra.get("completed_on") else ""
        return f"{head} completed{on}{who}: {title}"
    if c.change in ("reopened", "dropped"):
        return f"{head} {c.change} (was {_status(c.before)}){who}: {title}"
    if c.change in ("open", "in_progress", "ongoing"):
        return f"{head} now {_status(c.after)} (was {_status(c.before)}){who}: {title}"
    if c.change == "reassigned":
        return f"{head} reassigned: {arrow}: {title}"
    if c.change == "re-dated":
        before, after = (_show(v) if v else "the next meeting" for v in (c.before, c.after))
        return f"{head} re-dated: {before} → {after}{who}: {title}"
    if c.change == "reworded":
        return f"{head} reworded{who}: {words(c, s)}"
    if c.change == "progress":
        return f"{head} progress noted{who}: {s.esc('; '.join(c.after or []))}"
    return f"{head} {c.change}: {arrow}{who}: {title}"


def _status(value: object) -> str:
    """A status as people write it: `in_progress` is "in progress"."""
    return str(value).replace("_", " ")


def _item(c: Change, s: Style) -> str:
    _, title, _, _ = _parts(c, s)
    head = f"Item {c.id} {title}".rstrip()
    if c.kind == "item" and c.change == "retitled":
        return f"Item {c.id} retitled: {s.quote(str(c.before))} → {s.quote(str(c.after))}"
    if c.kind == "item" and c.change == "reordered":
        return f"{head} moved from item {c.before} to item {c.after}"
    if c.kind == "item":
        return f"{head} {c.change}"
    if c.kind == "restricted":
        return f"{head} marked restricted" if c.change == "restricted" else f"Restriction lifted on {head}"
    if c.note:
        return f"{head}: {s.esc(c.note)}"
    return f"{head}: {c.kind} {c.change}"


def _restricted(c: Change, s: Style) -> str:
    _, title, _, _ = _parts(c, s)
    if c.record == "forward plan":
        what = f"{title} ({c.id})"
    else:
        what = f"{'Report' if c.record.startswith('report') else 'Action'} {s.code(c.id)}"
    return f"{what} marked restricted" if c.change == "restricted" else f"Restriction lifted on {what}"


def _meeting(c: Change, s: Style) -> str:
    _, _, arrow, note = _parts(c, s)
    if c.kind == "meeting":
        return f"Meeting record added (status {c.after})" if c.change == "added" else f"Meeting record deleted{note}"
    if c.kind == "status":
        approved = c.extra.get("approved_at")
        return f"Status {arrow}" + (f" (approved at the meeting of {approved})" if approved else "")
    if c.kind == "details":
        return f"{s.esc(c.id.replace('_', ' ').capitalize())} changed: {arrow}"
    bits = [f"{label} {s.esc(', '.join(c.extra[key]))}"
            for key, label in (("added", "added"), ("removed", "removed")) if c.extra.get(key)]
    return f"Attendance ({c.id}): {'; '.join(bits)}"


def _forward(c: Change, s: Style) -> str:
    _, title, _, note = _parts(c, s)
    if c.kind == "planned meeting":
        return f"Meeting {c.id} {c.change} {'to' if c.change == 'added' else 'from'} the forward plan"
    if c.change == "moved":
        return f"{title} moved from {c.before} to {c.after}"
    if c.change == "added":
        return f"{title} planned for {c.id}"
    if c.change == "removed":
        return f"{title} removed from {c.id}"
    return f"{title} ({c.id}) changed: {_fields(c, s)}{note}".replace(": —", " —")


def _report(c: Change, s: Style) -> str:
    _, title, _, note = _parts(c, s)
    meeting = f" for {c.extra['meeting']}" if c.extra.get("meeting") else ""
    authors = f" by {s.esc(', '.join(c.owners))}" if c.owners else ""
    if c.change == "filed":
        return f"Filed{meeting}: {title}{authors}{note}".replace(": —", " —")
    if c.change == "withdrawn":
        return f"Withdrawn{meeting}" + (f": {title}" if title else "")
    sections = s.esc("; ".join(c.extra.get("sections", [])))
    return f"Changed{meeting}: {title} {sections}{note}".replace("  ", " ").replace(": —", " —")


def _plan(c: Change, s: Style) -> str:
    who, title, arrow, note = _parts(c, s)
    head = f"Action {s.code(c.id)}" if c.kind == "plan action" else "Plan"
    if c.change == "RAG":
        return f"{head} RAG {arrow}{who}: {title}"
    if c.change == "progress":
        return f"{head} progress noted{who}: {s.esc('; '.join(c.after or []))}"
    if c.change == "re-dated":
        return f"{head} end date {arrow}{who}: {title}"
    if c.change == "reassigned":
        return f"{head} leads {arrow}: {title}"
    if c.change == "reworded":
        return f"{head} reworded: {words(c, s)}"
    return f"{head} {c.change}" + (f": {title}" if title else "") + note


def _other(c: Change, s: Style) -> str:
    _, title, _, note = _parts(c, s)
    if c.kind == "record":
        return f"Unreadable{note}"
    if c.kind == "settings":
        return f"{s.esc(c.id.replace('_', ' ').capitalize())} changed"
    return f"{c.kind.capitalize()} {s.code(c.id)} {title} {c.change}".replace("  ", " ")


_PHRASES: tuple[tuple[tuple[str, ...], Callable[[Change, Style], str]], ...] = (
    (("action",), _action),
    (("item", "minutes", "decisions", "restricted"), _item),
    (("meeting", "status", "details", "attendance"), _meeting),
    (("planned meeting", "planned item"), _forward),
    (("report",), _report),
    (("plan action", "plan"), _plan),
    (("record", "person", "group", "settings"), _other),
)


def _fields(c: Change, s: Style) -> str:
    bits = []
    for name in c.extra.get("fields", []):
        old, new = (c.before or {}).get(name), (c.after or {}).get(name)
        simple = all(isinstance(v, int | str) or v is None for v in (old, new)) and name != "notes"
        bits.append(f"{name} {s.esc(_show(old))} → {s.esc(_show(new))}" if simple else name)
    return ", ".join(bits)


def _detail(c: Change) -> bool:
    """Minutes and decisions carry a word diff shown under the sentence."""
    return c.kind in ("minutes", "decisions") and c.words is not None


def _summary(changes: Sequence[Change]) -> str:
    records = len({c.record for c in changes})
    return (f"{len(changes)} change{'s' if len(changes) != 1 else ''} in {records} "
            f"record{'s' if records != 1 else ''}.")


def text(changes: Sequence[Change], out: TextIO, title: str) -> None:
    if not changes:
        out.write(NO_CHANGES + "\n")
        return
    for record, group in groupby(changes, key=lambda c: c.record):
        out.write(f"{one_line(record)}\n")  # record text never starts a line of its own
        for change in group:
            out.write(f"  - {one_line(describe(change, TEXT))}\n")
            if _detail(change):
                out.write(f"      {one_line(words(change, TEXT))}\n")
        out.write("\n")
    out.write(_summary(changes) + "\n")


def markdown(changes: Sequence[Change], out: TextIO, title: str) -> None:
    out.write(f"## {md_escape(title)}\n\n")
    if not changes:
        out.write(NO_CHANGES + "\n")
        return
    for record, group in groupby(changes, key=lambda c: c.record):
        out.write(f"### {md_escape(record[:1].upper() + record[1:])}\n\n")
        for change in group:
            out.write(f"- {describe(change, MARKDOWN)}\n")
            if _detail(change):
                out.write(f"\n  > {words(change, MARKDOWN)}\n\n")
        out.write("\n")
    out.write(f"_{_summary(changes)}_\n")


def as_json(changes: Sequence[Change], out: TextIO, title: str) -> None:
    json.dump([c.as_dict() for c in changes], out, indent=2, ensure_ascii=False)
    out.write("\n")


FORMATS: dict[str, Callable[[Sequence[Change], TextIO, str], None]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
}
