"""What every command shares from the command line: the records folder chosen for it.

The root callback in `cli` stores the folder on the root context; commands read it back here,
so no command module imports `cli` (which imports them all).
"""

from __future__ import annotations

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
