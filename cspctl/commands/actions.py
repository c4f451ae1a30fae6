"""`cspctl actions` (list, `done`, `update`) and `cspctl chase`: options in, library call,
output, exit code. Libraries are imported inside the commands to keep start-up fast."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cspctl.commands import completion
from cspctl.errors import CspError

if TYPE_CHECKING:
    from cspctl.actions.edit import Change
    from cspctl.records.store import Records

app = typer.Typer(no_args_is_help=False, context_settings={"help_option_names": ["-h", "--help"]})


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Source(str, Enum):
    minutes = "minutes"
    plan = "plan"
    all = "all"


class Status(str, Enum):
    open = "open"
    in_progress = "in_progress"
    ongoing = "ongoing"
    completed = "completed"
    dropped = "dropped"


INCLUDE_RESTRICTED = typer.Option(
    "--include-restricted", help="Include actions raised under restricted items (not for publication)."
)


@app.callback(invoke_without_command=True)
def actions(
    ctx: typer.Context,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only actions past their due date.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="Every status, not only open actions.")] = False,
    status: Annotated[list[Status] | None, typer.Option(
        "--status", help="Only actions with this status (repeat for several; default: open, "
        "in_progress and ongoing).")] = None,
    owner: Annotated[str | None, typer.Option("--owner", metavar="NAME", autocompletion=completion.people,
                     help="Only actions of this person or group (id, name or alias); a person's "
                     "actions include their groups'.")] = None,
    as_of: Annotated[dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], metavar="DATE",
                     help="Count overdue days at this date (default: today).")] = None,
    source: Annotated[Source, typer.Option("--source", help="Minutes, action plans or both.")] = Source.all,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    group: Annotated[bool, typer.Option("--by-owner", help="Group the list by owner.")] = False,
    full: Annotated[bool, typer.Option(
        "--full", help="The table shows each action in full, not its first sentence.")] = False,
    include_restricted: Annotated[bool, INCLUDE_RESTRICTED] = False,
) -> None:
    """The action log across meetings and action plans: who owes what, and how late.

    Lists the actions still wanted (open, in progress, ongoing) by default, most overdue
    first. An action without a due date is due at the next meeting held after the one that
    raised it; plan actions are due at their end date. An ongoing action is never overdue and
    shows its review date. Use `actions done ID` and `actions update ID` to record progress.
    """
    if ctx.invoked_subcommand is not None:
        return
    from cspctl.actions.formats import FORMATS, Listing, status_words
    from cspctl.actions.log import action_rows, by_owner, owned_by, resolve_owner, select
    from cspctl.models.meeting import OPEN_STATUSES

    if all_ and status:
        raise CspError("use either --all or --status, not both", 2)
    records = _load(ctx, include_restricted)
    day = as_of.date() if as_of else dt.date.today()
    statuses = ([s.value for s in Status] if all_ else
                list(dict.fromkeys(s.value for s in status)) if status else list(OPEN_STATUSES))
    rows = select(action_rows(records, day, source.value), statuses=statuses, overdue=overdue)
    named = "Open" if not status else " or ".join(status_words(s) for s in statuses).capitalize()
    title = f"{'Overdue' if overdue else 'All' if all_ else named} actions"
    if owner is not None:
        entry = resolve_owner(records.register, owner)
        rows = owned_by(records.register, rows, entry)
        title += f" for {entry.name}"
    late = sum(1 for r in rows if r.overdue)
    title += f" as of {day.isoformat()}: {len(rows)} listed, {late} overdue"
    groups = by_owner(records.register, rows) if group else None
    if groups is not None and owner is not None:
        ids = {entry.id} | records.register.person_ids(entry.id)
        groups = [g for g in groups if g.id in ids]
    FORMATS[format.value](Listing(rows, day, title, groups, full), sys.stdout)


@app.command()
def done(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(help="The action id, e.g. 2021-09-29/4.2.",
            autocompletion=completion.action_ids)],
    on: Annotated[dt.datetime | None, typer.Option("--on", formats=["%Y-%m-%d"], metavar="DATE",
                  help="Completion date (default: the recorded date, else today).")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT",
                    help="Add a dated progress update too.")] = None,
) -> None:
    """Mark a meeting action completed, writing only its lines of the meeting record."""
    from cspctl.actions.edit import mark_done

    change = mark_done(_load(ctx, True), action_id, on.date() if on else None, note, dt.date.today())
    _report(change)


@app.command()
def update(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(help="The action id, e.g. 2021-09-29/4.2.",
            autocompletion=completion.action_ids)],
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="The progress update.")],
    due: Annotated[dt.datetime | None, typer.Option("--due", formats=["%Y-%m-%d"], metavar="DATE",
                   help="A new due date (not on approved minutes).")] = None,
    status: Annotated[Status | None, typer.Option(
        "--status", help="A new status: open, in_progress, ongoing (a recurring task, never "
        "overdue), completed or dropped.")] = None,
    review: Annotated[dt.datetime | None, typer.Option("--review", formats=["%Y-%m-%d"],
                      metavar="DATE", help="When the board next reviews an ongoing action.")] = None,
    on: Annotated[dt.datetime | None, typer.Option("--on", formats=["%Y-%m-%d"], metavar="DATE",
                  help="Date of the update (default: today).")] = None,
) -> None:
    """Add a dated progress update to a meeting action, optionally moving its due date or
    review date, or changing its status."""
    from cspctl.actions.edit import Edit, apply

    day = on.date() if on else dt.date.today()
    edit = Edit(day, note, status.value if status else None, due.date() if due else None,
                review=review.date() if review else None)
    _report(apply(_load(ctx, True), action_id, edit))


def chase(
    ctx: typer.Context,
    as_of: Annotated[dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], metavar="DATE",
                     help="Count overdue days at this date (default: today).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="DIR", file_okay=False,
                      help="Folder for the reminders (default: ./chase-DATE).")] = None,
    source: Annotated[Source, typer.Option("--source", help="Minutes, action plans or both.")] = Source.all,
    within: Annotated[int, typer.Option("--within", metavar="DAYS", min=0,
                      help="Chase actions overdue or due within this many days of --as-of.")] = 14,
    all_: Annotated[bool, typer.Option("--all", help="Chase every open action, whenever it is due.")] = False,
    owner: Annotated[str | None, typer.Option("--owner", metavar="NAME", autocompletion=completion.people,
                     help="Only the reminders of this person, or of a group's members (id, name "
                     "or alias).")] = None,
    include_restricted: Annotated[bool, INCLUDE_RESTRICTED] = False,
) -> None:
    """Write one reminder per action owner (Markdown, and an unsent .eml draft to their
    register email, plain text and HTML). Never sends mail.

    Chases the actions overdue or due within --within days (default 14) of --as-of; --all
    chases every open action.
    """
    from cspctl.actions.chase import chase as run

    day = as_of.date() if as_of else dt.date.today()
    result = run(_load(ctx, include_restricted), day, output or Path(f"chase-{day.isoformat()}"),
                 source.value, within=within, everything=all_, only=owner)
    emails = sum(1 for r in result.reminders if r.eml is not None)
    print(f"Wrote {len(result.reminders)} reminder{'' if len(result.reminders) == 1 else 's'} to {result.folder} "
          f"({len(result.reminders)} .md, {emails} .eml). Nothing was sent.")
    if result.without_email:
        print("No email in the register (Markdown only): " + ", ".join(result.without_email))
    if result.unowned_to:
        print(f"{result.unowned} open action(s) have no owner: listed for {result.unowned_to}.")
    elif result.unowned:
        print(f"{result.unowned} open action(s) have no owner and were not chased "
              "(the partnership names no manager or contact to list them for).")
    if result.not_yet_due:
        print(f"{result.not_yet_due} open action(s) due after "
              f"{(day + dt.timedelta(days=within)).isoformat()} or undated were not chased (--all chases them).")
    if result.skipped_ongoing:
        print(f"{result.skipped_ongoing} ongoing action(s) were not chased (they recur and are "
              "never overdue).")


def _load(ctx: typer.Context, include_restricted: bool) -> Records:
    from cspctl.commands.context import records_dir
    from cspctl.records.public import public
    from cspctl.records.store import read_records

    records = read_records(records_dir(ctx))
    broken = sorted({p.path for p in records.problems if p.level == "error"})
    if broken:
        print(f"cspctl: warning: {len(broken)} record file(s) have errors and are left out "
              "(run cspctl lint)", file=sys.stderr)
    return records if include_restricted else public(records)


def _report(change: Change) -> None:
    if change.fields:
        print(f"Updated {change.action_id} in {change.path}: {', '.join(change.fields)}")
    else:
        print(f"{change.action_id} is already up to date; nothing written")
