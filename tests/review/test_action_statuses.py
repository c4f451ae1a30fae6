"""`cspctl diff` names the statuses real boards use, shows owners as the minutes write them, and
sees the actions of sub-items (hiding those under a restricted item)."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Result
from tests.review.conftest import GitRepo
from tests.review.test_diff import MEETING, changes, diff, find

Cli = Callable[..., Result]

SUB_ITEMS = """  - title: Knife Crime Prevention Order
    kind: presentation
    items:
      - title: Public sub-item
        actions:
          - id: 2021-09-29/4a.1
            owners: [Dan James]
            description: map the referrals
      - title: Restricted sub-item
        restricted: true
        items:
          - title: Deeper
            actions:
              - id: 2021-09-29/4b.1
                owners: [Dan James]
                description: SECRET-CANARY the names
"""


def test_in_progress_and_ongoing_are_named(cli: Cli, repo: GitRepo) -> None:
    repo.branch("pr")
    repo.edit(MEETING, """        description: link in with MPS to share comms for Safe Haven rollout.
        status: open""", """        description: link in with MPS to share comms for Safe Haven rollout.
        status: in_progress""")
    repo.edit(MEETING, """        description: discuss how to build in MPS 5 years trends in council data sets.
        status: open""", """        description: discuss how to build in MPS 5 years trends in council data sets.
        status: ongoing
        review: 2022-03-30""")
    head = repo.commit("progress")
    found = changes(cli, repo, "main", head)
    moved = find(found, id="2021-09-29/3.3", change="in_progress")
    assert (moved["before"], moved["after"]) == ("open", "in_progress")
    ongoing = find(found, id="2021-09-29/3.4", change="ongoing")
    assert ongoing["owners"] == ["Andy Opie", "Dan James"]  # as the minutes write them
    review = find(found, id="2021-09-29/3.4", change="review date changed")
    assert (review["before"], review["after"]) == (None, "2022-03-30")
    text = diff(cli, repo, "main", head).out
    assert "Action 2021-09-29/3.3 now in progress (was open) (Chris Lyons)" in text
    assert "Action 2021-09-29/3.4 now ongoing (was open) (Andy Opie, Dan James)" in text


def test_sub_item_actions_are_seen_and_restricted_ones_hidden(cli: Cli, repo: GitRepo) -> None:
    repo.edit(MEETING, """  - title: Knife Crime Prevention Order
    kind: presentation
""", SUB_ITEMS + """  - title: Knife Crime Prevention Order (continued)
    kind: presentation
""")
    found = changes(cli, repo, "main")
    raised = find(found, id="2021-09-29/4a.1", change="raised")
    assert raised["owners"] == ["Dan James"]
    assert not [c for c in found if c["id"] == "2021-09-29/4b.1"]
    public = diff(cli, repo, "main")
    assert "SECRET-CANARY" not in public.out and "4b.1" not in public.out
    full = changes(cli, repo, "main", "--include-restricted")
    assert find(full, id="2021-09-29/4b.1", change="raised")["after"] == "SECRET-CANARY the names"
