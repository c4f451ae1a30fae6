"""`cspctl chase`: one reminder per owner, as Markdown and as an unsent RFC 5322 message."""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

from tests.actions.test_list import CANARY, RESTRICTED_MEETING
from tests.conftest import SEED_RECORDS, Result

Cli = Callable[..., Result]


def chase(cli: Cli, out: Path, *args: str | Path, records: Path = SEED_RECORDS) -> Result:
    result = cli("--records", records, "chase", "--output", out, *args)
    assert result.code == 0, result.err
    return result


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_reminders_for_the_september_actions(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, out, "--as-of", "2022-01-01", "--source", "minutes")
    assert "Nothing was sent." in result.out
    names = sorted(p.name for p in out.iterdir())
    assert "angie-fuller.md" in names and "angie-fuller.eml" in names
    message = read_eml(out / "angie-fuller.eml")
    assert message["To"].addresses[0].addr_spec == "Angie.fuller@lbbd.gov.uk"
    assert message["To"].addresses[0].display_name == "Angie Fuller"
    assert message["From"].addresses[0].addr_spec == "Jade.hodgson@lbbd.gov.uk"
    assert "(2 overdue)" in message["Subject"] and "2022-01-01" in message["Subject"]
    assert message["X-Unsent"] == "1" and message["Date"] is not None
    body = message.get_content()
    assert body.replace("\r\n", "\n") == (out / "angie-fuller.md").read_text(encoding="utf-8")
    assert "2021-09-29/4.2" in body and "2021-09-29/12.1" in body
    assert "24 days overdue" in body and "2022-03-30" in body
    assert b"\r\n" in (out / "angie-fuller.eml").read_bytes()  # RFC 5322 line endings


def test_group_actions_reach_the_members_and_missing_emails_are_reported(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, out, "--as-of", "2022-01-01", "--source", "minutes")
    paul = (out / "paul-trevers.md").read_text(encoding="utf-8")
    assert "2021-09-29/3.1" in paul and "Owners: CSP Board Chairs." in paul
    assert "2021-09-29/12.2" in paul
    assert "2021-09-29/3.1" in (out / "margaret-mullane.md").read_text(encoding="utf-8")
    assert not (out / "paul-trevers.eml").exists()  # no email in the register
    assert "Markdown only" in result.out and "Paul Trevers" in result.out
    # one reminder per person, not per group
    assert not (out / "csp-board-chairs.md").exists()


def test_plan_actions_and_unowned_actions(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, out, "--as-of", "2022-01-01")
    assert "7 open action(s) have no owner: listed for Chris Lyons." in result.out
    manager = (out / "chris-lyons.md").read_text(encoding="utf-8")
    assert "## No owner yet" in manager and "vru-2021-22/analysis-and-enforcement.6" in manager
    paul = (out / "paul-trevers.md").read_text(encoding="utf-8")
    assert "vru-2021-22/governance.2" in paul and "From the action plan vru-2021-22." in paul
    assert paul.index("## Overdue") < paul.index("## Open")


def test_restricted_actions_are_not_chased_by_default(cli: Cli, tmp_path: Path,
                                                      board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": RESTRICTED_MEETING})
    out = tmp_path / "chase"
    chase(cli, out, "--as-of", "2022-06-01", records=root)
    assert all(CANARY.encode() not in p.read_bytes() for p in out.iterdir())
    assert not (out / "jo-officer.md").exists()
    full = tmp_path / "full"
    chase(cli, full, "--as-of", "2022-06-01", "--include-restricted", records=root)
    assert CANARY in read_eml(full / "jo-officer.eml").get_content()
