"""A progress bar for commands that read many files, shown only to a person at a terminal.

Nothing is drawn when stderr is not a terminal (CI logs, pipes) or TERM is dumb, and small
folders finish before a bar would help, so it appears only past `THRESHOLD` files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

THRESHOLD = 200


def wanted() -> bool:
    return sys.stderr.isatty() and os.environ.get("TERM", "") != "dumb" and "CI" not in os.environ


@contextmanager
def reading_files(label: str = "Reading records") -> Iterator[Callable[[int, int], None] | None]:
    """Yield an `on_loaded(done, total)` callback drawing a bar on stderr, or None."""
    if not wanted():
        yield None
        return
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < THRESHOLD:
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                           console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(label, total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()
