"""Shell completion of what people type most: meeting dates, report, plan and action ids,
people and subgroups, read straight from the records folder's files.

Completion runs on every <Tab>, so it never loads or validates records: file names give the
dates and ids, and a line scan of the few files that hold the rest finds them. A folder that
does not exist or does not parse completes to nothing, never an error.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import typer

_DATE_LINE = re.compile(r"^\s*-?\s*date:\s*['\"]?([0-9]{4}-[0-9]{2}-[0-9]{2})", re.MULTILINE)
_ACTION_ID = re.compile(r"\bid:\s*['\"]?([0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9A-Za-z.]+)")
_NAME = re.compile(r"\bname:\s*['\"]?([^'\",}\n#][^'\",}\n#]*?)['\"]?\s*(?:[,}#]|$)", re.MULTILINE)
_SUBGROUP_ID = re.compile(r"\bid:\s*['\"]?([a-z0-9][a-z0-9-]*)")


def _root(ctx: typer.Context) -> Path:
    option = ctx.find_root().params.get("records")
    return Path(option) if option else Path(os.environ.get("CSPCTL_RECORDS") or "records")


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    except OSError:
        return ""


def _stems(folder: Path) -> list[str]:
    try:
        return sorted({p.stem for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")})
    except OSError:
        return []


def _matching(found: list[str], incomplete: str) -> list[str]:
    return [value for value in found if value.startswith(incomplete)]


def meeting_dates(ctx: typer.Context, incomplete: str) -> list[str]:
    root = _root(ctx)
    dates = {s for s in _stems(root / "meetings") if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s)}
    dates.update(_DATE_LINE.findall(_text(root / "forward-plan.yaml")))
    return _matching(sorted(dates), incomplete)


def report_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_stems(_root(ctx) / "reports"), incomplete)


def plan_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_stems(_root(ctx) / "plans"), incomplete)


def action_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    found: set[str] = set()
    folder = _root(ctx) / "meetings"
    if incomplete[:10].count("-") == 2 and len(incomplete) >= 10:
        files = [folder / f"{incomplete[:10]}.yaml"]  # the date typed: read that meeting only
    else:
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in files:
        found.update(_ACTION_ID.findall(_text(path)))
    return _matching(sorted(found), incomplete)


def people(ctx: typer.Context, incomplete: str) -> list[str]:
    names = sorted(set(_NAME.findall(_text(_root(ctx) / "people.yaml"))))
    wanted = incomplete.casefold()
    return [name.strip() for name in names if name.strip().casefold().startswith(wanted)]


def subgroups(ctx: typer.Context, incomplete: str) -> list[str]:
    text = _text(_root(ctx) / "partnership.yaml")
    block = text.split("subgroups:", 1)[1] if "subgroups:" in text else ""
    block = re.split(r"^[a-z_]+:", block, maxsplit=1, flags=re.MULTILINE)[0]
    return _matching(sorted(set(_SUBGROUP_ID.findall(block))), incomplete)
