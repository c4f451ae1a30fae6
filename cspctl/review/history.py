"""What git knows about the records folder: when it was last committed, and which files each
commit changed.

A calendar must say when it was made (`DTSTAMP`) and how often each event was revised
(`SEQUENCE`), and both must come out the same for the same commit: they come from the history,
never from the wall clock. `SOURCE_DATE_EPOCH` (the reproducible-builds convention) overrides
the time. Outside git there is no history: the time is the newest record file's, every
count 0.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from cspctl.errors import CspError

UNCOMMITTED = "uncommitted"


def source_epoch(root: Path) -> int:
    """Seconds since the epoch that stand for "when these records were made":
    `SOURCE_DATE_EPOCH` if set, else the last commit that changed the records folder, else
    the newest record file's modification time (0 for an empty folder)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    from cspctl.review.gitrev import _git, locate

    try:
        repo = locate(root)
        proc = _git(repo.top, "log", "-1", "--format=%ct", "--", _pathspec(repo.records))
    except CspError:
        proc = None
    if proc is not None and proc.returncode == 0 and proc.stdout.strip():
        return int(proc.stdout.decode().strip())
    times = [p.stat().st_mtime for p in root.rglob("*.y*ml") if p.is_file()] if root.is_dir() else []
    return int(max(times, default=0))


def revisions(root: Path) -> list[set[PurePosixPath]]:
    """The files (relative to the records folder) each commit changed, oldest commit first;
    a last entry for the changes not yet committed, if any. Empty outside git."""
    from cspctl.review.gitrev import _git, changed_paths, locate

    try:
        repo = locate(root)
    except CspError:
        return []
    below = _pathspec(repo.records)
    proc = _git(repo.top, "log", "--reverse", "--no-renames", "--name-only", "--format=%x00",
                "--", below)
    if proc.returncode != 0:
        return []  # a repository without commits yet
    history = []
    for entry in proc.stdout.decode("utf-8", "surrogateescape").split("\0")[1:]:
        history.append({_inside(repo.records, line) for line in entry.splitlines() if line.strip()})
    try:
        pending = {_inside(repo.records, path) for _, path in changed_paths(repo, None, below)}
    except CspError:
        pending = set()
    if pending:
        history.append(pending)
    return history


def _pathspec(records: PurePosixPath) -> str:
    return "." if str(records) == "." else str(records)


def _inside(records: PurePosixPath, path: str) -> PurePosixPath:
    """A path git printed (relative to the top level) as a path inside the records folder."""
    full = PurePosixPath(path.strip().strip('"'))
    if str(records) == ".":
        return full
    try:
        return full.relative_to(records)
    except ValueError:
        return full
