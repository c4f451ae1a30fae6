"""`cspctl lint`: every record against the schema and the cross-record rules."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands.context import records_dir


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    json_summary = "json-summary"
    github = "github"


def lint(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATHS",
            help="Only report findings in these files or folders.")] = None,
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    base: Annotated[str | None, typer.Option(
        "--base", metavar="REV", show_default=False,
        help="Also apply the review rules against this git revision (approved minutes, deletions, "
             "lifted restrictions).")] = None,
    allow_unrestrict: Annotated[bool, typer.Option(
        "--allow-unrestrict",
        help="With --base: no warning when a restriction is lifted (state why in the pull request).")] = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Read every file afresh and leave the cache (.cspctl-cache/ beside the "
                           "records folder) untouched.")] = False,
) -> None:
    """Check every record against the schema and the cross-record rules.

    Each finding is printed as path:line:col: CODE message. Exit 0 when clean (warnings allowed
    unless --strict), 1 when problems were found.
    """
    from cspctl.lint import lint as run
    from cspctl.progress import reading_files
    from cspctl.reporters import FORMATS, github

    with reading_files() as on_loaded:
        result = run(records_dir(ctx), paths or [], base=base, allow_unrestrict=allow_unrestrict,
                     use_cache=not no_cache, on_loaded=on_loaded)
    if format is LintFormat.github:
        github(result.problems, result.files, sys.stdout, changed=result.changed)
    else:
        FORMATS[format.value](result.problems, result.files, sys.stdout)
    raise typer.Exit(1 if result.failed(strict) else 0)
