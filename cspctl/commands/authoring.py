"""The note taker's commands: `init`, and between meetings `fmt`, `new`, `status`,
`forward-plan defer`, `approve`. Options in, library call, output, exit code; every write goes through
`cspctl.fmt.save_record` (round-trip, validated, atomic)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cspctl.commands import completion

if TYPE_CHECKING:
    from cspctl.authoring.status import Status
    from cspctl.records.store import Records

_SETTINGS = {"help_option_names": ["-h", "--help"]}
new_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS,
                      help="Start a record: a meeting (from the forward plan when planned), or a subgroup update.")
forward_plan_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS,
                               help="Edit the forward plan.")

DATE = {"formats": ["%Y-%m-%d"], "metavar": "DATE"}


def _day(value: dt.datetime) -> dt.date:
    return value.date()


def _load(ctx: typer.Context) -> Records:
    from cspctl.commands.context import records_dir
    from cspctl.records.store import read_records

    records = read_records(records_dir(ctx))
    broken = sorted({p.path for p in records.problems if p.level == "error"})
    if broken:
        print(f"cspctl: warning: {len(broken)} record file(s) have errors and are left out "
              "(run cspctl lint)", file=sys.stderr)
    return records


def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="The board's name, as its papers print it.")],
    folder: Annotated[Path | None, typer.Argument(
        help="The new board's folder, created when missing [default: the records folder].",
        file_okay=False, show_default=False)] = None,
    authority: Annotated[str | None, typer.Option(
        "--authority", help="The council (or other body) the board belongs to.")] = None,
    hooks_repo: Annotated[str | None, typer.Option(
        "--hooks-repo", help="Git URL of the cspctl repository, for pre-commit to fetch its hooks from "
        "[default: run the cspctl installed here].")] = None,
) -> None:
    """Start a new board: records that lint clean, schemas, git and CI set-up.

    Writes partnership.yaml (the name, the authority and the standing items most boards use),
    people.yaml and forward-plan.yaml (empty, with commented examples), meetings/, reports/ and
    plans/, the JSON Schemas in schemas/, a .gitignore, a .pre-commit-config.yaml and a CI
    workflow (.github/workflows/records.yml). The folder is the records folder and the top of
    the board's git repository. A folder that already holds records is refused; nothing is
    ever overwritten.
    """
    from cspctl.authoring.init import init_board
    from cspctl.commands.context import records_dir
    from cspctl.records.discovery import display_path

    root = folder if folder is not None else records_dir(ctx)
    started = init_board(root, name, authority, hooks_repo)
    shown = display_path(started.root)
    print(f"Started a new board in {shown}/:")
    for relative in started.written:
        print(f"  wrote {relative}")
    for relative in started.kept:
        print(f"  kept {relative} (already there; not overwritten)")
    print("\nNext:")
    print(f"  cspctl --records {shown} lint --strict                  # check the records")
    print(f"  cspctl --records {shown} new meeting YYYY-MM-DD         # the next meeting's record")
    print(f"  cspctl --records {shown} render agenda YYYY-MM-DD       # its agenda")


def fmt(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders inside the records folder [default: all of it].")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; list the files that would change and exit 1 if any.")] = False,
) -> None:
    """Rewrite records in their one canonical form, keeping every comment and value.

    Keys follow the record model's field order, indentation is two spaces with sequences as
    "  - ", line endings are LF with a final newline. A file that does not parse or validate is
    reported (as lint does) and never rewritten; nothing is written unless every file is fine.
    """
    from cspctl.authoring.fmt import fmt as run
    from cspctl.commands.context import records_dir

    result = run(records_dir(ctx), paths or [], check=check)
    for shown in result.skipped:
        print(f"cspctl: skipped {shown}: not in the records folder", file=sys.stderr)
    for problem in result.problems:
        print(problem)
    verb = "would reformat" if check else "reformatted"
    for shown in result.changed:
        print(f"{verb} {shown}")
    if result.problems:
        print(f"cspctl: {len({p.path for p in result.problems})} file(s) cannot be formatted; "
              "no file was written", file=sys.stderr)
        raise typer.Exit(1)
    unchanged = result.files - len(result.changed)
    print(f"{len(result.changed)} file(s) {verb}, {unchanged} already canonical.", file=sys.stderr)
    raise typer.Exit(1 if check and result.changed else 0)


@new_app.command("meeting")
def new_meeting(
    ctx: typer.Context,
    date: Annotated[dt.datetime, typer.Argument(help="The meeting date (YYYY-MM-DD).", **DATE)],
    title: Annotated[str | None, typer.Option(
        "--title", help='The meeting\'s title, e.g. "Extraordinary meeting".')] = None,
) -> None:
    """Create meetings/DATE.yaml for any date, planned or not.

    A date in the forward plan takes its planned items with the standing items around them; any
    other date (a past, extraordinary or unplanned meeting) gets the standing items only. The
    venue and times come from partnership.yaml, the chair from its chairs in office on that
    date, the attendance skeleton from the latest earlier meeting (empty when there is none),
    and the actions still open are listed under the minutes item.
    """
    from cspctl.authoring.new import new_meeting as run

    created = run(_load(ctx), _day(date), title=title)
    print(f"Created {created.shown} ({created.note})")


@new_app.command("report")
def new_report(
    ctx: typer.Context,
    subgroup: Annotated[str, typer.Argument(help="Subgroup id or name from partnership.yaml.",
                                                      autocompletion=completion.subgroups)],
    meeting: Annotated[dt.datetime, typer.Option("--meeting", help="The meeting it goes to.", **DATE)],
) -> None:
    """Create a subgroup update on the subgroup template, filed under reports/DATE/.

    The subgroup's leads are the authors; every section is present and empty.
    """
    from cspctl.authoring.new import new_report as run

    created = run(_load(ctx), subgroup, _day(meeting))
    print(f"Created {created.shown}")


class StatusFormat(str, Enum):
    text = "text"
    json = "json"


def status(
    ctx: typer.Context,
    date: Annotated[dt.datetime, typer.Argument(help="The meeting date (YYYY-MM-DD).", **DATE)],
    as_of: Annotated[dt.datetime | None, typer.Option(
        "--as-of", help="Count the days to the deadline from this date [default: today].", **DATE)] = None,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format.")] = StatusFormat.text,
    include_restricted: Annotated[bool, typer.Option(
        "--include-restricted", help="Show restricted papers and actions (not for publication).")] = False,
) -> None:
    """Is the meeting ready? Papers filed against expected, who owes them, the deadline, time, actions due.

    Papers: an update from every subgroup with reports: true and a paper for every planned
    item with paper: true. The papers deadline counts working days (Monday to Friday) back
    from the meeting, as partnership.yaml declares; open actions due by the meeting are listed.

    Exit 0 whatever the state: readiness is information, not an error.
    """
    from cspctl.authoring.status import meeting_status

    result = meeting_status(_load(ctx), _day(date), _day(as_of) if as_of else dt.date.today(),
                            include_restricted=include_restricted)
    if format is StatusFormat.json:
        json.dump(result.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_status(result)


def _print_status(result: Status) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False, soft_wrap=True)
    verdict = "[green]ready[/green]" if result.ready else "[yellow]not ready[/yellow]"
    console.print(f"[bold]Meeting {result.date.isoformat()}[/bold] ({result.source}): {verdict}")
    if not result.held:
        console.print(f"The meeting is {result.meeting_status}: no papers are expected.")
    filed = len(result.papers) - len(result.missing)
    console.print(f"\nPapers: {filed} of {len(result.papers)} filed")
    table = Table(show_edge=False, pad_edge=False)
    for column in ("", "paper", "owed by", "filed"):
        table.add_column(column)
    for paper in result.papers:
        mark = "[green]✓[/green]" if paper.filed else "[red]✗[/red]"
        table.add_row(mark, escape(f"{paper.title} ({paper.kind})"), escape(", ".join(paper.owed_by)),
                      escape(", ".join(paper.filed) or "missing"))
    console.print(table)
    if result.deadline is not None:
        days = result.working_days_to_deadline or 0
        when = (f"in {days} working day(s)" if days > 0 else "today" if days == 0
                else f"passed {-days} working day(s) ago")
        console.print(f"\nPapers deadline: {result.deadline.isoformat()} "
                      f"({result.deadline.strftime('%A')}), {when}")
    if result.slot_minutes is not None:
        over = f", [red]{result.overrun} min over[/red]" if result.overrun else ""
        console.print(f"Agenda: {result.agenda_minutes} of {result.slot_minutes} min{over}")
    if result.finish is not None:
        console.print(f"Items end at {result.finish} by their durations")
    elif result.untimed and result.agenda_minutes:
        console.print(f"Agenda timing: {result.agenda_minutes} min given; {result.untimed} item(s) "
                      "without a duration")
    console.print(f"\nOpen actions due by {result.date.isoformat()}: {len(result.actions)}")
    for row in result.actions:
        console.print(f"  {escape(row.id)}  due {row.due.isoformat() if row.due else '-'}  "
                      f"{escape(', '.join(row.owners))}: {escape(row.description)}")


@forward_plan_app.command("defer")
def defer(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The planned item's title (case-insensitive).")],
    to: Annotated[dt.datetime, typer.Option("--to", help="The meeting to move it to.", **DATE)],
    note: Annotated[str | None, typer.Option(
        "--note", help="Appended to the item's notes [default: 'Deferred from DATE.'].")] = None,
    from_: Annotated[dt.datetime | None, typer.Option(
        "--from", help="The meeting it is planned for, when several plan it.", **DATE)] = None,
) -> None:
    """Move a planned item to another meeting of the forward plan, adding a note.

    The target meeting is created in date order when the plan has none on that date.
    """
    from cspctl.authoring.forward_plan import defer as run

    done = run(_load(ctx), title, _day(to), note=note, from_date=_day(from_) if from_ else None)
    created = " (new meeting added to the plan)" if done.created_meeting else ""
    print(f"Moved '{done.title}' from {done.from_date.isoformat()} to "
          f"{done.to_date.isoformat()}{created} in {done.path}")
    if done.meeting_record:
        print(f"Marked it deferred to {done.to_date.isoformat()} in {done.meeting_record}")


def approve(
    ctx: typer.Context,
    date: Annotated[dt.datetime, typer.Argument(help="The meeting whose minutes were approved.", **DATE)],
    at: Annotated[dt.datetime, typer.Option("--at", help="The meeting that approved them.", **DATE)],
) -> None:
    """Record that the minutes of one meeting were approved at a later one.

    Sets status: approved and approved_at. Refuses minutes already approved, minutes still
    planned, and an approving meeting that is unknown or not later.
    """
    from cspctl.authoring.approve import approve as run

    done = run(_load(ctx), _day(date), _day(at))
    print(f"Minutes of {done.date.isoformat()} approved at {done.at.isoformat()} ({done.path})")
