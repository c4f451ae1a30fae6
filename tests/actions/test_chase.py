"""`cspctl chase`: one reminder per owner, as Markdown and as an unsent RFC 5322 message with a
plain-text and an HTML part, read back with the `email` package as a mail client would."""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from cspctl.actions.chase import greeting
from cspctl.actions.log import Owner
from cspctl.actions.mail import markdown_to_text
from tests.actions.test_list import CANARY, RESTRICTED_MEETING
from tests.conftest import MEETING, PEOPLE, SEED_RECORDS, Result

Cli = Callable[..., Result]


def chase(cli: Cli, out: Path, *args: str | Path, records: Path = SEED_RECORDS) -> Result:
    result = cli("--records", records, "chase", "--output", out, *args)
    assert result.code == 0, result.err
    return result


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def bodies(message: EmailMessage) -> tuple[str, str]:
    """The plain-text and the HTML part of a reminder, checked for shape on the way."""
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    plain, html = (p.get_content().replace("\r\n", "\n") for p in parts)
    for body in (plain, html):
        assert "#" not in body and "**" not in body  # never Markdown source
    return plain, html


def plain_text(path: Path) -> str:
    return bodies(read_eml(path))[0]


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
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime.isoformat() == "2022-01-01T09:00:00+00:00"
    plain, html = bodies(message)
    assert plain.startswith("Barking and Dagenham Community Safety Partnership: actions for Angie Fuller\n===")
    assert "\nDear Angie Fuller,\n" in plain and "\nOverdue\n-------\n" in plain
    assert "- 2021-09-29/4.2: invite DS James Rush" in plain and "2021-09-29/12.1" in plain
    assert "  Due 8 December 2021, 24 days overdue." in plain
    assert "next board meeting on 30 March 2022." in " ".join(plain.split())
    assert max(len(line) for line in plain.splitlines()) <= 80
    assert '<html lang="en-GB">' in html and "<h2>Overdue</h2>" in html
    assert "<li><strong>2021-09-29/4.2</strong>: invite DS James Rush" in html
    assert "24 days overdue" in html
    markdown = (out / "angie-fuller.md").read_text(encoding="utf-8")
    assert "## Overdue" in markdown and "**2021-09-29/4.2**" in markdown  # the .md stays Markdown
    assert b"\r\n" in (out / "angie-fuller.eml").read_bytes()  # RFC 5322 line endings


