"""What every command shares from the command line: the records folder chosen for it.

The root callback in `cli` stores the folder on the root context; commands read it back here,
so no command module imports `cli` (which imports them all).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import typer

DEFAULT_RECORDS = Path("records")


def chosen_records(option: Path | None) -> Path:
    """--records, else $CSPCTL_RECORDS, else ./records."""
    return option or Path(os.environ.get("CSPCTL_RECORDS") or DEFAULT_RECORDS)


def records_dir(ctx: typer.Context) -> Path:
    """The records folder chosen by --records, CSPCTL_RECORDS or the default."""
    root_ctx = ctx.find_root()
    return root_ctx.obj if isinstance(root_ctx.obj, Path) else DEFAULT_RECORDS


def date_option(value: str | None) -> dt.date | None:
    """An optional ISO date given on the command line, or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.date.fromisoformat("x")
    except ValueError:
        raise typer.BadParameter("expected a date such as 2022-01-01") from None


def hoist_records(argv: list[str]) -> list[str]:
    """`--records DIR` given after the command (`cspctl lint --records DIR`), moved before it.

    The option belongs to the program, not to one command, but nobody guesses that it must
    come first; everything after a `--` is left alone."""
    rest = list(argv)
    moved: list[str] = []
    seen_command = False
    index = 0
    while index < len(rest):
        token = rest[index]
        if token == "--":
            break
        if token == "--records" and seen_command and index + 1 < len(rest):
            moved = [token, rest[index + 1]]
            del rest[index:index + 2]
            continue
        if token.startswith("--records=") and seen_command:
            moved = [token]
            del rest[index]
            continue
        if not token.startswith("-"):
            seen_command = True
        elif token == "--records" and not seen_command:
            index += 1  # its value, before the command: already where it belongs
        index += 1
    return moved + rest
