"""Owners as real boards record them: agencies, groups nobody belongs to, nobody yet, and
initials that mean one person at one meeting and another at the next; statuses in progress
and ongoing. Every rule through the command line, on small boards built inline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import Result

Cli = Callable[..., Result]
Board = Callable[..., Path]

PEOPLE = """\
people:
  - {id: pat-chair, name: Pat Chair, aliases: [Councillor Chair], role: Chair}
  - {id: alex-carter, name: Alex Carter, email: alex@example.org}
  - {id: ana-costa, name: Ana Costa, email: ana@example.org, salutation: Ana}
  - {id: jo-officer, name: Jo Officer, email: jo@example.org}
  - {id: sam-lead, name: Sam Lead}
groups:
  - {id: chair, name: Chair, members: [pat-chair]}
  - {id: partners, name: Partners}
organisations:
  - {id: police, name: Northvale Police, aliases: [Police]}
  - {id: council, name: Northvale Council, aliases: [Council]}
"""

PARTNERSHIP = """\
name: Northvale Community Partnership
chairs: [Pat Chair]
manager: Jo Officer
meetings: {weekday: Wednesday, start: "18:00"}
"""

FIRST = """\
date: 2022-03-30
status: drafted
chair: Councillor Chair
initials: {AC: Alex Carter}
attendance:
  present: [Councillor Chair, AC, {name: Sam Lead, organisation: Police}]
items:
  - title: Updates
    actions:
      - {id: 2022-03-30/1.1, owners: [Police], description: share the patrol plan}
      - {id: 2022-03-30/1.2, owners: [], description: find a venue}
      - {id: 2022-03-30/1.3, owners: [Partners], description: report quarterly, status: ongoing, review: 2022-09-28}
      - {id: 2022-03-30/1.4, owners: [AC], description: circulate the draft, status: in_progress, due: 2022-04-15}
  - number: "2"
    title: Plan
    items:
      - number: 2a
        title: Funding
        actions:
          - id: 2022-03-30/2a.1
            owners: [Councillor Chair]
            description: write to the funders
"""

SECOND = """\
date: 2022-06-29
status: drafted
initials: {AC: Ana Costa}
attendance:
  present: [AC]
items:
  - title: Updates
    actions:
      - {id: 2022-06-29/1.1, owners: [AC], description: book the hall}
