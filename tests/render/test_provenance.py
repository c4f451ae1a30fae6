"""Every paper says which records it was made from: the commit, uncommitted changes, a date."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GIT_IDENTITY

FIXED = "2022-03-01T12:00:00+00:00"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def committed(board: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test board in a git repository of its own, committed at a fixed date."""
    for name, value in {**GIT_IDENTITY, "GIT_AUTHOR_DATE": FIXED, "GIT_COMMITTER_DATE": FIXED}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = board()
    top = root.parent
    (top / ".gitignore").write_text(".cspctl-cache/\n", encoding="utf-8")
    _git(top, "init", "-q", "-b", "main")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "records")
    return root


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_committed_board_names_its_commit_and_renders_the_same_bytes(cli, committed: Path,  # type: ignore[no-untyped-def]
                                                                       fmt: str) -> None:
    short = _git(committed, "rev-parse", "--short", "HEAD")
    first = cli("--records", committed, "render", "agenda", "2022-03-30", "-f", fmt)
    assert first.code == 0, first.err
    assert f"Made from the records as committed on 1 March 2022 (commit {short})." in first.out
    # Another commit elsewhere in the repository leaves the records, and so the paper, as they were.
    (committed.parent / "README.txt").write_text("notes\n", encoding="utf-8")
    _git(committed.parent, "add", "-A")
    _git(committed.parent, "commit", "-q", "-m", "not the records")
    again = cli("--records", committed, "render", "agenda", "2022-03-30", "-f", fmt)
    assert again.out == first.out


def test_uncommitted_changes_are_said_with_the_day_of_rendering(cli, committed: Path,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = committed / "meetings" / "2022-03-30.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("MS Teams", "Town Hall"), encoding="utf-8")
    short = _git(committed, "rev-parse", "--short", "HEAD")
    out = cli("--records", committed, "render", "agenda", "2022-03-30").out
    today = dt.date.today()
    assert f"Made on {today.day} {today:%B %Y} from the records at commit {short} with uncommitted changes." in out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1650000000")  # 15 April 2022
    out = cli("--records", committed, "render", "agenda", "2022-03-30").out
    assert f"Made on 15 April 2022 from the records at commit {short} with uncommitted changes." in out


def test_records_outside_git_say_so(cli, board: Callable[..., Path],  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1650000000")
    out = cli("--records", board(), "render", "minutes", "2022-03-30", "-f", "html").out
    assert '<p class="provenance">Made on 15 April 2022 from records not committed to git.</p>' in out


def test_a_board_words_the_sentence_itself(cli, committed: Path) -> None:  # type: ignore[no-untyped-def]
    partnership = committed / "partnership.yaml"
    partnership.write_text(partnership.read_text(encoding="utf-8")
                           + 'labels: {source_committed: "Source: {commit}, {date}"}\n', encoding="utf-8")
    _git(committed.parent, "commit", "-q", "-am", "own words")
    short = _git(committed, "rev-parse", "--short", "HEAD")
    out = cli("--records", committed, "render", "agenda", "2022-03-30").out
    assert out.rstrip().endswith(f"Source: {short}, 1 March 2022")
