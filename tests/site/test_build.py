"""`cspctl site` as a user runs it: reproducible, says its commit, works on every test board,
search, feed and open data, clear errors, and the localhost preview."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_RECORDS, Result
from tests.site.conftest import build, git, readable, site_files
from tests.site.test_links import broken_links

BOARDS = Path(__file__).resolve().parent.parent / "boards"


def test_the_same_commit_builds_the_same_bytes(planted_site: dict[str, Any]) -> None:
    again = planted_site["base"] / "again"
    assert build(planted_site["root"], again) == 0
    second = site_files(again)
    first = planted_site["files"]
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []


def test_every_page_names_the_records_commit(planted_site: dict[str, Any]) -> None:
    commit = git(planted_site["root"].parent, "rev-parse", "--short=7", "HEAD")
    for name, data in planted_site["files"].items():
        if name.endswith(".html"):
            assert f"(commit {commit})." in data.decode(), name
    assert json.loads(planted_site["files"]["open-data.json"])["built_from"] == {
        "commit": commit, "uncommitted_changes": False}


def test_uncommitted_changes_are_said(tmp_path: Path, board: Any) -> None:
    root = board()
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "records")
    (root / "meetings" / "2022-03-30.yaml").write_text(
        (root / "meetings" / "2022-03-30.yaml").read_text() + "notes: changed\n")
    assert build(root, tmp_path / "site", "--no-pdf") == 0
    page = (tmp_path / "site" / "index.html").read_text()
    assert "with uncommitted changes" in page


def test_records_outside_git_say_so(tmp_path: Path, board: Any) -> None:
    assert build(board(), tmp_path / "site", "--no-pdf") == 0
    assert "from records not committed to git" in (tmp_path / "site" / "index.html").read_text()


@pytest.mark.parametrize("name", ["district", "agency"])
def test_every_test_board_builds_a_whole_site(name: str, tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("--records", BOARDS / name, "site", "-o", tmp_path / "site", "--no-pdf")
    assert result.code == 0, result.err
    assert result.out.strip() == str((tmp_path / "site" / "index.html").absolute())
    files = site_files(tmp_path / "site")
    assert broken_links(files) == []
    for meeting in (BOARDS / name / "meetings").glob("*.yaml"):
        assert f"meetings/{meeting.stem}/index.html" in files
    assert "Traceback" not in result.err


def _search_index(files: dict[str, bytes]) -> list[dict[str, str]]:
    script = files["search-index.js"].decode()
    prefix = "window.cspctlSearch = "
    assert script.startswith(prefix) and script.endswith(";\n")
    found: list[dict[str, str]] = json.loads(script[len(prefix):-2])
    return found


def test_the_search_index_finds_a_phrase_from_the_minutes(planted_site: dict[str, Any]) -> None:
    index = _search_index(planted_site["files"])
    minutes = next(d for d in index if d["url"] == "meetings/2021-09-29/minutes.html")
    phrase = readable(planted_site["files"]["meetings/2021-09-29/minutes.html"]).split("</h2>")[0]
    assert minutes["text"] and "<" not in minutes["text"]
    assert all(set(d) == {"url", "title", "text"} for d in index)
    assert {d["url"] for d in index} <= set(planted_site["files"])
    assert "search.html" not in {d["url"] for d in index}
    assert phrase  # the page was read


def test_the_feed_lists_the_papers(planted_site: dict[str, Any]) -> None:
    root = ET.fromstring(planted_site["files"]["feed.atom"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    hrefs = [e.find("a:link[@rel='alternate']", ns).get("href") for e in entries]  # type: ignore[union-attr]
    assert "meetings/2021-09-29/minutes.html" in hrefs
    assert "papers/gps-tagging.html" in hrefs
    assert all(h in planted_site["files"] for h in hrefs)
    assert len(set(e.find("a:id", ns).text for e in entries)) == len(entries)  # type: ignore[union-attr]


def test_open_data_has_events_people_organisations_and_decisions(planted_site: dict[str, Any]) -> None:
    data = json.loads(planted_site["files"]["open-data.json"])
    assert data["schema"] == "cspctl-open-data/1"
    assert set(data) >= {"events", "people", "organizations", "memberships", "decisions", "actions"}
    event = next(e for e in data["events"] if e["id"] == "2021-09-29")
    assert event["start_date"] == "2021-09-29T10:00" and event["status"] == "passed"
    assert any(item["restricted"] for item in event["agenda"])
    assert all(not item["related_entities"] for item in event["agenda"] if item["restricted"])
    assert all(p["url"] in planted_site["files"] for p in data["people"])
    assert "email" not in json.dumps(data["people"])
    for url in (d["url"] for e in data["events"] for d in e["documents"]):
        assert url in planted_site["files"]


def test_the_calendar_is_the_calendar_command(planted_site: dict[str, Any], cli: Callable[..., Result]) -> None:
    result = cli("--records", planted_site["root"], "calendar")
    assert planted_site["files"]["meetings.ics"].decode() == result.out


def test_output_is_required(cli: Callable[..., Result]) -> None:
    result = cli("--records", SEED_RECORDS, "site")
    assert result.code == 2 and "--output" in result.err


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path, board: Any,
                                                   cli: Callable[..., Result]) -> None:
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    result = cli("--records", board(), "site", "-o", other, "--no-pdf")
    assert result.code == 2 and "other files" in result.err
    assert (other / "notes.txt").read_text() == "keep me"
    built = cli("--records", board(), "site", "-o", tmp_path / "site", "--no-pdf")
    assert built.code == 0
    (tmp_path / "site" / "stale.html").write_text("old")
    again = cli("--records", board(), "site", "-o", tmp_path / "site", "--no-pdf")
    assert again.code == 0 and not (tmp_path / "site" / "stale.html").exists()


def test_a_site_is_never_built_into_the_records(board: Any, cli: Callable[..., Result]) -> None:
    root = board()
    result = cli("--records", root, "site", "-o", root / "site", "--no-pdf")
    assert result.code != 0 and "Traceback" not in result.err
    assert not (root / "site").exists()


def test_bad_records_are_one_message(tmp_path: Path, board: Any, cli: Callable[..., Result]) -> None:
    root = board(meetings__2022_03_30_yaml="date: 2022-03-30\nitems: [{title: x, restricted: maybe}]\n")
    result = cli("--records", root, "site", "-o", tmp_path / "site", "--no-pdf")
    assert result.code == 1 and "Traceback" not in result.err
    assert ".yaml:2:32: CSP103" in result.err and "cspctl lint" in result.err
    assert "maybe" not in result.err and not (tmp_path / "site").exists()


def test_serve_previews_on_localhost(tmp_path: Path, board: Any) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "cspctl", "--records", str(board()), "site", "-o", str(tmp_path / "site"),
         "--no-pdf", "--serve", "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline:
            line = process.stderr.readline()
            if "http://127.0.0.1:" in line:
                url = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "index.html", timeout=10) as response:  # noqa: S310
            assert b"Test Community Safety Partnership" in response.read()
    finally:
        process.terminate()
        process.wait(timeout=10)
