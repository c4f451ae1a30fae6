"""`cspctl decisions`, `attendance`, `publish` and `verify`: what the board decided, who came,
and what it published, provably."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands import completion
from cspctl.commands.context import date_option, records_dir


class DecisionsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def decisions(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="Only meetings on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only meetings on or before this date.")] = None,
    format: Annotated[DecisionsFormat, typer.Option("--format", "-f", help="Output format.")] = DecisionsFormat.table,
    include_restricted: Annotated[bool, typer.Option(
        "--include-restricted", help="Include decisions of restricted items. Never publish the result.")] = False,
) -> None:
    """Every decision the minutes record, with its meeting and item, oldest first."""
    from cspctl.governance.decisions import decisions as find
    from cspctl.governance.decisions_formats import FORMATS
    from cspctl.records.public import public
    from cspctl.records.store import read_records

    records = read_records(records_dir(ctx))
    shown = records if include_restricted else public(records)
    found = find(shown, since=date_option(since), until=date_option(until))
    FORMATS[format.value](found, sys.stdout)


def publish(
    ctx: typer.Context,
    date: Annotated[str, typer.Argument(help="Meeting date, e.g. 2021-12-08.",
            autocompletion=completion.meeting_dates)],
    supplement: Annotated[bool, typer.Option(
        "--supplement", help="Publish again after a first publication, as a supplement.")] = False,
    on: Annotated[str | None, typer.Option(
        "--on", help="The day the papers went out, when recording one after the fact [default: today].")] = None,
) -> None:
    """Publish the meeting's public pack (Markdown, HTML, PDF) into RECORDS/published/DATE/.

    The records must be committed: the manifest names the commit the papers were rendered
    from, with each file's SHA-256, and the meeting record lists the publication. Published
    files never change afterwards (lint --base: CSP704); publish a supplement instead.
    """
    from cspctl.governance.publish import publish as run

    day = date_option(date)
    assert day is not None
    result = run(records_dir(ctx), day, supplement=supplement, on=date_option(on))
    if result.already:
        print(f"already published from this commit: {result.folder} (nothing written)")
        return
    for entry in result.manifest.files:
        print(f"wrote {result.folder / entry.path}  sha256 {entry.sha256[:12]}…")
    print(f"wrote {result.folder / 'manifest.json'}  (records commit {result.manifest.records_commit[:12]})")
    print(f"recorded the publication in {result.recorded_in}; commit both")
    if result.manifest.late_working_days:
        late = result.manifest.late_working_days
        deadline = result.manifest.deadline.isoformat() if result.manifest.deadline else "?"
        print(f"cspctl: warning: published {late} working day{'s' if late != 1 else ''} after the "
              f"papers deadline ({deadline})", file=sys.stderr)


def verify(
    file: Annotated[Path, typer.Argument(help="A file of a publication, e.g. records/published/2021-12-08/pack.pdf.")],
) -> None:
    """Check a published file against its manifest, and render it again from the commit it names.

    Exit 0 when the file matches its manifest and renders byte for byte from its commit.
    """
    from cspctl.governance.verify import verify as run

    verdict = run(file)
    for passed, line in verdict.checks:
        print(f"{'ok  ' if passed else 'FAIL'} {file}: {line}")
    raise typer.Exit(0 if verdict.ok else 1)


class AttendanceBy(str, Enum):
    member = "member"
    organisation = "organisation"


def attendance(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="Only meetings on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only meetings on or before this date.")] = None,
    by: Annotated[AttendanceBy, typer.Option("--by", help="One row per member or per organisation.")] = (
        AttendanceBy.member),
    format: Annotated[DecisionsFormat, typer.Option("--format", "-f", help="Output format.")] = DecisionsFormat.table,
) -> None:
    """Attendance at the meetings held: expected, present, substitute, apologies, absent.

    Absence is known when partnership.yaml declares the board's `membership`; otherwise those
    expected are the ones each meeting's minutes list.
    """
    from cspctl.governance.attendance import attendance as count
    from cspctl.governance.attendance_formats import FORMATS
    from cspctl.records.store import read_records

    stats = count(read_records(records_dir(ctx)), since=date_option(since), until=date_option(until))
    FORMATS[format.value](stats, by.value, sys.stdout)
