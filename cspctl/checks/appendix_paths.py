"""CSP503 — an appendix path stays inside the records folder.

An appendix may point at a file kept beside the records (`path: appendices/prevent-data.pdf`).
The path is relative to the records folder and must stay inside it: absolute paths
(`/etc/passwd`, `C:\\...`), URLs (`file:`, `https:`), `..` steps that climb out of the folder
(`../../etc/passwd`; backslashes count as separators too) and symbolic links that lead outside
it are errors, so a render or pack can never be made to read, copy or link a file from
elsewhere on the machine that builds it. The message names the problem, never the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from cspctl.problem import Problem
from cspctl.records.store import Records

CODE = "CSP503"

_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def path_problem(path: str, root: Path) -> str | None:
    """Why `path` is not a safe appendix path below `root`, or None when it is."""
    if not path.strip():
        return "is empty"
    if path.startswith(("/", "\\")) or _DRIVE.match(path):
        return "is absolute; write it relative to the records folder"
    if _SCHEME.match(path):
        return "is a URL; appendix paths name files inside the records folder"
    depth = 0
    for part in re.split(r"[\\/]", path):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "climbs out of the records folder with '..'"
        elif part not in ("", "."):
            depth += 1
    try:
        inside = (root / path).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        return "cannot be resolved inside the records folder"
    return None if inside else "leads outside the records folder through a symbolic link"


def check(records: Records) -> Iterator[Problem]:
    for report in records.reports:
        for s, section in enumerate(getattr(report.model, "sections", [])):
            for a, appendix in enumerate(section.appendices):
                if appendix.path is None:
                    continue
                why = path_problem(appendix.path, records.root)
                if why:
                    yield report.problem(["sections", s, "appendices", a, "path"], CODE, "error",
                                         f"appendix path {why}")
