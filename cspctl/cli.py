"""The command line: parse arguments, call the library, report, return an exit code.

No logic lives here. Command modules import their libraries inside the command so that
`cspctl --help` and everyday commands stay fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cspctl import __version__
from cspctl.errors import CspError

app = typer.Typer(
    name="cspctl",
    help="Keep a Community Safety Partnership board's minutes, actions, forward plan, reports "
    "and action plans as YAML records in git; lint them, list overdue actions, render papers.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"cspctl {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    records: Annotated[
        Path | None,
        typer.Option("--records", help="Records folder [default: $CSPCTL_RECORDS, else ./records]",
                     file_okay=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = records or Path(os.environ.get("CSPCTL_RECORDS") or "records")


def records_dir(ctx: typer.Context) -> Path:
    """The records folder chosen by --records, CSPCTL_RECORDS or the default."""
    root_ctx = ctx.find_root()
    return root_ctx.obj if isinstance(root_ctx.obj, Path) else Path("records")


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def lint(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(help="Only report findings in these files or folders.")] = None,
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    base: Annotated[str | None, typer.Option(
        "--base", show_default=False,
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
    from cspctl.reporters import FORMATS

    with reading_files() as on_loaded:
        result = run(records_dir(ctx), paths or [], base=base, allow_unrestrict=allow_unrestrict,
                     use_cache=not no_cache, on_loaded=on_loaded)
    FORMATS[format.value](result.problems, result.files, sys.stdout)
    raise typer.Exit(1 if result.failed(strict) else 0)


# Further commands are registered explicitly below, one line each.
from cspctl.commands import outputs as _outputs  # noqa: E402

app.command("schema")(_outputs.schema)
app.command("calendar")(_outputs.calendar)

from cspctl.commands import actions as _actions  # noqa: E402

app.add_typer(_actions.app, name="actions")
app.command("chase")(_actions.chase)

from cspctl.commands import render as _render  # noqa: E402

app.add_typer(_render.app, name="render")

from cspctl.commands import review as _review  # noqa: E402

app.command("diff")(_review.diff)

from cspctl.commands import authoring as _authoring  # noqa: E402

app.command("fmt")(_authoring.fmt)
app.add_typer(_authoring.new_app, name="new")
app.command("status")(_authoring.status)
app.add_typer(_authoring.forward_plan_app, name="forward-plan")
app.command("approve")(_authoring.approve)


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one message and an exit code, never a traceback."""
    try:
        app(args=argv, prog_name="cspctl")
    except CspError as exc:
        print(f"cspctl: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        print("cspctl: interrupted", file=sys.stderr)
        return 130
    return 0
