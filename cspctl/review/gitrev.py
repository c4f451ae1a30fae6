"""Records as they were at a git revision, read from git's objects with git itself.

Review compares two revisions without touching the user's working tree or index: the blobs of
the records folder at a revision are listed (`git ls-tree`), read (`git cat-file --batch`) into
a temporary folder and loaded there like any records folder.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cspctl.errors import CspError
from cspctl.records.store import Records, load_borrowing, read_records

WORKING_TREE = None
"""A `head` of None means the working tree."""


@dataclass(frozen=True)
class Repo:
    """The git repository holding a records folder, and where the folder sits in it."""

    top: Path
    records: PurePosixPath
    """The records folder relative to the top level (`.` when it is the top level)."""


def _git(top: Path | None, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=top, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise CspError("git is not installed (cspctl diff and lint --base read records from git)") from None


def _message(proc: subprocess.CompletedProcess[bytes]) -> str:
    """git's error, shortened to its first line without the `fatal:` prefix."""
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    first = lines[0] if lines else f"git exited with status {proc.returncode}"
    for prefix in ("fatal: ", "error: "):
        first = first.removeprefix(prefix)
    return first


def locate(records_dir: Path) -> Repo:
    """The repository around `records_dir` (relative to the working directory, like --records)."""
    wanted = Path(os.path.abspath(records_dir))
    anchor = wanted
    while not anchor.is_dir() and anchor != anchor.parent:
        anchor = anchor.parent
    proc = _git(anchor, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        why = _message(proc)
        if why.startswith("not a git repository"):
            why = "cspctl diff and lint --base compare git revisions"
        raise CspError(f"the records folder is not in a git repository: {why}")
    top = Path(proc.stdout.decode("utf-8", "replace").strip())
    relative = os.path.relpath(os.path.realpath(wanted), os.path.realpath(top))
    if relative == ".." or relative.startswith(".." + os.sep):
        raise CspError(f"the records folder {records_dir} is outside the git repository {top}")
    return Repo(top, PurePosixPath(Path(relative).as_posix()))


def resolve(repo: Repo, rev: str) -> str:
    """The commit a revision names, or a user error carrying git's (shortened) message."""
    if not rev or rev.startswith("-"):
        raise CspError(f"unknown revision '{rev}': a revision cannot be empty or start with '-'")
    proc = _git(repo.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if proc.returncode == 0:
        return proc.stdout.decode().strip()
    why = _git(repo.top, "log", "-1", "--format=%H", rev, "--")
    detail = _message(why) if why.returncode != 0 else "not a commit"
    raise CspError(f"unknown revision '{rev}': {detail}")


def default_branch(repo: Repo) -> str:
    """origin/HEAD's branch when set, else main, else master."""
    proc = _git(repo.top, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.decode().strip()
    for name in ("main", "master"):
        if _git(repo.top, "rev-parse", "--verify", "--quiet", f"refs/heads/{name}^{{commit}}").returncode == 0:
            return name
    raise CspError("no default branch to compare with (origin/HEAD, main and master are all "
                   "missing): name the base revision, e.g. cspctl diff origin/main")


def merge_base(repo: Repo, head: str | None) -> str:
    """Where the current work forked from the default branch: the default base of a review."""
    branch = default_branch(repo)
    other = head if head is not None else "HEAD"
    proc = _git(repo.top, "merge-base", resolve(repo, branch), resolve(repo, other))
    if proc.returncode != 0:
        raise CspError(f"no merge base between {branch} and {other}: name the base revision")
    return proc.stdout.decode().strip()


def commit_time(repo: Repo, commit: str) -> int:
    """The commit's committer time, in seconds since the epoch."""
    proc = _git(repo.top, "show", "-s", "--format=%ct", commit)
    if proc.returncode != 0:
        raise CspError(f"cannot read commit {commit[:12]}: {_message(proc)}")
    return int(proc.stdout.decode().strip())


def changed_paths(repo: Repo, base: str | None, below: str) -> list[tuple[str, str]]:
    """(status letter, path) of every file below `below` (relative to the top level) that
    differs between `base` and the working tree (base None: between HEAD and the working
    tree, untracked files included as "?")."""
    if base is None:
        proc = _git(repo.top, "status", "--porcelain", "-z", "--untracked-files=all", "--", below)
        entries = [e for e in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if e]
        return [(e[:2].strip() or "M", e[3:]) for e in entries if len(e) > 3]
    proc = _git(repo.top, "diff", "--name-status", "-z", "--no-renames", base, "--", below)
    if proc.returncode != 0:
        raise CspError(f"cannot compare with {base[:12]}: {_message(proc)}")
    fields = [f for f in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if f]
    return list(zip(fields[0::2], fields[1::2], strict=False))


def load_at(repo: Repo, rev: str | None, records_dir: Path) -> Records:
    """The records at a revision (None: the working tree), loaded and validated."""
    if rev is WORKING_TREE:
        return read_records(records_dir) if records_dir.is_dir() else Records(root=records_dir)
    commit = resolve(repo, rev)
    with tempfile.TemporaryDirectory(prefix="cspctl-rev-") as scratch:
        root = Path(scratch) / "records"
        root.mkdir()
        export(repo, commit, root)
        return load_borrowing(root, records_dir)


def export(repo: Repo, commit: str, dest: Path, *, everything: bool = False) -> None:
    """Write the records folder's record files at `commit` below `dest` (regular files only);
    with `everything`, its other files too (templates, a logo: what a render reads)."""
    where = "." if str(repo.records) == "." else f"{repo.records}/"
    listing = _git(repo.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", where)
    if listing.returncode != 0:
        raise CspError(f"cannot list the records at {commit[:12]}: {_message(listing)}")
    wanted: list[tuple[str, PurePosixPath]] = []
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        path = PurePosixPath(raw_path.decode("utf-8", "surrogateescape"))
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symlinks and submodules are never records
        relative = path if str(repo.records) == "." else path.relative_to(repo.records)
        if ".." in relative.parts or (not everything and relative.suffix not in (".yaml", ".yml")):
            continue
        wanted.append((sha, relative))
    if not wanted:
        return
    batch = _git(repo.top, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha, _ in wanted).encode())
    if batch.returncode != 0:
        raise CspError(f"cannot read the records at {commit[:12]}: {_message(batch)}")
    out, offset = batch.stdout, 0
    for _, relative in wanted:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        start = header_end + 1
        target = dest.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out[start:start + size])
        offset = start + size + 1
