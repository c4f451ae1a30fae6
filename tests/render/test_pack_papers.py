"""`cspctl render pack DATE` with every kind of paper an item can name, as a user runs it:
reports, action plans, the forward plan, the action log and files in the records folder,
in agenda order (sub-items included); and the seed's December pack with all twelve papers."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.models.meeting import Item
from cspctl.render.pack import item_numbers
from tests.conftest import SEED_RECORDS, Result

Cli = Callable[..., Result]

BOARD_MEETING = """\
date: 2022-03-30
start: "10:00"
venue: Town Hall
status: planned
items:
  - title: Minutes and Actions
    kind: standing
    papers: [actions]
  - title: Serious violence
    papers: [violence-plan]
    items:
      - title: Street survey
        papers: [street-survey]
      - title: Police data
        number: 2b
        papers: [{path: papers/police-data.pdf, title: Police data pack}]
  - title: Forward Plan
    kind: standing
    papers: [forward-plan, violence-plan]
"""

SURVEY = """\
id: street-survey
kind: report
meeting: 2022-03-30
subject: Street survey results
authors: [Sam Lead]
sections:
  - kind: overview
    heading: Overview
    paragraphs: [Residents answered the street survey.]
"""

PLAN = """\
id: violence-plan
title: Serious Violence Plan 2022
themes:
  - id: prevention
    title: Prevention
    actions:
      - {number: 1, action: Open two youth hubs, leads: [Sam Lead], rag: green}
      - {number: 2, action: Review lighting in parks, mandated: true}
"""

FORWARD = """\
title: Board forward plan 2022
meetings:
  - date: 2022-06-29
    items:
      - {title: Hate crime review, presenters: [Sam Lead]}
"""


@pytest.fixture
def paper_board(board: Callable[..., Path]) -> Path:
    root = board(**{"meetings/2022-03-30.yaml": BOARD_MEETING,
                    "reports/2022-03-30/street-survey.yaml": SURVEY,
                    "plans/violence-plan.yaml": PLAN,
                    "forward-plan.yaml": FORWARD})
    (root / "papers").mkdir()
    (root / "papers" / "police-data.pdf").write_bytes(b"%PDF-1.4 not a record\n")
    return root


def contents(text: str) -> list[str]:
    """The pack's contents list as printed (Markdown)."""
    block = text.split("### Contents", 1)[1].split("---", 1)[0]
    return [line for line in block.strip().splitlines() if line]


def test_board_lints_clean(cli: Cli, paper_board: Path) -> None:
    result = cli("--records", paper_board, "lint")
    assert result.code == 0, result.out


def test_pack_holds_every_kind_of_paper_in_agenda_order(cli: Cli, paper_board: Path) -> None:
    result = cli("--records", paper_board, "render", "pack", "2022-03-30")
    assert result.code == 0, result.err
    assert contents(result.out) == [
        "1. Agenda",
        "2. Item 1 — Action log",
        "3. Item 2 — Serious Violence Plan 2022",
        "4. Item 2.1 — Street survey results",
        "5. Item 2b — Police data pack",
        "6. Item 3 — Board forward plan 2022",
    ]
    out = result.out
    # the plan as `render plan` shows it, the forward plan as `render forward-plan` shows it
    assert "Open two youth hubs" in out and "### 1.2 (mandated)" in out
    assert "## Board forward plan 2022" in out and "Hate crime review" in out
    # the report with its numbered paragraphs; the action log as at the meeting
    assert "1.1 Residents answered the street survey." in out
    assert out.count("circulate the figures") == 0  # no action raised before 30 March
    # a file paper is a titled entry with its path; its content is not read
    assert "# Police data pack\n\nFile: papers/police-data.pdf" in out
    assert "not a record" not in out
    # the plan named twice appears once
    assert out.count("# Serious Violence Plan 2022") == 1


def test_action_log_sits_up_front_when_no_item_names_it(cli: Cli, paper_board: Path) -> None:
    meeting = BOARD_MEETING.replace("    papers: [actions]\n", "")
    (paper_board / "meetings" / "2022-03-30.yaml").write_text(meeting, encoding="utf-8")
    result = cli("--records", paper_board, "render", "pack", "2022-03-30")
    assert result.code == 0, result.err
    assert contents(result.out)[:3] == ["1. Agenda", "2. Action log",
                                        "3. Item 2 — Serious Violence Plan 2022"]


