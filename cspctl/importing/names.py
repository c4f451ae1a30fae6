"""Names in minutes resolved against the register, and every guess noted.

A name resolves as the register's `Register.resolve_in` does (id, name, alias, the meeting's
initials); failing that, without a title ("DS", "Dr", "Cllr" as "Councillor"), then by a close
spelling (noted), then, for a run of words missing a comma ("Ann Lee Bob Stone"), as
two names that both resolve (noted). A name nothing matches is kept as written and noted.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from cspctl.records.register import Register, normalise

TITLES = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor|cllr\.?|councillor|county\s+councillor|ds|dc|di|dci|"
    r"dsupt|supt|ch\s*supt|chief\s+inspector|inspector|insp\.?|sgt|sergeant|pc|pcso|ci|the\s+rt\s+hon)\s+)+",
    re.I)
MARKERS = {
    "chair": re.compile(r"\(\s*(?:the\s+)?chair(?:man|person|woman)?\s*\)", re.I),
    "note_taker": re.compile(r"\(\s*(?:note[\s-]*taker|minute[\s-]*taker|minutes|clerk|secretary)\s*\)", re.I),
}
FUZZY_CUTOFF = 0.82
MAX_NAME = 120
"""Longer than any name: a paragraph a list label ran into, not a person."""


@dataclass
class Resolver:
    register: Register
    initials: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)
    unresolved: list[tuple[int, str]] = field(default_factory=list)

    def known(self, name: str) -> str | None:
        """The name to write for `name` when the register knows it without guessing."""
        if name.strip() in self.initials or self.register.resolve_in(name, self.initials) is not None:
            return name
        bare = TITLES.sub("", name).strip()
        if bare != name and bare and self.register.resolve(bare) is not None:
            return bare
        if re.match(r"(?i)cllr\.?\s", name):
            spelled = re.sub(r"(?i)^cllr\.?\s+", "Councillor ", name)
            if self.register.resolve(spelled) is not None:
                return spelled
        return None

    def name(self, raw: str, line: int, *, what: str = "name") -> list[str]:
        """The names to write for `raw` as the minutes print it (one, or two when a comma is missing)."""
        name = " ".join(raw.split()).strip(" .,;")
        if not name:
            return []
        if len(name) > MAX_NAME:
            self.notes.append((line, f"left out '{name[:40]}…': too long for a {what}"))
            return []
        found = self.known(name)
        if found is not None:
            return [found]
        words = name.split()
        if len(words) >= 4:
            for cut in range(2, len(words) - 1):
                first, second = " ".join(words[:cut]), " ".join(words[cut:])
                one, two = self.known(first), self.known(second)
                if one and two:
                    self.notes.append((line, f"read '{name}' as two names, '{one}' and '{two}' (a comma missing?)"))
                    return [one, two]
        close = self._close(name)
        if close is not None:
            self.notes.append((line, f"{what} '{name}' taken for '{close}' of the register (a close spelling)"))
            return [close]
        self.unresolved.append((line, name))
        if self.register.entries:
            hint = self.register.suggest(name)
            extra = f" (did you mean '{hint}'?)" if hint else ""
            self.notes.append((line, f"{what} '{name}' is not in the register; kept as written{extra}"))
        return [name]

    def _close(self, name: str) -> str | None:
        spellings: dict[str, str] = {}
        for key, entry in self.register._index.items():
            spellings.setdefault(key, entry.name)
        bare = normalise(TITLES.sub("", name))
        match = difflib.get_close_matches(bare, list(spellings), n=1, cutoff=FUZZY_CUTOFF)
        return spellings[match[0]] if match else None


def split_names(text: str) -> list[str]:
    """ "A, B and C." -> [A, B, C]: commas, semicolons, "and" and "&" separate names."""
    text = text.strip().rstrip(".")
    parts = re.split(r"\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def markers(name: str) -> tuple[str, set[str], str | None]:
    """A listed name less its "(CHAIR)"/"(NOTE TAKER)" marks, the roles marked, and any other
    parenthesis ("(Probation Service)": the organisation the person came for)."""
    roles = set()
    for role, pattern in MARKERS.items():
        if pattern.search(name):
            roles.add(role)
            name = pattern.sub("", name)
    organisation = None
    other = re.search(r"\(([^()]*)\)\s*$", name)
    if other:
        organisation = other.group(1).strip() or None
        name = name[: other.start()]
    parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", name) if p.strip()]
    if len(parts) > 1:
        # "Pat Chair – Sussex Police" (a table row, a list): the name, then roles or the organisation
        if re.fullmatch(r"[A-Z]{2,4}", parts[0]):
            parts = parts[1:]
        name, rest = parts[0], []
        for part in parts[1:]:
            bracketed = f"({part})"
            found = [role for role, pattern in MARKERS.items() if pattern.fullmatch(bracketed)]
            roles.update(found)
            if not found:
                rest.append(part)
        if rest and organisation is None:
            organisation = ", ".join(rest)
    return " ".join(name.split()), roles, organisation
