"""Chasing action owners: one reminder per person, as Markdown and as an unsent .eml draft.

The board's officer chases owners before every meeting. cspctl writes the reminders and never
sends them: each .eml carries `X-Unsent: 1`, so a mail client opens it as a draft to review
and send. A group's actions are chased with each of its members; a memberless group or an
organisation is greeted as colleagues, never as a person; owners without an email in the
register get the Markdown only, and the summary says who they are. Actions nobody owns yet
are listed for the partnership's manager (else its contact officer), or left out with a
note. `ongoing` actions recur and are never chased.

Only what is worth a reminder now is chased: actions overdue or due within `within` days of
the as-of date (14 by default), every open action with `everything`. The .eml drafts are
`multipart/alternative`, plain text and HTML both rendered from the Markdown
(`cspctl.actions.mail`). A person is greeted by their register `salutation` ("Cllr Dale"
gives "Dear Cllr Dale,"; one that brings its own greeting, "Dear Nina", is used as
written), else by their name as the register writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from cspctl.actions.log import NO_OWNER, ActionRow, Owner, action_rows, by_owner, resolve_owner, select
from cspctl.actions.mail import Envelope, message_bytes
from cspctl.errors import CspError
from cspctl.records.store import Records

TEMPLATE = "chase.md.j2"
CHASED = ("open", "in_progress")
"""Statuses that are chased: an `ongoing` action recurs and is never overdue."""
WITHIN = 14
"""Days ahead of the as-of date that an action falls due and is chased."""
GREETINGS = ("dear ", "hello", "hi ", "good morning", "good afternoon", "to ")


@dataclass
class Reminder:
    owner: Owner
    markdown: Path
    eml: Path | None


@dataclass
class ChaseResult:
    folder: Path
    reminders: list[Reminder] = field(default_factory=list)
    unowned: int = 0
    unowned_to: str | None = None
    """Who the actions without an owner were listed for (None: nobody, they were left out)."""
    skipped_ongoing: int = 0
    not_yet_due: int = 0
    """Open actions due after the window (or undated), left out of the reminders."""

    @property
    def without_email(self) -> list[str]:
        return [r.owner.name for r in self.reminders if r.eml is None]


def chase(records: Records, as_of: dt.date, output: Path, source: str = "all", *,
          within: int = WITHIN, everything: bool = False, only: str | None = None) -> ChaseResult:
    """Write a reminder for every owner of an action due soon (or overdue) into `output`;
    with `only` (an owner's id, name or alias), just the reminders of that person or of a
    group's members."""
    from cspctl.records.guarded import refuse_output_into_records

    refuse_output_into_records(records.root, output)
    wanted = None
    if only is not None:
        entry = resolve_owner(records.register, only)
        wanted = {entry.id} | records.register.person_ids(entry.id)
    all_rows = action_rows(records, as_of, source)
    open_rows = select(all_rows, statuses=CHASED)
    rows = open_rows if everything else [r for r in open_rows if due_soon(r, as_of, within)]
    not_yet_due = len(open_rows) - len(rows)
    owners = by_owner(records.register, rows)
    if wanted is not None:
        owners = [o for o in owners if o.name == NO_OWNER or o.id in wanted]
    from cspctl.render.environment import make_environment
    from cspctl.render.labels import labels_for
    from cspctl.render.template_errors import rendered

    partnership = records.partnership.model if records.partnership else None
    env = make_environment(records.register, records_root=records.root,
                           labels=labels_for(partnership))
    template = rendered(lambda: env.get_template(TEMPLATE))
    sender_name, sender_email = _sender(records)
    board = partnership.name if partnership else "The board"
    next_meeting = records.next_meeting_after(as_of - dt.timedelta(days=1))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CspError(f"cannot create {output}: {exc.strerror}") from None
    result = ChaseResult(output, skipped_ongoing=len(select(all_rows, statuses=("ongoing",))),
                         not_yet_due=not_yet_due)
    unowned = next((o.rows for o in owners if o.name == NO_OWNER), [])
    result.unowned = len(unowned)
    letters: list[tuple[Owner, list[ActionRow], list[ActionRow]]] = [
        (o, o.rows, []) for o in owners if o.name != NO_OWNER]
    if unowned:
        keeper = _keeper(records)
        if keeper is not None and wanted is not None and keeper.id not in wanted:
            keeper = None  # --owner: the keeper's list is not among the reminders asked for
            result.unowned = 0
        if keeper is not None:
            result.unowned_to = keeper.name
            mine = next((entry for entry in letters if entry[0].id and entry[0].id == keeper.id), None)
            if mine is not None:
                mine[2].extend(unowned)
            else:
                letters.append((keeper, [], unowned))
    for owner, owned, nobodys in letters:
        text = rendered(lambda owner=owner, owned=owned, nobodys=nobodys: template.render(  # type: ignore[misc]
            owner=owner, greeting=greeting(owner), as_of=as_of, board=board,
            next_meeting=next_meeting, sender=sender_name, owned=owned,
            until=None if everything else as_of + dt.timedelta(days=within),
            overdue=[r for r in owned if r.overdue], upcoming=[r for r in owned if not r.overdue],
            unowned=nobodys,
        ))
        stem = _slug(owner.id or owner.name)
        markdown = output / f"{stem}.md"
        eml = output / f"{stem}.eml" if owner.email else None
        try:
            markdown.write_text(text, encoding="utf-8")
            if eml is not None and owner.email:
                eml.write_bytes(message_bytes(_envelope(owner, owner.email, sender_name, sender_email,
                                                        as_of, board, stem, owned), text))
        except OSError as exc:
            raise CspError(f"cannot write to {output}: {exc.strerror}") from None
        result.reminders.append(Reminder(owner, markdown, eml))
    return result


def greeting(owner: Owner) -> str:
    """"Dear Alison Cooper," for a person; colleagues for an organisation or a group, never
    a greeting that takes them for a person."""
    if owner.kind == "person":
        words = " ".join((owner.salutation or "").split()).rstrip(",")
        if words.casefold().startswith(GREETINGS):
            return f"{words},"
        return f"Dear {words or owner.name},"
    if owner.kind == "organisation":
        return f"Dear colleagues at {owner.name},"
    return f"Dear colleagues ({owner.name}),"


def _keeper(records: Records) -> Owner | None:
    """Who keeps the actions nobody owns: the partnership's manager, else its contact."""
    if records.partnership is None:
        return None
    model = records.partnership.model
    entry = records.register.resolve(model.manager) if model.manager else None
    if entry is not None and entry.kind == "person":
        return Owner(entry.name, entry.id, entry.email, kind="person", salutation=entry.salutation)
    if model.contact is not None:
        return Owner(model.contact.name, None, model.contact.email, kind="person")
    return None


def _sender(records: Records) -> tuple[str, str | None]:
    """Who the reminders come from: the policy officer, else the manager, else the contact
    officer of the partnership; failing all, the partnership's team."""
    if records.partnership is not None:
        model = records.partnership.model
        for ref in (model.policy_officer, model.manager):
            entry = records.register.resolve(ref) if ref else None
            if entry is not None:
                return entry.name, entry.email
        if model.contact is not None:
            return model.contact.name, model.contact.email
        return f"The {model.name} team", None
    return "The board's officers", None


def due_soon(row: ActionRow, as_of: dt.date, within: int) -> bool:
    """Overdue, or due within `within` days of `as_of`: what a reminder is for."""
    return row.due is not None and row.due <= as_of + dt.timedelta(days=within)


def _envelope(owner: Owner, to: str, sender: str, sender_email: str | None, as_of: dt.date,
              board: str, stem: str, owned: list[ActionRow]) -> Envelope:
    late = sum(1 for r in owned if r.overdue)
    what = "your open actions" if owned else "actions without an owner"
    return Envelope(
        sender, sender_email, owner.name, to,
        f"{board}: {what} as of {as_of.isoformat()}" + (f" ({late} overdue)" if late else ""),
        dt.datetime.combine(as_of, dt.time(9, 0), dt.UTC),
        f"<chase.{as_of.isoformat()}.{stem}@cspctl.invalid>")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "owner"
