"""People and times that used to give wrong answers: one spelling of a name in two Unicode
forms, two entries sharing an id, two actions sharing an id, an evening meeting of a board that
usually ends at 13:00, and a meeting file that does not load."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

from tests.conftest import MEETING, PEOPLE, Result

Cli = Callable[..., Result]


def test_a_name_in_nfd_matches_the_register_in_nfc(board: Callable[..., Path], cli: Cli) -> None:
    nfc = unicodedata.normalize("NFC", "Zoë Officer")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    root = board(**{"people.yaml": PEOPLE.replace("name: Jo Officer", f"name: {nfc}"),
                    "meetings/2022-03-30.yaml": MEETING.replace("note_taker: Jo Officer",
                                                                f"note_taker: {nfd}").replace(
                        "apologies: [Jo Officer]", f"apologies: [{nfd}]")})
    result = cli("--records", root, "lint", "--format", "json")
    assert result.code == 0 and json.loads(result.out) == []


def test_two_people_with_one_id_is_an_error_and_owner_lookups_stay_apart(
        board: Callable[..., Path], cli: Cli) -> None:
    people = PEOPLE.replace("  - {id: jo-officer, name: Jo Officer, email: jo@example.org}\n",
                            "  - {id: jo-officer, name: Jo Officer, email: jo@example.org}\n"
                            "  - {id: jo-officer, name: Jane Smith}\n")
    root = board(people_yaml=people)
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert "people.yaml:5:10: CSP202 the id 'jo-officer' is already the person on line 4" in result.out
    meeting = MEETING.replace("owners: [Samuel Lead]", "owners: [Jo Officer]")
    (root / "meetings/2022-03-30.yaml").write_text(meeting, "utf-8")
    listed = cli("--records", root, "actions", "--owner", "Jane Smith", "--format", "json")
    assert listed.code == 1 and "unknown owner 'Jane Smith'" in listed.err  # never Jo's action
    listed = cli("--records", root, "actions", "--owner", "Jo Officer", "--format", "json")
    assert [a["id"] for a in json.loads(listed.out)] == ["2022-03-30/2.1"]


def test_actions_done_refuses_an_id_two_actions_share(board: Callable[..., Path], cli: Cli) -> None:
    twice = MEETING + """\
      - id: 2022-03-30/2.1
        owners: [Pat Chair]
        description: write to the council
"""
    root = board(**{"meetings/2022-03-30.yaml": twice})
    path = root / "meetings/2022-03-30.yaml"
    result = cli("--records", root, "actions", "done", "2022-03-30/2.1", "--on", "2022-04-01")
    assert result.code == 1 and "2 actions share the id '2022-03-30/2.1'" in result.err
    assert "2022-03-30.yaml:21" in result.err and "2022-03-30.yaml:24" in result.err
    assert path.read_text("utf-8") == twice


def test_an_evening_meeting_has_no_negative_slot(board: Callable[..., Path], cli: Cli) -> None:
    evening = MEETING.replace('start: "10:00"\nend: "13:00"\n', 'start: "18:30"\n')
    root = board(**{"meetings/2022-03-30.yaml": evening})
    lint = cli("--records", root, "lint")
    assert "slot" not in lint.out and lint.code == 0, lint.out
    agenda = cli("--records", root, "render", "agenda", "2022-03-30")
    assert agenda.code == 0 and "13:00" not in agenda.out and "-330" not in agenda.out
    status = cli("--records", root, "status", "2022-03-30")
    assert "-330" not in status.out


def test_a_meeting_that_ends_before_it_starts_is_an_error(board: Callable[..., Path], cli: Cli) -> None:
    backwards = MEETING.replace('start: "10:00"\nend: "13:00"\n', 'start: "18:30"\nend: "08:30"\n')
    root = board(**{"meetings/2022-03-30.yaml": backwards})
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert "2022-03-30.yaml:3:6: CSP309 the meeting ends at 08:30, not after it starts (18:30)" in result.out


def test_render_says_why_a_meeting_file_does_not_load(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("status: drafted", "status: [")})
    for kind in ("minutes", "agenda"):
        result = cli("--records", root, "render", kind, "2022-03-30")
        assert result.code == 1
        assert "meetings/2022-03-30.yaml does not load" in result.err, result.err
        assert "CSP001" in result.err and "known: none" not in result.err
