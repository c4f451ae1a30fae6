"""`cspctl diff` against real commits: governance changes, formats, revisions, a clean tree."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result
from tests.review.conftest import GitRepo

MEETING = "records/meetings/2021-09-29.yaml"
Cli = Callable[..., Result]


def diff(cli: Cli, repo: GitRepo, *args: str) -> Result:
    """Run `cspctl diff`, checking that it left the working tree and the index alone."""
    before = repo.status()
    result = cli("diff", *args)
    assert repo.status() == before
    assert "Traceback" not in result.err
    return result


def changes(cli: Cli, repo: GitRepo, *args: str) -> list[dict[str, Any]]:
    result = diff(cli, repo, *args, "--format", "json")
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    return found


def find(found: list[dict[str, Any]], **wanted: Any) -> dict[str, Any]:
    hits = [c for c in found if all(c.get(k) == v for k, v in wanted.items())]
    assert len(hits) == 1, (wanted, found)
    return hits[0]


def test_no_changes(cli: Cli, repo: GitRepo) -> None:
    result = diff(cli, repo, "main")
    assert (result.code, result.out.strip()) == (0, "No changes to the records.")
    assert changes(cli, repo, "main") == []


def test_actions_completed_reassigned_redated(cli: Cli, repo: GitRepo) -> None:
    repo.branch("pr")
    repo.edit(MEETING, """      - id: 2021-09-29/3.1
        owners: [CSP Board Chairs]""", """      - id: 2021-09-29/3.1
        owners: [Jade Hodgson]
        due: 2022-01-31""")
    repo.edit(MEETING, """        description: link in with MPS to share comms for Safe Haven rollout.
        status: open""", """        description: link in with MPS to share comms for Safe Haven rollout.
        status: completed
        completed_on: 2021-11-01""")
    head = repo.commit("action progress")

    found = changes(cli, repo, "main", head)
    assert find(found, id="2021-09-29/3.1", change="reassigned") | {} == {
        **find(found, id="2021-09-29/3.1", change="reassigned"),
        "record": "meeting 2021-09-29", "kind": "action",
        "before": ["CSP Board Chairs"], "after": ["Jade Hodgson"],
    }
    redated = find(found, id="2021-09-29/3.1", change="re-dated")
    assert (redated["before"], redated["after"]) == (None, "2022-01-31")
    completed = find(found, id="2021-09-29/3.3", change="completed")
    assert completed["owners"] == ["Chris Lyons"]
    assert completed["completed_on"] == "2021-11-01"
    assert len(found) == 3

    text = diff(cli, repo, "main", head).out
    assert "Action 2021-09-29/3.3 completed on 2021-11-01 (Chris Lyons)" in text
    assert "Action 2021-09-29/3.1 reassigned: CSP Board Chairs → Jade Hodgson" in text
    assert "re-dated: the next meeting → 2022-01-31" in text


def test_action_raised_and_reopened(cli: Cli, repo: GitRepo) -> None:
    repo.edit(MEETING, """        description: update CSP Board forward plan
        status: completed""", """        description: update CSP Board forward plan
        status: open
      - id: 2021-09-29/10.2
        owners: [Chris Lyons]
        description: circulate the forward plan""")
    found = changes(cli, repo, "main")  # head: the working tree
    assert find(found, id="2021-09-29/10.1")["change"] == "reopened"
    raised = find(found, id="2021-09-29/10.2")
    assert (raised["change"], raised["after"], raised["owners"]) == ("raised", "circulate the forward plan",
                                                                     ["Chris Lyons"])


def test_item_retitled_and_minutes_word_diff(cli: Cli, repo: GitRepo) -> None:
    repo.edit(MEETING, "title: Forward Plan", "title: CSP Forward Plan")
    repo.edit(MEETING, "No declarations of interest to note.", "No declarations of interest were noted.")
    repo.commit("minutes")

    found = changes(cli, repo, "HEAD~1", "HEAD")
    retitled = find(found, change="retitled")
    assert (retitled["id"], retitled["before"], retitled["after"]) == ("10", "Forward Plan", "CSP Forward Plan")
    minutes = find(found, kind="minutes")
    assert minutes["id"] == "2"
    assert minutes["words"] == [{"op": "=", "text": "No declarations of interest"},
                                {"op": "-", "text": "to note."}, {"op": "+", "text": "were noted."}]

    text = diff(cli, repo, "HEAD~1", "HEAD").out
    assert "No declarations of interest [-to note.-] {+were noted.+}" in text
    assert 'Item 10 retitled: "Forward Plan" → "CSP Forward Plan"' in text
    markdown = diff(cli, repo, "HEAD~1", "HEAD", "--format", "markdown").out
    assert markdown.startswith("## Changes to the records: HEAD\\~1 → HEAD\n")
    assert "### Meeting 2021-09-29" in markdown
    assert "> No declarations of interest ~~to note.~~ **were noted.**" in markdown


def test_items_reordered_and_attendance(cli: Cli, repo: GitRepo) -> None:
    path = repo.root / MEETING
    text = path.read_text(encoding="utf-8")
    first = text.index("  - title: Declaration of Interests")
    second = text.index("  - title: Minutes\n")
    path.write_text(text[:first] + text[second:text.index("  - title: Knife")] + text[first:second]
                    + text[text.index("  - title: Knife"):], encoding="utf-8")
    repo.edit(MEETING, "    - Andy Opie\n", "")
    repo.edit(MEETING, "  apologies:\n", "  apologies:\n    - Andy Opie\n")
    found = changes(cli, repo, "main")
    moved = [c for c in found if c["change"] == "reordered"]
    assert len(moved) == 1 and {moved[0]["before"], moved[0]["after"]} == {2, 3}
    assert find(found, kind="attendance", id="present")["removed"] == ["Andy Opie"]
    assert find(found, kind="attendance", id="apologies")["added"] == ["Andy Opie"]


def test_forward_plan_item_moved(cli: Cli, repo: GitRepo) -> None:
    repo.edit("records/forward-plan.yaml", """      - title: Early Help Review
        presenters: [Heather Storey, Justine Henderson]
        duration: 10
