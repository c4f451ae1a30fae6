"""CSP704 — what was published stays as it was published (review rule).

`cspctl publish` writes a meeting's papers into `published/DATE/` with a manifest of their
SHA-256 hashes and the records commit they were rendered from, and records the publication in
the meeting record. Changing or deleting a published file, its manifest, or a recorded
publication is an error: publish a supplement (`cspctl publish DATE --supplement`) instead.
New publications are welcome. Runs with `cspctl lint --base REF`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cspctl.problem import Problem
from cspctl.records.discovery import display_path
from cspctl.records.store import Records

CODE = "CSP704"
FOLDER = "published"


def check(base: Records, records: Records) -> Iterator[Problem]:
    after = {m.model.date: m for m in records.meetings}
    for old in base.meetings:
        new = after.get(old.model.date)
        if new is None or not old.model.publications:
            continue
        now = [p.model_dump(mode="json") for p in new.model.publications]
        for index, publication in enumerate(old.model.publications):
            if publication.model_dump(mode="json") not in now:
                yield new.problem(["publications"], CODE, "error",
                                  f"the publication of {publication.on.isoformat()} (entry {index + 1}) was "
                                  "changed or removed: what was published is a record; publish a supplement")


def check_files(root: Path, changed: list[tuple[str, str]], top: Path) -> Iterator[Problem]:
    """Published files changed or deleted since the base (`changed` from git, paths from `top`)."""
    for status, path in changed:
        if status.startswith("A") or status == "?":
            continue
        what = "deleted" if status.startswith("D") else "changed"
        yield Problem(display_path(top / path), 1, 1, CODE, "error",
                      f"a published file was {what}: published papers never change; publish a "
                      "supplement (cspctl publish DATE --supplement)")
