"""Each lint check on small record trees built inline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.checks import run_all
from cspctl.problem import Problem
from cspctl.records.store import load_records
from tests.conftest import MEETING


def findings(root: Path, code: str | None = None) -> list[Problem]:
    problems = run_all(load_records(root))
    return [p for p in problems if code is None or p.code == code]


def test_the_minimal_board_is_clean(board: Callable[..., Path]) -> None:
    assert findings(board()) == []


def test_unknown_person_is_located_with_a_suggestion(board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("[Pat Chair, Sam Lead]", "[Pat Chair, Sam Leed]")})
    [problem] = findings(root, "CSP201")
    assert problem.level == "error"
    assert problem.message == "'Sam Leed' is not in the people register (did you mean 'Sam Lead'?)"
    assert (problem.line, problem.column) == (9, 24)


def test_names_resolve_by_id_alias_and_case(board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("[Pat Chair, Sam Lead]", "[pat-chair, samuel LEAD]")})
    assert findings(root, "CSP201") == []


def test_duplicate_ids(board: Callable[..., Path]) -> None:
    people = "people:\n  - {id: a, name: Ann}\n  - {id: b, name: Bob, aliases: [Ann]}\n  - {id: a, name: Al}\n"
    meeting = MEETING + "      - id: 2022-03-30/2.1\n        owners: [Pat Chair]\n        description: again\n"
    root = board(**{"people.yaml": people + "groups: [{id: chair, name: Chair}]\n",
                    "meetings/2022-03-30.yaml": meeting})
    messages = {p.message for p in findings(root, "CSP202")}
    assert "'Ann' already names 'a' (line 2)" in messages
    assert "the id 'a' is already the person on line 2" in messages  # two people, one id
    assert any("duplicate action id '2022-03-30/2.1'" in m for m in messages)


def test_meeting_file_name_matches_date(board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": None, "meetings/2022-03-31.yaml": MEETING})
    [problem] = findings(root, "CSP301")
    assert "does not match the meeting date 2022-03-30" in problem.message


def test_unusual_weekday_is_a_warning(board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": "meetings:\n  - date: 2022-06-30\n    items: []\n"})
    [problem] = findings(root, "CSP302")
    assert problem.level == "warning"
    assert problem.message == "2022-06-30 is a Thursday; the board meets on Wednesdays"
    assert problem.path.endswith("forward-plan.yaml") and problem.line == 2


def test_agenda_overrun_counts_standing_items(board: Callable[..., Path]) -> None:
    plan = "meetings:\n  - date: 2022-06-29\n    items:\n      - {title: Long, duration: 175}\n"
    [problem] = findings(board(**{"forward-plan.yaml": plan}), "CSP303")
    assert problem.message == "the agenda for 2022-06-29 runs 185 minutes, 5 over its 180-minute slot"


def test_declared_agenda_rules(board: Callable[..., Path]) -> None:
    from tests.conftest import PARTNERSHIP

    rules = ("agenda_rules:\n  - {id: stop-search, description: stop and search, match: [stop and search],"
             " applies_from: 2022-01-01}\n")
    root = board(**{"partnership.yaml": PARTNERSHIP + rules})
    [problem] = findings(root, "CSP304")
    assert "has no item for 'stop and search'" in problem.message and problem.level == "warning"
    later = rules.replace("2022-01-01", "2022-04-01")
    assert findings(board(**{"partnership.yaml": PARTNERSHIP + later}), "CSP304") == []


def test_approved_minutes_need_approved_at(board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("status: drafted", "status: approved")})
    [problem] = findings(root, "CSP305")
    assert "approved_at" in problem.message


def test_action_due_before_raised(board: Callable[..., Path]) -> None:
    meeting = MEETING.replace("description: circulate the figures",
                              "description: circulate the figures\n        due: 2022-03-01")
    [problem] = findings(board(**{"meetings/2022-03-30.yaml": meeting}), "CSP401")
    assert problem.message == "action 2022-03-30/2.1 is due before it was raised (2022-03-30)"
    assert problem.line == 24


def test_completed_action_without_date_is_a_warning(board: Callable[..., Path]) -> None:
    meeting = MEETING.replace("description: circulate the figures",
                              "description: circulate the figures\n        status: completed")
    [problem] = findings(board(**{"meetings/2022-03-30.yaml": meeting}), "CSP402")
    assert problem.level == "warning"


REPORT = """\
id: ivolt-update
kind: subgroup_update
meeting: 2022-03-30
subject: IVOLT Subgroup Update
subgroup: ivolt
authors: [Sam Lead]
sections:
  - kind: appendices
    heading: List of Appendices
    appendices:
      - {title: Slides, report: missing-slides}
