"""The bundled board is the seed, whole: counts of what the seed holds, so nothing goes missing.

The numbers come from reading ../shared/seeds/000_52cf80fff91103ae.txt: minutes of
29 September 2021, papers for 8 December 2021, the 2022 forward plan and the VRU plan.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cspctl.checks import run_all
from cspctl.records.store import Records, load_records
from tests.conftest import SEED_RECORDS


@pytest.fixture(scope="module")
def seed() -> Records:
    return load_records(SEED_RECORDS)


def test_seed_records_lint_without_errors(seed: Records) -> None:
    errors = [str(p) for p in run_all(seed) if p.level == "error"]
    assert errors == []


def test_september_minutes(seed: Records) -> None:
    meeting = seed.meeting(__import__("datetime").date(2021, 9, 29))
    assert meeting is not None
    model = meeting.model
    assert len(model.items) == 13
    assert [i + 1 for i, item in enumerate(model.items) if item.restricted] == [7, 8, 9]
    actions = [a for item in model.items for a in item.actions]
    assert len(actions) == 12
    assert Counter(a.status for a in actions) == {"open": 8, "completed": 4}
    assert [a.id for a in actions if a.carried_from == "2021-06"] == [
        "2021-09-29/3.1", "2021-09-29/3.2", "2021-09-29/3.3", "2021-09-29/3.4"]
    assert (len(model.attendance.present), len(model.attendance.additional),
            len(model.attendance.apologies)) == (21, 4, 8)
    assert (model.chair, model.note_taker) == ("Paul Trevers", "Jade Hodgson")


def test_december_meeting_and_its_papers(seed: Records) -> None:
    papers = Counter(r.model.kind for r in seed.reports if str(r.model.meeting) == "2021-12-08")
    assert papers == {"report": 4, "subgroup_update": 3, "presentation": 3}
    filed = {r.model.id for r in seed.reports}
    assert {"gps-tagging", "first-time-entrants", "mps-street-violence", "womens-safety-survey",
            "csp-plan-annual-review", "contextual-safeguarding-update", "yos-board-update",
            "hate-crime-update"} <= filed
    december = seed.meeting(__import__("datetime").date(2021, 12, 8))
    assert december is not None
    named = {p for item in december.model.items for p in item.papers}
    assert named == filed | {"vru-2021-22", "forward-plan"}


def test_forward_plan(seed: Records) -> None:
    assert seed.forward_plan is not None
    per_meeting = {str(p.date): len(p.items) for p in seed.forward_plan.model.meetings}
    assert per_meeting == {"2022-03-30": 10, "2022-06-30": 2, "2022-09-28": 2}
    restricted = [i.title for p in seed.forward_plan.model.meetings for i in p.items if i.restricted]
    assert restricted == ["Prevent Update"] * 3


def test_vru_plan(seed: Records) -> None:
    plan = seed.plan("vru-2021-22")
    assert plan is not None
    per_theme = {t.id: len(t.actions) for t in plan.model.themes}
    assert per_theme == {
        "governance": 7, "analysis-and-enforcement": 13, "reducing-access-to-weapons": 3,
        "safeguarding-and-educating-children-and-young-people": 17,
        "working-with-communities": 11, "supporting-victims": 10, "positive-diversion": 10,
    }
    mandated = sum(a.mandated for t in plan.model.themes for a in t.actions)
    seed_text = (Path(__file__).resolve().parents[2] / "shared/seeds/000_52cf80fff91103ae.txt")
    if seed_text.exists():
        assert mandated == seed_text.read_text(encoding="utf-8").count("VRU Mandated Action")
    assert mandated == 35


def test_people_register_absorbs_the_seed_spellings(seed: Records) -> None:
    register = seed.register
    for one, other in [("Narinder Dail", "Narinder Dial"), ("Dan James", "Daniel James"),
                       ("Steve Thompson", "Stephen Thompson"), ("Tarina Evans", "Tarinder Evans")]:
        first, second = register.resolve(one), register.resolve(other)
        assert first is not None and first is second
    assert register.person_ids("CSP Board Chairs") == {"paul-trevers", "margaret-mullane"}


def test_the_seed_contradictions_are_reported_not_fixed(seed: Records) -> None:
    messages = [p.message for p in run_all(seed)]
    assert "2022-06-30 is a Thursday; the board meets on Wednesdays" in messages
