"""A drafted meeting record from the structure of the minutes (`structure.Draft`).

The record is built as plain data the way the note taker would type it: attendance lists,
items with titles in title case, `restricted`, minutes as Markdown, and actions with stable
ids (`DATE/ITEM.N`), owners resolved, `(COMPLETED)` as completed. Actions listed under "the
following actions remain outstanding" are carried: from the earlier meeting whose open action
they match, else from the month the text names.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cspctl.importing.names import Resolver, markers, split_names
from cspctl.importing.structure import Block, Draft, DraftItem, restore_case, restricted_title

if TYPE_CHECKING:
    from cspctl.records.store import Records

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
DATE_TEXT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r"),?\s+(\d{4})\b", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TIME = r"(?<![\d.:/])(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/])"
TIME_RANGE = re.compile(TIME + r"\s*(?:-|–|—|to|until)\s*" + TIME, re.I)
ONE_TIME = re.compile(r"(?<![\d/])(\d{1,2})[.:](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/])", re.I)
CARRIED = re.compile(r"remain(?:s|ing)?\s+outstanding|outstanding\s+actions|actions?\s+outstanding|"
                     r"carried\s+(?:forward|over)|actions?\s+(?:still\s+)?open", re.I)
COMPLETED = re.compile(r"\s*[(\[]\s*(completed?|done|closed|ongoing)\s*[)\]]\s*[.;]?\s*$", re.I)
STANDING = re.compile(r"introduction|welcome|apologies|declarations?\s+of\s+interest|^minutes\b|"
                      r"minutes\s+of|matters\s+arising|action\s+log|forward\s+plan|work\s+programme|"
                      r"any\s+other\s+business|^aob$|date\s+of\s+(?:the\s+)?next|dates?\s+of\s+future", re.I)


@dataclass
class Imported:
    data: dict[str, Any]
    notes: list[tuple[int, str]] = field(default_factory=list)


class DateMismatch(Exception):
    def __init__(self, line: int, found: dt.date) -> None:
        self.line, self.found = line, found


def build_record(draft: Draft, records: Records, date: dt.date) -> Imported:
    resolver = Resolver(records.register)
    notes = list(draft.notes)
    data: dict[str, Any] = {"date": date}
    _header(draft, date, data, notes)
    roles: dict[str, str] = {}
    attendance: dict[str, list[Any]] = {"present": [], "additional": [], "apologies": []}
    for listing in draft.listings:
        _initials(listing, resolver)
    for listing in draft.listings:
        per_line = listing.per_line or [(listing.line, listing.text)]
        commas = any("," in text for _, text in per_line)
        pieces = [(listing.line, name) for name in split_names(listing.text)] if commas else \
            [(number, name) for number, text in per_line for name in split_names(text)]
        for number, piece in pieces:
            piece = re.sub(r"^[A-Z]{2,4}\s+(?=\S)", "", piece) if _initialled(piece) else piece
            name, marked, organisation = markers(piece)
            for written in resolver.name(name, number):
                for role in marked:
                    roles.setdefault(role, written)
                entry: Any = written if organisation is None else {"name": written, "organisation": organisation}
                attendance[listing.key].append(entry)
    if not attendance["apologies"]:
        _apologies_in_text(draft, resolver, attendance, notes)
    for role in ("chair", "note_taker"):
        if role in roles:
            data[role] = roles[role]
    data["status"] = "drafted"
    if resolver.initials:
        data["initials"] = dict(resolver.initials)
    data["attendance"] = {key: _sorted(values) for key, values in attendance.items()}
    data["items"] = _nested(draft, resolver, records, date, notes)
    notes.extend(resolver.notes)
    return Imported(data, sorted(set(notes)))


def _sorted(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


APOLOGIES_SENTENCE = re.compile(
    r"(?i)\bapologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)?\s*(?:received|given|noted|sent)\s+from\s+"
    r"(?-i:([A-Z][^.:]*?))\s*(?:\.|$)")


def _apologies_in_text(draft: Draft, resolver: Resolver, attendance: dict[str, list[Any]],
                       notes: list[tuple[int, str]]) -> None:
    """ "Apologies were received from A, B and C." inside an item, when no list gives them."""
    for item in draft.items:
        for block in item.blocks:
            found = APOLOGIES_SENTENCE.search(block.text)
            if found is None:
                continue
            names = split_names(found.group(1))
            notes.append((block.line, f"took the apologies from the text: {', '.join(names)}"))
            for name in names:
                attendance["apologies"].extend(resolver.name(markers(name)[0], block.line))
            return


def _initialled(piece: str) -> bool:
    return re.match(r"^[A-Z]{2,4}\s+[A-Z][a-z]", piece) is not None


def _initials(listing: Any, resolver: Resolver) -> None:
    for number, text in listing.per_line:
        found = re.match(r"^([A-Z]{2,4})\s+(?=[A-Z][a-z])(.+)$", text.strip())
        if found:
            name, _roles, _org = markers(found.group(2))
            written = resolver.known(name) or name
            taken = resolver.initials.setdefault(found.group(1), written)
            if taken != written:
                resolver.notes.append((number, f"initials {found.group(1)} stand for both '{taken}' and "
                                                f"'{written}'; kept '{taken}'"))


def _header(draft: Draft, date: dt.date, data: dict[str, Any], notes: list[tuple[int, str]]) -> None:
    dates = [(line.number, found) for line in draft.header if (found := _date(line.text)) is not None]
    if dates and date not in [found for _, found in dates]:
        raise DateMismatch(*dates[0])  # a header dated only otherwise: the wrong draft or the wrong --date
    for line in draft.header:
        text = line.text.strip()
        times = TIME_RANGE.search(text)
        if times and "start" not in data and _plausible(times) and None not in _times(times):
            data["start"], data["end"] = _times(times)
            rest = _beside(text, times)
            if rest and not _date(rest) and "venue" not in data and len(rest) < 80:
                data["venue"] = rest
        elif "start" not in data and (one := ONE_TIME.search(text)) and len(text) < 120:
            start = _time(_hour(one.group(1), one.group(3)), one.group(2))
            if start is not None:
                data["start"] = start
                notes.append((line.number, f"took {start} for the start time"))
        venue = re.match(r"(?i)^(?:venue|location|place)\s*:\s*(.+)$", text)
        if venue:
            data["venue"] = venue.group(1).strip()


def _beside(text: str, times: re.Match[str]) -> str:
    """What the header line gives beside the times: "(10.00-13.00, Town Hall)" -> "Town Hall"."""
    opening, closing = text.rfind("(", 0, times.start()), text.find(")", times.end())
    if opening != -1 and closing != -1:
        text, start, end = text[opening + 1:closing], times.start() - opening - 1, times.end() - opening - 1
    else:
        start, end = times.start(), times.end()
    rest = (text[:start] + text[end:]).strip(" ()")
    return re.sub(r"^[,;\s–-]+|[,;\s–-]+$", "", rest)


def _plausible(found: re.Match[str]) -> bool:
    marked = found.group(2) or found.group(5) or found.group(3) or found.group(6)
    return int(found.group(1)) <= 24 and int(found.group(4)) <= 24 and bool(marked)


def _hour(hour: str, half: str | None) -> int:
    value = int(hour)
    if (half or "").replace(".", "").casefold() == "pm" and value < 12:
        value += 12
    return value


def _times(found: re.Match[str]) -> tuple[Any, Any]:
    """ "10.00-13.00pm" -> 10:00, 13:00; "2-4pm" -> 14:00, 16:00; "9.30am to 12 noon"."""
    end = _hour(found.group(4), found.group(6))
    start = _hour(found.group(1), found.group(3))
    if found.group(3) is None and found.group(6) is not None and start + 12 <= end:
        start += 12
    return _time(start, found.group(2)), _time(end, found.group(5))


def _time(hour: int, minute: str | None) -> Any:
    """A time as records write it ("14:00"), or None for no time of day ("25.70")."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if hour > 23 or int(minute or 0) > 59:
        return None
    return DoubleQuotedScalarString(f"{hour:02d}:{int(minute or 0):02d}")


