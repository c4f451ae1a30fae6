"""`cspctl lint --base REF`: the review rules against real commits."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Result
from tests.review.conftest import GitRepo

MEETING = "records/meetings/2021-09-29.yaml"
Cli = Callable[..., Result]


def lint(cli: Cli, repo: GitRepo, *args: str) -> Result:
    before = repo.status()
    result = cli("lint", *args)
    assert repo.status() == before
    assert "Traceback" not in result.err
    return result


def codes(result: Result, code: str) -> list[str]:
    return [line for line in result.out.splitlines() if f" {code} " in line]


@pytest.fixture
def approved(repo: GitRepo) -> GitRepo:
    """The 29 September minutes approved at the December meeting, committed on main."""
    repo.edit(MEETING, "status: drafted\napproved_at: null", "status: approved\napproved_at: 2021-12-08")
    repo.commit("approve the September minutes")
    return repo


def test_clean_against_itself(cli: Cli, approved: GitRepo) -> None:
    result = lint(cli, approved, "--base", "main")
    assert result.code == 0, result.out
    assert not [line for line in result.out.splitlines() if " CSP7" in line]


def test_editing_approved_minutes_is_an_error_naming_the_approving_meeting(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, "No declarations of interest to note.", "No declarations of interest.")
    approved.edit(MEETING, "description: update CSP Board forward plan", "description: update the forward plan")
    result = lint(cli, approved, "--base", "main")
    assert result.code == 1
    found = codes(result, "CSP701")
    assert len(found) == 2
    assert found[0].startswith(f"{MEETING}:56:14: CSP701")  # the minutes of item 2, where the edit is
    assert "approved at the meeting of 2021-12-08" in found[0] and "item 2 minutes changed" in found[0]
    assert "action 2021-09-29/10.1 description changed" in found[1]
    assert "No declarations" not in result.out  # findings never echo record text


def test_action_progress_on_approved_minutes_is_allowed(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, """        description: link in with MPS to share comms for Safe Haven rollout.
        status: open""", """        description: link in with MPS to share comms for Safe Haven rollout.
        status: completed
        completed_on: 2021-11-01
        updates:
          - {date: 2021-11-01, note: Comms shared with the MPS}""")
    approved.commit("progress")
    result = lint(cli, approved, "--base", "HEAD~1")
    assert result.code == 0
    assert not codes(result, "CSP701")


def test_unapproving_minutes_is_an_edit(cli: Cli, approved: GitRepo) -> None:
    approved.edit(MEETING, "status: approved\napproved_at: 2021-12-08", "status: drafted\napproved_at: null")
    found = codes(lint(cli, approved, "--base", "main"), "CSP701")
    assert any("status changed" in line for line in found)


def test_deleting_an_action_is_an_error(cli: Cli, repo: GitRepo) -> None:
    repo.edit(MEETING, """      - id: 2021-09-29/12.2
        owners: [Paul Trevers]
        description: provide update to board members on the police encounter panels
        status: open
""", "")
    result = lint(cli, repo, "--base", "main")
    assert result.code == 1
    [finding] = codes(result, "CSP703")
    assert finding.startswith(f"{MEETING}:")
    assert "action 2021-09-29/12.2 was deleted" in finding and "status: dropped" in finding


def test_deleting_a_meeting_is_an_error(cli: Cli, repo: GitRepo) -> None:
    (repo.root / "records/meetings/2021-12-08.yaml").unlink()
    result = lint(cli, repo, "--base", "main")
    assert result.code == 1
    [finding] = codes(result, "CSP703")
    assert finding.startswith("records/meetings/2021-12-08.yaml:1:1: CSP703 the record of the 2021-12-08 meeting")


def test_moving_an_action_to_another_item_is_not_a_deletion(cli: Cli, repo: GitRepo) -> None:
    block = """      - id: 2021-09-29/12.2
        owners: [Paul Trevers]
        description: provide update to board members on the police encounter panels
        status: open
"""
    repo.edit(MEETING, block, "")
    first = "    actions:\n      - id: 2021-09-29/12.1\n"
    repo.edit(MEETING, first, "    actions:\n" + block + "      - id: 2021-09-29/12.1\n")
    assert not codes(lint(cli, repo, "--base", "main"), "CSP703")


def test_lifting_a_restriction_warns_unless_allowed(cli: Cli, repo: GitRepo) -> None:
    repo.edit(MEETING, """  - title: Stephen Port Inquest
    kind: report
    restricted: true""", """  - title: Stephen Port Inquest
    kind: report
    restricted: false""")
    result = lint(cli, repo, "--base", "main")
    assert result.code == 0  # a warning
    [finding] = codes(result, "CSP702")
    assert "item 9 of the 2021-09-29 meeting is no longer restricted" in finding
    assert "pull request description" in finding
    assert lint(cli, repo, "--base", "main", "--strict").code == 1
    assert not codes(lint(cli, repo, "--base", "main", "--allow-unrestrict"), "CSP702")


def test_github_format(cli: Cli, repo: GitRepo) -> None:
    (repo.root / "records/meetings/2021-12-08.yaml").unlink()
    result = lint(cli, repo, "--format", "github", "--base", "main")
    assert "::error file=records/meetings/2021-12-08.yaml,line=1,col=1,title=CSP703::" in result.out


def test_unknown_base(cli: Cli, repo: GitRepo) -> None:
    result = lint(cli, repo, "--base", "origin/nowhere")
    assert result.code == 1
    assert result.err == "cspctl: unknown revision 'origin/nowhere': bad revision 'origin/nowhere'\n"


def test_lint_help_mentions_base(cli: Cli) -> None:
    result = cli("lint", "--help")
    assert "--base" in result.out and "--allow-unrestrict" in result.out


def test_review_reports_files_left_by_an_interrupted_write(cli: Cli, repo: GitRepo) -> None:
    repo.write("records/meetings/.2021-09-29.yaml.x1y2.tmp", "status: half written\n")
    result = cli("lint", "--base", "main")
    assert codes(result, "CSP009") and "the next write of 2021-09-29.yaml removes it" in result.out


def test_github_annotations_put_the_changed_files_first(cli: Cli, repo: GitRepo) -> None:
    """Unchanged, the forward plan's warnings sort first by path; the pull request's file wins."""
    repo.edit("records/meetings/2021-12-08.yaml", "  - title: Introductions and Apologies\n    kind: standing\n",
              "  - title: Introductions and Apologies\n    kind: standing\n"
              "    actions:\n      - {id: 2021-12-08/1.1, owners: [], description: find a venue}\n")
    lines = cli("lint", "--base", "main", "--format", "github").out.splitlines()
    warnings = [line for line in lines if line.startswith("::warning")]
    assert len(warnings) > 1 and any("forward-plan.yaml" in line for line in warnings)
    assert warnings[0].startswith("::warning file=records/meetings/2021-12-08.yaml")
    assert "title=CSP403::" in warnings[0]
