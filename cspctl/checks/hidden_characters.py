"""CSP203 — no invisible or direction-changing characters in record text (warning).

Bidirectional controls (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C)
can reorder what an editor or a pull-request review shows, so a reviewer may approve text that
reads differently once rendered — or not see a sentence at all ("Trojan Source"). Zero-width
and other invisible characters (U+200B–U+200D, U+2060–U+2064, U+180E, and the tag characters
U+E0000–U+E007F) make names and ids that look identical compare different, and can carry
hidden text. Every string in every record (keys too) is checked; the finding names the
character, never the text. Right-to-left scripts themselves are fine: only the invisible
controls are reported. Delete the character, or retype the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records
from cspctl.records.yamlio.read import walk
from cspctl.records.yamlio.text import BIDI, HIDDEN_CHARS

CODE = "CSP203"

_IS_BIDI = re.compile(f"[{BIDI}]")


def describe(char: str) -> str:
    """What a hidden character is, for the message: its kind and code point, never the text."""
    kind = "a bidirectional control" if _IS_BIDI.fullmatch(char) else "an invisible character"
    return f"{kind} U+{ord(char):04X}"


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f" (line {line} of the text)" if "\n" in text.rstrip("\n") else ""


def check(records: Records) -> Iterator[Problem]:
    for loaded in records.all_loaded():
        data = loaded.document.data
        if data is None or not loaded.document.hidden:  # the parser saw none in the text
            continue
        for path, value in walk(data):
            key = path[-1] if path else None
            if isinstance(key, str) and (found := HIDDEN_CHARS.search(key)):
                yield loaded.problem(path, CODE, "warning",
                                     f"a field name holds {describe(found.group())}", key=True)
            if isinstance(value, str) and (found := HIDDEN_CHARS.search(value)):
                yield loaded.problem(path, CODE, "warning",
                                     f"text holds {describe(found.group())}"
                                     f"{_where(value, found.start())}; it can hide or reorder "
                                     "what a reviewer sees")
