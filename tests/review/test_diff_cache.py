"""`cspctl diff` reads both revisions through the working folder's cache (entries are keyed by
content, so a revision's files that the working tree also holds are not parsed again), and
never lets a revision's files stand in for the working tree's."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from cspctl.records.cache import cache_folder
from tests.conftest import Result
from tests.review.conftest import GitRepo

MEETING = "records/meetings/2021-09-29.yaml"
Cli = Callable[..., Result]


def test_diff_answers_the_same_with_the_cache_and_leaves_its_index_alone(cli: Cli, repo: GitRepo) -> None:
    records = repo.root / "records"
    repo.edit(MEETING, "venue: MS Teams", "venue: Town Hall")
    first = repo.commit("move")
    repo.edit(MEETING, "venue: Town Hall", "venue: Council Chamber")
    second = repo.commit("move again")
    assert cli("lint").code == 0  # fills the working folder's cache
    index = cache_folder(records) / "index"
    kept = index.read_bytes()
    warm = cli("diff", first, second, "--format", "json")
    assert warm.code == 0, warm.err
    assert index.read_bytes() == kept  # the revisions' stats never enter the working tree's index
    again = cli("diff", first, second, "--format", "json")
    shutil.rmtree(cache_folder(records))
    cold = cli("diff", first, second, "--format", "json")
    assert warm.out == again.out == cold.out and "Council Chamber" in warm.out
    # the working tree, edited after the cache was filled, is read as it is now
    repo.edit(MEETING, "venue: Council Chamber", "venue: Civic Centre")
    now = cli("diff", second, "--format", "json")
    assert now.code == 0 and "Civic Centre" in now.out
    assert cli("lint").code == 0
    assert "Civic Centre" in cli("diff", second, "--format", "json").out


def test_a_revision_with_an_invalid_file_is_reported_through_the_cache(cli: Cli, repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    assert cli("lint").code == 0
    repo.edit(MEETING, "status: drafted", "status: nonsense")
    broken = repo.commit("break it")
    result = cli("diff", base, broken, "--format", "json")
    assert result.code == 0 and "unreadable" in result.out
    path: Path = repo.root / MEETING
    assert "nonsense" in path.read_text(encoding="utf-8")
