"""Findings inside restricted content are told without the values they quote.

Lint's messages quote what they found (`'<name>' is not in the people register`, an unknown
key, a paper id). Inside a restricted item, report, planned item or plan action that value is
restricted text, and lint output travels (CI logs, job summaries, pull-request comments): so
every quoted value of a finding located there is replaced by "(restricted)". Which parts are
restricted is read from each file's parsed data, fail-closed: any `restricted` value other
than false counts, so a file that does not validate is covered too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from cspctl.problem import Problem
from cspctl.records.yamlio.read import Document
from cspctl.records.yamlio.text import Path_

_QUOTED = re.compile(r"'[^'\n]*'")

SHOWN = "(restricted)"


def redact(problems: Iterable[Problem], documents: dict[str, tuple[str, Document]]) -> list[Problem]:
    """`problems` with quoted values removed where they sit inside restricted content;
    `documents` maps a file as findings show it to its kind and parsed document."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for problem in problems:
        if "'" in problem.message and problem.path in documents:
            if problem.path not in spans:
                spans[problem.path] = restricted_lines(*documents[problem.path])
            if any(start <= problem.line < end for start, end in spans[problem.path]):
                problem = replace(problem, message=_QUOTED.sub(SHOWN, problem.message))
        out.append(problem)
    return out


def restricted_lines(kind: str, document: Document) -> list[tuple[int, int]]:
    """The [start, end) line ranges of the restricted parts of a document."""
    data = document.data
    if not isinstance(data, dict):
        return []
    if kind == "report":
        return [(1, 10**9)] if _restricted(data) else []
    prefixes = list(_restricted_parts(kind, data))
    if not prefixes:
        return []
    positions = sorted({lc[0] for lc in document.values.values()} | {lc[0] for lc in document.keys.values()})
    found = []
    for prefix in prefixes:
        inside = [lc[0] for p, lc in (*document.values.items(), *document.keys.items())
                  if p[:len(prefix)] == prefix]
        if not inside:
            continue
        start, last = min(inside), max(inside)
        end = next((line for line in positions if line > last and not _within(document, line, prefix)),
                   10**9)
        found.append((start, end))
    return found


def _within(document: Document, line: int, prefix: Path_) -> bool:
    return any(p[:len(prefix)] == prefix for p, lc in document.values.items() if lc[0] == line)


def _restricted_parts(kind: str, data: dict[str, Any]) -> Iterator[Path_]:
    if kind == "meeting":
        yield from _flagged(data.get("items"), ("items",))
    elif kind == "forward-plan":
        for m, meeting in _each(data.get("meetings")):
            yield from _flagged(meeting.get("items"), ("meetings", m, "items"))
    elif kind == "plan":
        for t, theme in _each(data.get("themes")):
            yield from _flagged(theme.get("actions"), ("themes", t, "actions"))


def _each(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _flagged(value: Any, path: Path_) -> Iterator[Path_]:
    for index, item in _each(value):
        if _restricted(item):
            yield (*path, index)


def _restricted(data: dict[str, Any]) -> bool:
    return "restricted" in data and data["restricted"] is not False

