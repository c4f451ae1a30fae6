"""`cspctl schema` and `cspctl calendar`: records as JSON Schemas and as an iCalendar file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands.context import records_dir


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
) -> None:
    """An iCalendar (.ics) file of past and planned meetings, Europe/London times."""
    from cspctl.records.atomic import atomic_write
    from cspctl.records.store import read_records
    from cspctl.render.calendar import build_calendar

    data = build_calendar(read_records(records_dir(ctx)))
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    from cspctl.records.guarded import refuse_output_into_records

    refuse_output_into_records(records_dir(ctx), output)
    atomic_write(output, data.decode("utf-8"))
    print(f"wrote {output}", file=sys.stderr)
