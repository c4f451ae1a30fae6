"""Attendance statistics as the terminal, a script or a spreadsheet reads them."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import TextIO

from cspctl.governance.attendance import Attendance, Tally

COLUMNS = ("expected", "present", "substitute", "apologies", "absent")
"""Per member: `substitute` counts meetings a substitute attended for them; the JSON and CSV
also carry `as_substitute`, the meetings they attended for another member."""


def _columns(by: str) -> tuple[str, ...]:
    return COLUMNS if by == "organisation" else (*COLUMNS, "as_substitute")


def _title(column: str) -> str:
    return column.replace("_", " ").capitalize()


def _head(stats: Attendance) -> str:
    head = f"{len(stats.meetings)} meeting{'s' if len(stats.meetings) != 1 else ''} held"
    if not stats.roll:
        head += " (no membership declared in partnership.yaml: absence is not known)"
    return head


def _rows(stats: Attendance, by: str) -> Sequence[Tally]:
    return stats.organisations if by == "organisation" else stats.members


def _percent(row: Tally) -> str:
    return "" if row.percent is None else f"{row.percent}%"


def table(stats: Attendance, by: str, out: TextIO) -> None:
    rows = _rows(stats, by)
    head = _head(stats)
    columns = _columns(by)
    if not rows:
        out.write(f"{head}; nobody recorded.\n")
        return
    if not out.isatty():
        out.write(head + "\n")
        names = [_line(r.name) + ("" if by == "organisation" or not r.organisation else f" ({_line(r.organisation)})")
                 for r in rows]
        width = max(len(n) for n in names)
        out.write(f"{'':{width}}  " + "  ".join(f"{_title(c).lower():>13}" for c in columns) + "  attended\n")
        for name, r in zip(names, rows, strict=True):
            counts = "  ".join(f"{getattr(r, c):>13}" for c in columns)
            out.write(f"{name:{width}}  {counts}  {_percent(r):>8}\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    grid = Table(title=escape(head))
    grid.add_column("Organisation" if by == "organisation" else "Member")
    if by != "organisation":
        grid.add_column("Organisation")
    for name in (*columns, "attended"):
        grid.add_column(_title(name), justify="right", no_wrap=True)
    for r in rows:
        cells = [escape(r.name)] + ([] if by == "organisation" else [escape(r.organisation or "")])
        grid.add_row(*cells, *(str(getattr(r, c)) for c in columns), _percent(r))
    Console(file=out).print(grid)


def as_json(stats: Attendance, by: str, out: TextIO) -> None:
    data = {"meetings": [d.isoformat() for d in stats.meetings], "membership_declared": stats.roll,
            "by": by, "rows": [r.as_dict() for r in _rows(stats, by)]}
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def as_csv(stats: Attendance, by: str, out: TextIO) -> None:
    """With a byte-order mark, which spreadsheet programs need to read UTF-8."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "organisation", *COLUMNS, "as_substitute", "attended_percent"])
    for r in _rows(stats, by):
        writer.writerow([r.name, r.organisation or "", *(getattr(r, c) for c in COLUMNS), r.as_substitute,
                         "" if r.percent is None else r.percent])


def markdown(stats: Attendance, by: str, out: TextIO) -> None:
    first = "Organisation" if by == "organisation" else "Member"
    columns = _columns(by)
    out.write(f"{_head(stats)}.\n\n")
    out.write(f"| {first} | " + " | ".join(_title(c) for c in columns) + " | Attended |\n")
    out.write("|---|" + "---:|" * (len(columns) + 1) + "\n")
    for r in _rows(stats, by):
        name = " ".join(r.name.split()).replace("|", "\\|")
        out.write(f"| {name} | " + " | ".join(str(getattr(r, c)) for c in columns) + f" | {_percent(r)} |\n")


def _line(text: str) -> str:
    return " ".join(text.split())


FORMATS: dict[str, Callable[[Attendance, str, TextIO], None]] = {
    "table": table, "json": as_json, "csv": as_csv, "markdown": markdown,
}