""", "")
    repo.edit("records/forward-plan.yaml", """  - date: 2022-06-30
    items:
""", """  - date: 2022-06-30
    items:
      - title: Early Help Review
        presenters: [Heather Storey, Justine Henderson]
        duration: 10
""")
    found = changes(cli, repo, "main")
    assert found == [{"record": "forward plan", "kind": "planned item", "id": "2022-06-30", "change": "moved",
                      "before": "2022-03-30", "after": "2022-06-30", "title": "Early Help Review"}]
    assert '"Early Help Review" moved from 2022-03-30 to 2022-06-30' in diff(cli, repo, "main").out


def test_report_filed_changed_and_withdrawn(cli: Cli, repo: GitRepo) -> None:
    repo.write("records/reports/2021-12-08/asb-update.yaml", """\
id: asb-update
kind: report
meeting: 2021-12-08
subject: Anti-social Behaviour Update
authors: [Chris Lyons]
sections:
  - kind: purpose
    heading: Purpose
    paragraphs: [To update the board.]
""")
    (repo.root / "records/reports/2021-12-08/womens-safety-survey.yaml").unlink()
    repo.edit("records/meetings/2021-12-08.yaml", "womens-safety-survey", "asb-update")
    found = changes(cli, repo, "main")
    filed = find(found, id="asb-update")
    assert (filed["change"], filed["after"], filed["owners"]) == ("filed", "Anti-social Behaviour Update",
                                                                  ["Chris Lyons"])
    assert find(found, id="womens-safety-survey")["change"] == "withdrawn"
    text = diff(cli, repo, "main", "--format", "markdown").out
    assert "### Report asb-update" in text and "Filed for 2021-12-08: *Anti-social Behaviour Update*" in text


def test_plan_rag_and_progress(cli: Cli, repo: GitRepo) -> None:
    repo.edit("records/plans/vru-2021-22.yaml", """        progress: []
        references: []
        rag: null""", """        progress:
          - {date: 2022-01, note: Terms of reference agreed}
        references: []
        rag: green""")
    found = changes(cli, repo, "main")
    rag = find(found, change="RAG")
    assert (rag["record"], rag["kind"], rag["id"], rag["before"], rag["after"]) == (
        "plan vru-2021-22", "plan action", "governance.1", None, "green")
    assert find(found, change="progress")["after"] == ["2022-01: Terms of reference agreed"]
    assert "Action governance.1 RAG none → green" in diff(cli, repo, "main").out


def test_new_meeting_record(cli: Cli, repo: GitRepo) -> None:
    repo.write("records/meetings/2022-03-30.yaml", """\
