"""The review rules and `cspctl diff` see sub-items: their action progress may change on
approved minutes, nothing else; their deleted actions are found; restricted sub-items stay hidden."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import Result
from tests.review.conftest import GitRepo

MEETING = "records/meetings/2021-09-29.yaml"
Cli = Callable[..., Result]
ANCHOR = "  - title: Subgroup Update Reports\n"
SUB_ITEMS = """\
    items:
      - title: Funding bids
        minutes: |
          Two bids were submitted.
        actions:
          - id: 2021-09-29/11.1.1
            owners: [Chris Lyons]
            description: circulate the bids
      - title: Named applicant
        restricted: true
        minutes: |
          The applicant is Acme Ltd.
"""


@pytest.fixture
def approved(repo: GitRepo) -> GitRepo:
    """The September minutes, with sub-items under AOB, approved at the December meeting."""
    repo.edit(MEETING, ANCHOR, SUB_ITEMS + ANCHOR)
    repo.edit(MEETING, "status: drafted\napproved_at: null", "status: approved\napproved_at: 2021-12-08")
    repo.commit("sub-items under AOB; approved")
    return repo


def review(cli: Cli, code: str) -> list[str]:
    result = cli("lint", "--base", "main")
    assert "Traceback" not in result.err
    return [line for line in result.out.splitlines() if f" {code} " in line]


def test_sub_item_action_progress_is_allowed_on_approved_minutes(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, "        description: circulate the bids\n",
                  "        description: circulate the bids\n        status: completed\n"
                  "        completed_on: 2021-10-01\n")
    assert review(cli, "CSP701") == []


def test_sub_item_minutes_are_frozen_once_approved(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, "Two bids were submitted.", "Three bids were submitted.")
    [line] = review(cli, "CSP701")
    assert "item 11 sub-item 1 minutes changed" in line


def test_a_deleted_sub_item_action_is_found(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, "        actions:\n          - id: 2021-09-29/11.1.1\n            owners: [Chris Lyons]\n"
                  "            description: circulate the bids\n", "")
    [line] = review(cli, "CSP703")
    assert "action 2021-09-29/11.1.1 was deleted" in line


def test_diff_names_sub_items_by_number_and_hides_restricted_ones(cli: Cli, approved: GitRepo) -> None:
    approved.git("checkout", "-q", "-b", "edit")
    approved.edit(MEETING, "status: approved\napproved_at: 2021-12-08", "status: drafted\napproved_at: null")
    approved.edit(MEETING, "Two bids were submitted.", "Three bids were submitted.")
    approved.edit(MEETING, "The applicant is Acme Ltd.", "The applicant is Beta plc.")
    approved.commit("edit the sub-items")
    result = cli("diff", "main", "edit", "--format", "json")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    minutes = [c for c in found if c["kind"] == "minutes"]
    assert {c["id"] for c in minutes} == {"11.1", "11.2"}
    hidden = next(c for c in minutes if c["id"] == "11.2")
    assert hidden["note"] == "minutes of a restricted item changed" and "Beta" not in result.out
    assert "Acme" not in result.out


def test_a_meeting_called_off_is_recorded_by_status_and_notes_not_deleted(cli: Cli, repo: GitRepo) -> None:
    december = "records/meetings/2021-12-08.yaml"
    text = (repo.root / december).read_text(encoding="utf-8")
    status = next(line for line in text.splitlines() if line.startswith("status:"))
    repo.edit(december, status + "\n", "status: cancelled\nnotes: Cancelled at short notice.\n")
    result = cli("lint", "--base", "main")
    assert result.code == 0, result.out
    assert " CSP7" not in result.out
