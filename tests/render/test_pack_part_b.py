"""Part B of a pack: the restricted items last, by number and title only in public output,
introduced by the board's exclusion wording (a neutral label without it); their papers there
only with --include-restricted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import PARTNERSHIP, Result
from tests.render.test_restricted_papers import CANARIES, restricted_board  # noqa: F401

Cli = Callable[..., Result]


def test_public_pack_ends_with_part_b_titles_only(cli: Cli, restricted_board: Path) -> None:  # noqa: F811
    result = cli("--records", restricted_board, "render", "pack", "2022-03-30")
    assert result.code == 0, result.err
    contents, _, rest = result.out.partition("\n---\n")
    assert "#### Part B\n\n- Item 2 — RESTRICTED: Prevent update\n" in contents
    body, _, footer = rest.rpartition("\n---\n")  # the last rule opens the footer
    assert "from records not committed to git" in footer
    papers, _, part_b = body.rpartition("\n---\n")
    assert part_b.strip().splitlines() == [
        "## Part B", "", "The items below are restricted: their papers are not for publication.", "",
        "- Item 2 — RESTRICTED: Prevent update"]
    assert "Public figures" in papers
    assert not [c for c in CANARIES if c.casefold() in result.out.casefold()]


def test_part_b_holds_the_restricted_papers_when_included(cli: Cli, restricted_board: Path) -> None:  # noqa: F811
    result = cli("--records", restricted_board, "render", "pack", "2022-03-30", "--include-restricted")
    assert result.code == 0, result.err
    before, _, part_b = result.out.partition("\n## Part B\n")
    assert "Public figures" in before and "CANARYREPORTBODY" not in before
    for canary in ("CANARYREPORTBODY", "CANARYPLANACTION", "CANARYFILETITLE", "CANARYSUBBODY", "CANARYAPPBODY"):
        assert canary in part_b, canary
    contents = result.out.split("\n---\n")[0]
    listed = contents.split("- Item 2 — RESTRICTED: Prevent update\n")[1].splitlines()
    assert all(line.startswith("  ") for line in listed)
    assert any(line.endswith(". Item 2 — CANARYREPORTSUBJECT") for line in listed)
    assert any(line.endswith(". Item 2.1 — CANARYSUBSUBJECT") for line in listed)


def test_the_boards_exclusion_wording_introduces_part_b(cli: Cli, board: Callable[..., Path]) -> None:
    wording = "Members of the public are asked to leave for the items below."
    root = board(**{
        "partnership.yaml": PARTNERSHIP + f"exclusion_wording: {wording}\n",
        "meetings/2022-03-30.yaml": 'date: 2022-03-30\nstatus: planned\nitems:\n'
                                    '  - {title: Prevent update, restricted: true}\n',
    })
    for fmt in ("markdown", "html"):
        result = cli("--records", root, "render", "pack", "2022-03-30", "-f", fmt)
        assert result.code == 0, result.err
        assert wording in result.out and "not for publication" not in result.out
        assert result.out.rindex("Prevent update") > result.out.index(wording)


def test_a_pack_without_restricted_items_has_no_part_b(cli: Cli, board: Callable[..., Path]) -> None:
    result = cli("--records", board(), "render", "pack", "2022-03-30", "-f", "html")
    assert result.code == 0, result.err
    assert "Part B" not in result.out and 'id="part-b"' not in result.out
