"""`cspctl import minutes`: the note taker's draft (.docx, .md, .txt) into a drafted meeting record."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

SHOWN = 10
"""Lint findings listed after an import; `cspctl lint` lists them all."""

app = typer.Typer(no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]},
                  help="Read existing papers into records: minutes drafted in Word or a text editor.")


@app.command("minutes")
def minutes(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The minutes: a .docx, .md or .txt file.", dir_okay=False)],
    date: Annotated[dt.datetime, typer.Option("--date", help="The meeting date (YYYY-MM-DD).",
                                              formats=["%Y-%m-%d"], metavar="DATE")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write the record to FILE instead of meetings/DATE.yaml; - for standard output.",
        metavar="FILE|-")] = None,
    update: Annotated[bool, typer.Option(
        "--update",
        help="Update an existing drafted record item by item, keeping what the file does not mention.")] = False,
) -> None:
    """Write a drafted meeting record (status: drafted) from minutes as the note taker wrote them.

    Reads the header (date, time range, venue), the "Members Present", "Additional Attendees"
    and "Apologies" lists (the chair and note taker from "(CHAIR)" and "(NOTE TAKER)"),
    the numbered items ("RESTRICTED:" ones restricted), their paragraphs and bullets as
    Markdown, and "ACTION: NAME to ..." lines as actions ("(COMPLETED)" completes one).
    Names are resolved against people.yaml. Every guess is reported on standard error with
    its line in the file. An existing record is never overwritten: --update merges into a
    drafted one.
    """
    from cspctl.commands.context import records_dir
    from cspctl.importing.write import import_minutes

    result = import_minutes(records_dir(ctx), file, date.date(), output=output, update=update)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    counts = result.counts
    summary = (f"{counts['items']} items, {counts['actions']} actions, {counts['attendance']} "
               f"attendance entries; {len(result.notes)} guess(es) to check")
    if result.path is None:
        sys.stdout.write(result.text)
        print(f"cspctl: {summary}", file=sys.stderr)
        return
    verb = "Updated" if result.updated else "Wrote"
    print(f"{verb} {result.shown} ({summary})")
    if result.findings:
        # The draft is written either way: these are the findings left to fix in it.
        print(f"lint finds {len(result.findings)} error(s) left in the record:", file=sys.stderr)
        for finding in result.findings[:SHOWN]:
            print(f"  {finding}", file=sys.stderr)
        if len(result.findings) > SHOWN:
            print(f"  ... and {len(result.findings) - SHOWN} more (run cspctl lint)", file=sys.stderr)
