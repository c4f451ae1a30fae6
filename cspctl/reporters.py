"""Lint output formats, chosen by name: text (rich), json, github (workflow annotations)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import TextIO

from cspctl.problem import Problem, one_line

_NOT_SHOWN = re.compile(r"^[0-9]+ more findings in this file are not shown \(([0-9]+) errors, ([0-9]+) warnings\)$")


def summary(problems: Sequence[Problem], files: int) -> str:
    """The counts of every finding, those a CSP010 line stands for included."""
    errors = warnings = 0
    for p in problems:
        hidden = _NOT_SHOWN.match(p.message) if p.code == "CSP010" else None
        if hidden:
            errors += int(hidden.group(1))
            warnings += int(hidden.group(2))
        elif p.level == "error":
            errors += 1
        else:
            warnings += 1
    if not problems:
        return f"No problems in {files} file{'s' if files != 1 else ''}."
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{' and '.join(parts)} in {files} file{'s' if files != 1 else ''}."


def text(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    """One line per finding, files apart, then the summary; coloured on a terminal only (rich is
    not even imported otherwise: a warm lint in CI or a pipe is mostly start-up)."""
    if _coloured(out):
        _rich_text(problems, files, out)
        return
    for index, (_, group) in enumerate(groupby(problems, key=lambda p: p.path)):
        if index:
            out.write("\n")
        for p in group:
            suffix = " (warning)" if p.level == "warning" else ""
            out.write(f"{p}{suffix}\n")
    if problems:
        out.write("\n")
    out.write(summary(problems, files) + "\n")


def _coloured(out: TextIO) -> bool:
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return not os.environ.get("NO_COLOR")
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _rich_text(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False, soft_wrap=True)
    for index, (_, group) in enumerate(groupby(problems, key=lambda p: p.path)):
        if index:
            console.print()
        for problem in group:
            style = "red" if problem.level == "error" else "yellow"
            suffix = " [dim](warning)[/dim]" if problem.level == "warning" else ""
            console.print(
                f"[bold]{escape(one_line(problem.path))}[/bold]:{problem.line}:{problem.column}: "
                f"[{style}]{problem.code}[/{style}] {escape(one_line(problem.message))}{suffix}"
            )
    if problems:
        console.print()
    console.print(summary(problems, files))


def as_json(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    json.dump([p.as_dict() for p in problems], out, indent=2, ensure_ascii=False)
    out.write("\n")


GITHUB_SHOWN = 10
"""GitHub shows at most ten error and ten warning annotations of a step; the rest only in its log."""


def github(problems: Sequence[Problem], files: int, out: TextIO,
           changed: frozenset[str] = frozenset()) -> None:
    """Workflow annotations: errors before warnings, and within each the files a pull request
    changed (`changed`, from `lint --base`) first, so the ones GitHub shows are the ones that
    matter. Past what GitHub shows, one notice says how many more there are, and every finding
    follows as a plain line in the step's log."""
    ordered = sorted(problems, key=lambda p: (p.level != "error", p.path not in changed))
    for p in ordered:
        level = "error" if p.level == "error" else "warning"
        out.write(
            f"::{level} file={_prop(p.path)},line={p.line},col={p.column},title={p.code}::"
            f"{_data(p.message)}\n"
        )
    errors = sum(p.level == "error" for p in problems)
    hidden = max(0, errors - GITHUB_SHOWN) + max(0, len(problems) - errors - GITHUB_SHOWN)
    if hidden:
        out.write(f"::notice title=cspctl lint::{hidden} more finding{'s' if hidden != 1 else ''} than GitHub "
                  f"shows as annotations ({GITHUB_SHOWN} errors and {GITHUB_SHOWN} warnings); every "
                  "finding is listed below in this step's log\n")
        for p in ordered:
            suffix = " (warning)" if p.level == "warning" else ""
            out.write(f"{one_line(p.path)}:{p.line}:{p.column}: {p.code} {one_line(p.message)}{suffix}\n")
    out.write(summary(problems, files) + "\n")


def json_summary(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    """An envelope with counts: {files, errors, warnings, findings: [...]}."""
    errors = sum(p.level == "error" for p in problems)
    data = {"files": files, "errors": errors, "warnings": len(problems) - errors,
            "findings": [p.as_dict() for p in problems]}
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


FORMATS: dict[str, Callable[[Sequence[Problem], int, TextIO], None]] = {
    "text": text,
    "json": as_json,
    "json-summary": json_summary,
    "github": github,
}
