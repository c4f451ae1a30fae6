"""Import a file: read, recognise, build, then write the record canonically and atomically.

A new record goes to `meetings/DATE.yaml` and never replaces one (`--update` merges into a
drafted record, item by item, keeping what the source does not mention); `--output FILE`
writes elsewhere and `-` to standard output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.errors import CspError
from cspctl.records.discovery import display_path


@dataclass
class Result:
    text: str
    notes: list[str]
    path: Path | None = None
    shown: str = "-"
    updated: bool = False
    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def import_minutes(root: Path, source_path: Path, date: dt.date, *, output: str | None = None,
                   update: bool = False) -> Result:
    from cspctl.importing.build import DateMismatch, build_record
    from cspctl.importing.sources import read_source
    from cspctl.importing.structure import read_structure
    from cspctl.records.roundtrip import rt_dump
    from cspctl.records.store import load_records

    shown_source = display_path(source_path.resolve()) if source_path.exists() else str(source_path)
    source = read_source(source_path, shown_source)
    draft = read_structure(source)
    if not draft.items:
        raise CspError(f"{shown_source}:1:1: found no numbered item headings "
                       "(items are read from lines such as '4. ITEM TITLE' or Word heading styles)")
    records = load_records(root)
    try:
        imported = build_record(draft, records, date)
    except DateMismatch as exc:
        raise CspError(f"{shown_source}:{exc.line}:1: the minutes are dated {exc.found.isoformat()}, "
                       f"not {date.isoformat()} (--date)") from None
    unit = source.unit
    notes = [f"{shown_source}:{line}: {message}" if unit == "line" else
             f"{shown_source}: paragraph {line}: {message}" for line, message in imported.notes]
    data = imported.data
    counts = {"items": len(data["items"]),
              "actions": sum(len(i.get("actions", [])) for i in data["items"]),
              "attendance": sum(len(v) for v in data["attendance"].values())}
    if output == "-":
        text = _canonical(rt_dump(data), None)
        return Result(text, notes, counts=counts)
    target = Path(output) if output else root / "meetings" / f"{date.isoformat()}.yaml"
    inside = _inside(target, root)
    exists = target.exists() or target.is_symlink() or (not output and records.meeting(date) is not None)
    if exists and not update:
        raise CspError(f"{display_path(target)} already exists; nothing was written "
                       "(--update merges into a drafted record, --output writes elsewhere)")
    if exists:
        text = _update(root if inside else target.parent, target, data)
        updated = True
    else:
        relative = PurePosixPath(target.resolve().relative_to(root.resolve()).as_posix()) if inside else None
        text = _canonical(rt_dump(data), relative)
        _write_new(root if inside else target.parent.resolve(), target, text)
        updated = False
    result = Result(text, notes, target, display_path(target), updated, counts=counts)
    if inside:
        result.findings = _lint(root, target)
    return result


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def _canonical(text: str, relative: PurePosixPath | None) -> str:
    from cspctl.authoring.fmt import canonical_text

    return canonical_text("meeting", text, relative)


def _write_new(root: Path, target: Path, text: str) -> None:
    from cspctl.authoring.fmt import save_record
    from cspctl.records.guarded import absent

    if not target.parent.is_dir():
        if target.parent.resolve().is_relative_to(root.resolve()):
            target.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise CspError(f"no such folder: {display_path(target.parent)}", exit_code=2)
    save_record(absent(target, root), "meeting", text)


def _update(root: Path, target: Path, data: dict[str, Any]) -> str:
    from cspctl.authoring.fmt import load_for_edit, save_record
    from cspctl.importing.merge import merge_record
    from cspctl.records.roundtrip import rt_dump

    snapshot, existing = load_for_edit(root, target, "meeting")
    status = existing.get("status") if hasattr(existing, "get") else None
    if status != "drafted":
        raise CspError(f"{display_path(target)} is {status or 'not a meeting record'}; only a drafted "
                       "record is updated from a draft (nothing was written)")
    merge_record(existing, data)
    relative = None
    if _inside(target, root) and target.resolve().parent.name == "meetings":
        relative = PurePosixPath(target.resolve().relative_to(root.resolve()).as_posix())
    text = _canonical(rt_dump(existing), relative)
    save_record(snapshot, "meeting", text)
    return text


def _lint(root: Path, target: Path) -> list[str]:
    from cspctl.lint import lint

    try:
        result = lint(root, [target], use_cache=False)
    except CspError:
        return []
    return [str(p) for p in result.problems if p.level == "error"]