"""


def agency(board: Board, **more: str | None) -> Path:
    files: dict[str, str | None] = {"partnership.yaml": PARTNERSHIP, "people.yaml": PEOPLE,
                                    "meetings/2022-03-30.yaml": FIRST,
                                    "meetings/2022-06-29.yaml": SECOND}
    files.update(more)
    return board(**files)


def rows(cli: Cli, root: Path, *args: str) -> list[dict[str, Any]]:
    result = cli("--records", root, "actions", "--format", "json", *args)
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    return found


def by_id(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in found}


def test_the_board_lints_clean_but_for_ownerless_warnings(cli: Cli, board: Board) -> None:
    result = cli("--records", agency(board), "lint")
    assert result.code == 0, result.out
    assert "CSP403 action 2022-03-30/1.2 has no owner (warning)" in result.out
    assert "error" not in result.out.replace("(warning)", "")
    assert "CSP201" not in result.out and "CSP205" not in result.out


def test_organisation_owner_and_ongoing_never_overdue(cli: Cli, board: Board) -> None:
    found = by_id(rows(cli, agency(board), "--as-of", "2022-12-01"))
    police = found["2022-03-30/1.1"]
    assert police["owners"] == ["Police"] and police["owner_ids"] == ["police"]
    assert police["due"] == "2022-06-29" and police["days_overdue"] == 155  # the next meeting
    ongoing = found["2022-03-30/1.3"]
    assert ongoing["status"] == "ongoing" and ongoing["days_overdue"] == 0
    assert ongoing["review"] == "2022-09-28" and ongoing["overdue"] is False
    overdue = by_id(rows(cli, agency(board), "--overdue", "--as-of", "2022-12-01"))
    assert "2022-03-30/1.3" not in overdue and "2022-03-30/1.1" in overdue
    table = cli("--records", agency(board), "actions", "--as-of", "2022-12-01").out
    assert "(no owner)" in table and "review by" in table
    markdown = cli("--records", agency(board), "actions", "-f", "markdown", "--as-of", "2022-12-01").out
    assert "| 2022-03-30/1.3 | Partners | report quarterly | ongoing, review by 2022-09-28 |  | ongoing |" \
        in markdown
    owned = rows(cli, agency(board), "--owner", "Northvale Police")
    assert [r["id"] for r in owned] == ["2022-03-30/1.1"]


def test_in_progress_is_overdue_like_open(cli: Cli, board: Board) -> None:
    found = by_id(rows(cli, agency(board), "--as-of", "2022-05-01"))
    assert found["2022-03-30/1.4"]["status"] == "in_progress"
    assert found["2022-03-30/1.4"]["days_overdue"] == 16
    only = rows(cli, agency(board), "--status", "in_progress", "--as-of", "2022-05-01")
    assert [r["id"] for r in only] == ["2022-03-30/1.4"]
    both = rows(cli, agency(board), "--status", "ongoing", "--status", "in_progress")
    assert {r["status"] for r in both} == {"ongoing", "in_progress"}
    markdown = cli("--records", agency(board), "actions", "--format", "markdown",
                   "--status", "in_progress", "--as-of", "2022-05-01").out
    assert markdown.startswith("## In progress actions as of 2022-05-01: 1 listed, 1 overdue")
    assert "| 2022-03-30/1.4 | AC | circulate the draft | 2022-04-15 | **16** | in progress |" in markdown
    csv = cli("--records", agency(board), "actions", "--format", "csv").out
    assert "in_progress" in csv and "alex-carter" in csv


def test_the_same_initials_mean_two_people_at_two_meetings(cli: Cli, board: Board) -> None:
    root = agency(board)
    found = by_id(rows(cli, root))
    assert found["2022-03-30/1.4"]["owners"] == ["AC"]  # as the minutes write it
    assert found["2022-03-30/1.4"]["owner_ids"] == ["alex-carter"]
    assert found["2022-06-29/1.1"]["owner_ids"] == ["ana-costa"]
    assert [r["id"] for r in rows(cli, root, "--owner", "Alex Carter")] == ["2022-03-30/1.4"]
    assert [r["id"] for r in rows(cli, root, "--owner", "Ana Costa")] == ["2022-06-29/1.1"]
    grouped = json.loads(cli("--records", root, "actions", "--by-owner", "-f", "json").out)
    heads = {(g["owner"], g["id"]) for g in grouped}
    assert ("Alex Carter", "2022-03-30/1.4") in heads and ("Ana Costa", "2022-06-29/1.1") in heads


def test_initials_of_another_meeting_are_unknown_here(cli: Cli, board: Board) -> None:
    third = SECOND.replace("2022-06-29", "2022-09-28").replace("initials: {AC: Ana Costa}\n", "")
    result = cli("--records", agency(board, **{"meetings/2022-09-28.yaml": third}), "lint")
    assert result.code == 1
    assert "meetings/2022-09-28.yaml:4:13: CSP201 'AC' is not in the people register" in result.out
    assert ("meetings/2022-09-28.yaml:8:39: CSP205 'AC' looks like initials nobody is named for at "
            "this meeting: add it to the meeting's initials (AC: the person's name); other "
            "meetings use it for Alex Carter and Ana Costa (warning)") in result.out
    assert "2022-06-29.yaml" not in result.out
    assert "CSP201" not in result.out.split("2022-09-28.yaml")[0]


def test_initials_win_over_a_register_alias_inside_their_meeting(cli: Cli, board: Board) -> None:
    people = PEOPLE.replace("{id: sam-lead, name: Sam Lead}", "{id: sam-lead, name: Sam Lead, aliases: [AC]}")
    root = agency(board, **{"people.yaml": people})
    found = by_id(rows(cli, root))
    assert found["2022-03-30/1.4"]["owner_ids"] == ["alex-carter"]
    assert found["2022-06-29/1.1"]["owner_ids"] == ["ana-costa"]


def test_an_initials_value_must_be_in_the_register(cli: Cli, board: Board) -> None:
    root = agency(board, **{"meetings/2022-06-29.yaml": SECOND.replace("Ana Costa", "Ana Kosta")})
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert "2022-06-29.yaml:3:16: CSP201 'Ana Kosta' is not in the people register (did you mean " \
           "'Ana Costa'?)" in result.out
    # the initials themselves are not reported again where the meeting uses them
    assert "'AC'" not in result.out


def test_organisations_are_checked_only_when_the_register_has_them(cli: Cli, board: Board) -> None:
    odd = FIRST.replace("organisation: Police}", "organisation: Constabulary}")
    result = cli("--records", agency(board, **{"meetings/2022-03-30.yaml": odd}), "lint")
    assert result.code == 0
    assert ("CSP201 organisation 'Constabulary' is not in the register's organisations "
            "(add it to organisations in people.yaml) (warning)") in result.out
    plain = PEOPLE.split("organisations:")[0]
    owners = odd.replace("owners: [Police]", "owners: [Partners]")
    quiet = cli("--records", agency(board, **{"people.yaml": plain, "meetings/2022-03-30.yaml": owners}),
                "lint")
    assert quiet.code == 0 and "Constabulary" not in quiet.out


def test_an_unknown_organisation_owner_is_an_error(cli: Cli, board: Board) -> None:
    odd = FIRST.replace("owners: [Police]", "owners: [Polise]")
    result = cli("--records", agency(board, **{"meetings/2022-03-30.yaml": odd}), "lint")
    assert result.code == 1
    assert "CSP201 'Polise' is not in the people register (did you mean 'Northvale Police'?)" in result.out


def test_attendance_mappings_and_substitutes_are_checked(cli: Cli, board: Board) -> None:
    odd = FIRST.replace("{name: Sam Lead, organisation: Police}", "{name: Sam Leed, for: Pat Chiar}")
    result = cli("--records", agency(board, **{"meetings/2022-03-30.yaml": odd}), "lint")
    assert "CSP201 'Sam Leed' is not in the people register (did you mean 'Sam Lead'?)" in result.out
    assert "CSP201 'Pat Chiar' is not in the people register (did you mean 'Pat Chair'?)" in result.out


def test_sub_item_actions_are_listed_and_editable(cli: Cli, board: Board) -> None:
    root = agency(board)
    found = by_id(rows(cli, root))
    assert found["2022-03-30/2a.1"]["item"] == "Funding"
    path = root / "meetings/2022-03-30.yaml"
    before = path.read_text(encoding="utf-8")
    result = cli("--records", root, "actions", "update", "2022-03-30/2a.1", "--status", "ongoing",
                 "--review", "2022-09-28", "--note", "letters sent", "--on", "2022-04-01")
    assert result.code == 0, result.err
    assert "Updated 2022-03-30/2a.1" in result.out and "status, review, updates" in result.out
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.split("            description: write to the funders")[0])
    assert after.endswith("            description: write to the funders\n"
                          "            status: ongoing\n            review: 2022-09-28\n"
                          "            updates:\n              - date: 2022-04-01\n"
                          "                note: letters sent\n")
    done = cli("--records", root, "actions", "done", "2022-03-30/2a.1", "--on", "2022-05-01")
    assert done.code == 0, done.err
    assert by_id(rows(cli, root, "--all"))["2022-03-30/2a.1"]["status"] == "completed"
    assert cli("--records", root, "lint").code == 0


def test_update_moves_between_open_statuses(cli: Cli, board: Board) -> None:
    root = agency(board)
    for status in ("in_progress", "open", "ongoing"):
        result = cli("--records", root, "actions", "update", "2022-03-30/1.1", "--status", status,
                     "--note", f"now {status}", "--on", "2022-04-01")
        assert result.code == 0, result.err
        assert by_id(rows(cli, root, "--all"))["2022-03-30/1.1"]["status"] == status
    bad = cli("--records", root, "actions", "update", "2022-03-30/1.1", "--status", "stalled",
              "--note", "x")
    assert bad.code == 2 and "Traceback" not in bad.err


def test_names_print_as_written_unless_the_board_chooses_canonical(cli: Cli, board: Board) -> None:
    root = agency(board)
    minutes = cli("--records", root, "render", "minutes", "2022-03-30").out
    assert "Councillor Chair (CHAIR), AC and Sam Lead" in minutes
    assert "ACTION: AC to circulate the draft (IN PROGRESS)" in minutes
    assert "ACTION: (no owner yet) find a venue" in minutes
    log = cli("--records", root, "render", "actions", "--as-of", "2022-05-01").out
    assert "| 2022-03-30/1.4 | AC | circulate the draft | 15 April 2022 (in progress) |" in log
    assert "| 2022-03-30/1.3 | Partners | report quarterly | ongoing, review by 28 September 2022 |" in log
    canonical = agency(board, **{"partnership.yaml": PARTNERSHIP + "names: canonical\n"})
    minutes = cli("--records", canonical, "render", "minutes", "2022-03-30").out
    assert "Pat Chair (CHAIR)" in minutes and "Councillor Chair" not in minutes
    found = by_id(rows(cli, canonical))
    assert found["2022-03-30/1.4"]["owners"] == ["Alex Carter"]
    assert found["2022-06-29/1.1"]["owners"] == ["Ana Costa"]
    assert found["2022-03-30/1.1"]["owners"] == ["Northvale Police"]


def test_restricted_sub_items_never_reach_public_output(cli: Cli, board: Board, tmp_path: Path) -> None:
    nested = FIRST + """  - title: Case review
    restricted: true
    items:
      - title: Named case
        actions:
          - {id: 2022-03-30/3.1, owners: [Jo Officer], description: SECRET-CANARY follow up}
  - title: Open business
    items:
      - title: Restricted part
        restricted: true
        actions:
          - {id: 2022-03-30/4.1, owners: [Jo Officer], description: SECRET-CANARY second}
"""
    root = agency(board, **{"meetings/2022-03-30.yaml": nested})
    assert cli("--records", root, "lint").code == 0
    for args in (["actions", "--all", "-f", "json"], ["actions", "--all", "-f", "csv"],
                 ["render", "actions"], ["render", "minutes", "2022-03-30"]):
        result = cli("--records", root, *args)
        assert result.code == 0, result.err
        assert "SECRET-CANARY" not in result.out and "3.1" not in result.out, args
    chase = cli("--records", root, "chase", "--output", tmp_path / "out")
    assert chase.code == 0
    assert all("SECRET-CANARY" not in p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())
    full = by_id(rows(cli, root, "--all", "--include-restricted"))
    assert {"2022-03-30/3.1", "2022-03-30/4.1"} <= set(full)
