"""Restricted content never reaches `cspctl diff` output unless --include-restricted is given."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import Result
from tests.review.conftest import GitRepo

MEETING = "records/meetings/2021-09-29.yaml"
RESTRICTED_ITEM = """  - title: Crime and Disorder Strategic Assessment
    kind: report
    restricted: true
"""


def plant(repo: GitRepo, canary: str) -> None:
    """Put `canary` into every kind of restricted content: item minutes, decisions and actions,
    a restricted report, a restricted forward-plan note and a restricted plan action."""
    repo.edit(MEETING, RESTRICTED_ITEM, RESTRICTED_ITEM + f"""    minutes: The assessment names {canary} as a priority.
    decisions: [Adopt the {canary} approach]
    actions:
      - id: 2021-09-29/7.1
        owners: [Chris Lyons]
        description: brief {canary} partners
""")
    repo.write("records/reports/2021-12-08/prevent-briefing.yaml", f"""\
id: prevent-briefing
kind: report
meeting: 2021-12-08
subject: Briefing on {canary}
restricted: true
sections:
  - kind: overview
    heading: Overview
    paragraphs: [Details of {canary}.]
""")
    repo.edit("records/forward-plan.yaml", """        duration: 10
        restricted: true
""", f"""        duration: 10
        restricted: true
        notes: Case {canary}
""")
    repo.edit("records/plans/vru-2021-22.yaml", """        progress: []
        references: []
        rag: null""", f"""        progress:
          - {{date: 2022-01, note: Disrupt {canary}}}
        references: []
        rag: null
        restricted: true""")


@pytest.fixture
def changed(repo: GitRepo) -> GitRepo:
    """Restricted canaries committed on main, then every one of them changed in the working tree."""
    plant(repo, "CANARY-BASE-7Q")
    repo.commit("restricted content")
    text = {}
    for relative in (MEETING, "records/reports/2021-12-08/prevent-briefing.yaml", "records/forward-plan.yaml",
                     "records/plans/vru-2021-22.yaml"):
        path = repo.root / relative
        text[relative] = path.read_text(encoding="utf-8")
        path.write_text(text[relative].replace("CANARY-BASE-7Q", "CANARY-HEAD-9Z"), encoding="utf-8")
    return repo


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_restricted_text_in_any_format(cli: Callable[..., Result], changed: GitRepo, fmt: str) -> None:
    result = cli("diff", "main", "--format", fmt)
    assert result.code == 0, result.err
    for canary in ("CANARY", "7Q", "9Z"):
        assert canary not in result.out + result.err
    assert "minutes of a restricted item changed" in result.out
    assert "prevent-briefing" not in result.out  # not even the id of a restricted paper
    assert "restricted report for 2021-12-08" in result.out.lower()


def test_restricted_changes_are_reported_without_content(cli: Callable[..., Result], changed: GitRepo) -> None:
    found = json.loads(cli("diff", "main", "--format", "json").out)
    kinds = {(c["record"], c["kind"], c["change"]) for c in found}
    assert ("meeting 2021-09-29", "minutes", "changed") in kinds
    assert ("restricted report for 2021-12-08", "report", "changed") in kinds
    assert ("plan vru-2021-22", "plan action", "changed") in kinds
    assert ("forward plan", "planned item", "changed") in kinds
    assert all(c["before"] is None and c["after"] is None for c in found if c["kind"] != "planned item")


def test_include_restricted_shows_the_text(cli: Callable[..., Result], changed: GitRepo) -> None:
    result = cli("diff", "main", "--include-restricted")
    assert result.code == 0
    assert "[-CANARY-BASE-7Q-] {+CANARY-HEAD-9Z+}" in result.out
    assert "Action 2021-09-29/7.1 reworded" in result.out


def test_new_restricted_content_does_not_leak(cli: Callable[..., Result], repo: GitRepo) -> None:
    plant(repo, "CANARY-NEW-3X")
    for fmt in ("text", "markdown", "json"):
        result = cli("diff", "main", "--format", fmt)
        assert result.code == 0 and "CANARY" not in result.out
    found = json.loads(cli("diff", "main", "--format", "json").out)
    assert {"record": "restricted report for 2021-12-08", "kind": "report", "id": "restricted", "change": "filed",
            "before": None, "after": None, "note": "restricted: content not shown",
            "meeting": "2021-12-08"} in found


def test_restriction_flag_changes(cli: Callable[..., Result], repo: GitRepo) -> None:
    repo.edit(MEETING, RESTRICTED_ITEM, RESTRICTED_ITEM.replace("true", "false"))
    repo.edit(MEETING, """  - title: Stephen Port Inquest
    kind: report
    restricted: true""", """  - title: Stephen Port Inquest
    kind: report
    restricted: false""")
    repo.edit(MEETING, """  - title: Forward Plan
    kind: standing
    restricted: false""", """  - title: Forward Plan
    kind: standing
    restricted: true""")
    found = json.loads(cli("diff", "main", "--format", "json").out)
    flags = {(c["id"], c["change"]) for c in found if c["kind"] == "restricted"}
    assert flags == {("7", "unrestricted"), ("9", "unrestricted"), ("10", "restricted")}
    # newly restricted: the item's (previously public) minutes and actions are not shown as removed
    assert not [c for c in found if c["kind"] in ("minutes", "action")]
    assert "Restriction lifted on Item 7" in cli("diff", "main").out
