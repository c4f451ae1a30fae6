"""A real browser for the tests: Debian's headless Chromium driven by Playwright, with axe-core.

`make install` puts all three in place (chromium from Debian, playwright from PyPI without its own
browser download, axe-core from npm into node_modules/). Outside CI a machine without them skips
the browser tests; in CI (CI=true) a missing piece fails them, so a green run always means the
pages were opened in a browser.

Use the `browser_page` fixture for a fresh page, `open_file(page, path)` to load a rendered file
over file://, and `axe_violations(page)` for the serious and critical findings of axe-core.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CSPCTL_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def _missing() -> str | None:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return f"no Chromium at {CHROMIUM} (make install puts Debian's chromium there)"
    if not AXE.exists():
        return f"no axe-core at {AXE.relative_to(REPO)} (make install runs npm install)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install)"
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run (starting it costs a few seconds)."""
    if reason := _missing():
        _unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def browser_page(browser: Any) -> Iterator[Any]:
    """A fresh page at a desktop size; call `page.set_viewport_size` for a phone."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def open_file(page: Any, path: Path) -> Any:
    """Load a file from disk as a reader's browser would, over file://."""
    page.goto(path.resolve().as_uri())
    return page


def axe_violations(page: Any, impacts: tuple[str, ...] = BLOCKING) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.x A/AA (2.2 included) on the loaded page, at `impacts`.

    Each is returned as {id, impact, help, nodes: [css targets]} so a failing assertion shows
    where the problem is.
    """
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                'wcag22aa', 'best-practice']},
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')),
            }));
        }"""
    )
    return [v for v in found if v["impact"] in impacts]