def _date(text: str) -> dt.date | None:
    found = DATE_TEXT.search(text)
    try:
        if found:
            return dt.date(int(found.group(3)), MONTHS.index(found.group(2).casefold()) + 1, int(found.group(1)))
        iso = ISO_DATE.search(text)
        return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))) if iso else None
    except ValueError:
        return None


SUB_NUMBER = re.compile(r"^(\d+)(?:[a-z]|\.\d+)$")


def _nested(draft: Draft, resolver: Resolver, records: Records, date: dt.date,
            notes: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """Items in order; "4a" or "4.1" after item 4 is a sub-item of 4."""
    items: list[dict[str, Any]] = []
    numbers: list[str] = []
    for item in draft.items:
        sub = SUB_NUMBER.match(item.number or "")
        if sub and numbers and numbers[-1] == sub.group(1):
            parent = items[-1]
            entry = _item(item, item.number or "", draft, resolver, records, date, notes)
            entry.setdefault("number", item.number)
            parent.setdefault("items", []).append(entry)
            continue
        place = len(items) + 1
        items.append(_item(item, str(place), draft, resolver, records, date, notes))
        numbers.append(item.number or str(place))
    return items


def _item(item: DraftItem, place: str, draft: Draft, resolver: Resolver, records: Records,
          date: dt.date, notes: list[tuple[int, str]]) -> dict[str, Any]:
    from ruamel.yaml.scalarstring import LiteralScalarString

    title, restricted = restricted_title(item.heading)
    title = re.sub(r"(?i)\s*pdf\s+icon\s+pdf\s+[\d.]+\s*[km]b\s*$", "", title)  # a web page's link label
    title = restore_case(title.strip(" .:"), draft.acronyms) or f"Item {place}"
    number = item.number or place
    entry: dict[str, Any] = {"title": title, "kind": _kind(title, records)}
    if item.number and item.number != place:
        entry = {"number": item.number, **entry}
    entry["restricted"] = restricted
    text = _markdown([b for b in item.blocks if b.kind in ("para", "bullet")])
    if text:
        entry["minutes"] = LiteralScalarString(text)
    decisions = [b.text.strip() for b in item.blocks if b.kind == "decision"]
    if decisions:
        entry["decisions"] = decisions
    carried_at = next((b.line for b in item.blocks if b.kind != "action" and CARRIED.search(b.text)), None)
    actions: list[dict[str, Any]] = []
    for block in (b for b in item.blocks if b.kind == "action"):
        if not COMPLETED.sub("", block.text).strip(" .:;-–"):
            notes.append((block.line, "left out an ACTION line with nothing to do"))
            continue
        carried = carried_at is not None and block.line > carried_at
        actions.append(_action(block, f"{date.isoformat()}/{number}.{len(actions) + 1}", carried, item,
                               resolver, records, date, notes))
    if actions:
        entry["actions"] = actions
    return entry


def _kind(title: str, records: Records) -> str:
    if STANDING.search(title):
        return "standing"
    standing = records.partnership.model.standing_items if records.partnership else []
    if any(difflib.SequenceMatcher(None, s.title.casefold(), title.casefold()).ratio() > 0.85 for s in standing):
        return "standing"
    if re.search(r"(?i)\bpresentation\b", title):
        return "presentation"
    if re.search(r"(?i)\bupdates?\b", title):
        return "update"
    return "report"


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for index, block in enumerate(blocks):
        text = " ".join(block.text.split()) if "  " not in block.text.strip() else block.text.strip()
        if block.kind == "bullet":
            gap = index > 0 and blocks[index - 1].kind != "bullet"
            out.append(("\n" if gap else "") + f"- {text}\n")
        else:
            out.append(("\n" if index else "") + text + "\n")
    return "".join(out)


def _action(block: Block, action_id: str, carried: bool, item: DraftItem, resolver: Resolver,
            records: Records, date: dt.date, notes: list[tuple[int, str]]) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedSeq

    text = " ".join(block.text.split())
    status = "open"
    done = COMPLETED.search(text)
    if done:
        status = "ongoing" if done.group(1).casefold() == "ongoing" else "completed"
        text = text[: done.start()].rstrip()
    owners_text, description = _split_owner(text)
    owners: list[str] = []
    if owners_text is None:
        notes.append((block.line, f"action {action_id}: no owner found (write it as 'NAME to ...')"))
        description = text
    else:
        for name in split_names(owners_text):
            owners.extend(resolver.name(name, block.line, what="owner"))
    seq = CommentedSeq(owners)
    seq.fa.set_flow_style()
    action: dict[str, Any] = {"id": action_id, "owners": seq, "description": description or text,
                              "status": status}
    if carried:
        origin = _carried_from(description or text, owners, item, records, date, resolver)
        if origin is not None:
            held = origin[0]
            action["carried_from"] = dt.date.fromisoformat(held) if len(held) == 10 else held
            notes.append((block.line, f"action {action_id} carried from {origin[0]} ({origin[1]})"))
        else:
            notes.append((block.line, f"action {action_id} is carried, but from which meeting is not said"))
    return action


def _split_owner(text: str) -> tuple[str | None, str]:
    """ "Jo Bloggs and AC to circulate the plan" -> ("Jo Bloggs and AC", "circulate the plan"): the
    owners are names (capitalised words, initials), so "To include ..." or "Partners agreed to
    ..." have none."""
    found = re.match(r"^(.{2,120}?)\s+to\s+(\S.*)$", text)
    if not found or re.search(r"[.:;]", found.group(1)) or len(found.group(1).split()) > 12:
        return None, text
    owner = found.group(1).strip()
    joins = {"and", "&", "of", "the", "for", "de", "van", "von", "le", "la"}
    words = owner.replace(",", " ").split()
    if words[0].casefold() in ("to", "the") or \
            any(not (w[:1].isupper() or w[:1].isdigit() or w.casefold() in joins) for w in words):
        return None, text
    return owner, found.group(2).strip()


def _carried_from(description: str, owners: list[str], item: DraftItem, records: Records, date: dt.date,
                  resolver: Resolver) -> tuple[str, str] | None:
    from cspctl.models.meeting import OPEN_STATUSES, walk_items

    best: tuple[float, str, str] | None = None
    earlier = False
    for meeting in records.meetings:
        held = meeting.model.date
        if held >= date:
            continue
        earlier = True
        for _path, raised in walk_items(meeting.model.items):
            for action in raised.actions:
                if action.status not in OPEN_STATUSES:
                    continue
                ratio = difflib.SequenceMatcher(None, description.casefold().split(),
                                                action.description.casefold().split()).ratio()
                if ratio >= 0.75 and (best is None or ratio > best[0]):
                    best = (ratio, held.isoformat(), f"matches open action {action.id}")
    if best is not None:
        return best[1], best[2]
    text = " ".join(b.text for b in item.blocks if b.kind == "para")
    month = re.search(r"(?i)\b(" + "|".join(MONTHS) + r")\b", text)
    if month:
        number = MONTHS.index(month.group(1).casefold()) + 1
        year = date.year if number < date.month else date.year - 1
        why = "no open action of an earlier record matches; " if earlier else ""
        return f"{year}-{number:02d}", f"{why}the month the minutes name, line {item.line}"
    return None
