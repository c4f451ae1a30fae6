"""`cspctl lint`: load the folder, run every check, keep the findings for the paths asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cspctl.errors import CspError
from cspctl.problem import Problem
from cspctl.records.discovery import display_path, scan
from cspctl.records.loading import gc_paused
from cspctl.records.store import load_records

if TYPE_CHECKING:
    from cspctl.records.cache import Cache


@dataclass
class LintResult:
    problems: list[Problem]
    files: int
    changed: frozenset[str] = frozenset()
    """With `--base`: the record files (as findings show them) that differ from the base."""

    def failed(self, strict: bool) -> bool:
        return any(p.level == "error" or strict for p in self.problems)


def lint(root: Path, paths: Sequence[Path] = (), *, base: str | None = None,
         allow_unrestrict: bool = False, use_cache: bool = True,
         on_loaded: Callable[[int, int], None] | None = None) -> LintResult:
    """Lint the records below `root`; with `paths`, report only findings in those files or folders.

    With `base` (a git revision), the review rules compare the records with that revision too.
    With `use_cache`, unchanged files (and an unchanged folder) are not read again.
    """
    for path in paths:
        if not path.exists():
            raise CspError(f"no such file or folder: {path}", exit_code=2)
    cache = open_cache(root) if use_cache else None
    changed: frozenset[str] = frozenset()
    if base is None:
        problems, shown = lint_all(root, cache, on_loaded)
    else:
        from cspctl.checks import run_all
        from cspctl.review.rules import run_review

        leftovers: list[str] = []
        found = scan(root, leftovers) if root.is_dir() else None
        records = load_records(root, cache=cache, on_loaded=on_loaded, found=found)
        shown = records.files
        review = run_review(root, base, records, allow_unrestrict=allow_unrestrict)
        problems = sorted(set(run_all(records)) | set(review) | set(_leftover(leftovers)))
        changed = _changed_files(root, base)
    files = len(shown)
    if paths:
        wanted = [display_path(p.resolve()) for p in paths]
        problems = [p for p in problems if any(_within(p.path, w) for w in wanted)]
        files = sum(any(_within(f, w) for w in wanted) for f in shown)
    return LintResult(capped(problems), files, changed)


def _changed_files(root: Path, base: str) -> frozenset[str]:
    from cspctl.review import gitrev

    repo = gitrev.locate(root)
    return frozenset(display_path(repo.top / path)
                     for _, path in gitrev.changed_paths(repo, gitrev.resolve(repo, base), str(repo.records)))


MAX_PER_FILE = 100
"""Findings shown for one file; the rest are counted (CSP010). A generated or hostile file can
hold 200,000 findings, and 15 MB of output helps nobody."""


def capped(problems: list[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """At most `limit` findings per file (in position order), then one counting the rest; its
    level is the worst of those it stands for, so the exit code does not change."""
    from itertools import groupby

    out: list[Problem] = []
    for path, group in groupby(problems, key=lambda p: p.path):
        found = list(group)
        out.extend(found[:limit])
        rest = found[limit:]
        if rest:
            errors = sum(p.level == "error" for p in rest)
            out.append(Problem(path, rest[0].line, rest[0].column, "CSP010",
                               "error" if errors else "warning",
                               f"{len(rest)} more findings in this file are not shown "
                               f"({errors} errors, {len(rest) - errors} warnings)"))
    return out


def open_cache(root: Path) -> Cache | None:
    """The cache of `root` (None when the folder is missing: load_records says why)."""
    from cspctl.records.cache import Cache

    return Cache(root) if root.is_dir() else None


def lint_all(root: Path, cache: Cache | None,
             on_loaded: Callable[[int, int], None] | None = None) -> tuple[list[Problem], list[str]]:
    """Every finding in the folder and the files read; from the cache when nothing changed."""
    key = ""
    leftovers: list[str] = []
    found = scan(root, leftovers) if root.is_dir() else None  # a missing folder: load_records says why
    if cache is not None and found is not None:
        key = cache.tree_key("lint", cache.hashes(found))
        hit = cache.result("lint", key)
        if hit is not None:
            return sorted([Problem(*p) for p in hit[0]] + _leftover(leftovers)), list(hit[1])
    from cspctl.checks import run_all  # here: a warm run needs neither checks nor models

    records = load_records(root, cache=cache, on_loaded=on_loaded, found=found)
    with gc_paused():
        problems = run_all(records)
    if cache is not None:
        rows = [(p.path, p.line, p.column, p.code, p.level, p.message) for p in problems]
        cache.store_result("lint", key, (rows, records.files))
        cache.save()
    return sorted(problems + _leftover(leftovers)), records.files


def _leftover(paths: list[str]) -> list[Problem]:
    """CSP009: temporary files of interrupted writes (outside the cache: they are no record)."""
    import os

    found = []
    for path in paths:
        name = os.path.basename(path)
        record = name[1:].rsplit(".", 2 if name.endswith(".tmp") else 1)[0]
        found.append(Problem(display_path(Path(path)), 1, 1, "CSP009", "warning",
                             "left by an interrupted write: the next write of "
                             f"{record} removes it (or delete it)"))
    return found


def _within(path: str, wanted: str) -> bool:
    return path == wanted or path.startswith(wanted.rstrip("/") + "/") or wanted in (".", "")
