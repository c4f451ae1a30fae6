"""Every internal link of the site resolves from `file://`, and there are pages for exactly
what the public records hold."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from cspctl.records.public import public
from cspctl.records.store import load_records
from tests.site.conftest import build, site_files


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("href", "src") and value is not None:
                self.links.append(value)
            if key == "id" and value:
                self.ids.add(value)


def broken_links(files: dict[str, bytes]) -> list[str]:
    """Every href and src of every page that does not resolve to a file of the site (or to an
    id on the page it names); links must be relative."""
    parsed: dict[str, _Links] = {}
    for name, data in files.items():
        if name.endswith(".html"):
            parser = _Links()
            parser.feed(data.decode("utf-8"))
            parsed[name] = parser
    broken = []
    for name, parser in parsed.items():
        for link in parser.links:
            if link.startswith(("data:", "mailto:")):
                continue
            if link.startswith(("/", "http:", "https:", "file:")):
                broken.append(f"{name}: {link} (not relative)")
                continue
            path, _, fragment = link.partition("#")
            path = path.partition("?")[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if target not in files:
                broken.append(f"{name}: {link}")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{name}: {link} (no such id)")
    return broken


def test_every_link_resolves(planted_site: dict[str, Any]) -> None:
    assert broken_links(planted_site["files"]) == []


def test_pages_for_exactly_what_exists(planted_site: dict[str, Any]) -> None:
    files = planted_site["files"]
    records = public(load_records(planted_site["root"]))
    meetings = {n.split("/")[1] for n in files
                if n.startswith("meetings/") and n.count("/") == 2 and n.endswith("/index.html")}
    assert meetings == {d.isoformat() for d in records.meeting_dates()}
    papers = {Path(n).stem for n in files if n.startswith("papers/") and n.endswith(".html")}
    assert papers == {r.model.id for r in records.reports}
    assert {n for n in files if n.endswith("minutes.html")} == {
        f"meetings/{m.model.date.isoformat()}/minutes.html" for m in records.meetings
        if m.model.status in ("drafted", "approved")}
    assert "plans/vru-2021-22.html" in files and "plans/vru-2021-22.pdf" in files
    people = {Path(n).stem for n in files if n.startswith("people/") and n != "people/index.html"}
    register = records.people.model if records.people else None
    assert register is not None
    assert people == {p.id for p in register.people} | {g.id for g in register.groups}


def test_board_without_organisations_or_forward_plan_links_none(tmp_path: Path, board: Any) -> None:
    root = board()
    assert build(root, tmp_path / "site", "--no-pdf") == 0
    files = site_files(tmp_path / "site")
    assert broken_links(files) == []
    assert "forward-plan.html" not in files and "organisations/index.html" not in files
    assert not any(name.endswith(".pdf") for name in files)
    assert "Organisations" not in files["index.html"].decode()
