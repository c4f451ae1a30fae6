"""The command line: parse arguments, call the library, report, return an exit code.

No logic lives here. Command modules import their libraries inside the command so that
`cspctl --help` and everyday commands stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cspctl import __version__
from cspctl.commands import actions, authoring, governance, importing, lint, outputs, render, review
from cspctl.commands import site as site_command
from cspctl.commands.context import chosen_records, hoist_records
from cspctl.errors import CspError

app = typer.Typer(
    name="cspctl",
    help="Keep a partnership board's minutes, actions, forward plan, reports and action plans "
    "as YAML records in git; lint them, list overdue actions, render papers.",
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
    ctx.obj = chosen_records(records)


# Commands are registered explicitly, one line each.
app.command("lint")(lint.lint)

app.command("schema")(outputs.schema)
app.command("calendar")(outputs.calendar)

app.add_typer(actions.app, name="actions")
app.command("chase")(actions.chase)

app.add_typer(render.app, name="render")

app.command("diff")(review.diff)
app.command("decisions")(governance.decisions)
app.command("attendance")(governance.attendance)
app.command("publish")(governance.publish)
app.command("verify")(governance.verify)
app.command("site")(site_command.site)

app.command("init")(authoring.init)
app.command("fmt")(authoring.fmt)
app.add_typer(authoring.new_app, name="new")
app.command("status")(authoring.status)
app.add_typer(authoring.forward_plan_app, name="forward-plan")
app.command("approve")(authoring.approve)
app.add_typer(importing.app, name="import")


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one message and an exit code, never a traceback."""
    try:
        app(args=hoist_records(sys.argv[1:] if argv is None else list(argv)), prog_name="cspctl")
    except CspError as exc:
        from cspctl.problem import one_line

        print(f"cspctl: {one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        print("cspctl: interrupted", file=sys.stderr)
        return 130
    return 0
