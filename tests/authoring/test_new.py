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


def test_new_meeting_needs_a_forward_plan_meeting(seed: Path, cli: Callable[..., object]) -> None:
    result = cli("--records", seed, "new", "meeting", "2022-05-04")
    assert result.code == 1 and "2022-06-30" in result.err  # type: ignore[attr-defined]
    assert not (seed / "meetings" / "2022-05-04.yaml").exists()


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


def test_attendance_falls_back_to_the_register(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"forward-plan.yaml": FORWARD_PLAN, "meetings/2022-03-30.yaml": None})
    assert cli("--records", root, "new", "meeting", "2022-06-29").code == 0  # type: ignore[attr-defined]
    data = load(root / "meetings" / "2022-06-29.yaml").data
    assert data["attendance"]["present"] == ["Pat Chair", "Sam Lead", "Jo Officer"]
    assert [i["title"] for i in data["items"]] == ["Introductions and Apologies", "Knife crime", "AOB"]


def test_new_report_on_the_subgroup_template(seed: Path, cli: Callable[..., object]) -> None:
    result = cli("--records", seed, "new", "report", "ivolt", "--meeting", "2022-03-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    path = seed / "reports" / "2022-03-30" / "ivolt-update.yaml"
    data = load(path).data
    assert data["kind"] == "subgroup_update" and data["subgroup"] == "ivolt"
    assert data["authors"] == ["Mel Baker", "Jonathan Woodhams"]
    assert [s["heading"] for s in data["sections"]] == [
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
