"""The review rules: checks that compare the records with a base git revision.

They run only under `cspctl lint --base REF` (they need the base records, read from git), so
they live outside the always-on registry in `checks/__init__.py`; each is still one module
with a `CODE`, a docstring for users and a `check(base, records)` generator of `Problem`s.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import cspctl.checks.review_approved as review_approved
import cspctl.checks.review_deleted as review_deleted
import cspctl.checks.review_published as review_published
import cspctl.checks.review_unrestrict as review_unrestrict
from cspctl.problem import Problem
from cspctl.records.store import Records

REVIEW_REGISTRY: tuple[ModuleType, ...] = (
    review_approved,
    review_unrestrict,
    review_deleted,
    review_published,
)


def run_review(root: Path, base: str, records: Records, *, allow_unrestrict: bool = False) -> list[Problem]:
    """Every review rule, comparing `records` (the folder `root`) with the records at `base`."""
    from cspctl.review import gitrev

    repo = gitrev.locate(root)
    commit = gitrev.resolve(repo, base)
    base_records = gitrev.load_at(repo, commit, root)
    found: list[Problem] = []
    for module in REVIEW_REGISTRY:
        if module is review_unrestrict and allow_unrestrict:
            continue
        found.extend(module.check(base_records, records))
    published = str(repo.records / review_published.FOLDER)
    found.extend(review_published.check_files(root, gitrev.changed_paths(repo, commit, published), repo.top))
    return found
