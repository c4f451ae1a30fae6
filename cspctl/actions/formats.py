"""The action log's output formats: a rich table for people, json and csv for scripts and
spreadsheets, a Markdown table for pasting into papers. Chosen by name from `FORMATS`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from cspctl.actions.log import NO_OWNER, ActionRow, Owner

CSV_FIELDS = ("id", "description", "owners", "due", "status", "source", "raised",
              "days_overdue", "overdue", "item", "completed_on", "carried_from", "rag",
              "review", "owner_ids")
HEADINGS = ("ID", "Owners", "Action", "Due", "Days overdue", "Status", "Source")


@dataclass
class Listing:
    """What a format prints: the rows (or the rows grouped by owner) and what they are."""

    rows: list[ActionRow]
    as_of: dt.date
    title: str
    groups: list[Owner] | None = None
    full: bool = False
    """Tables show each action's first sentence (at most `SUMMARY` characters) unless full."""


SUMMARY = 140


def write_json(listing: Listing, out: TextIO) -> None:
    import json

    if listing.groups is None:
        data = [row.as_dict() for row in listing.rows]
    else:
        data = [{"owner": g.name, **row.as_dict()} for g in listing.groups for row in g.rows]
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_csv(listing: Listing, out: TextIO) -> None:
    """A spreadsheet's CSV: a UTF-8 byte order mark first (Excel reads the file as UTF-8 only
    with it: "women’s", not mojibake), booleans as yes/no, and every cell made safe to open
    (`csv_cell`)."""
    import csv

    fields = (("owner",) if listing.groups is not None else ()) + CSV_FIELDS
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    pairs = ([(None, r) for r in listing.rows] if listing.groups is None
             else [(g.name, r) for g in listing.groups for r in g.rows])
    for owner, row in pairs:
        data = row.as_dict()
        data["owners"] = "; ".join(row.owners)
        data["owner_ids"] = "; ".join(i or "" for i in row.owner_ids)
        data["owner"] = owner
        writer.writerow([csv_cell(data[f]) for f in fields])


BOM = "\ufeff"
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+")
FORMULA_STARTS = ("=", "+", "-", "@")


def csv_cell(value: Any) -> str:
    """One CSV cell as a spreadsheet should show it: none is empty, a boolean is yes or no,
    control and invisible format characters (line breaks, tabs, bidi overrides) and runs of
    spaces become one space, and text a spreadsheet would run as a formula (starting with = + - or @) is kept
    as text with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(_CONTROLS.sub(" ", str(value)).split())
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_markdown(listing: Listing, out: TextIO) -> None:
    out.write(f"## {_md(listing.title)}\n\n")
    sections = ([(None, listing.rows)] if listing.groups is None
                else [(g.name, g.rows) for g in listing.groups])
    if not listing.rows:
        out.write("No actions.\n")
    for heading, rows in sections:
        if heading is not None:
            out.write(f"### {_md(heading)}\n\n")
        out.write("| " + " | ".join(HEADINGS) + " |\n")
        out.write("|" + "|".join("---" for _ in HEADINGS) + "|\n")
        for row in rows:
            cells = _cells(row)
            if row.overdue:
                cells[4] = f"**{cells[4]}**"
            out.write("| " + " | ".join(_md(c) for c in cells) + " |\n")
        out.write("\n")


def write_table(listing: Listing, out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from cspctl.problem import one_line

    # Record text is never Rich markup: every cell and title is a Text, so `[/]` in an action
    # cannot end the table and `[link=...]` cannot make a hyperlink.
    console = Console(file=out, highlight=False)
    sections = ([(listing.title, listing.rows)] if listing.groups is None
                else [(f"{g.name} — {_count(g.rows)}", g.rows) for g in listing.groups])
    if listing.groups is not None:
        console.print(Text(listing.title))
    for title, rows in sections:
        ids, owners, due, source = _widths(rows, console.width)
        if ids + owners + due + source + 24 + 10 > console.width:
            _stacked(console, title, rows, listing.full)
            continue
        table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                      expand=True)
        # Ids and dates are what people copy into the next command: they never wrap.
        table.add_column("ID", no_wrap=True, min_width=ids)
        table.add_column("Owners", overflow="fold", max_width=owners, min_width=min(owners, 10))
        table.add_column("Action", ratio=1, min_width=24)
        table.add_column("Due", no_wrap=True, min_width=due)
        table.add_column("Source", no_wrap=True, overflow="ellipsis", max_width=source)
        for row in rows:
            cells = _cells(row)
            late = f"\n{row.days_overdue} day{'s' if row.days_overdue != 1 else ''} late"
            when = cells[3] + (late if row.overdue else "")
            when += "" if row.status == "open" or row.status == "ongoing" else \
                f"\n{status_words(row.status)}"
            record = [one_line(cell) for cell in (cells[0], cells[1],
                                                  cells[2] if listing.full else summary(cells[2]))]
            table.add_row(*(Text(cell) for cell in (*record, when, one_line(cells[6]))),
                          style="bold red" if row.overdue else None)
        console.print(table)
    if not listing.rows:
        console.print("No actions match.")


def _stacked(console: Any, title: str, rows: list[ActionRow], full: bool) -> None:
    """Rows too wide for the terminal as a table: the id, due date and owners on one line (the
    id first, never broken), the action indented below, wrapped at the terminal's width."""
    import textwrap

    from rich.text import Text

    from cspctl.problem import one_line

    console.print(Text(title))
    width = max(console.width - 4, 20)
    for row in rows:
        cells = _cells(row)
        when = f"due {cells[3]}" + (f", {row.days_overdue} day{'s' if row.days_overdue != 1 else ''} late"
                                    if row.overdue else "")
        status = "" if row.status in ("open", "ongoing") else f", {status_words(row.status)}"
        head = f"{one_line(cells[0])}  {when}{status}  {one_line(cells[1])}  ({one_line(cells[6])})"
        text = one_line(cells[2] if full else summary(cells[2]))
        body = textwrap.fill(text, width, initial_indent="    ", subsequent_indent="    ")
        console.print(Text(head, style="bold red" if row.overdue else ""))  # wraps at spaces: never in the id
        console.print(Text(body), soft_wrap=True)


