"""`forward-plan defer` and `approve`: round-trip edits that touch only what they must."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cspctl.records.yamlio.read import load
from tests.authoring.conftest import changed_lines

PLAN = """\
# The board's forward plan
title: Plan
meetings:
  # December, as agreed in September
  - date: 2021-12-08
    items:
      # first item
      - title: Knife crime  # VRU mandated
        duration: 10
      # FDAC: presenters asked to move it
      - title: Family Drug and Alcohol Court Update  # as printed
        kind: update
        duration: 10
        notes: Focus to be confirmed
      # last item
      - title: Hate crime
        duration: 5
    # about the notes
    notes: December notes
  # June
  - date: 2022-06-29
    items:
      - title: Prevent Update
        duration: 10
        restricted: true
  # end of plan
"""

MEETING = """\
# Minutes of the board, 30 March 2022
date: 2022-03-30
status: drafted  # typed up by Jo
# approval comes later
attendance:
  present: [Pat Chair]
items:
  - title: Introductions
    kind: standing
"""


def test_defer_moves_the_item_with_its_comments(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"forward-plan.yaml": PLAN})
    result = cli("--records", root, "forward-plan", "defer", "family drug and alcohol court update",
                 "--to", "2022-03-30", "--note", "Moved at the presenters' request.")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "new meeting" in result.out  # type: ignore[attr-defined]
    after = (root / "forward-plan.yaml").read_text()
    assert after == """\
# The board's forward plan
title: Plan
meetings:
  # December, as agreed in September
  - date: 2021-12-08
    items:
      # first item
      - title: Knife crime  # VRU mandated
        duration: 10
      # last item
      - title: Hate crime
        duration: 5
    # about the notes
    notes: December notes
  - date: 2022-03-30
    items:
      # FDAC: presenters asked to move it
      - title: Family Drug and Alcohol Court Update  # as printed
        kind: update
        duration: 10
        notes: Focus to be confirmed. Moved at the presenters' request.
  # June
  - date: 2022-06-29
    items:
      - title: Prevent Update
        duration: 10
        restricted: true
  # end of plan
