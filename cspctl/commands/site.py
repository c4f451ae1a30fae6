"""`cspctl site`: the board's public website from the records."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cspctl.commands.context import date_option, records_dir


def site(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder to build the site in (a site built there before is replaced).",
        file_okay=False)] = None,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Preview the site on http://127.0.0.1 after building it.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port for --serve (0: any free port).")] = 8000,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for 'next meeting' and overdue actions [default: the records commit's date].")] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write each paper as a PDF.")] = True,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Where the site will be published, for absolute links in the Atom feed.")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", help="Folder of templates overriding the bundled ones.", file_okay=False)] = None,
) -> None:
    """A static public website of the records: meetings, papers (HTML and PDF), minutes, forward
    plan, actions, decisions, attendance, people, organisations, search, feeds and open data.

    Restricted content is never in it. Every page names the records commit it was built from;
    the same commit builds the same bytes. Works from file:// and any static host.
    """
    from cspctl.site.build import build_site

    if output is None and not serve:
        raise typer.BadParameter("name the folder to build the site in", param_hint="--output")
    folder = output
    if folder is None:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="cspctl-site-")) / "site"
    built = build_site(records_dir(ctx), folder, as_of=date_option(as_of), pdf=pdf, base_url=base_url,
                       templates=templates)
    print(f"built {built.pages} pages ({built.files} files) in {built.output}", file=sys.stderr)
    print(built.home)
    if serve:
        from cspctl.site.serve import serve as run

        run(built.output, port, announce=lambda line: print(line, file=sys.stderr))