def _widths(rows: list[ActionRow], total: int) -> tuple[int, int, int, int]:
    """Column widths: ids whole (they are never wrapped), then room for the Action column."""
    ids = max((len(r.id) for r in rows), default=2)
    spare = max(total - ids - 10 - 12, 40)  # padding, and the Due column
    source = min(max((len(r.source) for r in rows), default=7), 12)
    owners = min(max((len(", ".join(r.owners)) for r in rows), default=6), 28,
                 max(12, spare // 4))
    return ids, owners, 13, source


def summary(text: str, limit: int = SUMMARY) -> str:
    """The first sentence of an action, cut at a word within `limit` characters ("…" marks a cut)."""
    words = " ".join(text.split())
    end = next((i + 1 for i, ch in enumerate(words) if ch in ".;" and i + 1 < len(words)
                and words[i + 1] == " " and i >= 20), len(words))
    first = words[:end]
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0]
    return first if first == words else first.rstrip(".;,") + " …"


def _cells(row: ActionRow) -> list[str]:
    owners = ", ".join(row.owners) or (row.lead_note or NO_OWNER)
    return [row.id, owners, " ".join(row.description.split()), due_words(row),
            str(row.days_overdue) if row.overdue else "", status_words(row.status), row.source]


def due_words(row: ActionRow) -> str:
    """When the action is due: its date, "next meeting", or for an ongoing action its review."""
    if row.status == "ongoing":
        return f"ongoing, review by {row.review.isoformat()}" if row.review else "ongoing"
    return row.due.isoformat() if row.due else "next meeting"


def status_words(status: str) -> str:
    """A status as people write it: `in_progress` is "in progress"."""
    return status.replace("_", " ")


def _count(rows: list[ActionRow]) -> str:
    late = sum(1 for r in rows if r.overdue)
    return f"{len(rows)} action{'s' if len(rows) != 1 else ''}, {late} overdue"


def _md(text: str) -> str:
    """One table cell: pipes escaped, line breaks folded so the table stays a table."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


FORMATS: dict[str, Callable[[Listing, TextIO], None]] = {
    "table": write_table,
    "json": write_json,
    "csv": write_csv,
    "markdown": write_markdown,
}
