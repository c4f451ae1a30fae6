"""HTML papers meet WCAG 2.2 AA, checked in a real browser (tests/browser.py: headless Chromium
with axe-core), as a reader with a screen reader, a keyboard or a phone would meet them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe_violations, open_file
from tests.conftest import REPO, SEED_RECORDS

DISTRICT = REPO / "tests" / "boards" / "district"

PAPERS = [
    (SEED_RECORDS, ("agenda", "2022-03-30")),
    (SEED_RECORDS, ("minutes", "2021-09-29")),
    (SEED_RECORDS, ("report", "gps-tagging")),
    (SEED_RECORDS, ("report", "gps-tagging-presentation")),
    (SEED_RECORDS, ("plan", "vru-2021-22")),
    (SEED_RECORDS, ("pack", "2021-12-08")),
    (SEED_RECORDS, ("forward-plan",)),
    (SEED_RECORDS, ("actions", "--as-of", "2022-01-01")),
    (SEED_RECORDS, ("decisions",)),
    (SEED_RECORDS, ("pack", "2021-12-08", "--include-restricted")),
    (DISTRICT, ("agenda", "2022-03-15")),
    (DISTRICT, ("minutes", "2022-03-15")),
    (DISTRICT, ("minutes", "2022-06-07")),
    (DISTRICT, ("forward-plan",)),
    (DISTRICT, ("decisions",)),
]


def _ids(case: tuple[Path, tuple[str, ...]]) -> str:
    return f"{case[0].name}-{'-'.join(a.lstrip('-') for a in case[1])}"


def _render(cli: Any, records: Path, args: tuple[str, ...], out: Path) -> Path:
    result = cli("--records", records, "render", *args, "-f", "html", "-o", out)
    assert result.code == 0, result.err
    return out


HEADINGS = """() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))
                 .map(h => Number(h.tagName[1]))"""


@pytest.mark.parametrize("case", PAPERS, ids=[_ids(c) for c in PAPERS])
def test_every_paper_passes_axe_with_one_h1_and_no_skipped_levels(
        case: tuple[Path, tuple[str, ...]], cli: Any, browser_page: Any, tmp_path: Path) -> None:
    records, args = case
    page = open_file(browser_page, _render(cli, records, args, tmp_path / "paper.html"))
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.title().strip()
    assert page.locator("main#main").count() == 1
    levels = page.evaluate(HEADINGS)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == [], f"heading levels skip: {jumps}"
    # Every header cell says what it heads.
    assert page.locator("th:not([scope])").count() == 0


@pytest.mark.parametrize("case", PAPERS[:10], ids=[_ids(c) for c in PAPERS[:10]])
def test_papers_reflow_at_phone_width_and_at_200_percent(
        case: tuple[Path, tuple[str, ...]], cli: Any, browser_page: Any, tmp_path: Path) -> None:
    """WCAG 1.4.10 and 1.4.4: at 320 CSS pixels (a phone, or 1280 at 400%) and at 640 (200%)
    the page never scrolls sideways; a wide table scrolls inside its own box instead, and that
    box takes keyboard focus so it can be scrolled without a mouse."""
    records, args = case
    page = open_file(browser_page, _render(cli, records, args, tmp_path / "paper.html"))
    for width in (320, 640):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("table:not(.table-wrap > table)").count() == 0
    assert page.locator(".table-wrap:not([tabindex='0'])").count() == 0


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(
        cli: Any, browser_page: Any, tmp_path: Path) -> None:
    page = open_file(browser_page, _render(cli, SEED_RECORDS, ("pack", "2021-12-08"), tmp_path / "p.html"))
    page.keyboard.press("Tab")
    focused = page.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent})")
    assert focused == {"cls": "skip-link", "text": "Skip to main content"}
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes on from main: the pack's contents, whose links show where focus is.
    page.keyboard.press("Tab")
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {inNav: !!document.activeElement.closest('nav'), bg: s.backgroundColor, outline: s.outlineStyle}; }""")
    assert style["inNav"] and style["bg"] == "rgb(255, 221, 0)"


def test_the_pack_has_its_contents_as_navigation(cli: Any, browser_page: Any, tmp_path: Path) -> None:
    page = open_file(browser_page, _render(cli, SEED_RECORDS, ("pack", "2021-12-08"), tmp_path / "p.html"))
    nav = page.get_by_role("navigation", name="Contents")
    assert nav.count() == 1
    assert nav.get_by_role("link").count() == page.locator("section.paper").count()


RAG_PLAN = """\
id: vru
title: VRU plan
themes:
  - id: governance
    title: Governance
    actions:
      - {number: 1, action: Do a thing, rag: red, progress: [{date: 2022-01-10, note: Late}]}
      - {number: 2, action: Do another, rag: amber}
      - {number: 3, action: Do a third, rag: green}
      - {number: 4, action: Done already, rag: complete}
      - {number: 5, action: Not rated}
"""


def test_rag_ratings_are_words_in_readable_colours(
        board: Callable[..., Path], cli: Any, browser_page: Any, tmp_path: Path) -> None:
    """The RAG colour is never the only sign (1.4.1): each cell says Red, Amber, Green or
    Complete, in text that contrasts with the colour (1.4.3, checked by axe)."""
    root = board(**{"plans/vru.yaml": RAG_PLAN})
    page = open_file(browser_page, _render(cli, root, ("plan", "vru"), tmp_path / "plan.html"))
    assert axe_violations(page) == []
    for rag, word in (("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("complete", "Complete")):
        assert page.locator(f"td.rag-{rag}").inner_text() == word
