"""Lint for every board's meetings, through `cspctl lint`: quorum (CSP306), deferred items
(CSP307), item numbers (CSP308), and the item checks reaching into sub-items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import PARTNERSHIP

PEOPLE = """\
organisations:
  - {id: council, name: District Council, aliases: [the Council]}
  - {id: police, name: Midshire Police}
  - {id: fire, name: Fire Service}
people:
  - {id: pat-chair, name: Pat Chair, organisation: District Council}
  - {id: sam-lead, name: Sam Lead, organisation: Midshire Police}
  - {id: jo-officer, name: Jo Officer}
  - {id: kim-fire, name: Kim Fire, organisation: Fire Service}
groups:
  - {id: chair, name: Chair, members: [pat-chair]}
"""

QUORUM = PARTNERSHIP + "quorum: {min_members: 3, min_organisations: 3}\n"


def meeting(present: str, extra: str = "", items: str = "items: []\n") -> str:
    return f"date: 2022-03-30\nstatus: held\n{extra}attendance:\n  present:\n{present}{items}"


def lint(cli, board: Callable[..., Path], text: str, partnership: str = QUORUM):  # type: ignore[no-untyped-def]
    root = board(partnership_yaml=partnership, people_yaml=PEOPLE, **{"meetings/2022-03-30.yaml": text})
    result = cli("--records", root, "lint", "--no-cache")
    assert "Traceback" not in result.err
    return result


def test_too_few_members_and_organisations_warn(cli, board) -> None:  # type: ignore[no-untyped-def]
    result = lint(cli, board, meeting("    - Pat Chair\n    - Jo Officer\n"))
    assert result.code == 0
    assert ("meetings/2022-03-30.yaml:5:5: CSP306 the meeting of 2022-03-30 may not have been quorate: "
            "2 members present, fewer than the quorum of 3; 1 organisations present, fewer than the "
            "quorum of 3 (record quorate: true or false as the minutes say)") in result.out


def test_substitutes_count_for_the_organisation_they_attend_for(cli, board) -> None:  # type: ignore[no-untyped-def]
    present = ("    - Pat Chair\n    - {name: Jo Officer, for: Sam Lead}\n"
               "    - {name: Kim Fire, organisation: the Council}\n")
    result = lint(cli, board, meeting(present))
    assert "2 organisations present" in result.out  # Kim attended for the council, Jo for the police
    present = present.replace("organisation: the Council", "organisation: Fire Service")
    assert "CSP306" not in lint(cli, board, meeting(present)).out


def test_recorded_quorate_and_meetings_not_held_are_taken_at_their_word(cli, board) -> None:  # type: ignore[no-untyped-def]
    assert "CSP306" not in lint(cli, board, meeting("    - Pat Chair\n", "quorate: false\n")).out
    assert "CSP306" not in lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n")).out
    planned = meeting("    - Pat Chair\n").replace("status: held", "status: planned")
    assert "CSP306" not in lint(cli, board, planned).out
    cancelled = "date: 2022-03-30\nstatus: cancelled\nnotes: Elections.\n"
    assert "CSP306" not in lint(cli, board, cancelled).out
    assert "CSP306" not in lint(cli, board, meeting("    - Pat Chair\n"), PARTNERSHIP).out


def test_quorate_must_be_a_boolean(cli, board) -> None:  # type: ignore[no-untyped-def]
    result = lint(cli, board, meeting("    - Pat Chair\n", "quorate: no\n"))
    assert result.code == 1 and "CSP103" in result.out


ITEMS = """\
items:
  - title: Review
    status: deferred
  - title: Bid
    deferred_to: 2022-06-29
  - title: Early
    status: deferred
    deferred_to: 2022-03-01
  - title: Fine
    status: deferred
    deferred_to: 2022-06-29
"""


def test_deferred_items_name_a_later_meeting(cli, board) -> None:  # type: ignore[no-untyped-def]
    result = lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n", ITEMS))
    assert result.code == 1
    out = result.out
    assert ":9:13: CSP307 a deferred item needs deferred_to: the date of the meeting it moved to" in out
    assert ":11:18: CSP307 deferred_to is set but the item's status is 'taken'" in out
    assert ":14:18: CSP307 an item can only be deferred to a later meeting than 2022-03-30" in out
    assert out.count("CSP307") == 3


NUMBERS = """\
items:
  - number: 4a
    title: One
  - number: 4a
    title: Two
  - title: Three
    items:
      - number: "3.1"
        title: Numbered as its place would number it
"""


def test_item_numbers_are_unique_in_a_meeting(cli, board) -> None:  # type: ignore[no-untyped-def]
    result = lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n", NUMBERS))
    assert result.code == 1
    assert ":10:13: CSP308 item number '4a' is used twice in this meeting (also at line 8)" in result.out
    assert result.out.count("CSP308") == 1
    clash = "items:\n  - title: Welcome\n  - number: \"1\"\n    title: Also one\n"
    result = lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n", clash))
    assert ":9:13: CSP308 item number '1' is used twice in this meeting (also at line 8)" in result.out


SUB_ACTIONS = """\
items:
  - title: Parent
    items:
      - title: Child
        papers: [no-such-report]
        actions:
          - {id: 2022-03-30/1.1.1, owners: [], description: nobody yet}
          - {id: 2022-03-30/1.1.1, owners: [Sam Lead], description: twice, status: completed}
          - {id: 2022-03-30/1.1.3, owners: [Sam Lead], description: early, due: 2022-01-01}
"""


def test_checks_that_read_actions_and_papers_reach_sub_items(cli, board) -> None:  # type: ignore[no-untyped-def]
    result = lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n", SUB_ACTIONS))
    out = result.out
    assert ":13:13: CSP403 action 2022-03-30/1.1.1 has no owner" in out
    assert ":14:18: CSP202 duplicate action id '2022-03-30/1.1.1' (also at line 13)" in out
    assert "CSP402 action 2022-03-30/1.1.1 is completed but has no completed_on date" in out
    assert "CSP401 action 2022-03-30/1.1.3 is due before it was raised" in out
    assert ":11:18: CSP502 no report or action plan with id 'no-such-report'" in out


def test_agenda_rules_see_sub_items(cli, board) -> None:  # type: ignore[no-untyped-def]
    rules = QUORUM + "agenda_rules:\n  - {id: tension, description: community tensions, match: [tension]}\n"
    items = "items:\n  - title: Police\n    items:\n      - title: Tension monitoring\n"
    assert "CSP304" not in lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n", items), rules).out
    assert "CSP304" in lint(cli, board, meeting("    - Pat Chair\n", "quorate: true\n"), rules).out


def test_minutes_are_never_approved_at_a_meeting_that_did_not_take_place(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = board(partnership_yaml=QUORUM, people_yaml=PEOPLE, **{
        "meetings/2022-03-30.yaml": meeting("    - Pat Chair\n", "quorate: true\napproved_at: 2022-06-29\n")
        .replace("status: held", "status: approved"),
        "forward-plan.yaml": "meetings:\n  - {date: 2022-06-29, status: cancelled}\n",
    })
    result = cli("--records", root, "lint", "--no-cache")
    assert result.code == 1
    assert ("CSP305 the meeting of 2022-06-29 did not take place (cancelled or postponed): it cannot "
            "have approved minutes") in result.out
