"""`cspctl diff`: what changed in the records between two git revisions, in governance terms."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from cspctl.commands.context import records_dir
from cspctl.commands.params import TEXT


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def diff(
    ctx: typer.Context,
    base: Annotated[str | None, typer.Argument(
        metavar="BASE", click_type=TEXT,
        help="Base revision (default: the merge base with origin/HEAD's branch, else main, else master).",
        show_default=False)] = None,
    head: Annotated[str | None, typer.Argument(
        metavar="HEAD", click_type=TEXT,
        help="Head revision (default: the working tree).", show_default=False)] = None,
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="Output format; markdown is ready to post as a pull-request comment.")
    ] = DiffFormat.text,
    include_restricted: Annotated[bool, typer.Option(
        "--include-restricted",
        help="Show the content of restricted items, reports and plan actions (off by default).")] = False,
) -> None:
    """Compare the records at two git revisions: actions raised, completed, reassigned or
    re-dated; items added, retitled or reordered; minutes reworded (word by word); attendance;
    forward plan; reports; plan RAG and progress; restricted flags.

    Reads git's objects; never touches the working tree or index. Exit 0 whether or not there
    are changes; 1 for an unknown revision or a folder outside git.
    """
    from cspctl.review.diff import between
    from cspctl.review.formats import FORMATS

    changes, title = between(records_dir(ctx), base, head, include_restricted=include_restricted)
    FORMATS[format.value](changes, sys.stdout, title)
