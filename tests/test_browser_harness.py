"""The browser harness itself: Chromium opens a rendered paper, and axe-core really reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser import axe_violations, open_file
from tests.conftest import SEED_RECORDS


def test_axe_reports_a_page_that_breaks_the_rules(browser_page: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><img src='x.png'><p style='color:#ccc;background:#fff'>faint</p></body></html>")
    found = {v["id"] for v in axe_violations(open_file(browser_page, bad))}
    assert {"html-has-lang", "document-title", "image-alt"} <= found


def test_a_rendered_agenda_opens_in_the_browser(browser_page: Any, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "agenda.html"
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "-o", out)
    assert result.code == 0, result.err
    page = open_file(browser_page, out)
    assert "Agenda" in page.title() or page.locator("h1").count() == 1
    assert page.locator("table").count() >= 1
