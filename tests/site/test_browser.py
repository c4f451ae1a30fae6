"""The site in a real browser (tests/browser.py): a reader follows it from the home page to a
meeting, its minutes and a paper, finds a phrase of the minutes with the search page, and
axe-core finds no serious or critical problem on any kind of page, at desktop and phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe_violations, open_file

PAGE_KINDS = [
    "index.html", "meetings/index.html", "meetings/2021-09-29/index.html",
    "meetings/2021-12-08/index.html", "meetings/2022-03-30/index.html",
    "meetings/2021-09-29/agenda.html", "meetings/2021-09-29/minutes.html", "papers/gps-tagging.html",
    "papers/first-time-entrants.html", "plans/vru-2021-22.html", "forward-plan.html", "actions.html",
    "decisions.html", "attendance.html", "people/index.html", "people/paul-trevers.html", "search.html",
]
PHRASE = "welcomed Tarina Evans as the new Victim Support representative"


def test_a_reader_follows_the_site_to_a_meeting_and_a_paper(browser_page: Any,
                                                            planted_site: dict[str, Any]) -> None:
    page = open_file(browser_page, Path(planted_site["output"]) / "index.html")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Meetings").click()
    assert page.locator("h1").inner_text() == "Meetings"
    page.locator("main a[href$='2021-09-29/index.html']").click()
    assert "29 September 2021" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Minutes", exact=True).click()
    assert PHRASE in page.locator("main").inner_text()
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Meetings").click()
    page.locator("main a[href$='2021-12-08/index.html']").click()
    page.get_by_role("link", name="First Time Entrants").first.click()
    assert page.url.endswith("papers/first-time-entrants.html")
    assert page.get_by_role("link", name="Download this paper (PDF)").count() == 1


def test_search_finds_a_phrase_from_the_minutes(browser_page: Any, planted_site: dict[str, Any]) -> None:
    page = open_file(browser_page, Path(planted_site["output"]) / "search.html")
    page.get_by_label("Search the papers, minutes and pages").fill(PHRASE)
    page.get_by_role("button", name="Search").click()
    results = page.locator("#results")
    assert "1 page found" in results.inner_text() or "pages found" in results.inner_text()
    first = results.locator("li a").first
    assert first.inner_text().startswith("Minutes")
    first.click()
    assert page.url.endswith("meetings/2021-09-29/minutes.html")
    assert axe_violations(open_file(browser_page, Path(planted_site["output"]) / "search.html")) == []


@pytest.mark.parametrize("width", [1200, 390])
def test_no_serious_accessibility_problem_on_any_kind_of_page(browser_page: Any, planted_site: dict[str, Any],
                                                              width: int) -> None:
    browser_page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name in PAGE_KINDS:
        assert name in planted_site["files"], name
        violations = axe_violations(open_file(browser_page, Path(planted_site["output"]) / name))
        if violations:
            found[name] = violations
    assert found == {}


def test_a_page_fits_a_phone(browser_page: Any, planted_site: dict[str, Any]) -> None:
    browser_page.set_viewport_size({"width": 390, "height": 844})
    for name in ("index.html", "meetings/2021-09-29/index.html", "meetings/2021-09-29/minutes.html"):
        page = open_file(browser_page, Path(planted_site["output"]) / name)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
