"""`cspctl render KIND …`: the board's papers from the records, in Markdown or HTML.

Each command parses its options into a `render.document.Request` and writes the bytes. Public
output is the default; --include-restricted renders the full records, marked CONFIDENTIAL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands import completion
from cspctl.commands.context import date_option, records_dir

app: typer.Typer = typer.Typer(
    name="render",
    help="Render agendas, minutes, reports, the forward plan, the action log, action plans and "
    "the whole board pack as Markdown or HTML (public by default).",
    no_args_is_help=True,
)

FORMAT_NAMES = ("markdown", "html", "docx", "pdf")


ALIASES = {"md": "markdown", "htm": "html", "word": "docx"}
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".docx": "docx", ".pdf": "pdf"}


def _format(value: str | None) -> str | None:
    from cspctl.render.formats import FORMATS

    if value is None:
        return None
    value = ALIASES.get(value, value)
    if value not in FORMATS:
        raise typer.BadParameter(f"choose from {', '.join(FORMATS)} (or md)")
    return value


def chosen_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the output file's extension, else Markdown; the two must agree."""
    if output is None:
        return fmt or "markdown"
    inferred = EXTENSIONS.get(output.suffix.lower())
    if fmt is not None and inferred is not None and fmt != inferred:
        from cspctl.errors import CspError

        raise CspError(f"--format {fmt} does not match the output file {output.name} ({inferred}): "
                       "give one or make them agree", 2)
    return fmt or inferred or "markdown"


Format = Annotated[str | None, typer.Option(
    "--format", "-f", callback=_format, show_default=False,
    help=f"Output format: {', '.join(FORMAT_NAMES)} [default: from --output's extension, else markdown].")]
Output = Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False,
                                             help="Write to this file instead of stdout.")]
Restricted = Annotated[bool, typer.Option(
    "--include-restricted",
    help="Include restricted content; the document is marked CONFIDENTIAL. Never publish it.")]
Templates = Annotated[Path | None, typer.Option(
    "--templates", file_okay=False,
    help="Look for templates here first (then RECORDS/templates, then the bundled ones).")]


def _run(ctx: typer.Context, kind: str, target: str | None, fmt: str | None, output: Path | None,
         include_restricted: bool, templates: Path | None, as_of: dt.date | None = None,
         since: dt.date | None = None) -> None:
    from cspctl.progress import reading_files
    from cspctl.records.store import read_records
    from cspctl.render.document import Request, render
    from cspctl.render.output import write

    chosen = chosen_format(fmt, output)  # a usage error before any record is read
    with reading_files() as on_loaded:
        records = read_records(records_dir(ctx), on_loaded=on_loaded)
    data = render(records, Request(kind, target, chosen, include_restricted, templates, as_of, since))
    write(data, output, skipped=sum(1 for p in records.problems if p.level == "error"), root=records.root)


@app.command()
def agenda(ctx: typer.Context,
           date: Annotated[str, typer.Argument(help="Meeting date, e.g. 2022-03-30.",
                   autocompletion=completion.meeting_dates)],
           format: Format = None, output: Output = None,
           include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The agenda: from the meeting's record, else from the forward plan and standing items."""
    _run(ctx, "agenda", date, format, output, include_restricted, templates)


@app.command()
def minutes(ctx: typer.Context,
            date: Annotated[str, typer.Argument(help="Meeting date, e.g. 2021-09-29.",
                    autocompletion=completion.meeting_dates)],
            format: Format = None, output: Output = None,
            include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The minutes of a meeting, with its actions and their status."""
    _run(ctx, "minutes", date, format, output, include_restricted, templates)


@app.command()
def report(ctx: typer.Context,
           report_id: Annotated[str, typer.Argument(metavar="ID", help="Report id, e.g. gps-tagging.",
                                                              autocompletion=completion.report_ids)],
           format: Format = None, output: Output = None,
           include_restricted: Restricted = False, templates: Templates = None) -> None:
    """A report, subgroup update or presentation, with numbered sections and paragraphs."""
    _run(ctx, "report", report_id, format, output, include_restricted, templates)


@app.command("forward-plan")
def forward_plan(ctx: typer.Context, format: Format = None, output: Output = None,
                 include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The forward plan: each planned meeting's items, standing items included."""
    _run(ctx, "forward-plan", None, format, output, include_restricted, templates)


@app.command()
def actions(ctx: typer.Context,
            as_of: Annotated[str | None, typer.Option(
                "--as-of", help="Date to judge overdue by [default: today].")] = None,
            format: Format = None, output: Output = None,
            include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The action log as a paper: overdue, open and recently completed actions."""
    _run(ctx, "actions", None, format, output, include_restricted, templates, date_option(as_of))


@app.command()
def plan(ctx: typer.Context,
         plan_id: Annotated[str, typer.Argument(metavar="ID", help="Plan id, e.g. vru-2021-22.",
                                                          autocompletion=completion.plan_ids)],
         format: Format = None, output: Output = None,
         include_restricted: Restricted = False, templates: Templates = None) -> None:
    """An action plan by theme, with a RAG summary."""
    _run(ctx, "plan", plan_id, format, output, include_restricted, templates)


@app.command()
def pack(ctx: typer.Context,
         date: Annotated[str, typer.Argument(help="Meeting date, e.g. 2021-12-08.",
                 autocompletion=completion.meeting_dates)],
         format: Format = None, output: Output = None,
         include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The board pack: agenda, previous minutes, action log and every item's papers, with a
    contents list."""
    _run(ctx, "pack", date, format, output, include_restricted, templates)


@app.command()
def decisions(ctx: typer.Context,
              since: Annotated[str | None, typer.Option(
                  "--since", help="Only meetings on or after this date.")] = None,
              until: Annotated[str | None, typer.Option(
                  "--until", help="Only meetings on or before this date.")] = None,
              format: Format = None, output: Output = None,
              include_restricted: Restricted = False, templates: Templates = None) -> None:
    """The decisions register: every decision the minutes record, by meeting and item."""
    _run(ctx, "decisions", None, format, output, include_restricted, templates, date_option(until), date_option(since))