def test_html_pack_links_the_file_paper_and_lists_every_paper(cli: Cli, paper_board: Path) -> None:
    result = cli("--records", paper_board, "render", "pack", "2022-03-30", "--format", "html")
    assert result.code == 0, result.err
    assert '<a href="papers/police-data.pdf">papers/police-data.pdf</a>' in result.out
    listed = [html.unescape(t) for t in re.findall(r'<li><a href="#paper-\d+">([^<]*)</a></li>', result.out)]
    assert listed == ["Agenda", "Item 1 — Action log", "Item 2 — Serious Violence Plan 2022",
                      "Item 2.1 — Street survey results", "Item 2b — Police data pack",
                      "Item 3 — Board forward plan 2022"]
    assert '<td class="rag-green">Green</td>' in result.out


def test_a_file_paper_gone_from_disk_is_refused_where_it_is_named(cli: Cli, paper_board: Path) -> None:
    (paper_board / "papers" / "police-data.pdf").unlink()
    result = cli("--records", paper_board, "render", "pack", "2022-03-30")
    assert result.code == 1
    assert re.search(r"meetings/2022-03-30\.yaml:16:\d+: CSP502 paper path names no file", result.err)
    assert "Traceback" not in result.err and result.out == ""


def test_item_numbers_follow_order_and_own_numbers() -> None:
    items = [Item(title="A"), Item(title="B", items=[Item(title="B1"), Item(title="B2", number="4b")]),
             Item(title="C", number="31", items=[Item(title="C1")])]
    assert list(item_numbers(items).values()) == ["1", "2", "2.1", "4b", "31", "31.1"]


# --- the seed's December pack: all twelve papers --------------------------------------------

DECEMBER = [
    # six reports on the template (three reports, three subgroup updates)
    "GPS Tagging for domestic abuse on licence",
    "MPS Update on Street Violence",
    "Community Safety Partnership Plan 2019-2022 Annual Review",
    "Contextual Safeguarding & Exploitation Subgroup Update",
    "YOS Board Subgroup Update",
    "Hate Crime, Intolerance, Extremism and Tension Monitoring Subgroup Update",
    # three presentations
    "Appendix 1: GPS Tagging Presentation",
    "First Time Entrants Update",
    "Women’s Safety Survey Update",
    # Appendix A, the VRU plan and the forward plan
    "Appendix A: Community Safety Partnership Plan 2019-2022 Annual Review",
    "London Borough of Barking and Dagenham - Community Safety Partnership Local Violence and "
    "Vulnerability Reduction Action Plan 2021/22",
    "Community Safety Partnership Board Forward Plan",
]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_december_pack_holds_all_twelve_seed_papers(cli: Cli, fmt: str) -> None:
    result = cli("--records", SEED_RECORDS, "render", "pack", "2021-12-08", "--format", fmt)
    assert result.code == 0, result.err
    out = html.unescape(result.out)
    if fmt == "markdown":
        listed = [re.sub(r"^\d+\. (Item \d+ — )?", "", line) for line in contents(out)]
    else:
        listed = [re.sub(r"^Item \d+ — ", "", t)
                  for t in re.findall(r'<li><a href="#paper-\d+">([^<]*)</a></li>', out)]
    papers = [t for t in listed if t not in ("Agenda", "Action log") and not t.startswith("Minutes of")]
    assert sorted(papers) == sorted(DECEMBER)
    # each paper's own content is there, not just its name
    for text in ("Monthly Tactical Tasking Co-ordination Group",           # VRU plan, action 1.2
                 "Profiles to be supported by the intel anaylist",          # VRU plan progress
                 "Wednesday 28 September 2022",                             # forward plan, 3rd meeting
                 "Stephen Port Inquest Information and Advice Leaflet",     # hate crime appendix list
                 "What is a First Time Entrant (FTE) ?"):                   # FTE slide
        assert text in out, text
    # in the seed's order: the plan is item 9's paper, the forward plan item 10's, then AOB's
    assert out.index("Monthly Tactical Tasking") < out.index("Wednesday 28 September 2022") \
        < out.index("The YOS board has met twice this quarter")
    # In Markdown a rule also opens the footer (which records the pack was made from).
    sections = out.count('<section class="paper paper-') if fmt == "html" else out.count("\n---\n") - 1
    assert sections == 15  # agenda, September minutes, action log and the twelve papers


def test_a_file_paper_outside_the_folder_is_never_read_or_linked(cli: Cli, paper_board: Path) -> None:
    meeting = BOARD_MEETING.replace("papers/police-data.pdf", "javascript:alert(1)")
    (paper_board / "meetings" / "2022-03-30.yaml").write_text(meeting, encoding="utf-8")
    result = cli("--records", paper_board, "render", "pack", "2022-03-30", "--format", "html")
    assert result.code == 1 and result.out == ""
    assert "CSP503 paper path is a URL; name a file inside the records folder" in result.err
    assert "javascript" not in result.err
