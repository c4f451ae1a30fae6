"""`cspctl actions done` and `actions update`: the write touches the action's lines only."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, SEED_RECORDS, Result

Cli = Callable[..., Result]
SEPTEMBER = Path("meetings/2021-09-29.yaml")


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A copy of the seed board to write to."""
    return Path(shutil.copytree(SEED_RECORDS, tmp_path / "records"))


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and added lines of a diff."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def block(text: str, action_id: str) -> list[str]:
    """The lines of one action in a meeting file: from its id to the next list entry."""
    lines = text.splitlines()
    start = lines.index(f"      - id: {action_id}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- ")
               and len(lines[i]) - len(lines[i].lstrip()) <= 6)
    return lines[start:end]


def test_done_changes_only_the_actions_lines(cli: Cli, records: Path) -> None:
    path = records / SEPTEMBER
    before = path.read_text(encoding="utf-8")
    result = cli("--records", records, "actions", "done", "2021-09-29/3.3", "--on", "2022-01-10",
                 "--note", "Comms shared with the MPS: see email #3")
    assert result.code == 0, result.err
    assert "Updated 2021-09-29/3.3" in result.out
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ["        status: open"]
    assert added == ["        status: completed", "        completed_on: 2022-01-10",
                     "        updates:", "          - date: 2022-01-10",
                     "            note: 'Comms shared with the MPS: see email #3'"]
    assert block(after, "2021-09-29/3.3")[-1] == "            note: 'Comms shared with the MPS: see email #3'"
    # every other record file is untouched, and the records still lint
    for other in SEED_RECORDS.rglob("*.yaml"):
        if other.name != SEPTEMBER.name:
            assert (records / other.relative_to(SEED_RECORDS)).read_bytes() == other.read_bytes()
    assert cli("--records", records, "lint").code == 0
    rows = cli("--records", records, "actions", "--overdue", "--as-of", "2022-01-01", "-f", "csv")
    assert "2021-09-29/3.3" not in rows.out


def test_done_is_idempotent(cli: Cli, records: Path) -> None:
    path = records / SEPTEMBER
    args = ("--records", records, "actions", "done", "2021-09-29/4.2", "--on", "2022-01-10",
            "--note", "Presented in December")
    assert cli(*args).code == 0
    once = path.read_bytes()
    again = cli(*args)
    assert again.code == 0 and "already up to date; nothing written" in again.out
    assert path.read_bytes() == once
    # without --on, a recorded completion date is kept
    assert cli("--records", records, "actions", "done", "2021-09-29/4.2").code == 0
    assert path.read_bytes() == once


def test_comments_and_layout_elsewhere_are_kept(cli: Cli, records: Path) -> None:
    path = records / SEPTEMBER
    text = path.read_text(encoding="utf-8")
    text = "# The September board, as drafted\n" + text
    text = text.replace("        carried_from: 2021-06\n      - id: 2021-09-29/3.4",
                        "        carried_from: 2021-06   # from June\n"
                        "      # 3.4 was discussed at length\n      - id: 2021-09-29/3.4")
    text = text.replace("        status: open\n  - title: Date of Next Meeting",
                        "        status: open\n    # end of the AOB actions\n"
                        "  - title: Date of Next Meeting")
    path.write_text(text, encoding="utf-8")
    for action_id in ("2021-09-29/3.3", "2021-09-29/12.2"):
        result = cli("--records", records, "actions", "done", action_id, "--on", "2022-01-10",
                     "--note", "done")
        assert result.code == 0, result.err
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(text, after)
    assert removed == ["        status: open", "        status: open"]
    assert all(not line.lstrip().startswith("#") for line in added)
    assert after.startswith("# The September board, as drafted\n")
    assert block(after, "2021-09-29/3.3") == [
        "      - id: 2021-09-29/3.3",
        "        owners: [Chris Lyons]",
        "        description: link in with MPS to share comms for Safe Haven rollout.",
        "        status: completed",
        "        completed_on: 2022-01-10",
        "        carried_from: 2021-06   # from June",
        "        updates:",
        "          - date: 2022-01-10",
        "            note: done",
        "      # 3.4 was discussed at length",
    ]
    assert "            note: done\n    # end of the AOB actions\n  - title: Date of Next Meeting" in after


