"""The shape of a set of minutes: header, attendance lists, numbered items, paragraphs, actions.

It follows the conventions of UK council and partnership minutes: a header with the date, the
time range and the venue; "Members Present:", "Additional Attendees:"/"Also present:" and
"Apologies:" lists; numbered item headings (upper case in plain text, heading styles in Word,
`#` in Markdown), "RESTRICTED:" items, and "ACTION:" lines. Line wrapping from a PDF or a plain
text export is undone: lines of a block are joined, and a block that stops mid-sentence at the
full line width goes on after a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cspctl.importing.sources import Line, Source

ITEM_NUMBER = r"\d{1,3}(?:[a-z]|\.\d{1,2})?"
NUMBERED = re.compile(rf"^\s*(?:(?:agenda\s+)?item\s+)?({ITEM_NUMBER})[.):]?(?:\s+(?:[-–:]\s*)?(\S.*?))?\s*$", re.I)
ACTION = re.compile(r"^\s*actions?\s*(?:[:\-–]+|\s(?=[A-Z]))\s*", re.I)
DECISION = re.compile(r"^\s*(?:resolved|agreed|decision)\s*[:\-–]\s*", re.I)
RESTRICTED = re.compile(r"^\s*(?:restricted|confidential|exempt|part\s+(?:2|ii|b))\s*(?:item)?\s*[:\-–]\s*", re.I)
LABELS = (
    ("additional", r"additional\s+attendees|also\s+(?:present|in\s+attendance)|"
                   r"officers(?:\s+present|\s+in\s+attendance)?|guests|in\s+attendance"),
    ("present", r"(?:board\s+)?members\s+present|present|attendees|members"),
    ("apologies", r"apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received(?:\s+from)?)?|apologies\s+from"),
)
LABEL = re.compile(r"^\s*(" + "|".join(f"(?P<{k}>{p})" for k, p in LABELS) + r")\s*(?::|-|–)\s*(.*)$", re.I)
MINUTES_LABEL = re.compile(r"^\s*minutes\s*:\s*$", re.I)
TERMINAL = tuple(".?!:;\"”’)")


@dataclass
class Block:
    kind: str
    """"para", "bullet", "action" or "decision"."""
    line: int
    text: str
    last_line_length: int = 0


@dataclass
class DraftItem:
    line: int
    number: str | None
    heading: str
    sure: bool = True
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Listing:
    key: str
    line: int
    text: str
    per_line: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Draft:
    header: list[Line]
    listings: list[Listing]
    items: list[DraftItem]
    notes: list[tuple[int, str]]
    acronyms: set[str]


def read_structure(source: Source) -> Draft:
    lines = source.lines
    notes: list[tuple[int, str]] = list(source.notes)
    headings = _find_headings(source, notes)
    first = headings[0][0] if headings else len(lines)
    header = lines[:first]
    listings = _listings(header, notes)
    items = []
    for place, (index, number, heading, sure) in enumerate(headings):
        end = headings[place + 1][0] if place + 1 < len(headings) else len(lines)
        item = DraftItem(lines[index].number, number, heading, sure)
        body = lines[index + 1:end]
        if heading == "":
            # "12." or "Agenda item 3" alone on its line: the title is the next line, if it is one
            title = next((line for line in body if line.text.strip()), None)
            text = title.text.strip() if title is not None else ""
            if title is not None and len(text) <= 90 and not text.endswith(TERMINAL[:3]) and \
                    not ACTION.match(text) and not MINUTES_LABEL.match(text):
                item.heading = text
                body = body[body.index(title) + 1:]
            else:
                item.heading = lines[index].text.strip().rstrip(":.").strip()
                notes.append((lines[index].number, f"item '{item.heading}' has no title; "
                                                   "its heading is used"))
        item.blocks = _blocks(source, body, notes)
        items.append(item)
    return Draft(header, listings, items, notes, _acronyms(source, {i for i, *_ in headings}))


def _find_headings(source: Source, notes: list[tuple[int, str]]) -> list[tuple[int, str | None, str, bool]]:
    lines = source.lines
    marked = [i for i, line in enumerate(lines) if line.heading and line.text.strip()]
    found: list[tuple[int, str | None, str, bool]] = []
    if marked:
        numbered = [i for i in marked if lines[i].numbered or NUMBERED.match(lines[i].text)]
        level = min(lines[i].heading for i in numbered) if numbered else \
            max(set(lines[i].heading for i in marked), key=lambda lv: sum(lines[i].heading == lv for i in marked))
        for i in marked:
            line = lines[i]
            if line.heading != level:
                continue
            match = NUMBERED.match(line.text)
            if match and match.group(2):
                found.append((i, match.group(1), match.group(2), True))
            else:
                found.append((i, line.numbered, line.text.strip(), True))
        return found
    expected: int | None = None
    for i, line in enumerate(lines):
        match = NUMBERED.match(line.text)
        if not match:
            continue
        number, title = match.group(1), (match.group(2) or "").strip()
        base = int(re.match(r"\d+", number).group())  # type: ignore[union-attr]
        blank_before = i == 0 or not lines[i - 1].text.strip()
        explicit = re.match(r"(?i)\s*(?:agenda\s+)?item\s", line.text) is not None
        if explicit or (title and _upper(title) and not ACTION.match(title)):
            if expected is not None and base not in (expected, expected - 1) and "." not in number:
                notes.append((line.number, f"item {number} follows item {expected - 1}: check the numbering"))
            found.append((i, number, title, True))
            expected = base + 1
        elif (expected is None or base in (expected, expected - 1)) and blank_before and \
                (not title or (len(title) <= 90 and not title.endswith(TERMINAL[:3]))):
            sure = expected is not None or bool(title)
            if title and not _upper(title):
                notes.append((line.number, f"took '{line.text.strip()}' for an item heading"))
                sure = False
            found.append((i, number, title, sure))
            expected = base + 1
    return found


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


INITIALLED = re.compile(r"^\s*[A-Z]{2,4}\s*[-–]?\s+[A-Z]")
"""A line of an attendance list that gives each person's initials first ("AC Cllr. Ann Cole (Chair)")."""


