"""`cspctl new meeting` and `cspctl new report`: scaffolds that pass lint and never overwrite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cspctl.records.yamlio.read import load, parse

RESTRICTED_ACTION = """\
date: 2022-03-30
status: drafted
attendance:
  present: [Pat Chair]
items:
  - title: Prevent Update
    restricted: true
    actions:
      - id: 2022-03-30/1.1
        owners: [Sam Lead]
        description: secret follow-up with the named family
  - title: Violence performance
    actions:
      - id: 2022-03-30/2.1
        owners: [Samuel Lead]
        description: circulate the figures
      - id: 2022-03-30/2.2
        owners: [Pat Chair]
        description: already done
        status: completed
        completed_on: 2022-04-01
"""

FORWARD_PLAN = """\
meetings:
  - date: 2022-06-29
    items:
      - title: Knife crime
        presenters: [Sam Lead]
        duration: 20
"""

PARTNERSHIP_WITH_MINUTES = """\
name: Test Community Safety Partnership
chairs: [Pat Chair]
policy_officer: Jo Officer
meetings: {weekday: Wednesday, start: "10:00", end: "13:00", venue: MS Teams}
standing_items:
  - {id: introductions, title: Introductions and Apologies, presenters: [Chair], duration: 5, position: start}
  - {id: minutes-and-actions, title: Minutes and Actions from previous meeting, duration: 5, position: start}
  - {id: aob, title: AOB, presenters: [Chair], duration: 5, position: end, subgroup_updates: true}
subgroups:
  - {id: ivolt, name: IVOLT, leads: [Sam Lead, Jo Officer]}
