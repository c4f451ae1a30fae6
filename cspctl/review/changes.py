"""What a change is, and the comparisons every part of the diff shares: words, people, items."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from cspctl.records.register import Register, normalise
from cspctl.records.store import Records

CONTEXT = 8
"""Words of unchanged text kept around each change in a word diff."""


RESTRICTED_MINUTES = "minutes of a restricted item changed"


@dataclass
class Change:
    """One change: which record, what kind of thing, its id, and how it changed."""

    record: str
    kind: str
    id: str
    change: str
    before: Any = None
    after: Any = None
    title: str | None = None
    owners: list[str] = field(default_factory=list)
    words: list[tuple[str, str]] | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"record": self.record, "kind": self.kind, "id": self.id,
                                 "change": self.change, "before": _plain(self.before),
                                 "after": _plain(self.after)}
        if self.title is not None:
            found["title"] = self.title
        if self.owners:
            found["owners"] = self.owners
        if self.words is not None:
            found["words"] = [{"op": op, "text": text} for op, text in self.words]
        if self.note:
            found["note"] = self.note
        found.update({k: _plain(v) for k, v in self.extra.items()})
        return found


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


@dataclass
class Side:
    """One side of the comparison: the full records, the view that may be shown, and the
    record files that could not be read (so they are not mistaken for deletions)."""

    raw: Records
    shown: Records
    unreadable: set[str]

    @property
    def register(self) -> Register:
        return self.raw.register


def word_diff(before: str | None, after: str | None, context: int = CONTEXT) -> list[tuple[str, str]]:
    """A word-level diff: ("=", kept), ("-", removed), ("+", added) runs, long kept runs elided."""
    old, new = (before or "").split(), (after or "").split()
    runs: list[tuple[str, list[str]]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", old[i1:i2]))
            continue
        if i2 > i1:
            runs.append(("-", old[i1:i2]))
        if j2 > j1:
            runs.append(("+", new[j1:j2]))
    result: list[tuple[str, str]] = []
    for index, (op, words) in enumerate(runs):
        if op == "=" and len(words) > 2 * context:
            head = words[:context] if index > 0 else []
            tail = words[-context:] if index < len(runs) - 1 else []
            words = [*head, "…", *tail]
        result.append((op, " ".join(words)))
    return result


def canonical_names(side: Side) -> bool:
    """Whether the board prints the register's names (`names: canonical`), not as written."""
    partnership = side.raw.partnership
    return partnership is not None and partnership.model.names == "canonical"


def same_person(register: Register, name: str) -> str:
    """A key that is equal for two spellings of the same person."""
    entry = register.resolve(name)
    return entry.id if entry else normalise(name)


def match_items(before: list[Any], after: list[Any]) -> list[tuple[int | None, int | None]]:
    """Pair the items of two versions of a meeting: same title, then a shared action, then the
    same place (a retitled item). Unpaired items were added (None, j) or removed (i, None)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()

    def pair(test: Any) -> None:
        for j, item in enumerate(after):
            if j in pairs:
                continue
            for i, old in enumerate(before):
                if i not in used and test(old, item):
                    pairs[j] = i
                    used.add(i)
                    break

    pair(lambda old, new: normalise(old.title) == normalise(new.title))
    pair(lambda old, new: bool({a.id for a in old.actions} & {a.id for a in new.actions}))
    for j in range(len(after)):
        if j not in pairs and j < len(before) and j not in used:
            pairs[j] = j
            used.add(j)
    result: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(after))]
    result += [(i, None) for i in range(len(before)) if i not in used]
    return result


def moved(order: list[int]) -> set[int]:
    """Values out of place in `order`: everything outside its longest increasing run."""
    if not order:
        return set()
    best: list[list[int]] = []
    for value in order:
        longest: list[int] = []
        for run in best:
            if run[-1] < value and len(run) > len(longest):
                longest = run
        best.append([*longest, value])
    keep = set(sorted(best, key=len)[-1])
    return {value for value in order if value not in keep}