def _listings(header: list[Line], notes: list[tuple[int, str]]) -> list[Listing]:
    found: list[Listing] = []
    current: Listing | None = None
    for place, line in enumerate(header):
        text = line.text.strip()
        if current is None and INITIALLED.match(text) and not LABEL.match(text) and \
                place + 1 < len(header) and INITIALLED.match(header[place + 1].text) and \
                not any(listing.key == "present" for listing in found):
            current = Listing("present", line.number, "")
            found.append(current)
            notes.append((line.number, "took the unlabelled list of names with initials for the members present"))
        match = LABEL.match(text)
        if match:
            key = next(k for k, _ in LABELS if match.group(k))
            current = Listing(key, line.number, match.groups()[-1].strip())
            if current.text:
                current.per_line.append((line.number, current.text))
            found.append(current)
            continue
        if current is None:
            continue
        if not text:
            if current.per_line:
                current = None
            continue
        current.text = f"{current.text} {text}".strip()
        current.per_line.append((line.number, text))
    return found


def _width(source: Source) -> int:
    lengths = sorted(len(line.text.rstrip()) for line in source.lines if line.text.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _blocks(source: Source, body: list[Line], notes: list[tuple[int, str]]) -> list[Block]:
    plain = source.unit == "line" and not any(line.heading for line in source.lines)
    wrap = _width(source)
    blocks: list[Block] = []
    current: Block | None = None
    gap = False
    for line in body:
        text = line.text.strip()
        if not text:
            gap = current is not None
            continue
        if MINUTES_LABEL.match(text):
            if blocks:
                notes.append((line.number, "left out the agenda text before 'Minutes:'"))
            blocks, current, gap = [], None, False
            continue
        kind = "bullet" if line.bullet else "para"
        looks_heading = bool(line.heading) or (_upper(text) and len(text) <= 60 and not text.endswith(":") and
                                               not ACTION.match(text) and not DECISION.match(text))
        if ACTION.match(text) and len(ACTION.sub("", text, count=1)) > 3:
            kind, text = "action", ACTION.sub("", text, count=1)
        elif DECISION.match(text):
            kind, text = "decision", DECISION.sub("", text, count=1)
        if current is not None and kind == "para" and not line.heading:
            continues = _continues(current, text, wrap, plain, gap, source.unit)
            if continues:
                current.text = f"{current.text.rstrip()} {text}"
                current.last_line_length = len(line.text.rstrip())
                gap = False
                continue
        if looks_heading:
            notes.append((line.number, f"took '{text}' for a line of the item's minutes, not an item heading"))
        current = Block(kind, line.number, text, len(line.text.rstrip()))
        if current.kind == "decision" and not text:
            current.kind = "para"
        blocks.append(current)
        gap = False
    return [b for b in blocks if b.text.strip()]


def _continues(current: Block, text: str, wrap: int, plain: bool, gap: bool, unit: str) -> bool:
    if unit != "line":
        return False  # a Word paragraph is a paragraph
    ended = current.text.rstrip().endswith(TERMINAL)
    if gap:
        # a page break or a stray blank line in the middle of a sentence
        return plain and not ended and current.last_line_length >= wrap * 0.75 and \
            current.kind in ("para", "bullet", "action")
    if not plain:
        return True
    if current.kind == "action" or current.kind == "bullet" or current.kind == "decision":
        return True
    short = current.last_line_length < wrap * 0.6
    return not (short and text[:1].isupper())


def _acronyms(source: Source, heading_rows: set[int]) -> set[str]:
    found: set[str] = set()
    for index, line in enumerate(source.lines):
        if index in heading_rows or not any(c.islower() for c in line.text):
            continue
        body = ACTION.sub("", line.text.strip(), count=1)
        for token in re.findall(r"[A-Za-z&]+", body):
            if len(token) >= 2 and token.isupper() and token not in ("COMPLETED", "ACTION", "RESTRICTED"):
                found.add(token)
    return found


def restricted_title(title: str) -> tuple[str, bool]:
    """A heading less its "RESTRICTED:" (or "Confidential:", "Part 2:") prefix, and whether it had one."""
    if RESTRICTED.match(title):
        return RESTRICTED.sub("", title, count=1).strip(), True
    return title, False


SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to via vs with".split())


def restore_case(title: str, acronyms: set[str]) -> str:
    """An upper-case heading in title case ("UNIFICATION OF NPS AND CRC" -> "Unification of NPS
    and CRC"): small words lower case, acronyms (upper case in the text, or without a vowel) kept."""
    if any(c.islower() for c in title):
        return title
    words = title.split()
    out = []
    for place, word in enumerate(words):
        core = re.sub(r"[^A-Za-z&]", "", word)
        if core and (core in acronyms or (len(core) <= 5 and not re.search(r"[AEIOUY]", core))):
            out.append(word)
        elif place and core.casefold() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)