def test_every_message_reads_back_as_a_mail_client_reads_it(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    chase(cli, out, "--as-of", "2022-01-01", "--all")
    messages = sorted(out.glob("*.eml"))
    assert len(messages) >= 4
    for path in messages:
        message = read_eml(path)
        assert message.defects == [] and all(not p.defects for p in message.walk())
        for header in ("From", "To", "Subject", "Date", "Message-ID"):
            assert message[header], (path.name, header)
        assert message["Date"].datetime.tzinfo is not None
        assert message["To"].addresses[0].addr_spec.count("@") == 1
        plain, html = bodies(message)
        greeting_line = next(line for line in plain.splitlines() if line.startswith("Dear "))
        assert f"<p>{greeting_line}</p>" in html
        assert plain.rstrip().endswith("Jade Hodgson") and html.rstrip().endswith("</html>")


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


def test_greeting_comes_from_the_register(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    chase(cli, out, "--as-of", "2022-01-01")
    mullane = (out / "margaret-mullane.md").read_text(encoding="utf-8")
    assert "\nDear Councillor Mullane,\n" in mullane and "Dear Councillor Margaret" not in mullane
    assert "\nDear Angie Fuller,\n" in plain_text(out / "angie-fuller.eml")  # no salutation: the name


@pytest.mark.parametrize(("salutation", "expected"), [
    (None, "Dear Alison Cooper,"),
    ("Cllr Cooper", "Dear Cllr Cooper,"),
    ("Dear Alison", "Dear Alison,"),
    ("Hello Alison,", "Hello Alison,"),
])
def test_greeting_words(salutation: str | None, expected: str) -> None:
    assert greeting(Owner("Alison Cooper", "alison-cooper", kind="person", salutation=salutation)) == expected


def test_only_actions_overdue_or_due_soon_are_chased(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, out, "--as-of", "2022-01-01")
    assert "Wrote 7 reminders" in result.out
    assert "71 open action(s) due after 2022-01-15 or undated were not chased" in result.out
    everything = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    assert "vru-2021-22/" not in everything  # plan actions are due in December 2022
    soon = tmp_path / "soon"
    result = chase(cli, soon, "--as-of", "2021-12-01", "--source", "minutes")
    angie = plain_text(soon / "angie-fuller.eml")
    assert "overdue or due by 15 December 2021" in " ".join(angie.split()) and "\nDue soon\n" in angie
    assert "Overdue\n" not in angie and "Due 8 December 2021." in angie
    none = tmp_path / "none"
    result = chase(cli, none, "--as-of", "2021-10-01", "--within", "7", "--source", "minutes")
    assert "Wrote 0 reminders" in result.out


def test_within_and_all_widen_the_window(cli: Cli, tmp_path: Path) -> None:
    wide = tmp_path / "wide"
    chase(cli, wide, "--as-of", "2022-01-01", "--within", "400")
    assert "vru-2021-22/governance.2" in (wide / "paul-trevers.md").read_text(encoding="utf-8")
    out = tmp_path / "all"
    result = chase(cli, out, "--as-of", "2022-01-01", "--all")
    assert "7 open action(s) have no owner: listed for Chris Lyons." in result.out
    manager = plain_text(out / "chris-lyons.eml")
    assert "\nNo owner yet\n------------\n" in manager and "vru-2021-22/analysis-and-enforcement.6" in manager
    paul = (out / "paul-trevers.md").read_text(encoding="utf-8")
    assert "vru-2021-22/governance.2" in paul and "From the action plan vru-2021-22." in paul
    assert paul.index("## Overdue") < paul.index("## Open")


def test_owner_chases_one_person_or_a_groups_members(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "one"
    result = chase(cli, out, "--as-of", "2022-01-01", "--owner", "Angie Fuller")
    assert sorted(p.name for p in out.iterdir()) == ["angie-fuller.eml", "angie-fuller.md"]
    assert "Wrote 1 reminder to" in result.out and "no owner" not in result.out
    chairs = tmp_path / "chairs"
    chase(cli, chairs, "--as-of", "2022-01-01", "--owner", "CSP Board Chairs")
    assert sorted(p.name for p in chairs.iterdir()) == ["margaret-mullane.md", "paul-trevers.md"]
    bad = cli("--records", SEED_RECORDS, "chase", "--output", tmp_path / "bad", "--owner", "Angie Fullr")
    assert bad.code == 1 and "unknown owner 'Angie Fullr'; did you mean 'Angie Fuller'?" in bad.err
    assert "Traceback" not in bad.err


def test_record_text_is_rendered_not_shown_as_markdown(cli: Cli, tmp_path: Path, board: Callable[..., Path]) -> None:
    meeting = MEETING.replace("description: circulate the figures",
                              'description: "circulate the *final* figures <b>now</b> to [the team](https://example.org)"'
                              "\n        due: 2022-04-01")
    people = PEOPLE.replace("{id: sam-lead, name: Sam Lead,",
                            "{id: sam-lead, name: Sam Lead, email: sam@example.org, salutation: Cllr Lead,")
    root = board(**{"meetings/2022-03-30.yaml": meeting, "people.yaml": people})
    out = tmp_path / "chase"
    chase(cli, out, "--as-of", "2022-04-05", records=root)
    plain, html = bodies(read_eml(out / "sam-lead.eml"))
    assert "Dear Cllr Lead," in plain and "<p>Dear Cllr Lead,</p>" in html
    assert "circulate the final figures <b>now</b> to the team <https://example.org>" in " ".join(plain.split())
    assert "<em>final</em>" in html and "&lt;b&gt;now&lt;/b&gt;" in html and "<b>" not in html
    assert '<a href="https://example.org">the team</a>' in html


def test_markdown_to_text() -> None:
    text = markdown_to_text("# Title\n\nSome *soft*\nwrapped `code`.\n\n## Part\n\n"
                            "1. first\n2. second\n   - inner\n\n> quoted\n")
    assert text == ("Title\n=====\n\nSome soft wrapped code.\n\nPart\n----\n\n1. first\n\n"
                    "2. second\n\n  - inner\n\n> quoted\n")


def test_restricted_actions_are_not_chased_by_default(cli: Cli, tmp_path: Path,
                                                      board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": RESTRICTED_MEETING})
    out = tmp_path / "chase"
    result = chase(cli, out, "--as-of", "2022-06-01", "--all", records=root)
    assert CANARY not in result.out + result.err
    assert all(CANARY.encode() not in p.read_bytes() for p in out.iterdir())
    for eml in out.glob("*.eml"):
        assert all(CANARY not in body for body in bodies(read_eml(eml)))  # decoded, not only raw
    assert not (out / "jo-officer.md").exists()
    full = tmp_path / "full"
    chase(cli, full, "--as-of", "2022-06-01", "--all", "--include-restricted", records=root)
    assert all(CANARY in body for body in bodies(read_eml(full / "jo-officer.eml")))
