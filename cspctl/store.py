"""The records folder, loaded: every file parsed, validated and kept with its positions.

Loading never stops at the first bad file: problems are collected for the whole folder and
the files that validate are available to every later stage.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cspctl.errors import CspError
from cspctl.problem import Problem
from cspctl.yamlio import Document, YamlError, load

if TYPE_CHECKING:
    from cspctl.models.forward_plan import ForwardPlan
    from cspctl.models.meeting import Meeting
    from cspctl.models.partnership import Partnership
    from cspctl.models.people import PeopleRegister
    from cspctl.models.plan import ActionPlan
    from cspctl.models.report import Report
    from cspctl.register import Register

M = TypeVar("M")

SKIPPED_DIRS = {"templates", "node_modules", "__pycache__"}


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

    @cached_property
    def register(self) -> Register:
        from cspctl.register import Register

        return Register(self.people.model if self.people else None)

    def all_loaded(self) -> Iterator[Loaded[Any]]:
        for single in (self.partnership, self.people, self.forward_plan):
            if single is not None:
                yield single
        yield from self.meetings
        yield from self.reports
        yield from self.plans

    def meeting(self, date: dt.date) -> Loaded[Meeting] | None:
        return next((m for m in self.meetings if m.model.date == date), None)

    def report(self, report_id: str) -> Loaded[Report] | None:
        return next((r for r in self.reports if r.model.id == report_id), None)

    def plan(self, plan_id: str) -> Loaded[ActionPlan] | None:
        return next((p for p in self.plans if p.model.id == plan_id), None)

    def meeting_dates(self) -> list[dt.date]:
        """Every known meeting date, held or planned, in order."""
        dates = {m.model.date for m in self.meetings}
        if self.forward_plan:
            dates.update(p.date for p in self.forward_plan.model.meetings)
        return sorted(dates)

    def next_meeting_after(self, date: dt.date) -> dt.date | None:
        return next((d for d in self.meeting_dates() if d > date), None)


def display_path(path: Path) -> str:
    """A path as findings show it: relative to the working directory when below it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def discover(root: Path) -> list[Path]:
    """Every YAML file below the records folder, in a stable order (hidden folders skipped)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                found.append(Path(folder) / name)
    return found


def load_records(root: Path, *, exact: bool = False) -> Records:
    """Load and validate every record below `root`."""
    from pydantic import ValidationError

    from cspctl.models.registry import adapter, kind_of
    from cspctl.schema_errors import problems_from

    if not root.is_dir():
        raise CspError(
            f"records folder not found: {root} (use --records DIR or set CSPCTL_RECORDS)"
        )
    records = Records(root=root)
    for path in discover(root):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        shown = display_path(path)
        records.files.append(shown)
        kind = kind_of(relative)
        if kind is None:
            records.problems.append(
                Problem(shown, 1, 1, "CSP005", "warning",
                        "not a record file: cspctl reads partnership.yaml, people.yaml, "
                        "forward-plan.yaml, meetings/, reports/ and plans/")
            )
            continue
        try:
            document = load(path, exact=exact)
        except YamlError as exc:
            records.problems.append(Problem(shown, exc.line, exc.column, exc.code, "error", exc.message))
            continue
        if document.data is None:
            records.problems.append(Problem(shown, 1, 1, "CSP102", "error", "the file is empty"))
            continue
        try:
            model = adapter(kind).validate_python(document.data)
        except ValidationError as exc:
            records.problems.extend(problems_from(exc, document, shown, None))
            continue
        _file(records, kind, Loaded(path, shown, relative, document, model))
    for name in ("partnership.yaml", "people.yaml"):
        if not (root / name).is_file():
            records.problems.append(
                Problem(display_path(root / name), 1, 1, "CSP006", "error",
                        f"the records folder has no {name}")
            )
    records.meetings.sort(key=lambda m: m.model.date)
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