date: 2022-03-30
status: drafted
attendance:
  present: [Paul Trevers]
items:
  - title: Early Help Review
    minutes: The board welcomed the review.
    actions:
      - id: 2022-03-30/1.1
        owners: [Chris Lyons]
        description: share the review
""")
    found = changes(cli, repo, "main")
    assert find(found, kind="meeting")["change"] == "added"
    assert find(found, kind="item")["change"] == "added"
    assert find(found, kind="minutes")["after"] == "The board welcomed the review."
    assert find(found, kind="action")["change"] == "raised"


def test_default_base_is_the_merge_base_with_main(cli: Cli, repo: GitRepo) -> None:
    repo.branch("pr")
    repo.edit(MEETING, "title: Forward Plan", "title: CSP Forward Plan")
    repo.commit("retitle")
    repo.git("checkout", "-q", "main")
    repo.edit(MEETING, "No declarations of interest to note.", "Nothing declared.")
    repo.commit("a later change on main")
    repo.git("checkout", "-q", "pr")
    found = changes(cli, repo)  # base: merge-base(main, HEAD); head: the working tree
    assert [c["change"] for c in found] == ["retitled"]
    assert diff(cli, repo).out.count("\n") > 1


def test_default_base_needs_a_default_branch(cli: Cli, repo: GitRepo) -> None:
    repo.git("branch", "-m", "main", "trunk")
    result = diff(cli, repo)
    assert result.code == 1
    assert "no default branch" in result.err and "cspctl diff origin/main" in result.err


def test_unknown_revision(cli: Cli, repo: GitRepo) -> None:
    result = diff(cli, repo, "no-such-branch")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cspctl: unknown revision 'no-such-branch': bad revision 'no-such-branch'\n"
    assert diff(cli, repo, "main", "HEAD~5").code == 1
    assert diff(cli, repo, "--upload-pack=evil").code in (1, 2)


def test_records_folder_given_from_a_subfolder(cli: Cli, repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.edit(MEETING, "title: Forward Plan", "title: CSP Forward Plan")
    monkeypatch.chdir(repo.root / "records" / "meetings")
    result = cli("--records", "..", "diff", "main", "--format", "json")
    assert result.code == 0, result.err
    assert [c["change"] for c in json.loads(result.out)] == ["retitled"]


def test_unreadable_file_is_not_a_deletion(cli: Cli, repo: GitRepo) -> None:
    (repo.root / MEETING).write_text("date: [unclosed\n", encoding="utf-8")
    found = changes(cli, repo, "main")
    assert [(c["kind"], c["change"]) for c in found] == [("record", "unreadable")]


def test_diff_help(cli: Cli) -> None:
    result = cli("diff", "--help")
    assert result.code == 0
    assert "--include-restricted" in result.out and "--format" in result.out


def test_outside_git(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "main")
    assert result.code == 1
    assert result.err.startswith("cspctl: the records folder is not in a git repository")