"""


def test_new_meeting_on_the_seed_builds_the_march_agenda(seed: Path, cli: Callable[..., object]) -> None:
    result = cli("--records", seed, "new", "meeting", "2022-03-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    path = seed / "meetings" / "2022-03-30.yaml"
    text = path.read_text()
    data = parse(text).data
    assert [i["title"] for i in data["items"]][:3] == [
        "Introductions and Apologies", "Declaration of Interest", "Minutes and Actions from previous meeting"]
    assert len(data["items"]) == 15
    assert (data["start"], data["end"], data["venue"]) == ("10:00", "13:00", "MS Teams")
    assert 'start: "10:00"' in text
    assert data["chair"] == "Councillor Margaret Mullane" and data["status"] == "planned"
    assert "Paul Trevers" in data["attendance"]["present"]
    minutes = data["items"][2]["minutes"]
    assert "2021-09-29/3.1" in minutes and "2021-09-29/4.2" in minutes
    assert "2021-09-29/3.2" not in minutes  # completed
    assert "actions" not in data["items"][2]
    assert data["items"][-3]["restricted"] is True and data["items"][-3]["title"] == "Prevent Update"
    lint = cli("--records", seed, "lint", "--format", "json")
    assert lint.code == 0, lint.out  # type: ignore[attr-defined]
    assert '"level": "error"' not in lint.out  # type: ignore[attr-defined]
    assert cli("--records", seed, "fmt", "--check", path).code == 0  # type: ignore[attr-defined]


def test_new_meeting_refuses_to_overwrite(seed: Path, cli: Callable[..., object]) -> None:
    assert cli("--records", seed, "new", "meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    path = seed / "meetings" / "2022-03-30.yaml"
    path.write_text(path.read_text() + "# my edits\n")
    before = path.read_bytes()
    again = cli("--records", seed, "new", "meeting", "2022-03-30")
    assert again.code == 1 and "already exists" in again.err  # type: ignore[attr-defined]
    assert path.read_bytes() == before
    held = cli("--records", seed, "new", "meeting", "2021-09-29")
    assert held.code == 1  # type: ignore[attr-defined]


def test_new_meeting_on_an_unplanned_past_date_has_the_standing_items_only(
        seed: Path, cli: Callable[..., object]) -> None:
    result = cli("--records", seed, "new", "meeting", "2021-06-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "not in the forward plan" in result.out and "standing items only" in result.out  # type: ignore[attr-defined]
    data = parse((seed / "meetings" / "2021-06-30.yaml").read_text()).data
    assert [i["title"] for i in data["items"]] == [
        "Introductions and Apologies", "Declaration of Interest", "Minutes and Actions from previous meeting",
        "Forward Plan", "AOB"]
    assert "title" not in data
    assert data["attendance"]["present"] == []  # no earlier meeting in the records
    assert "minutes" not in data["items"][2]  # no action was raised before it
    lint = cli("--records", seed, "lint", "--format", "json")
    assert "2021-06-30" not in lint.out  # type: ignore[attr-defined]


def test_open_actions_of_restricted_items_are_listed_by_id_only(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=PARTNERSHIP_WITH_MINUTES,
                 **{"forward-plan.yaml": FORWARD_PLAN, "meetings/2022-03-30.yaml": RESTRICTED_ACTION})
    assert cli("--records", root, "new", "meeting", "2022-06-29").code == 0  # type: ignore[attr-defined]
    text = (root / "meetings" / "2022-06-29.yaml").read_text()
    assert "secret" not in text
    assert "2022-03-30/1.1: (raised under a restricted item)" in text
    assert "2022-03-30/2.1 (Sam Lead): circulate the figures" in text
    assert "2022-03-30/2.2" not in text
    data = parse(text).data
    assert data["note_taker"] == "Jo Officer"
    assert data["attendance"]["present"] == ["Pat Chair"]
    assert cli("--records", root, "lint").code == 0  # type: ignore[attr-defined]


def test_a_first_meeting_lists_nobody_as_present(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"forward-plan.yaml": FORWARD_PLAN, "meetings/2022-03-30.yaml": None})
    result = cli("--records", root, "new", "meeting", "2022-06-29")
    assert result.code == 0 and "from the forward plan" in result.out  # type: ignore[attr-defined]
    data = load(root / "meetings" / "2022-06-29.yaml").data
    assert data["attendance"] == {"present": [], "additional": [], "apologies": []}
    assert [i["title"] for i in data["items"]] == ["Introductions and Apologies", "Knife crime", "AOB"]


def test_new_report_on_the_subgroup_template(seed: Path, cli: Callable[..., object]) -> None:
    result = cli("--records", seed, "new", "report", "ivolt", "--meeting", "2022-03-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    path = seed / "reports" / "2022-03-30" / "ivolt-update.yaml"
    data = load(path).data
    assert data["kind"] == "subgroup_update" and data["subgroup"] == "ivolt"
    assert data["authors"] == ["Mel Baker", "Jonathan Woodhams"]
    assert [s["heading"] for s in data["sections"]] == [
        # the last but one is the seed board's own `support_required` label
        "Brief Update", "Key Challenge(s)", "Emerging Trends", "Support required from CSP Board",
        "List of Appendices"]
    assert all(s["paragraphs"] == [] for s in data["sections"])
    again = cli("--records", seed, "new", "report", "ivolt", "--meeting", "2022-03-30")
    assert again.code == 1  # type: ignore[attr-defined]
    taken = cli("--records", seed, "new", "report", "Hate Crime, Intolerance and Extremism",
                "--meeting", "2022-03-30")
    assert taken.code == 0  # type: ignore[attr-defined]
    assert (seed / "reports" / "2022-03-30" / "hate-crime-update-2022-03-30.yaml").is_file()
    lint = cli("--records", seed, "lint", "--format", "json")
    assert lint.code == 0 and "reports/2022-03-30" not in lint.out  # type: ignore[attr-defined]


def test_new_report_refusals(seed: Path, cli: Callable[..., object]) -> None:
    unknown = cli("--records", seed, "new", "report", "nope", "--meeting", "2022-03-30")
    assert unknown.code == 1 and "ivolt" in unknown.err and "vawg" in unknown.err  # type: ignore[attr-defined]
    no_meeting = cli("--records", seed, "new", "report", "ivolt", "--meeting", "2022-04-01")
    assert no_meeting.code == 1  # type: ignore[attr-defined]
    bad_date = cli("--records", seed, "new", "report", "ivolt", "--meeting", "31/03/2022")
    assert bad_date.code == 2  # type: ignore[attr-defined]
    assert not (seed / "reports" / "2022-03-30").exists()


def test_help(cli: Callable[..., object]) -> None:
    for args in (["new", "--help"], ["new", "meeting", "--help"], ["new", "report", "--help"]):
        assert cli(*args).code == 0  # type: ignore[attr-defined]


def test_new_meeting_will_not_write_through_a_linked_folder(
        board: Callable[..., Path], cli: Callable[..., object], tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = board(**{"forward-plan.yaml": FORWARD_PLAN, "meetings/2022-03-30.yaml": None})
    (root / "meetings").symlink_to(outside, target_is_directory=True)
    result = cli("--records", root, "new", "meeting", "2022-06-29")
    assert result.code == 1 and "outside the records folder" in result.err  # type: ignore[attr-defined]
    assert list(outside.iterdir()) == []


CHAIRS_PARTNERSHIP = """\
name: Test Partnership Board
chairs:
  - {name: Pat Chair, until: 2022-05-31}
  - {name: Sam Lead, from: 2022-06-01}
  - Jo Officer
standing_items:
  - {id: introductions, title: Introductions and Apologies, position: start}
  - {id: aob, title: Any Other Business, position: end}
"""

EARLIER = """\
date: {date}
chair: {chair}
status: drafted
attendance:
  present:
    - Pat Chair
    - {{name: Jo Officer, organisation: District Council, for: Sam Lead}}
items:
  - title: Introductions and Apologies
    kind: standing
