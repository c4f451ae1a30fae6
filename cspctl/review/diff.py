"""What changed between two sets of records, in governance terms: a list of `Change`s.

Reviewers are board managers and chairs, so changes are named as the board names them (an
action completed, reassigned or re-dated; an item retitled; minutes reworded word by word)
rather than as lines of YAML. Content is compared on the public view of both sides unless
restricted content is asked for; restricted flags, titles and ids are compared on the full
records (they are public: a restricted item's title is on the public agenda), and a change
inside restricted content is reported without its text.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from cspctl.records.store import Records
from cspctl.review.changes import Change, Side


def compare(before: Records, after: Records, *, include_restricted: bool = False) -> list[Change]:
    """Every change from `before` to `after`, grouped by record in a stable order."""
    from cspctl.records.public import public
    from cspctl.review import meeting_changes, record_changes

    b = Side(before, before if include_restricted else public(before), unreadable(before))
    a = Side(after, after if include_restricted else public(after), unreadable(after))
    changes: list[Change] = []
    for path in sorted(b.unreadable | a.unreadable):
        which = "base" if path in b.unreadable else "head"
        changes.append(Change(path, "record", path, "unreadable",
                              note=f"this file does not load at the {which} revision: run cspctl lint"))
    changes += record_changes.register_changes(b, a)
    changes += meeting_changes.meeting_changes(b, a, include_restricted)
    changes += record_changes.forward_plan_changes(b, a)
    changes += record_changes.report_changes(b, a, include_restricted)
    changes += record_changes.plan_changes(b, a, include_restricted)
    order = {record: index for index, record in enumerate(dict.fromkeys(c.record for c in changes))}
    return sorted(changes, key=lambda c: order[c.record])


def between(records_dir: Path, base: str | None, head: str | None, *,
            include_restricted: bool = False) -> tuple[list[Change], str]:
    """The changes to the records folder from `base` (default: the merge base with the default
    branch) to `head` (default: the working tree), with a title naming both."""
    from cspctl.review import gitrev

    repo = gitrev.locate(records_dir)
    if head is not None:
        gitrev.resolve(repo, head)
    if base is None:
        base_commit = gitrev.merge_base(repo, head)
        base_label = f"merge base {base_commit[:10]}"
    else:
        base_commit, base_label = gitrev.resolve(repo, base), base
    before = gitrev.load_at(repo, base_commit, records_dir)
    after = gitrev.load_at(repo, head, records_dir)
    changes = compare(before, after, include_restricted=include_restricted)
    return changes, f"Changes to the records: {base_label} → {head or 'working tree'}"


def unreadable(records: Records) -> set[str]:
    """Record files (relative paths) that exist but failed to load or validate."""
    from cspctl.models.registry import kind_of

    loaded = {item.display for item in records.all_loaded()}
    root = os.path.abspath(records.root)
    found: set[str] = set()
    for shown in records.files:
        if shown in loaded:
            continue
        relative = Path(os.path.relpath(os.path.abspath(shown), root)).as_posix()
        if kind_of(PurePosixPath(relative)) is not None:
            found.add(relative)
    return found
