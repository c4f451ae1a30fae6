"""Generators for the property tests: raw bytes, YAML-ish text, mutated records, and valid
records written in varied styles with comments."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from tests.conftest import MEETING

FRAGMENTS = [
    "- ", ": ", "\n", "  ", "    ", "[", "]", "{", "}", ", ", "&a ", "*a", "&b ", "*b", "!!str ",
    "!!python/object/apply:os.system ", "!!binary ", "!x ", "<<: ", "'", '"', "\\", "\\u", "\\e",
    "# c", "|", ">-", "---\n", "...\n", "%YAML 1.1\n", "? ", "true", "false", "yes", "NO", "on",
    "~", "null", "10:00", "010", "0x1F", "1.10", ".inf", ".nan", "-5", "99999999999999999999",
    "2022-03-30", "2022-02-30", "03/04/2024", "\t", "\r\n", "\r", "\ufeff", "\u202e", "\u200b",
    "\u2028", "\x85", "\x00", "\x1b", "é", "🚨", "title", "restricted", "items", "date",
    "minutes", "duration", "actions", "owners", "id", "status", "approved", "x" * 60,
]

yamlish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join)
"""Text built from the pieces YAML parsers trip over."""


@st.composite
def mutated_meeting(draw: st.DrawFn) -> str:
    """The valid test meeting with a few lines replaced, inserted or dropped."""
    lines = MEETING.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["replace", "insert", "drop", "splice"]))
        piece = draw(yamlish)
        if action == "insert" or not lines:
            lines.insert(at, piece + "\n")
        elif action == "drop":
            del lines[min(at, len(lines) - 1)]
        elif action == "replace":
            lines[min(at, len(lines) - 1)] = piece + "\n"
        else:
            line = lines[min(at, len(lines) - 1)]
            cut = draw(st.integers(0, len(line)))
            lines[min(at, len(lines) - 1)] = line[:cut] + piece + line[cut:]
    return "".join(lines)


# --- valid records -----------------------------------------------------------------------------

SAFE_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"],
)
words = st.text(SAFE_CHARS, min_size=1, max_size=30).filter(lambda s: s.strip() == s and s.strip())
lines_of_text = st.lists(words, min_size=1, max_size=4).map("\n".join)
comments = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"]),
                   max_size=25).map(lambda s: "# " + s.strip())


def scalar(value: Any, style: str) -> str:
    """A YAML scalar: JSON is valid double-quoted YAML; the other styles only where safe."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if style == "single" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    astral = any(ord(c) > 0xFFFF for c in value)  # JSON would write a surrogate pair
    return json.dumps(value, ensure_ascii=style == "ascii" and not astral)


@st.composite
def meeting_record(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A valid meeting as YAML text (quoting and comments drawn), and the comments in it."""
    items: list[dict[str, Any]] = []
    notes: list[str] = []
    out = ["# meeting record", "date: 2022-03-30", "status: drafted", "items:"]
    for index in range(draw(st.integers(1, 4))):
        item: dict[str, Any] = {
            "title": draw(words), "restricted": draw(st.booleans()),
            "duration": draw(st.integers(0, 600)), "minutes": draw(lines_of_text),
            "decisions": draw(st.lists(words, max_size=2)),
            "actions": [{"id": f"2022-03-30/{index + 1}.{n + 1}", "owners": ["Sam Lead"],
                         "description": draw(words)} for n in range(draw(st.integers(0, 2)))],
        }
        items.append(item)
        style = draw(st.sampled_from(["double", "single", "ascii"]))
        if draw(st.booleans()):
            notes.append(draw(comments))
            out.append("  " + notes[-1])
        out.append(f"  - title: {scalar(item['title'], style)}")
        trailing = draw(comments) if draw(st.booleans()) else ""
        notes += [trailing] if trailing else []
        out.append(f"    restricted: {scalar(item['restricted'], style)}"
                   + (f"  {trailing}" if trailing else ""))
        out.append(f"    duration: {item['duration']}")
        if draw(st.booleans()):
            out.append("    minutes: |")
            out.extend("      " + line for line in item["minutes"].split("\n"))
        else:
            out.append(f"    minutes: {scalar(item['minutes'], 'double')}")
        if item["decisions"]:
            out.append("    decisions:")
            out.extend(f"      - {scalar(d, style)}" for d in item["decisions"])
        if item["actions"]:
            out.append("    actions:")
            for action in item["actions"]:
                out.append(f"      - id: {action['id']}")
                out.append("        owners: [Sam Lead]")
                out.append(f"        description: {scalar(action['description'], style)}")
    return "\n".join(out) + "\n", ["# meeting record", *notes]
