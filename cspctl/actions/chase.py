"""Chasing action owners: one reminder per person, as Markdown and as an unsent .eml draft.

The CSP officer chases owners before every board. cspctl writes the reminders and never sends
them: each .eml carries `X-Unsent: 1`, so a mail client opens it as a draft to review and
send. A group's actions are chased with each of its members; owners without an email in the
register get the Markdown only, and the summary says who they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from cspctl.actions.log import NO_OWNER, Owner, action_rows, by_owner, select
from cspctl.errors import CspError
from cspctl.records.store import Records

TEMPLATE = "chase.md.j2"


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

    @property
    def without_email(self) -> list[str]:
        return [r.owner.name for r in self.reminders if r.eml is None]


def chase(records: Records, as_of: dt.date, output: Path, source: str = "all") -> ChaseResult:
    """Write a reminder for every owner of an open action into `output`."""
    from cspctl.records.guarded import refuse_output_into_records

    refuse_output_into_records(records.root, output)
    rows = select(action_rows(records, as_of, source), statuses=("open",))
    owners = by_owner(records.register, rows)
    from cspctl.render.environment import make_environment
    from cspctl.render.template_errors import rendered

    env = make_environment(records.register, records_root=records.root)
    template = rendered(lambda: env.get_template(TEMPLATE))
    sender_name, sender_email = _sender(records)
    board = records.partnership.model.name if records.partnership else "Community Safety Partnership"
    next_meeting = records.next_meeting_after(as_of - dt.timedelta(days=1))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CspError(f"cannot create {output}: {exc.strerror}") from None
    result = ChaseResult(output)
    for owner in owners:
        if owner.name == NO_OWNER:
            result.unowned = len(owner.rows)
            continue
        text = rendered(lambda owner=owner: template.render(  # type: ignore[misc]
            owner=owner, as_of=as_of, board=board, next_meeting=next_meeting,
            sender=sender_name, overdue=[r for r in owner.rows if r.overdue],
            upcoming=[r for r in owner.rows if not r.overdue],
        ))
        stem = _slug(owner.id or owner.name)
        markdown = output / f"{stem}.md"
        eml = output / f"{stem}.eml" if owner.email else None
        try:
            markdown.write_text(text, encoding="utf-8")
            if eml is not None and owner.email:
                eml.write_bytes(_message(owner, owner.email, sender_name, sender_email, as_of,
                                         board, text, stem))
        except OSError as exc:
            raise CspError(f"cannot write to {output}: {exc.strerror}") from None
        result.reminders.append(Reminder(owner, markdown, eml))
    return result


def _sender(records: Records) -> tuple[str, str | None]:
    """Who the reminders come from: the policy officer, else the manager, of the partnership."""
    if records.partnership is not None:
        model = records.partnership.model
        for ref in (model.policy_officer, model.manager):
            entry = records.register.resolve(ref) if ref else None
            if entry is not None:
                return entry.name, entry.email
    return "The Community Safety Partnership team", None


def _message(owner: Owner, to: str, sender: str, sender_email: str | None, as_of: dt.date,
             board: str, text: str, stem: str) -> bytes:
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, formataddr

    late = sum(1 for r in owner.rows if r.overdue)
    message = EmailMessage()
    message["From"] = formataddr((sender, sender_email or "csp-board@invalid"))
    message["To"] = formataddr((owner.name, to))
    message["Subject"] = (f"{board}: your open actions as of {as_of.isoformat()}"
                          + (f" ({late} overdue)" if late else ""))
    message["Date"] = format_datetime(dt.datetime.combine(as_of, dt.time(9, 0), dt.UTC))
    message["Message-ID"] = f"<chase.{as_of.isoformat()}.{stem}@cspctl.invalid>"
    message["X-Unsent"] = "1"
    message.set_content(text)
    return message.as_bytes(policy=SMTP)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "owner"
