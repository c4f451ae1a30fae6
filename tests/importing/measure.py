"""How close an imported record is to a hand-made one: the figures the import issue asks for.

Items (title, restriction, kind), attendance (every name of every list), actions (owners,
status, description, carried_from) and the minutes text word by word: difflib's
SequenceMatcher over the word lists of all items' minutes in order. `recall` is the share of
the expected words found in order; `precision` the share of the imported words that match.

Run `python -m tests.importing.measure` to print the table of docs/import.md.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figures:
    name: str
    header: tuple[int, int] = (0, 0)
    items: tuple[int, int] = (0, 0)
    restricted: tuple[int, int] = (0, 0)
    kinds: tuple[int, int] = (0, 0)
    attendees: tuple[int, int] = (0, 0)
    extra_attendees: int = 0
    actions: tuple[int, int] = (0, 0)
    owners: tuple[int, int] = (0, 0)
    statuses: tuple[int, int] = (0, 0)
    words: tuple[int, int, int] = (0, 0, 0)
    """Matched words, expected words, imported words."""
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.words[0] / self.words[1] if self.words[1] else 1.0

    @property
    def precision(self) -> float:
        return self.words[0] / self.words[2] if self.words[2] else 1.0

    def row(self) -> str:
        def f(pair: tuple[int, ...]) -> str:
            return f"{pair[0]}/{pair[1]}"
        return (f"| {self.name} | {f(self.header)} | {f(self.items)} | {f(self.restricted)} | {f(self.kinds)} | "
                f"{f(self.attendees)} (+{self.extra_attendees}) | {f(self.actions)} | {f(self.owners)} | "
                f"{f(self.statuses)} | {self.recall:.1%} | {self.precision:.1%} |")


HEADER = ("| source | header | item titles | restricted | kinds | attendees (extra) | actions all right | "
          "owners | statuses | words recall | words precision |\n|---|---|---|---|---|---|---|---|---|---|---|")


def words(text: str) -> list[str]:
    """The words of Markdown minutes: list marks and spacing are no words."""
    return [w for w in re.split(r"\s+", text) if w and w not in ("-", "*")]


def _names(entries: list[Any]) -> list[str]:
    return [e if isinstance(e, str) else e["name"] for e in entries]


def flat(items: list[Any]) -> list[Any]:
    """Items and sub-items in paper order."""
    found = []
    for item in items:
        found.append(item)
        found.extend(flat(item.get("items", [])))
    return found


HEADER_FIELDS = ("start", "end", "venue", "chair", "note_taker")


def compare(name: str, got: dict[str, Any], expected: dict[str, Any]) -> Figures:
    figures = Figures(name)
    same_header = sum(str(got.get(k)) == str(expected.get(k)) for k in HEADER_FIELDS)
    figures.header = (same_header, len(HEADER_FIELDS))
    figures.wrong += [f"{k}: {got.get(k)!r} != {expected.get(k)!r}" for k in HEADER_FIELDS
                      if str(got.get(k)) != str(expected.get(k))]
    got_items, want_items = flat(got.get("items", [])), flat(expected.get("items", []))
    right = sum(1 for i, w in enumerate(want_items) if i < len(got_items) and got_items[i]["title"] == w["title"])
    figures.items = (right, len(want_items))
    if len(got_items) != len(want_items):
        figures.wrong.append(f"{len(got_items)} items imported, {len(want_items)} expected")
    pairs = list(zip(got_items, want_items, strict=False))
    same = sum(g.get("restricted", False) == w.get("restricted", False) for g, w in pairs)
    figures.restricted = (same, len(want_items))
    figures.kinds = (sum(g.get("kind", "report") == w.get("kind", "report") for g, w in pairs), len(want_items))
    for g, w in pairs:
        if g["title"] != w["title"]:
            figures.wrong.append(f"title {g['title']!r} != {w['title']!r}")
    right_names = total = extra = 0
    for key in ("present", "additional", "apologies"):
        have = _names(got.get("attendance", {}).get(key, []))
        want = _names(expected.get("attendance", {}).get(key, []))
        right_names += sum(1 for n in want if n in have)
        total += len(want)
        extra += sum(1 for n in have if n not in want)
        for n in want:
            if n not in have:
                figures.wrong.append(f"{key}: {n!r} missing")
        for n in have:
            if n not in want:
                figures.wrong.append(f"{key}: {n!r} not expected")
    figures.attendees, figures.extra_attendees = (right_names, total), extra
    got_actions = {a["id"]: a for i in got_items for a in i.get("actions", [])}
    want_actions = [a for i in want_items for a in i.get("actions", [])]
    all_right = owners = statuses = 0
    for want in want_actions:
        have = got_actions.get(want["id"])
        if have is None:
            figures.wrong.append(f"action {want['id']} missing")
            continue
        same_owners = list(have.get("owners", [])) == list(want.get("owners", []))
        same_status = have.get("status", "open") == want.get("status", "open")
        rest = all(str(have.get(k, "")).strip() == str(want.get(k, "")).strip()
                   for k in ("description", "carried_from"))
        owners += same_owners
        statuses += same_status
        all_right += same_owners and same_status and rest
        if not (same_owners and same_status and rest):
            figures.wrong.append(f"action {want['id']}: {dict(have)} != {dict(want)}")
    if len(got_actions) != len(want_actions):
        figures.wrong.append(f"{len(got_actions)} actions imported, {len(want_actions)} expected")
    figures.actions = (all_right, len(want_actions))
    figures.owners = (owners, len(want_actions))
    figures.statuses = (statuses, len(want_actions))
    have_words = [w for i in got_items for w in words(str(i.get("minutes") or ""))]
    want_words = [w for i in want_items for w in words(str(i.get("minutes") or ""))]
    matcher = difflib.SequenceMatcher(None, have_words, want_words, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    figures.words = (matched, len(want_words), len(have_words))
    return figures
