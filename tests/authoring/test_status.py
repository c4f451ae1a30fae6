"""`cspctl status`: papers expected against filed, the deadline, the agenda, actions due."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.authoring.workdays import working_days_before, working_days_between
from tests.conftest import SEED_RECORDS


def test_december_papers_on_the_seed(cli: Callable[..., object]) -> None:
    result = cli("--records", SEED_RECORDS, "status", "2021-12-08", "--as-of", "2021-11-29",
                 "--format", "json")
    assert result.code == 0  # type: ignore[attr-defined]
    data = json.loads(result.out)  # type: ignore[attr-defined]
    papers = {p["title"]: p for p in data["papers"]}
    assert papers["Hate Crime, Intolerance and Extremism"]["filed"] == ["hate-crime-update"]
    assert papers["IVOLT"]["missing"] and papers["IVOLT"]["owed_by"] == ["Mel Baker", "Jonathan Woodhams"]
    assert sorted(papers["GPS Tagging for domestic abuse on licence"]["filed"]) == [
        "gps-tagging", "gps-tagging-presentation"]
    assert data["deadline"] == "2021-12-01"
    assert data["working_days_to_deadline"] == 2
    assert data["ready"] is False
    assert data["slot_minutes"] == 180
    due = {a["id"] for a in data["open_actions_due"]}
    assert "2021-09-29/4.2" in due and "2021-09-29/3.2" not in due


def test_march_meeting_from_the_forward_plan(cli: Callable[..., object]) -> None:
    result = cli("--records", SEED_RECORDS, "status", "2022-03-30", "--as-of", "2022-03-28",
                 "--format", "json")
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert data["source"] == "forward plan"
    street = next(p for p in data["papers"] if p["title"].startswith("Street Space"))
    assert street["missing"] and street["owed_by"] == ["Tegan Mills", "Sophie Hardcastle"]
    assert data["deadline"] == "2022-03-23" and data["working_days_to_deadline"] == -3
    assert data["agenda_minutes"] == 139


def test_a_filed_update_is_matched_by_subgroup_and_a_paper_by_subject(
        seed: Path, cli: Callable[..., object]) -> None:
    assert cli("--records", seed, "new", "report", "ivolt", "--meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    paper = seed / "reports" / "2022-03-30" / "early-help.yaml"
    paper.write_text("id: early-help\nmeeting: 2022-03-30\nsubject: Early Help Review\nkind: report\n")
    data = json.loads(cli("--records", seed, "status", "2022-03-30", "--format", "json").out)  # type: ignore[attr-defined]
    papers = {p["title"]: p for p in data["papers"]}
    assert papers["IVOLT"]["filed"] == ["ivolt-update"]
    assert papers["Early Help Review"]["filed"] == ["early-help"]


def test_text_output_and_unknown_dates(cli: Callable[..., object]) -> None:
    text = cli("--records", SEED_RECORDS, "status", "2022-03-30", "--as-of", "2022-03-16")
    assert text.code == 0  # type: ignore[attr-defined]
    assert "Papers deadline: 2022-03-23 (Wednesday), in 5 working day(s)" in text.out  # type: ignore[attr-defined]
    assert "Agenda: 139 of 180 min" in text.out  # type: ignore[attr-defined]
    unknown = cli("--records", SEED_RECORDS, "status", "2022-04-01")
    assert unknown.code == 1 and "2022-03-30" in unknown.err  # type: ignore[attr-defined]
    assert cli("status", "--help").code == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(("day", "count", "expected"), [
    ("2022-03-30", 5, "2022-03-23"),   # Wednesday -> Wednesday before
    ("2022-03-28", 1, "2022-03-25"),   # Monday -> Friday
    ("2022-03-28", 0, "2022-03-28"),
    ("2022-03-27", 1, "2022-03-25"),   # a Sunday meeting still counts back working days
])
def test_working_days_before(day: str, count: int, expected: str) -> None:
    assert working_days_before(dt.date.fromisoformat(day), count) == dt.date.fromisoformat(expected)


def test_working_days_between_counts_weekdays_only() -> None:
    friday, monday = dt.date(2022, 3, 25), dt.date(2022, 3, 28)
    assert working_days_between(friday, monday) == 1
    assert working_days_between(monday, friday) == -1
    assert working_days_between(friday, friday) == 0
    assert working_days_between(dt.date(2022, 3, 1), dt.date(2022, 3, 31)) == 22
