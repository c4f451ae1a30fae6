"""`cspctl fmt`: one canonical text for every record, reached without losing anything.

Canonical means: keys in the model's field order (`canonical.reorder`), the round-trip
settings of `yamlio` (2-space indent, sequences as "  - ", quotes as authored), LF line
endings and a final newline. A rewrite is refused unless it keeps every value
(`parse(before).data == parse(after).data`) and every comment line. Every file is checked
before any is written, and writes go through `yamlio.atomic_write`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from cspctl.errors import CspError
from cspctl.problem import Problem
from cspctl.records.discovery import discover, display_path
from cspctl.records.yamlio.text import YamlError

if TYPE_CHECKING:
    from cspctl.records.guarded import Snapshot


class Refused(Exception):
    """The canonical text would lose something; the file is left alone."""


@dataclass
class FmtResult:
    changed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files: int = 0
    written: bool = False


def canonical_text(kind: str, text: str, relative: PurePosixPath | None = None) -> str:
    """The canonical form of a valid record's text (raises `Refused` rather than lose data).

    With `relative` (the file's path inside the records folder) the text opens with the
    yaml-language-server modeline that points editors at the record kind's JSON Schema.
    """
    if relative is not None:
        from cspctl.records.schema_export import modeline

        line = modeline(relative)
        body = _without_modeline(text.replace("\r\n", "\n"))
        canonical = canonical_text(kind, body)
        return f"{line}\n{canonical}" if line else canonical
    from cspctl.records.canonical import model_for, reorder
    from cspctl.records.roundtrip import rt_dump, rt_load
    from cspctl.records.yamlio.read import parse

    source = text.replace("\r\n", "\n")
    data = rt_load(source)
    reorder(data, model_for(kind))
    out = rt_dump(data)
    if not out.endswith("\n"):
        out += "\n"
    if out == text:
        return out  # already canonical: nothing is rewritten, so nothing can be lost
    try:
        same = parse(out).data == parse(text).data
    except YamlError:
        same = False
    if not same:
        raise Refused("formatting would change a value; the file is left as it is")
    if comment_lines(out) != comment_lines(source):
        raise Refused("formatting would lose or alter a comment (comments before '---' or "
                      "inside [...] / {...} cannot be kept); move the comment and try again")
    return out


def _without_modeline(text: str) -> str:
    """`text` less a yaml-language-server modeline on its first line (fmt writes a fresh one)."""
    first, newline, rest = text.partition("\n")
    return rest if first.startswith("# yaml-language-server:") else text


def comment_lines(text: str) -> list[str]:
    """Every comment in a YAML text, as sorted stripped lines (block scalars excluded)."""
    from ruamel.yaml import YAML

    found: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, list):
            for part in value:
                collect(part)
        elif value is not None and hasattr(value, "value"):
            found.extend(line.strip() for line in str(value.value).splitlines()
                         if line.strip().startswith("#"))

    for token in YAML(typ="rt").scan(text):
        collect(getattr(token, "_comment", None))
    return sorted(found)


def fmt(root: Path, paths: Sequence[Path] = (), *, check: bool = False) -> FmtResult:
    """Format the records below `root` (or only `paths`); with `check`, write nothing."""
    from cspctl.models.registry import kind_of

    result = FmtResult()
    files = _select(root, paths, result.skipped)
    result.files = len(files)
    from cspctl.records.verdicts import Verdicts

    known = Verdicts(root)
    pending: list[tuple[Snapshot, str]] = []
    for path in files:
        shown = display_path(path)
        kind = kind_of(PurePosixPath(path.relative_to(root).as_posix()))
        if kind is None:
            continue
        if known.canonical(path):
            continue
        try:
            snapshot, new = _format_file(root, path, kind, shown,
                                         PurePosixPath(path.relative_to(root).as_posix()))
        except _Located as exc:
            result.problems.extend(exc.problems)
            continue
        if not snapshot.crlf and new == snapshot.text:
            known.confirm(path, snapshot.text)
        else:
            if path.is_symlink():
                result.problems.append(Problem(shown, 1, 1, "CSP007", "error",
                                               "is a symbolic link; fmt does not write through links"))
                continue
            result.changed.append(shown)
            pending.append((replace(snapshot, crlf=False), new))  # canonical: LF line endings
    if check or result.problems:
        known.save()
        return result
    from cspctl.records.guarded import write_if_unchanged

    for snapshot, new in pending:
        write_if_unchanged(snapshot, new)
        known.confirm(snapshot.path, new)
    known.save()
    result.written = True
    return result


class _Located(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def _format_file(root: Path, path: Path, kind: str, shown: str,
                 relative: PurePosixPath) -> tuple[Snapshot, str]:
    snapshot, _ = _validated(root, path, kind, shown)
    try:
        return snapshot, canonical_text(kind, snapshot.text, relative)
    except Refused as exc:
        raise _Located([Problem(shown, 1, 1, "CSP008", "error", str(exc))]) from None
    except YamlError as exc:  # ruamel could not read what the loader took: never a traceback
        raise _Located([Problem(shown, exc.line, exc.column, exc.code, "error", exc.message)]) from None


def _validated(root: Path, path: Path, kind: str, shown: str) -> tuple[Snapshot, Any]:
    """A record file that parses and validates, as read to rewrite, and its model (else
    `_Located` problems)."""
    from pydantic import ValidationError

    from cspctl.models.registry import adapter
    from cspctl.records.guarded import read_for_update
    from cspctl.records.schema_errors import problems_from
    from cspctl.records.yamlio.read import parse

    try:
        snapshot = read_for_update(path, root)
        document = parse(snapshot.text)
    except YamlError as exc:
        raise _Located([Problem(shown, exc.line, exc.column, exc.code, "error", exc.message)]) from None
    if document.data is None:
        raise _Located([Problem(shown, 1, 1, "CSP102", "error", "the file is empty")])
    try:
        model = adapter(kind).validate_python(document.data)
    except ValidationError as exc:
        raise _Located(list(problems_from(exc, document, shown, kind))) from None
    return snapshot, model


def _select(root: Path, paths: Sequence[Path], skipped: list[str]) -> list[Path]:
    """The record files to format: all of `root`, or those under `paths`.

    A path outside the records folder is skipped (pre-commit passes every YAML file of the
    repository); a path inside it that leads outside through a link is refused.
    """
    import os

    if not root.is_dir():
        raise CspError(f"records folder not found: {root} (use --records DIR or set CSPCTL_RECORDS)")
    everything = discover(root)
    if not paths:
        return everything
    base, lexical_base = root.resolve(), Path(os.path.abspath(root))
    chosen: list[Path] = []
    for wanted in paths:
        if not wanted.exists() and not wanted.is_symlink():
            raise CspError(f"no such file or folder: {wanted}", exit_code=2)
        if not Path(os.path.abspath(wanted)).is_relative_to(lexical_base):
            skipped.append(display_path(wanted))
            continue
        target = wanted.parent.resolve() / wanted.name if wanted.is_symlink() else wanted.resolve()
        if not target.is_relative_to(base):
            raise CspError(f"{wanted} leads outside the records folder {root}; not formatted")
        for path in everything:
            resolved = path.parent.resolve() / path.name
            if (resolved == target or resolved.is_relative_to(target)) and path not in chosen:
                chosen.append(path)
    return chosen


# --- the one write path of every command that edits or creates a record --------------------


def save_record(snapshot: Snapshot, kind: str, text: str) -> bool:
    """Write a record the way every writing command does: the new text must parse and
    validate, must keep every comment of the text read, and is written only if the file is
    still as read (`guarded.write_if_unchanged`: lock, compare, atomic replace).

    Returns False when the bytes did not change.
    """
    from collections import Counter

    from pydantic import ValidationError

    from cspctl.models.registry import adapter
    from cspctl.records.guarded import write_if_unchanged
    from cspctl.records.yamlio.read import parse

    shown = snapshot.shown
    try:
        adapter(kind).validate_python(parse(text).data)
    except (YamlError, ValidationError):
        raise CspError(f"internal error: the edit would leave {shown} invalid; nothing was written") from None
    if snapshot.raw is not None and Counter(comment_lines(snapshot.text)) - Counter(comment_lines(text)):
        raise CspError(f"the edit would lose a comment in {shown}; nothing was written")
    return write_if_unchanged(snapshot, text)


def load_for_edit(root: Path, path: Path, kind: str, expected: Any = None) -> tuple[Snapshot, Any]:
    """A valid record as read to edit and its round-trip data, or a CspError saying what is
    wrong. With `expected` (the model the command decided on), a file that no longer holds
    it changed since the records were loaded, and is refused."""
    from cspctl.records.roundtrip import rt_load

    shown = display_path(path)
    if path.is_symlink():
        raise CspError(f"{shown} is a symbolic link; cspctl does not write through links")
    try:
        snapshot, model = _validated(root, path, kind, shown)
    except _Located as exc:
        raise CspError(f"{exc.problems[0]} (fix it before editing; see cspctl lint)") from None
    if expected is not None and model != expected:
        raise CspError(f"{shown} changed since cspctl read it; nothing was written: run the command again")
    try:
        return snapshot, rt_load(snapshot.text)
    except YamlError as exc:
        raise CspError(f"{shown}:{exc.line}:{exc.column}: {exc.code} {exc.message}") from None
