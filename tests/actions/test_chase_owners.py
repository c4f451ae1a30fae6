"""`cspctl chase` on a board whose actions are owned by agencies, groups, initials and nobody:
colleagues are greeted as colleagues, ownerless actions go to the manager, ongoing actions are
never chased, and no fallback speaks one board's words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.actions.test_chase import plain_text, read_eml
from tests.actions.test_owners import PARTNERSHIP, agency
from tests.conftest import Result

Cli = Callable[..., Result]
Board = Callable[..., Path]


def chase(cli: Cli, root: Path, out: Path) -> Result:
    # every open action, whenever due: these tests are about who is chased, not when
    result = cli("--records", root, "chase", "--as-of", "2022-12-01", "--all", "--output", out)
    assert result.code == 0, result.err
    return result


def test_greetings_fit_the_owner(cli: Cli, board: Board, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, agency(board), out)
    police = (out / "police.md").read_text(encoding="utf-8")
    assert police.startswith("# Northvale Community Partnership: actions for Northvale Police\n")
    assert "Dear colleagues at Northvale Police," in police and "2022-03-30/1.1" in police
    assert not (out / "police.eml").exists()  # an organisation has no address in the register
    alex = (out / "alex-carter.md").read_text(encoding="utf-8")
    assert "Dear Alex Carter," in alex and "2022-03-30/1.4" in alex and "In progress." in alex
    assert "2022-06-29/1.1" not in alex  # AC is Ana Costa at that meeting
    ana = plain_text(out / "ana-costa.eml")
    assert "Dear Ana," in ana and "2022-06-29/1.1" in ana
    assert all("Dear Unassigned" not in p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    assert "1 ongoing action(s) were not chased" in result.out
    assert not (out / "partners.md").exists()  # its only action is ongoing


def test_ownerless_actions_are_listed_for_the_manager(cli: Cli, board: Board, tmp_path: Path) -> None:
    out = tmp_path / "chase"
    result = chase(cli, agency(board), out)
    assert "1 open action(s) have no owner: listed for Jo Officer." in result.out
    message = read_eml(out / "jo-officer.eml")
    assert message["Subject"].strip() == "Northvale Community Partnership: actions without an owner as of 2022-12-01"
    jo = plain_text(out / "jo-officer.eml")
    assert "Dear Jo Officer," in jo and "\nNo owner yet\n---" in jo and "2022-03-30/1.2" in jo
    assert "please find one before the next board meeting" in " ".join(jo.split())


def test_without_manager_or_contact_ownerless_actions_are_skipped(cli: Cli, board: Board,
                                                                  tmp_path: Path) -> None:
    root = agency(board, **{"partnership.yaml": PARTNERSHIP.replace("manager: Jo Officer\n", "")})
    out = tmp_path / "chase"
    result = chase(cli, root, out)
    assert "1 open action(s) have no owner and were not chased" in result.out
    assert "2022-03-30/1.2" not in "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    message = read_eml(out / "alex-carter.eml")
    # no officer to send from: the board's own name, never another board's words
    assert message["From"].addresses[0].display_name == "The Northvale Community Partnership team"
    assert message["From"].addresses[0].addr_spec == "board@invalid"
    assert "Community Safety" not in message.as_string()


def test_the_contact_officer_keeps_ownerless_actions_and_signs(cli: Cli, board: Board,
                                                              tmp_path: Path) -> None:
    partnership = PARTNERSHIP.replace("manager: Jo Officer\n",
                                      "contact: {name: Lee Shaw, email: lee@example.org}\n")
    out = tmp_path / "chase"
    result = chase(cli, agency(board, **{"partnership.yaml": partnership}), out)
    assert "listed for Lee Shaw" in result.out
    lee = read_eml(out / "lee-shaw.eml")
    assert lee["To"].addresses[0].addr_spec == "lee@example.org"
    assert "2022-03-30/1.2" in plain_text(out / "lee-shaw.eml")
    assert read_eml(out / "alex-carter.eml")["From"].addresses[0].display_name == "Lee Shaw"