"""


def _chair_of(root: Path, cli: Callable[..., object], date: str) -> object:
    result = cli("--records", root, "new", "meeting", date)
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    return load(root / "meetings" / f"{date}.yaml").data.get("chair")


def test_the_chair_is_the_one_in_office_on_the_day(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=CHAIRS_PARTNERSHIP, **{"meetings/2022-03-30.yaml": None})
    assert _chair_of(root, cli, "2022-04-06") == "Pat Chair"  # no earlier meeting: first in office
    assert _chair_of(root, cli, "2022-07-06") == "Sam Lead"   # Pat's term ended on 31 May


def test_the_previous_chair_continues_while_in_office(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=CHAIRS_PARTNERSHIP,
                 **{"meetings/2022-03-30.yaml": EARLIER.format(date="2022-03-30", chair="jo-officer")})
    assert _chair_of(root, cli, "2022-04-06") == "Jo Officer"  # by id, written as chairs write it


def test_a_change_of_chair_between_meetings(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=CHAIRS_PARTNERSHIP,
                 **{"meetings/2022-03-30.yaml": EARLIER.format(date="2022-03-30", chair="Pat Chair")})
    assert _chair_of(root, cli, "2022-04-20") == "Pat Chair"
    assert _chair_of(root, cli, "2022-06-15") == "Sam Lead"  # Pat's term ended; Sam's began


def test_no_chair_in_office_leaves_the_chair_out(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    partnership = "name: Test Partnership Board\nchairs:\n  - {name: Pat Chair, from: 2023-01-01}\n"
    root = board(partnership_yaml=partnership, **{"meetings/2022-03-30.yaml": None})
    assert _chair_of(root, cli, "2022-04-06") is None


def test_attendance_copies_the_members_and_gives_substitutes_way(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=CHAIRS_PARTNERSHIP,
                 **{"meetings/2022-03-30.yaml": EARLIER.format(date="2022-03-30", chair="Pat Chair")})
    assert cli("--records", root, "new", "meeting", "2022-04-20").code == 0  # type: ignore[attr-defined]
    data = load(root / "meetings" / "2022-04-20.yaml").data
    assert data["attendance"]["present"] == ["Pat Chair", {"name": "Sam Lead", "organisation": "District Council"}]
    assert cli("--records", root, "lint", "--strict").code == 0  # type: ignore[attr-defined]


def test_an_extraordinary_meeting(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"forward-plan.yaml": FORWARD_PLAN})
    result = cli("--records", root, "new", "meeting", "2022-05-11", "--title", "Extraordinary meeting")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "not in the forward plan" in result.out  # type: ignore[attr-defined]
    path = root / "meetings" / "2022-05-11.yaml"
    data = load(path).data
    assert data["title"] == "Extraordinary meeting"
    assert [i["title"] for i in data["items"]] == ["Introductions and Apologies", "AOB"]
    assert (data["start"], data["end"], data["venue"], data["chair"]) == ("10:00", "13:00", "MS Teams", "Pat Chair")
    assert data["attendance"]["present"] == ["Pat Chair", "Sam Lead"]
    assert cli("--records", root, "lint", "--strict").code == 0  # type: ignore[attr-defined]
    assert cli("--records", root, "fmt", "--check", path).code == 0  # type: ignore[attr-defined]


SUB_ITEMS = """\
date: 2022-03-30
status: drafted
attendance:
  present: [Pat Chair]
items:
  - title: Part B
    restricted: true
    items:
      - title: Case review
        actions:
          - {id: 2022-03-30/1.1.1, owners: [Sam Lead], description: contact the named family, status: in_progress}
  - title: Updates
    items:
      - title: Youth work
        actions:
          - {id: 2022-03-30/2.1.1, owners: [], description: quarterly youth work update, status: ongoing}
          - {id: 2022-03-30/2.1.2, owners: [Pat Chair], description: dropped idea, status: dropped}
"""


def test_open_actions_of_sub_items_in_every_open_status(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(partnership_yaml=PARTNERSHIP_WITH_MINUTES,
                 **{"forward-plan.yaml": FORWARD_PLAN, "meetings/2022-03-30.yaml": SUB_ITEMS})
    assert cli("--records", root, "new", "meeting", "2022-06-29").code == 0  # type: ignore[attr-defined]
    text = (root / "meetings" / "2022-06-29.yaml").read_text()
    assert "named family" not in text
    assert "2022-03-30/1.1.1: (raised under a restricted item)" in text
    assert "2022-03-30/2.1.1 (no owner): quarterly youth work update" in text
    assert "2022-03-30/2.1.2" not in text


def test_a_subgroup_update_heads_support_in_the_boards_words(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    from tests.conftest import PARTNERSHIP

    own = PARTNERSHIP + "labels: {support_required: Support asked of the Board}\n"
    root = board(partnership_yaml=own)
    assert cli("--records", root, "new", "report", "ivolt", "--meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    data = load(root / "reports" / "2022-03-30" / "ivolt-update.yaml").data
    assert data["sections"][3] == {"kind": "support_required", "heading": "Support asked of the Board",
                                   "paragraphs": []}


def test_a_title_lint_would_reject_is_refused(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board()
    result = cli("--records", root, "new", "meeting", "2022-05-11", "--title", "Extra\x01ordinary")
    assert result.code == 1 and "--title" in result.err  # type: ignore[attr-defined]
    assert not (root / "meetings" / "2022-05-11.yaml").exists()
