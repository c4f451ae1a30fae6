"""Which records commit a site was built from, said on every page.

A short git hash, with "uncommitted changes" when the records differ from it; a records
folder outside git says so. The commit's time fixes everything time-dependent in the build
(PDF metadata, the default as-of date), so the same commit builds the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cspctl.errors import CspError

FIXED_EPOCH = 315532800
"""1980-01-01, the time given to a build of records outside git (zip files' first day)."""


@dataclass(frozen=True)
class Provenance:
    commit: str | None
    """The short hash of the records commit, None outside git."""
    dirty: bool
    epoch: int

    @property
    def date(self) -> dt.date | None:
        return dt.datetime.fromtimestamp(self.epoch, dt.UTC).date() if self.commit else None

    @property
    def line(self) -> str:
        if self.commit is None:
            return "Built from records not kept in git"
        return f"Built from records commit {self.commit}" + (" with uncommitted changes" if self.dirty else "")


def provenance(root: Path) -> Provenance:
    from cspctl.review import gitrev

    try:
        repo = gitrev.locate(root)
        commit = gitrev.resolve(repo, "HEAD")
    except CspError:
        return Provenance(None, False, FIXED_EPOCH)
    dirty = bool(gitrev.changed_paths(repo, None, str(repo.records)))
    return Provenance(commit[:7], dirty, gitrev.commit_time(repo, commit))
