"""The records folder, loaded: every file parsed, validated and kept with its positions.

Loading never stops at the first bad file: problems are collected for the whole folder and
the files that validate are available to every later stage.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cspctl.errors import CspError
from cspctl.problem import Problem
from cspctl.records.discovery import FileStat, display_path, scan
from cspctl.records.loading import FileLoad, gc_paused, validate
from cspctl.records.yamlio.read import Document

if TYPE_CHECKING:
    from cspctl.models.forward_plan import ForwardPlan
    from cspctl.models.meeting import Meeting
    from cspctl.models.partnership import Partnership
    from cspctl.models.people import PeopleRegister
    from cspctl.models.plan import ActionPlan
    from cspctl.models.report import Report
    from cspctl.records.cache import Cache
    from cspctl.records.register import Register

M = TypeVar("M")


@dataclass
class Loaded(Generic[M]):
    """A validated record with where it came from."""

    path: Path
    display: str
    relative: PurePosixPath
    document: Document
    model: M

    def at(self, *where: str | int, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or key) in this file."""
        return self.document.position(tuple(where), key=key)

    def problem(self, where: Iterable[str | int], code: str, level: Any, message: str,
                *, key: bool = False) -> Problem:
        line, col = self.document.position(tuple(where), key=key)
        return Problem(self.display, line, col, code, level, message)


