"""`cspctl schema` and `cspctl calendar`: records as JSON Schemas and as an iCalendar file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands import completion
from cspctl.commands.context import records_dir
from cspctl.errors import CspError


def schema(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write <kind>.schema.json files into this folder.", file_okay=False)] = None,
) -> None:
    """JSON Schema of every record kind (partnership, people, forward-plan, meeting, report, plan).

    Without --output, prints one JSON object keyed by kind. Point editors at the files with a
    first line such as `# yaml-language-server: $schema=../schemas/meeting.schema.json`.
    """
    from cspctl.records.schema_export import all_schemas, write_schemas

    if output is None:
        json.dump(all_schemas(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for path in write_schemas(output):
        print(f"wrote {path}")


def calendar(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the .ics file here instead of stdout.", dir_okay=False)] = None,
    owner: Annotated[str | None, typer.Option(
        "--owner", metavar="NAME", autocompletion=completion.people,
        help="Instead of the meetings, a feed of this person's or group's open action due "
        "dates (id, name or alias; a person's include their groups').")] = None,
    include_restricted: Annotated[bool, typer.Option(
        "--include-restricted", help="With --owner: include actions raised under restricted "
        "items (not for publication).")] = False,
) -> None:
    """An iCalendar (.ics) file of past and planned meetings, Europe/London times.

    With --owner, one person's action due dates as all-day events instead. DTSTAMP is the
    records' last commit time (SOURCE_DATE_EPOCH overrides it) and SEQUENCE counts the
    commits that changed each event's record, so re-importing updates events in place.
    """
    from cspctl.records.atomic import atomic_write
    from cspctl.records.store import read_records

    records = read_records(records_dir(ctx))
    if owner is None:
        if include_restricted:
            raise CspError("--include-restricted needs --owner: the meetings calendar is public", 2)
        from cspctl.render.calendar import build_calendar

        data, note = build_calendar(records), None
    else:
        from cspctl.records.public import public
        from cspctl.render.action_calendar import build_action_calendar

        data, count = build_action_calendar(records if include_restricted else public(records), owner)
        note = f"{count} action due date{'' if count == 1 else 's'}"
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        if note:
            print(note, file=sys.stderr)
        return
    from cspctl.records.guarded import refuse_output_into_records

    refuse_output_into_records(records_dir(ctx), output)
    atomic_write(output, data)
    print(f"wrote {output}" + (f" ({note})" if note else ""), file=sys.stderr)
