"""Papers for any board: timings only as recorded, item numbers and sub-items, item chairs and
statuses, cancelled meetings, attendance entries, declarations and quorum — through the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BOARD = """\
name: Valley Partnership
meetings: {start: "18:00", venue: Town Hall}
"""

PLAIN = """\
date: 2022-03-30
chair: Pat Chair
status: drafted
attendance:
  present: [Pat Chair, Sam Lead]
items:
  - title: Welcome
  - title: Budget
    presenters: [Sam Lead]
"""


def make(board: Callable[..., Path], meeting: str = PLAIN, partnership: str = BOARD, **more: str) -> Path:
    return board(partnership_yaml=partnership, **{"meetings/2022-03-30.yaml": meeting}, **more)


def render(cli, root: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("--records", root, "render", *args)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return str(result.out)


# 1. Timings

def test_start_only_prints_the_start_and_no_timing_columns(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board)
    out = render(cli, root, "agenda", "2022-03-30")
    assert "**Wednesday 30 March 2022**\\\n18:00, Town Hall\\\nChair: Pat Chair\n" in out
    assert "| Item | Title | Presenter(s) |\n|---:|---|---|\n| 1 | Welcome |  |\n| 2 | Budget | Sam Lead |" in out
    assert "Start" not in out and "Mins" not in out and "Timings" not in out
    html = render(cli, root, "agenda", "2022-03-30", "--format", "html")
    assert "<dt>Time</dt><dd>18:00</dd>" in html and "<th>Start</th>" not in html
    minutes = render(cli, root, "minutes", "2022-03-30")
    assert "**Wednesday 30 March 2022**\\\n18:00, Town Hall\n" in minutes


def test_no_start_means_no_clock_at_all(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board, partnership="name: Valley Partnership\n")
    out = render(cli, root, "agenda", "2022-03-30")
    assert "**Wednesday 30 March 2022**\\\nChair: Pat Chair\n" in out
    assert ":00" not in out and "to be confirmed" not in out
    html = render(cli, root, "agenda", "2022-03-30", "--format", "html")
    assert "<dt>Time</dt>" not in html and "<dt>Venue</dt>" not in html


def test_start_times_stop_after_an_item_of_unknown_length(cli, board) -> None:  # type: ignore[no-untyped-def]
    meeting = PLAIN.replace("  - title: Welcome\n", "  - title: Welcome\n    duration: 10\n")
    meeting += "  - title: Close\n    duration: 5\n"
    out = render(cli, make(board, meeting), "agenda", "2022-03-30")
    assert "| Item | Start | Title | Presenter(s) | Mins |" in out
    assert "| 1 | 18:00 | Welcome |  | 10 |" in out
    assert "| 2 | 18:10 | Budget | Sam Lead |  |" in out
    assert "| 3 |  | Close |  | 5 |" in out  # the clock is unknown after Budget


def test_forward_plan_keeps_durations_but_prints_no_clock_or_advice(cli, board) -> None:  # type: ignore[no-untyped-def]
    plan = """\
    meetings:
      - date: 2022-06-29
        items:
          - {title: Knife crime, duration: 300}
    """
    partnership = BOARD.replace('start: "18:00"', 'start: "18:00", end: "20:00"')
    root = make(board, partnership=partnership, **{"forward-plan.yaml": plan})
    out = render(cli, root, "forward-plan")
    assert "| 1 | Knife crime |  | 300 |" in out
    assert "18:00" not in out and "Timings" not in out and "over" not in out
    lint = cli("--records", root, "lint")
    assert "CSP303 the agenda for 2022-06-29 runs 300 minutes, 180 over its 120-minute slot" in lint.out


def test_overrun_is_not_checked_without_an_end(cli, board) -> None:  # type: ignore[no-untyped-def]
    meeting = PLAIN.replace("  - title: Welcome\n", "  - title: Welcome\n    duration: 600\n")
    result = cli("--records", make(board, meeting), "lint")
    assert "CSP303" not in result.out and "CSP302" not in result.out  # no end; no usual weekday


def test_next_meeting_is_titled_as_the_records_say(cli, board) -> None:  # type: ignore[no-untyped-def]
    meeting = PLAIN + "  - title: Date of next meeting\n    kind: standing\n"
    plan = "meetings:\n  - date: 2022-06-29\n"
    out = render(cli, make(board, meeting, **{"forward-plan.yaml": plan}), "minutes", "2022-03-30")
    assert "### 3. DATE OF NEXT MEETING\n\nValley Partnership\\\nWednesday 29 June 2022, 18:00\\\nTown Hall\n" in out
    assert " Board" not in out and "Venue to be confirmed" not in out


# 2. Items

NESTED = """\
date: 2022-03-30
status: drafted
attendance:
  present: [Pat Chair]
items:
  - title: Welcome
  - number: 4a
    title: Police update
    chair: Sam Lead
  - title: Plan refresh
    items:
      - title: Survey
        minutes: Residents answered.
      - number: 3c
        title: Priorities
        actions:
          - id: 2022-03-30/3c.1
            owners: [Sam Lead]
            description: share the priorities
  - title: ASB review
    status: deferred
    deferred_to: 2022-06-29
  - title: CCTV bid
    status: withdrawn
