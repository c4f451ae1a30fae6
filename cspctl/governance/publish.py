"""`cspctl publish DATE`: the meeting's public pack, rendered from a commit, as a record.

The pack goes into `RECORDS/published/DATE/` (a supplement into `supplement-N/` below it) in
Markdown, HTML and PDF, beside a manifest naming each file's SHA-256 and the records commit it
was rendered from. The records must be committed first, so the commit alone can reproduce
the files; PDF metadata is fixed from the commit's date (`SOURCE_DATE_EPOCH`). The meeting
record then lists the publication (`publications`), and lint's review rule CSP704 keeps both
the files and that entry from ever changing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cspctl.errors import CspError
from cspctl.governance import manifest as manifests
from cspctl.records.store import Loaded, Records, load_records
from cspctl.review import gitrev

if TYPE_CHECKING:
    from cspctl.models.meeting import Meeting

FOLDER = "published"
DOCUMENTS = (("pack", "markdown", "md"), ("pack", "html", "html"), ("pack", "pdf", "pdf"))


@dataclass
class Publication:
    folder: Path
    manifest: manifests.Manifest
    recorded_in: str | None
    """The meeting record the publication was added to; None when nothing was published anew."""
    already: bool = False


def folder_of(root: Path, date: dt.date) -> Path:
    return root / FOLDER / date.isoformat()


@contextmanager
def fixed_time(epoch: int) -> Iterator[None]:
    """Renders whose metadata (PDF dates, font subsets) is the commit's time, not the clock's."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render_documents(records: Records, date: dt.date, repo: gitrev.Repo, commit: str,
                     only: str | None = None) -> list[tuple[str, str, str, bytes]]:
    """(file name, document, format, bytes) of every published document (or the one named
    `only`) as rendered from `commit`, public view only."""
    from cspctl.render.document import Request, render
    from cspctl.render.provenance import at_commit

    epoch = gitrev.commit_time(repo, commit)
    origin = at_commit(repo.top, str(repo.records), commit)

    found = []
    with fixed_time(epoch):
        for document, fmt, extension in DOCUMENTS:
            if only is not None and only != f"{document}.{extension}":
                continue
            data = render(records, Request(document, date.isoformat(), fmt, include_restricted=False,
                                           provenance=origin))
            found.append((f"{document}.{extension}", document, fmt, data))
    return found


def publish(root: Path, date: dt.date, *, supplement: bool = False, on: dt.date | None = None,
            now: dt.datetime | None = None) -> Publication:
    """Publish the papers of the meeting on `date` from the records as last committed."""
    from cspctl import __version__
    from cspctl.authoring.workdays import calendar_for
    from cspctl.records.atomic import atomic_write

    repo = gitrev.locate(root)
    commit = gitrev.resolve(repo, "HEAD")
    meeting = load_records(root).meeting(date)
    if meeting is None:
        raise CspError(f"no meeting record for {date.isoformat()}: create it (cspctl new meeting "
                       f"{date.isoformat()}) and commit it before publishing its papers")
    previous = meeting.model.publications
    if previous and previous[-1].commit == commit:  # run twice: the first one stands
        folder = root / previous[-1].folder
        return Publication(folder, manifests.read(folder / manifests.NAME), None, already=True)
    dirty = [path for _, path in gitrev.changed_paths(repo, None, str(repo.records))
             if f"/{FOLDER}/" not in f"/{path}"]
    if dirty:
        raise CspError(f"the records have uncommitted changes ({dirty[0]}{' and more' if len(dirty) > 1 else ''}): "
                       "commit them first, so the publication names the commit it was rendered from")
    records = gitrev.load_at(repo, commit, root)
    if previous and not supplement:
        raise CspError(f"the papers of {date.isoformat()} were published on {previous[0].on.isoformat()}; "
                       "publish what changed as a supplement: cspctl publish DATE --supplement")
    if supplement and not previous:
        raise CspError(f"nothing to supplement: the papers of {date.isoformat()} have not been published")
    number = len(previous)
    folder = folder_of(root, date) / (f"supplement-{number}" if number else "")
    if (folder / manifests.NAME).exists():
        raise CspError(f"{folder / manifests.NAME} exists but the meeting record does not list it: "
                       "restore the meeting record's publications before publishing again")
    day = on or dt.date.today()
    partnership = records.partnership.model if records.partnership else None
    rule = partnership.papers_deadline if partnership else None
    deadline = calendar_for(partnership).deadline(date, rule) if rule else None
    late = 0
    if deadline is not None and day > deadline and not number:
        late = max(1, calendar_for(partnership).working_days_between(deadline, day))
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    record = manifests.Manifest(date, stamp.isoformat().replace("+00:00", "Z"), commit,
                                str(repo.records), __version__, number, deadline, late)
    folder.mkdir(parents=True, exist_ok=True)
    for name, document, fmt, data in render_documents(records, date, repo, commit):
        atomic_write(folder / name, data, root=root)
        record.files.append(manifests.Entry(name, document, fmt, manifests.sha256(data), len(data)))
    atomic_write(folder / manifests.NAME, record.as_json(), root=root)
    shown = _record_publication(root, meeting, day, commit, folder.relative_to(root).as_posix(), number, late)
    return Publication(folder, record, shown)


def _record_publication(root: Path, meeting: Loaded[Meeting], day: dt.date, commit: str, folder: str,
                        number: int, late: int) -> str:
    """Add the publication to the meeting record (round-trip: nothing else of it changes)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from cspctl.authoring.fmt import load_for_edit, save_record
    from cspctl.records.roundtrip import rt_dump

    snapshot, data = load_for_edit(root, meeting.path, "meeting", meeting.model)
    entry = CommentedMap([("on", day), ("commit", commit), ("folder", folder)])
    if number:
        entry["supplement"] = True
    if late:
        entry["late_working_days"] = late
    if "publications" not in data:
        data["publications"] = CommentedSeq()
    data["publications"].append(entry)
    save_record(snapshot, "meeting", rt_dump(data))
    return meeting.display
