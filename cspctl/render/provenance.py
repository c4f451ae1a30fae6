"""Where a paper came from: the records' git commit, whether the tree had changes, and a date.

Every rendered document ends with one sentence saying so. The commit is the last one that
changed the records folder, so papers rendered from the same records read the same however
much else the repository gains. For a clean tree the date is that commit's date, which keeps
the same commit's papers byte-identical on any day; with uncommitted changes (or outside git)
it is the day of rendering, or `SOURCE_DATE_EPOCH` when that is set, as reproducible builds do.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Provenance:
    commit: str | None
    """The short hash of the last commit that changed the records; None when there is none."""
    dirty: bool
    """The records folder has changes that are not committed."""
    date: dt.date

    def sentence(self, labels: Mapping[str, str]) -> str:
        """The footer line, in the board's words (`source_*` labels, with {date} and {commit})."""
        if self.commit is None:
            key = "source_untracked"
        else:
            key = "source_uncommitted" if self.dirty else "source_committed"
        when = f"{self.date.day} {self.date:%B %Y}"
        return labels[key].replace("{date}", when).replace("{commit}", self.commit or "")


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else None


def _today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _commit(cwd: Path, revision: str, folder: str = ".") -> tuple[str, dt.date] | None:
    """The last commit at or before `revision` that changed `folder`, and its date."""
    line = _git(cwd, "log", "-1", "--format=%h %ct", revision, "--", folder)
    if not line:
        return None
    short, _, seconds = line.partition(" ")
    return short, dt.datetime.fromtimestamp(int(seconds), dt.UTC).date()


def of_folder(root: Path) -> Provenance:
    """The provenance of the records in the working tree at `root`."""
    found = _commit(root, "HEAD") if root.is_dir() else None
    if found is None:
        return Provenance(None, False, _today())
    status = _git(root, "status", "--porcelain", "--untracked-files=normal", "--", ".")
    dirty = bool(status)
    return Provenance(found[0], dirty, _today() if dirty else found[1])


def at_commit(top: Path, folder: str, commit: str) -> Provenance:
    """The provenance of the records folder `folder` (relative to `top`) as of `commit`, for
    papers rendered from a commit rather than the working tree (publish, verify)."""
    found = _commit(top, commit, folder)
    if found is None:
        return Provenance(None, False, _today())
    return Provenance(found[0], False, found[1])