@dataclass
class Records:
    """Everything in a records folder that loaded and validated, plus the problems found."""

    root: Path
    partnership: Loaded[Partnership] | None = None
    people: Loaded[PeopleRegister] | None = None
    forward_plan: Loaded[ForwardPlan] | None = None
    meetings: list[Loaded[Meeting]] = field(default_factory=list)
    reports: list[Loaded[Report]] = field(default_factory=list)
    plans: list[Loaded[ActionPlan]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unvalidated: dict[str, tuple[str, Document]] = field(default_factory=dict)
    """Files that parsed but did not validate, by shown path: their kind and document (what
    `redaction` needs to keep quoted values of restricted parts out of their findings)."""

    def load_error(self, pattern: str) -> Problem | None:
        """The first error of a file (path ending in `pattern`, `*` allowed) that did not load:
        what a command says instead of "no such record"."""
        import fnmatch

        return next((p for p in self.problems if p.level == "error"
                     and fnmatch.fnmatch(p.path, f"*{pattern}")), None)

    def documents(self) -> dict[str, tuple[str, Document]]:
        """Every parsed file by shown path: its kind and document."""
        from cspctl.models.registry import kind_of

        found = dict(self.unvalidated)
        for loaded in self.all_loaded():
            found[loaded.display] = (kind_of(loaded.relative) or "", loaded.document)
        return found

    @cached_property
    def register(self) -> Register:
        from cspctl.records.register import Register

        return Register(self.people.model if self.people else None)

    def all_loaded(self) -> Iterator[Loaded[Any]]:
        for single in (self.partnership, self.people, self.forward_plan):
            if single is not None:
                yield single
        yield from self.meetings
        yield from self.reports
        yield from self.plans

    def meeting(self, date: dt.date) -> Loaded[Meeting] | None:
        # An index, rebuilt when the list changes: agendas look meetings up once per meeting.
        index = self.__dict__.get("_meeting_index")
        if index is None or index[0] != len(self.meetings) or index[1] is not self.meetings:
            by_date: dict[dt.date, Loaded[Meeting]] = {}
            for m in self.meetings:
                by_date.setdefault(m.model.date, m)
            index = self.__dict__["_meeting_index"] = (len(self.meetings), self.meetings, by_date)
        return index[2].get(date)

    def report(self, report_id: str) -> Loaded[Report] | None:
        return next((r for r in self.reports if r.model.id == report_id), None)

    def plan(self, plan_id: str) -> Loaded[ActionPlan] | None:
        return next((p for p in self.plans if p.model.id == plan_id), None)

    def meeting_dates(self) -> list[dt.date]:
        """Every known meeting date, held or planned, in order."""
        return list(self._dates()[0])

    def not_held_dates(self) -> set[dt.date]:
        """Dates of meetings cancelled or postponed: by their record, else by the forward plan."""
        return set(self._dates()[2])

    def _dates(self) -> tuple[list[dt.date], list[dt.date], frozenset[dt.date]]:
        """Every meeting date, the dates of meetings that take place (both in order), and those
        that do not. Kept while the meetings and the forward plan stay the same: the action log
        asks once per action, and sorting thousands of dates each time made it quadratic."""
        from cspctl.models.meeting import NOT_HELD

        cached = self.__dict__.get("_meeting_dates")  # holds the lists it was made from: no id reuse
        if cached is None or cached[0] is not self.meetings or cached[1] != len(self.meetings) \
                or cached[2] is not self.forward_plan:
            dates = {m.model.date for m in self.meetings}
            skipped = {m.model.date for m in self.meetings if m.model.status in NOT_HELD}
            if self.forward_plan:
                planned = self.forward_plan.model.meetings
                skipped.update(p.date for p in planned if p.status in NOT_HELD and p.date not in dates)
                dates.update(p.date for p in planned)
            ordered = sorted(dates)
            cached = (self.meetings, len(self.meetings), self.forward_plan,
                      (ordered, [d for d in ordered if d not in skipped], frozenset(skipped)))
            self.__dict__["_meeting_dates"] = cached
        return cached[3]

    def next_meeting_after(self, date: dt.date) -> dt.date | None:
        """The next meeting held or planned after `date`: a cancelled or postponed meeting
        is never a due date."""
        from bisect import bisect_right

        taking_place = self._dates()[1]
        index = bisect_right(taking_place, date)
        return taking_place[index] if index < len(taking_place) else None


def load_records(root: Path, *, exact: bool = False, cache: Cache | None = None,
                 workers: int | None = None, on_loaded: Callable[[int, int], None] | None = None,
                 found: list[FileStat] | None = None) -> Records:
    """Load and validate every record below `root`.

    `found` is the folder as `scan` saw it a moment ago (lint scans to consult its cache
    first), so it is not walked twice. With `cache`, files whose content it has seen come
    from it. `workers` above 1 parses in
    that many processes; by default large folders do when a core is free (`parallel`).
    `on_loaded(done, total)` is told of each file parsed (for a progress bar).
    """
    from cspctl.models.registry import kind_of
    from cspctl.records.cache import UNREAD
    from cspctl.records.parallel import load_many

    if not root.is_dir():
        raise CspError(
            f"records folder not found: {root} (use --records DIR or set CSPCTL_RECORDS)"
        )
    records = Records(root=root)
    if found is None:
        found = scan(root)
    hashes = cache.hashes(found) if cache is not None else {}
    prefix = os.path.join(root, "")
    with gc_paused():
        files: list[tuple[Path, PurePosixPath, str, str | None]] = []
        jobs: list[tuple[Path, PurePosixPath, str, bytes | None]] = []
        results: dict[str, FileLoad] = {}
        for name, _, _ in found:
            path = Path(name)
            below = name[len(prefix):] if name.startswith(prefix) else os.path.relpath(name, root)
            relative = PurePosixPath(below.replace(os.sep, "/"))
            shown = display_path(path)
            digest, raw = hashes.get(relative.as_posix(), (None, None))
            key = f"{digest}-{kind_of(relative) or 'none'}" if digest and not digest.startswith(UNREAD) else None
            files.append((path, relative, shown, key))
            records.files.append(shown)
            hit = cache.get(key, shown, path) if cache is not None and key else None
            if hit is not None:
                kind, document, problems = hit
                results[shown] = (FileLoad(kind, document, problems=problems) if problems or document is None
                                  or kind is None else validate(kind, document, shown))
            else:
                jobs.append((path, relative, shown, raw))
        keys = {shown: key for _, _, shown, key in files}
        loads = zip(jobs, load_many(jobs, exact, workers), strict=True)
        for done, ((_, _, shown, _), loaded) in enumerate(loads, start=1):
            if on_loaded is not None:
                on_loaded(done, len(jobs))
            results[shown] = loaded
            if cache is not None and keys[shown] is not None:
                cache.put(keys[shown], loaded.kind, loaded.document, loaded.problems,  # type: ignore[arg-type]
                          packed=loaded.packed)
        for path, relative, shown, _ in files:
            loaded = results[shown]
            records.problems.extend(loaded.problems)
            if loaded.model is not None and loaded.kind is not None and loaded.document is not None:
                _file(records, loaded.kind, Loaded(path, shown, relative, loaded.document, loaded.model))
            elif loaded.kind is not None and loaded.document is not None:
                records.unvalidated[shown] = (loaded.kind, loaded.document)
    for name in ("partnership.yaml", "people.yaml"):
        if not (root / name).is_file():
            records.problems.append(
                Problem(display_path(root / name), 1, 1, "CSP006", "error",
                        f"the records folder has no {name}")
            )
    records.meetings.sort(key=lambda m: m.model.date)
    if cache is not None:
        cache.save()
    return records


def read_records(root: Path, *, on_loaded: Callable[[int, int], None] | None = None) -> Records:
    """`load_records` for the commands that read records: through the folder's cache (the
    one lint keeps), so a file whose content it has seen is not parsed again. The answer is
    the same with or without it; a cache that cannot be read or written only costs time."""
    from cspctl.records.cache import Cache

    cache = Cache(root) if root.is_dir() else None  # a missing folder: load_records says why
    return load_records(root, cache=cache, on_loaded=on_loaded)


def load_borrowing(root: Path, like: Path) -> Records:
    """`load_records` of a scratch copy `root` of (a revision of) the folder `like`, through
    `like`'s cache: files it has seen are not parsed again, and its index is left alone. The
    scratch folder goes away after this, so each document keeps its text: positions asked for
    later are found in it, not in a file that is no longer there."""
    from cspctl.records.cache import Cache, cache_folder

    cache = Cache(root, folder=cache_folder(like), borrowed=True) if like.is_dir() else None
    records = load_records(root, cache=cache)
    for _, document in records.documents().values():
        document.keep_text()
    return records


def _file(records: Records, kind: str, loaded: Loaded[Any]) -> None:
    if kind == "partnership":
        records.partnership = loaded
    elif kind == "people":
        records.people = loaded
    elif kind == "forward-plan":
        records.forward_plan = loaded
    elif kind == "meeting":
        records.meetings.append(loaded)
    elif kind == "report":
        records.reports.append(loaded)
    else:
        records.plans.append(loaded)