"""


def test_numbers_sub_items_chairs_and_statuses_in_agenda_and_minutes(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board, NESTED)
    agenda = render(cli, root, "agenda", "2022-03-30")
    assert "| 4a | Police update — Chair for this item: Sam Lead |  |" in agenda
    assert "| 3 | Plan refresh |  |\n| 3.1 | Survey |  |\n| 3c | Priorities |  |" in agenda
    assert "| 4 | ASB review — Deferred to 29 June 2022 |  |" in agenda
    assert "| 5 | CCTV bid — Withdrawn |  |" in agenda
    minutes = render(cli, root, "minutes", "2022-03-30")
    assert "### 4a. POLICE UPDATE\n\n_Chair for this item: Sam Lead_\n" in minutes
    assert "### 3. PLAN REFRESH\n\n#### 3.1 Survey\n\nResidents answered.\n\n#### 3c Priorities\n" in minutes
    assert "ACTION: Sam Lead to share the priorities" in minutes
    assert "### 4. ASB REVIEW\n\n_Deferred to 29 June 2022_\n" in minutes
    assert "### 5. CCTV BID\n\n_Withdrawn_\n" in minutes
    html = render(cli, root, "minutes", "2022-03-30", "--format", "html")
    assert "<h4>3.1 Survey</h4>" in html and '<p class="note">Chair for this item: Sam Lead</p>' in html


def test_a_board_can_word_its_own_labels(cli, board) -> None:  # type: ignore[no-untyped-def]
    partnership = BOARD + "labels: {item_chair: In the chair, withdrawn: Item withdrawn}\n"
    minutes = render(cli, make(board, NESTED, partnership=partnership), "minutes", "2022-03-30")
    assert "_In the chair: Sam Lead_" in minutes and "_Item withdrawn_" in minutes


RESTRICTED = """\
date: 2022-03-30
status: drafted
attendance:
  present: [Pat Chair, Sam Lead]
declarations:
  - {person: Sam Lead, item: "2", interest: Sits on the panel}
  - {person: Pat Chair, item: Budget, interest: Owns a shop in the area}
items:
  - title: Budget
    items:
      - title: Secret bidder
        restricted: true
        presenters: [Sam Lead]
        minutes: The bidder is Acme.
        actions:
          - {id: 2022-03-30/1.1.1, owners: [Sam Lead], description: call Acme}
  - title: Prevent case
    restricted: true
    minutes: Case details.
    items:
      - title: Named subject
        minutes: Subject details.