"""
    assert cli("--records", root, "lint").code == 0  # type: ignore[attr-defined]


def test_defer_the_seed_fdac_update_touches_only_its_lines(seed: Path, cli: Callable[..., object]) -> None:
    path = seed / "forward-plan.yaml"
    before = path.read_text()
    result = cli("--records", seed, "forward-plan", "defer", "Family Drug and Alchol Court Update",
                 "--to", "2022-06-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    item = ("      - title: Family Drug and Alchol Court Update\n        kind: update\n"
            "        presenters: [Sonia Drozd, April Bald]\n        duration: 10\n")
    moved = item + "        notes: Deferred from 2022-03-30.\n"
    after = path.read_text()
    assert before.count(item) == 1 and after.count(moved) == 1
    assert after.replace(moved, "") == before.replace(item, "")
    june = load(path).data["meetings"][1]
    assert june["items"][-1]["title"] == "Family Drug and Alchol Court Update"


def test_defer_refusals(seed: Path, cli: Callable[..., object]) -> None:
    path = seed / "forward-plan.yaml"
    before = path.read_bytes()
    ambiguous = cli("--records", seed, "forward-plan", "defer", "prevent update", "--to", "2022-12-07")
    assert ambiguous.code == 1 and "--from" in ambiguous.err  # type: ignore[attr-defined]
    unknown = cli("--records", seed, "forward-plan", "defer", "family drug", "--to", "2022-12-07")
    assert unknown.code == 1 and "Family Drug and Alchol Court Update" in unknown.err  # type: ignore[attr-defined]
    same = cli("--records", seed, "forward-plan", "defer", "Early Help Review", "--to", "2022-03-30")
    assert same.code == 1  # type: ignore[attr-defined]
    assert path.read_bytes() == before
    chosen = cli("--records", seed, "forward-plan", "defer", "prevent update", "--from", "2022-09-28",
                 "--to", "2022-12-07")
    assert chosen.code == 0  # type: ignore[attr-defined]
    meetings = load(path).data["meetings"]
    assert [m["date"] for m in meetings] == ["2022-03-30", "2022-06-30", "2022-09-28", "2022-12-07"]
    assert meetings[-1]["items"][0]["restricted"] is True


def test_defer_to_an_earlier_new_meeting_keeps_the_order(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"forward-plan.yaml": PLAN})
    assert cli("--records", root, "forward-plan", "defer", "Prevent update", "--to", "2021-10-27").code == 0  # type: ignore[attr-defined]
    text = (root / "forward-plan.yaml").read_text()
    assert text.index("date: 2021-10-27") < text.index("# December") < text.index("date: 2021-12-08")
    assert "date: 2022-06-29\n  # end of plan\n" in text


def test_approve_changes_only_status_and_approved_at(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    plan = "meetings:\n  - date: 2022-06-29\n"
    root = board(**{"meetings/2022-03-30.yaml": MEETING, "forward-plan.yaml": plan})
    path = root / "meetings" / "2022-03-30.yaml"
    result = cli("--records", root, "approve", "2022-03-30", "--at", "2022-06-29")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    removed, added = changed_lines(MEETING, path.read_text())
    assert removed == ["status: drafted  # typed up by Jo\n"]
    # ruamel keeps the comment's column, so the longer value eats one space before it.
    assert added == ["status: approved # typed up by Jo\n", "approved_at: 2022-06-29\n"]
    assert path.read_text().index("approved_at") < path.read_text().index("# approval comes later")
    again = cli("--records", root, "approve", "2022-03-30", "--at", "2022-06-29")
    assert again.code == 1 and "already approved" in again.err  # type: ignore[attr-defined]


def test_approve_refusals(seed: Path, cli: Callable[..., object]) -> None:
    path = seed / "meetings" / "2021-09-29.yaml"
    before = path.read_bytes()
    for args, message in [
        (["2021-09-29", "--at", "2021-09-29"], "later meeting"),
        (["2021-09-29", "--at", "2021-06-30"], "later meeting"),
        (["2021-09-29", "--at", "2021-12-09"], "no meeting on 2021-12-09"),
        (["2021-06-30", "--at", "2021-12-08"], "no meeting record"),
        (["2021-12-08", "--at", "2022-03-30"], "still planned"),
    ]:
        result = cli("--records", seed, "approve", *args)
        assert result.code == 1 and message in result.err, args  # type: ignore[attr-defined]
    assert path.read_bytes() == before
    ok = cli("--records", seed, "approve", "2021-09-29", "--at", "2021-12-08")
    assert ok.code == 0  # type: ignore[attr-defined]
    removed, added = changed_lines(before.decode(), path.read_text())
    assert (removed, added) == (["status: drafted\n", "approved_at: null\n"],
                                ["status: approved\n", "approved_at: 2021-12-08\n"])
    assert cli("--records", seed, "lint").code == 0  # type: ignore[attr-defined]


def test_a_symlinked_record_is_not_edited(
        board: Callable[..., Path], cli: Callable[..., object], tmp_path: Path) -> None:
    outside = tmp_path / "plan.yaml"
    outside.write_text(PLAN)
    root = board()
    (root / "forward-plan.yaml").symlink_to(outside)
    result = cli("--records", root, "forward-plan", "defer", "Hate crime", "--to", "2022-06-29")
    # A link leading outside the records folder is not even read (CSP007), so there is no plan.
    assert result.code == 1 and "no valid forward-plan.yaml" in result.err  # type: ignore[attr-defined]
    assert outside.read_text() == PLAN
    lint = cli("--records", root, "lint")
    assert "forward-plan.yaml:1:1: CSP007 a symbolic link to a file outside" in lint.out  # type: ignore[attr-defined]


def test_help(cli: Callable[..., object]) -> None:
    for args in (["forward-plan", "--help"], ["forward-plan", "defer", "--help"], ["approve", "--help"]):
        assert cli(*args).code == 0  # type: ignore[attr-defined]


def test_defer_marks_the_item_deferred_in_a_meeting_record_already_made(seed: Path, cli: Callable[..., object]) -> None:
    title = "Family Drug and Alchol Court Update"
    assert cli("--records", seed, "new", "meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    result = cli("--records", seed, "forward-plan", "defer", title, "--to", "2022-06-30")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "Marked it deferred to 2022-06-30 in" in result.out  # type: ignore[attr-defined]
    march = load(seed / "meetings" / "2022-03-30.yaml").data
    item = next(i for i in march["items"] if i["title"] == title)
    assert (item["status"], item["deferred_to"]) == ("deferred", "2022-06-30")
    agenda = cli("--records", seed, "render", "agenda", "2022-03-30").out  # type: ignore[attr-defined]
    assert f"{title} — Deferred to 30 June 2022" in agenda
    assert cli("--records", seed, "lint").code == 0  # type: ignore[attr-defined]


def test_defer_refuses_an_item_already_minuted(seed: Path, cli: Callable[..., object]) -> None:
    title = "Family Drug and Alchol Court Update"
    assert cli("--records", seed, "new", "meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    path = seed / "meetings" / "2022-03-30.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"  - title: {title}\n", f"  - title: {title}\n    minutes: Heard.\n"),
                    encoding="utf-8")
    plan = (seed / "forward-plan.yaml").read_bytes()
    result = cli("--records", seed, "forward-plan", "defer", title, "--to", "2022-06-30")
    assert result.code == 1 and "already has minutes" in result.err  # type: ignore[attr-defined]
    assert (seed / "forward-plan.yaml").read_bytes() == plan


def test_lint_reports_a_record_and_plan_that_disagree(seed: Path, cli: Callable[..., object]) -> None:
    title = "Family Drug and Alchol Court Update"
    assert cli("--records", seed, "new", "meeting", "2022-03-30").code == 0  # type: ignore[attr-defined]
    assert "CSP311" not in cli("--records", seed, "lint").out  # type: ignore[attr-defined]
    path = seed / "meetings" / "2022-03-30.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"  - title: {title}\n", "  - title: Family court\n"), encoding="utf-8")
    out = cli("--records", seed, "lint").out  # type: ignore[attr-defined]
    assert "CSP311 planned for 2022-03-30, but that meeting's record" in out
    path.write_text(text.replace(f"  - title: {title}\n",
                                 f"  - title: {title}\n    status: deferred\n    deferred_to: 2022-06-30\n"),
                    encoding="utf-8")
    out = cli("--records", seed, "lint").out  # type: ignore[attr-defined]
    assert "CSP311 still planned for 2022-03-30, but that meeting's record defers it to 2022-06-30" in out
