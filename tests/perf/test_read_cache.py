"""Read commands go through the records folder's cache, and `fmt` keeps its verdicts there:
neither may ever give a stale answer. Each test answers once to fill the cache, changes the
folder (an edit, a deleted file, a renamed file, a file made invalid), and asks again."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from cspctl.records.cache import cache_folder
from cspctl.records.public import public
from cspctl.records.store import load_records, read_records
from tests.conftest import MEETING, Result

Cli = Callable[..., Result]

SECOND = MEETING.replace("2022-03-30", "2022-06-29").replace("circulate the figures", "chase the venue")


def _bump(path: Path) -> None:
    """A modification time well after the cache's index was written (not "racy")."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10_000_000_000))


def test_read_commands_fill_the_cache_and_answer_the_same(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-06-29.yaml": SECOND})
    first = cli("--records", root, "actions", "--as-of", "2022-07-01")
    assert first.code == 0 and "circulate the figures" in first.out and "chase the venue" in first.out
    assert cache_folder(root).is_dir()
    again = cli("--records", root, "actions", "--as-of", "2022-07-01")
    assert again.out == first.out
    cached = read_records(root)
    fresh = load_records(root)
    assert [m.model for m in cached.meetings] == [m.model for m in fresh.meetings]
    assert [m.document.values for m in cached.meetings] == [m.document.values for m in fresh.meetings]
    assert [m.document.values for m in public(cached).meetings] == [m.document.values for m in fresh.meetings]


def test_an_edited_file_is_read_again(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    meeting = root / "meetings" / "2022-03-30.yaml"
    assert "circulate the figures" in cli("--records", root, "actions").out
    meeting.write_text(MEETING.replace("circulate the figures", "circulate the numbers"))
    _bump(meeting)
    out = cli("--records", root, "actions").out
    assert "circulate the numbers" in out and "circulate the figures" not in out
    # the same size, within the same second: the racy-clean rule still reads it again
    meeting.write_text(MEETING.replace("circulate the figures", "circulate the fishes."))
    out = cli("--records", root, "actions").out
    assert "circulate the fishes." in out


def test_a_deleted_file_is_gone(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-06-29.yaml": SECOND})
    assert "chase the venue" in cli("--records", root, "actions", "--as-of", "2022-07-01").out
    (root / "meetings" / "2022-06-29.yaml").unlink()
    out = cli("--records", root, "actions", "--as-of", "2022-07-01").out
    assert "chase the venue" not in out and "circulate the figures" in out


def test_a_renamed_file_is_read_at_its_new_place(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-06-29.yaml": SECOND})
    assert cli("--records", root, "lint").code == 0
    assert "chase the venue" in cli("--records", root, "actions", "--as-of", "2022-07-01").out
    (root / "meetings" / "2022-06-29.yaml").rename(root / "meetings" / "renamed.yaml")
    records = read_records(root)
    assert [m.display.rsplit("/", 1)[-1] for m in records.meetings] == ["2022-03-30.yaml", "renamed.yaml"]
    assert [m.path for m in records.meetings] == [m.path for m in load_records(root).meetings]
    # moved where no record belongs: no longer a meeting at all
    (root / "meetings" / "renamed.yaml").rename(root / "elsewhere.yaml")
    out = cli("--records", root, "actions", "--as-of", "2022-07-01").out
    assert "chase the venue" not in out


def test_a_file_made_invalid_is_left_out_with_a_warning(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-06-29.yaml": SECOND})
    assert "chase the venue" in cli("--records", root, "actions", "--as-of", "2022-07-01").out
    second = root / "meetings" / "2022-06-29.yaml"
    second.write_text(SECOND.replace("status: drafted", "status: nonsense"))
    _bump(second)
    result = cli("--records", root, "actions", "--as-of", "2022-07-01")
    assert "chase the venue" not in result.out
    assert "1 record file(s) have errors" in result.err
    lint = cli("--records", root, "lint")
    assert lint.code == 1 and "2022-06-29.yaml:7:9" in lint.out
    second.write_text(SECOND)
    _bump(second)
    assert "chase the venue" in cli("--records", root, "actions", "--as-of", "2022-07-01").out


def test_fmt_verdicts_are_dropped_when_a_file_changes(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    assert cli("--records", root, "fmt").code == 0  # now canonical
    assert cli("--records", root, "fmt", "--check").code == 0
    assert cli("--records", root, "fmt", "--check").code == 0  # from the verdicts kept
    meeting = root / "meetings" / "2022-03-30.yaml"
    canonical = meeting.read_text()
    meeting.write_text(canonical.replace("venue: MS Teams\n", "venue:   MS Teams\n"))
    _bump(meeting)
    check = cli("--records", root, "fmt", "--check")
    assert check.code == 1 and "1 file(s) would reformat" in check.err
    meeting.write_text(canonical.replace("status: drafted", "status: nonsense"))
    _bump(meeting)
    assert cli("--records", root, "fmt", "--check").code == 1  # invalid: never "canonical"
    meeting.write_text(canonical)
    _bump(meeting)
    assert cli("--records", root, "fmt", "--check").code == 0


def test_the_generated_corpus_is_in_fmts_canonical_form(corpus: Path, cli: Cli) -> None:
    result = cli("--records", corpus, "fmt", "--check")
    assert result.code == 0, result.out + result.err
    assert "0 file(s) would reformat" in result.err
    # the same bytes at another path: its modeline must point one folder less far up
    report = sorted((corpus / "reports").glob("*/*.yaml"))[0]
    report.rename(corpus / "reports" / report.name)
    check = cli("--records", corpus, "fmt", "--check")
    assert check.code == 1 and f"reports/{report.name}" in check.out