"""


def test_report_meeting_and_references(board: Callable[..., Path]) -> None:
    root = board(**{"reports/2022-04-01/ivolt-update.yaml": REPORT.replace("2022-03-30", "2022-04-01")})
    [missing_meeting] = findings(root, "CSP501")
    assert missing_meeting.message == "no meeting on 2022-04-01 in meetings/ or the forward plan"
    [missing_paper] = findings(root, "CSP502")
    assert missing_paper.message == "no report with id 'missing-slides'"


def test_red_plan_action_without_progress(board: Callable[..., Path]) -> None:
    plan = """\
    id: vru
    title: VRU plan
    themes:
      - id: governance
        title: Governance
        actions:
          - {number: 1, action: Do a thing, rag: red, start: 2022-01-01, end: 2021-12-01}
    """
    root = board(**{"plans/vru.yaml": plan})
    assert sorted(p.code for p in findings(root)) == ["CSP601", "CSP602"]


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("  - title: X\n    restricted: yes\n", "CSP103", "items[3].restricted: must be true or false"),
        ("  - title: X\n    restricted: 1\n", "CSP103", "items[3].restricted: must be true or false"),
        ("  - title: X\n    restricted:\n", "CSP103", "items[3].restricted: must be true or false"),
        ("  - title: X\n    restricte: true\n", "CSP101", "unknown field 'restricte' (did you mean 'restricted'?)"),
        ("  - title: X\n    duration: '10'\n", "CSP103", "items[3].duration: must be a whole number"),
        ("  - title: X\n    duration: true\n", "CSP103", "items[3].duration: must be a whole number"),
        ("  - title: X\n    duration: -5\n", "CSP103", "items[3].duration: input should be greater than or equal to 0"),
        ("  - kind: report\n", "CSP102", "missing required field 'title'"),
    ],
)
def test_schema_errors_are_worded_and_located(board: Callable[..., Path], text: str, code: str, message: str) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING + text})
    [problem] = findings(root, code)
    assert problem.message == message
    assert problem.line == (24 if code == "CSP102" else 25)


def test_schema_errors_never_echo_values(board: Callable[..., Path]) -> None:
    secret = "CANARY-restricted-text"
    meeting = MEETING + f"  - title: X\n    restricted: true\n    minutes: [{secret}]\n    due: {secret}\n"
    problems = findings(board(**{"meetings/2022-03-30.yaml": meeting}))
    assert problems and all(secret not in p.message for p in problems)


@pytest.mark.parametrize(("value", "message"), [
    ("2022-02-30", "date: is not a real calendar date"),
    ("03/04/2024", "date: expected an ISO date such as 2022-03-30"),
    ("0", "date: expected an ISO date such as 2022-03-30"),
])
def test_bad_dates(board: Callable[..., Path], value: str, message: str) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("date: 2022-03-30", f"date: {value}")})
    assert message in [p.message for p in findings(root, "CSP103")]


def test_time_must_be_hh_mm(board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace('start: "10:00"', "start: 1000")})
    [problem] = findings(root, "CSP103")
    assert problem.message == 'start: expected a 24-hour time in quotes, such as "10:00"'
