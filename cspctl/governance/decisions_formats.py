"""The decisions register as the terminal, a script or a spreadsheet reads it."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import TextIO

from cspctl.governance.decisions import Decision


def table(found: Sequence[Decision], out: TextIO) -> None:
    """A table on a terminal; plain lines in a pipe. Record text is never read as markup."""
    if not found:
        out.write("No decisions recorded.\n")
        return
    if not out.isatty():
        for d in found:
            flag = " (restricted)" if d.restricted else ""
            out.write(f"{d.meeting.isoformat()}  {d.item:>5}  {_line(d.title)}{flag}: {_line(d.text)}\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    grid = Table(show_lines=False, expand=True)
    grid.add_column("Meeting", no_wrap=True)
    grid.add_column("Item", no_wrap=True, justify="right")
    grid.add_column("Title", ratio=1)
    grid.add_column("Decision", ratio=2)
    for d in found:
        grid.add_row(d.meeting.isoformat(), escape(d.item),
                     escape(d.title) + (" (restricted)" if d.restricted else ""), escape(d.text))
    Console(file=out).print(grid)


def as_json(found: Sequence[Decision], out: TextIO) -> None:
    json.dump([d.as_dict() for d in found], out, indent=2, ensure_ascii=False)
    out.write("\n")


def as_csv(found: Sequence[Decision], out: TextIO) -> None:
    """With a byte-order mark, which spreadsheet programs need to read UTF-8."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["meeting", "item", "title", "decision", "minutes_status", "restricted"])
    for d in found:
        writer.writerow([d.meeting.isoformat(), d.item, d.title, d.text, d.minutes_status,
                         "yes" if d.restricted else "no"])


def markdown(found: Sequence[Decision], out: TextIO) -> None:
    out.write("| Meeting | Item | Title | Decision |\n|---|---:|---|---|\n")
    for d in found:
        out.write(f"| {d.meeting.isoformat()} | {_cell(d.item)} | {_cell(d.title)} | {_cell(d.text)} |\n")


def _line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return _line(text).replace("\\", "\\\\").replace("|", "\\|")


FORMATS: dict[str, Callable[[Sequence[Decision], TextIO], None]] = {
    "table": table, "json": as_json, "csv": as_csv, "markdown": markdown,
}
