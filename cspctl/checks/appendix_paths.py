"""CSP503 — a file path in the records stays inside the records folder.

Three things name a file by path: an appendix (`path: appendices/prevent-data.pdf`), an item's
file paper (`papers: [{path: papers/prevent-data.pdf, title: Prevent data}]`) and the board's
`logo` in `partnership.yaml`. The path is relative to the records folder and must stay inside
it: absolute paths (`/etc/passwd`, `C:\\...`), URLs (`file:`, `https:`), `..` steps that climb
out of the folder (`../../etc/passwd`; backslashes count as separators too) and symbolic links
that lead outside it are errors, so a render or pack can never be made to read, copy or link a
file from elsewhere on the machine that builds it. A logo must also be an image a paper can
embed (`.png`, `.jpg`, `.jpeg`, `.gif`, `.svg`, `.webp`) of at most 2 MiB. The message names
the problem, never the path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cspctl.models.meeting import PaperFile, record_path, walk_items
from cspctl.problem import Problem
from cspctl.records import files
from cspctl.records.store import Records

CODE = "CSP503"


def path_problem(path: str, root: Path) -> str | None:
    """Why `path` is not a safe path below `root`, or None when it is."""
    return files.unsafe(path, root)


def check(records: Records) -> Iterator[Problem]:
    root = records.root
    for report in records.reports:
        for s, section in enumerate(getattr(report.model, "sections", [])):
            for a, appendix in enumerate(section.appendices):
                if appendix.path is None:
                    continue
                why = files.unsafe(appendix.path, root)
                if why:
                    yield report.problem(["sections", s, "appendices", a, "path"], CODE, "error",
                                         f"appendix path {why}")
    for meeting in records.meetings:
        for where, item in walk_items(meeting.model.items):
            for p, paper in enumerate(item.papers):
                if isinstance(paper, PaperFile):
                    why = files.unsafe(paper.path, root)
                    if why:
                        yield meeting.problem([*record_path(where), "papers", p, "path"], CODE,
                                              "error", f"paper path {why}")
    partnership = records.partnership
    if partnership is not None and partnership.model.logo is not None:
        logo = partnership.model.logo
        why = files.unsafe(logo, root) or files.logo_problem(logo)
        if why is None and files.missing(logo, root) is None \
                and (root / logo).stat().st_size > files.LOGO_LIMIT:
            why = "is larger than 2 MiB"
        if why:
            yield partnership.problem(["logo"], CODE, "error", f"logo {why}")
