"""`cspctl decisions`: the decisions register across meetings, in the terminal or for a script."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import Annotated

import typer

from cspctl.commands.context import records_dir


class DecisionsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.date.fromisoformat("x")
    except ValueError:
        raise typer.BadParameter("expected a date such as 2022-01-01") from None


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
    from cspctl.governance.listing import FORMATS
    from cspctl.records.public import public
    from cspctl.records.store import load_records

    records = load_records(records_dir(ctx))
    shown = records if include_restricted else public(records)
    found = find(shown, since=_date(since), until=_date(until))
    FORMATS[format.value](found, sys.stdout)