def test_update_adds_a_note_and_moves_the_due_date(cli: Cli, records: Path) -> None:
    path = records / SEPTEMBER
    before = path.read_text(encoding="utf-8")
    args = ("--records", records, "actions", "update", "2021-09-29/12.2", "--note",
            "Panels paused; update in March", "--due", "2022-03-30", "--on", "2022-01-05")
    result = cli(*args)
    assert result.code == 0 and "due, updates" in result.out
    removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert removed == []
    assert added == ["        due: 2022-03-30", "        updates:", "          - date: 2022-01-05",
                     "            note: Panels paused; update in March"]
    once = path.read_bytes()
    assert cli(*args).code == 0 and path.read_bytes() == once  # the same note is not added twice
    rows = cli("--records", records, "actions", "--overdue", "--as-of", "2022-01-01", "-f", "csv")
    assert "2021-09-29/12.2" not in rows.out
    assert cli("--records", records, "lint").code == 0


def test_update_status(cli: Cli, records: Path) -> None:
    path = records / SEPTEMBER
    base = ("--records", records, "actions", "update", "2021-09-29/6.1", "--on", "2022-01-05")
    assert cli(*base, "--note", "shared with schools", "--status", "completed").code == 0
    text = path.read_text(encoding="utf-8")
    assert "        status: completed\n        completed_on: 2022-01-05\n" in "\n".join(
        block(text, "2021-09-29/6.1")) + "\n"
    assert cli(*base, "--note", "reopened", "--status", "open").code == 0
    reopened = block(path.read_text(encoding="utf-8"), "2021-09-29/6.1")
    assert "        status: open" in reopened
    assert not any("completed_on" in line for line in reopened)
    assert cli(*base, "--note", "not needed", "--status", "dropped").code == 0
    assert cli("--records", records, "actions", "--status", "dropped", "-f", "csv").out.count(
        "2021-09-29/6.1") == 1
    # a note on a completed action does not invent a completion date
    assert cli("--records", records, "actions", "update", "2021-09-29/3.2", "--note", "x").code == 0
    assert not any("completed_on" in line
                   for line in block(path.read_text(encoding="utf-8"), "2021-09-29/3.2"))


@pytest.mark.parametrize(("args", "message"), [
    (("done", "2021-09-29/3.33"), "no action with id '2021-09-29/3.33'; did you mean '2021-09-29/3.3'?"),
    (("done", "vru-2021-22/governance.1"), "is an action plan action"),
    (("update", "vru-2021-22/governance.1", "--note", "x"), "plans/vru-2021-22.yaml"),
    (("done", "2021-09-29/4.2", "--on", "2021-09-01"), "before the meeting that raised"),
    (("update", "2021-09-29/4.2", "--note", "x", "--due", "2021-09-01"), "before the meeting"),
])
def test_refusals_leave_the_records_untouched(cli: Cli, records: Path, args: tuple[str, ...],
                                             message: str) -> None:
    before = {p: p.read_bytes() for p in records.rglob("*")if p.is_file()}
    result = cli("--records", records, "actions", *args)
    assert result.code == 1 and message in result.err and "Traceback" not in result.err
    assert {p: p.read_bytes() for p in records.rglob("*") if p.is_file()} == before


def test_empty_note_and_missing_note_are_usage_errors(cli: Cli, records: Path) -> None:
    assert cli("--records", records, "actions", "update", "2021-09-29/4.2", "--note", " ").code == 2
    assert cli("--records", records, "actions", "update", "2021-09-29/4.2").code == 2


APPROVED = MEETING.replace("status: drafted", "status: approved\napproved_at: 2022-06-29")


def test_approved_minutes_take_progress_but_not_new_due_dates(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": APPROVED})
    path = root / "meetings/2022-03-30.yaml"
    before = path.read_bytes()
    refused = cli("--records", root, "actions", "update", "2022-03-30/2.1", "--note", "later",
                  "--due", "2022-09-01")
    assert refused.code == 1 and "approved" in refused.err and path.read_bytes() == before
    done = cli("--records", root, "actions", "done", "2022-03-30/2.1", "--on", "2022-04-02")
    assert done.code == 0 and "status, completed_on" in done.out


def test_a_file_that_does_not_round_trip_exactly_is_not_rewritten(cli: Cli, board: Callable[..., Path]) -> None:
    # `~` would come back as `null`: a line outside the action would change, so nothing is written
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("venue: MS Teams", "venue: MS Teams\ntitle: ~")})
    path = root / "meetings/2022-03-30.yaml"
    before = path.read_bytes()
    result = cli("--records", root, "actions", "done", "2022-03-30/2.1", "--on", "2022-04-02")
    assert result.code == 1 and "nothing was written" in result.err
    assert path.read_bytes() == before