"""


def test_restricted_items_hide_their_sub_items_and_restricted_sub_items_keep_their_title(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board, RESTRICTED)
    for kind in ("agenda", "minutes"):
        for fmt in ("markdown", "html"):
            out = render(cli, root, kind, "2022-03-30", "--format", fmt)
            assert "secret bidder" in out.casefold() and "prevent case" in out.casefold()
            for secret in ("Acme", "Named subject", "Subject details", "Case details", "Sits on the panel"):
                assert secret not in out, (kind, fmt, secret)
    minutes = render(cli, root, "minutes", "2022-03-30")
    assert "#### 1.1 RESTRICTED: Secret bidder\n\nRestricted item due to sensitive information" in minutes
    assert "Pat Chair (item Budget): Owns a shop in the area" in minutes  # a public item's declaration
    full = render(cli, root, "minutes", "2022-03-30", "--include-restricted")
    assert "The bidder is Acme." in full and "Subject details." in full and "Sits on the panel" in full
    calendar = cli("--records", root, "calendar").out
    assert "Named subject" not in calendar


# 3. Meetings

CANCELLED = """\
date: 2022-03-30
status: cancelled
notes: Cancelled for the elections.
"""


def test_cancelled_meeting_renders_a_notice_in_every_format(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board, CANCELLED)
    for kind in ("agenda", "minutes"):
        out = render(cli, root, kind, "2022-03-30")
        assert "**Meeting cancelled**\n\nCancelled for the elections." in out
        assert "18:00" not in out and "Members Present" not in out
        html = render(cli, root, kind, "2022-03-30", "--format", "html")
        assert "<strong>Meeting cancelled</strong>" in html
        assert cli("--records", root, "render", kind, "2022-03-30", "--format", "docx",
                   "--output", root.parent / f"{kind}.docx").code == 0


def test_a_cancelled_meeting_is_never_the_next_meeting(cli, board) -> None:  # type: ignore[no-untyped-def]
    meeting = PLAIN + "  - title: Date of next meeting\n"
    plan = "meetings:\n  - {date: 2022-05-04, status: cancelled, notes: Elections}\n  - date: 2022-06-29\n"
    root = make(board, meeting, **{"forward-plan.yaml": plan},
                **{"meetings/2022-04-27.yaml": "date: 2022-04-27\nstatus: postponed\n"})
    out = render(cli, root, "minutes", "2022-03-30")
    assert "Wednesday 29 June 2022" in out and "April" not in out and "May" not in out
    from cspctl.records.store import load_records

    records = load_records(root)
    assert records.next_meeting_after(records.meetings[0].model.date) == records.forward_plan.model.meetings[1].date  # type: ignore[union-attr]


def test_cancelled_meetings_expect_no_minutes_and_approve_none(cli, board) -> None:  # type: ignore[no-untyped-def]
    later = CANCELLED.replace("2022-03-30", "2022-06-29")
    root = make(board, **{"meetings/2022-06-29.yaml": later,
                          "forward-plan.yaml": "meetings:\n  - date: 2022-09-28\n"})
    refused = cli("--records", root, "approve", "2022-06-29", "--at", "2022-09-28")
    assert refused.code == 1 and "was cancelled: it has no minutes to approve" in refused.err
    at_cancelled = cli("--records", root, "approve", "2022-03-30", "--at", "2022-06-29")
    assert at_cancelled.code == 1
    assert "minutes can only be approved at a meeting that takes place" in at_cancelled.err
    status = cli("--records", root, "status", "2022-06-29", "--as-of", "2022-06-01")
    assert status.code == 0 and "The meeting is cancelled: no papers are expected." in status.out
    assert "not ready" in status.out
    assert "Papers: 0 of 0 filed" in status.out


def test_forward_plan_meeting_can_be_cancelled(cli, board) -> None:  # type: ignore[no-untyped-def]
    plan = "meetings:\n  - {date: 2022-06-29, status: postponed, notes: To the autumn}\n"
    root = make(board, **{"forward-plan.yaml": plan})
    assert cli("--records", root, "lint").code == 0
    out = render(cli, root, "agenda", "2022-06-29")
    assert "**Meeting postponed**\n\nTo the autumn" in out
    plan_paper = render(cli, root, "forward-plan")
    assert "**Meeting postponed**\n\n_To the autumn_" in plan_paper and "| Item |" not in plan_paper


# 3 and 4. Quorum, attendance entries and declarations

ATTENDED = """\
date: 2022-03-30
chair: Pat Chair
status: drafted
quorate: false
attendance:
  present:
    - Pat Chair
    - {name: Jo Officer, organisation: District Council, for: Sam Lead, note: left after item 1}
  apologies: [Sam Lead]
declarations:
  - {person: Jo Officer, item: "1", interest: Her partner runs the scheme}
items:
  - title: Declarations of interest
  - title: Scheme
"""


def test_attendance_entries_print_as_written_with_organisation_and_substitution(cli, board) -> None:  # type: ignore[no-untyped-def]
    root = make(board, ATTENDED)
    out = render(cli, root, "minutes", "2022-03-30")
    assert ("**Members Present:** Pat Chair (CHAIR) and Jo Officer (District Council, for Sam Lead, "
            "left after item 1).") in out
    assert "**Apologies:** Sam Lead." in out
    assert "The meeting was not quorate." in out
    assert "### 1. DECLARATIONS OF INTEREST\n\n- Jo Officer (item 1): Her partner runs the scheme\n" in out
    html = render(cli, root, "minutes", "2022-03-30", "--format", "html")
    assert "<li>Jo Officer (item 1): Her partner runs the scheme</li>" in html
    assert "<p>The meeting was not quorate.</p>" in html


def test_declarations_without_their_item_follow_the_attendance(cli, board) -> None:  # type: ignore[no-untyped-def]
    meeting = ATTENDED.replace("  - title: Declarations of interest\n", "").replace("quorate: false\n", "")
    out = render(cli, make(board, meeting), "minutes", "2022-03-30")
    assert "**Declarations of interest:**\n\n- Jo Officer (item 1): Her partner runs the scheme\n" in out
    assert "quorate" not in out


def test_no_declarations_line_is_never_invented(cli, board) -> None:  # type: ignore[no-untyped-def]
    declared = 'declarations:\n  - {person: Jo Officer, item: "1", interest: Her partner runs the scheme}\n'
    assert declared in ATTENDED
    meeting = ATTENDED.replace(declared, "")
    out = render(cli, make(board, meeting), "minutes", "2022-03-30")
    assert "### 1. DECLARATIONS OF INTEREST\n\n### 2. SCHEME" in out
    assert "No declarations" not in out and "Declarations of interest:" not in out


def test_word_minutes_follow_the_markdown_structure(cli, board) -> None:  # type: ignore[no-untyped-def]
    import docx

    root = make(board, NESTED)
    target = root.parent / "minutes.docx"
    assert cli("--records", root, "render", "minutes", "2022-03-30", "--format", "docx",
               "--output", target).code == 0
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(target)).paragraphs]
    assert ("Heading 3", "3. PLAN REFRESH") in paragraphs
    assert ("Heading 4", "3.1 Survey") in paragraphs
    assert ("Normal", "Deferred to 29 June 2022") in paragraphs
