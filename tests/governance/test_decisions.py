"""`cspctl decisions` and `render decisions`: the register read back as its readers read it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

MEETING_DECIDED = """\
date: 2022-03-30
status: approved
approved_at: 2022-06-29
items:
  - title: Introductions and Apologies
    kind: standing
  - title: Violence performance
    decisions:
      - The board agreed the | performance framework.
      - The board noted the figures.
  - title: Youth strategy
    items:
      - title: Consultation
        decisions: [The consultation will run for twelve weeks.]
  - number: "9a"
    title: Prevent update
    restricted: true
    decisions: [Agreed SECRETDECISION.]
"""

MEETING_DRAFT = """\
date: 2022-06-29
status: drafted
items:
  - title: Budget
    decisions: [The board approved the 2022/23 budget.]
"""


@pytest.fixture
def decided(board: Callable[..., Path]) -> Path:
    return board(**{"meetings/2022-03-30.yaml": MEETING_DECIDED,
                    "meetings/2022-06-29.yaml": MEETING_DRAFT})


def test_json_lists_every_public_decision_with_meeting_and_item(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", decided, "decisions", "--format", "json")
    assert result.code == 0, result.err
    rows = [(d["meeting"], d["item"], d["title"], d["decision"], d["minutes_status"]) for d in json.loads(result.out)]
    assert rows == [
        ("2022-03-30", "2", "Violence performance", "The board agreed the | performance framework.", "approved"),
        ("2022-03-30", "2", "Violence performance", "The board noted the figures.", "approved"),
        ("2022-03-30", "3.1", "Consultation", "The consultation will run for twelve weeks.", "approved"),
        ("2022-06-29", "1", "Budget", "The board approved the 2022/23 budget.", "drafted"),
    ]
    assert "SECRETDECISION" not in result.out


def test_restricted_decisions_only_when_asked(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", decided, "decisions", "--format", "json", "--include-restricted")
    restricted = [d for d in json.loads(result.out) if d["restricted"]]
    assert [(d["item"], d["decision"]) for d in restricted] == [("9a", "Agreed SECRETDECISION.")]


def test_since_and_until_select_meetings(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    late = json.loads(cli("--records", decided, "decisions", "--since", "2022-04-01", "--format", "json").out)
    assert {d["meeting"] for d in late} == {"2022-06-29"}
    early = json.loads(cli("--records", decided, "decisions", "--until", "2022-03-30", "--format", "json").out)
    assert {d["meeting"] for d in early} == {"2022-03-30"}
    assert cli("--records", decided, "decisions", "--since", "March").code == 2


def test_csv_opens_in_a_spreadsheet(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", decided, "decisions", "--format", "csv").out
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0] == ["meeting", "item", "title", "decision", "minutes_status", "restricted"]
    assert rows[1][3] == "The board agreed the | performance framework." and rows[1][5] == "no"


def test_markdown_and_plain_table(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    md = cli("--records", decided, "decisions", "--format", "markdown").out
    assert "| 2022-03-30 | 2 | Violence performance | The board agreed the \\| performance framework. |" in md
    plain = cli("--records", decided, "decisions").out
    assert "2022-03-30    3.1  Consultation: The consultation will run for twelve weeks." in plain
    empty = cli("--records", decided, "decisions", "--since", "2030-01-01").out
    assert empty == "No decisions recorded.\n"


def test_render_decisions_as_a_paper(cli, decided: Path) -> None:  # type: ignore[no-untyped-def]
    md = cli("--records", decided, "render", "decisions").out
    assert "(draft minutes)" in md and md.count("(draft minutes)") == 1
    assert "- **3.1. Consultation**: The consultation will run for twelve weeks." in md
    assert "SECRETDECISION" not in md
    page = cli("--records", decided, "render", "decisions", "-f", "html").out
    assert '<th scope="col">Decision</th>' in page and "SECRETDECISION" not in page
    full = cli("--records", decided, "render", "decisions", "--include-restricted").out
    assert full.startswith("CONFIDENTIAL") and "SECRETDECISION" in full


def test_the_bundled_board_records_no_decisions_and_says_so(cli) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SEED_RECORDS

    assert "No decisions are recorded." in cli("--records", SEED_RECORDS, "render", "decisions").out
