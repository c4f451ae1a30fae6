"""`cspctl lint`: load the folder, run every check, keep the findings for the paths asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cspctl.errors import CspError
from cspctl.problem import Problem
from cspctl.store import display_path, load_records


@dataclass
class LintResult:
    problems: list[Problem]
    files: int

    def failed(self, strict: bool) -> bool:
        return any(p.level == "error" or strict for p in self.problems)


def lint(root: Path, paths: Sequence[Path] = ()) -> LintResult:
    """Lint the records below `root`; with `paths`, report only findings in those files or folders."""
    from cspctl.checks import run_all

    for path in paths:
        if not path.exists():
            raise CspError(f"no such file or folder: {path}", exit_code=2)
    records = load_records(root)
    problems = run_all(records)
    files = len(records.files)
    if paths:
        wanted = [display_path(p.resolve()) for p in paths]
        problems = [p for p in problems if any(_within(p.path, w) for w in wanted)]
        files = sum(any(_within(f, w) for w in wanted) for f in records.files)
    return LintResult(problems, files)


def _within(path: str, wanted: str) -> bool:
    return path == wanted or path.startswith(wanted.rstrip("/") + "/") or wanted in (".", "")
