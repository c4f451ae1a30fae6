"""Public by construction: no byte of the built site holds restricted content."""

from __future__ import annotations

from typing import Any

from tests.outputs.test_docx_pdf import pdf_text
from tests.site.conftest import RESTRICTED_IDS, SITE_CANARIES, readable


def _text(name: str, data: bytes) -> str:
    if name.endswith(".pdf"):
        return pdf_text(data)[0]
    return readable(data)


def test_no_canary_anywhere_in_the_site(planted_site: dict[str, Any]) -> None:
    files = planted_site["files"]
    assert any(name.endswith(".pdf") for name in files)
    for name, data in files.items():
        assert "CANARY" not in name, name
        text = _text(name, data)
        raw = data.decode("utf-8", "replace")
        leaked = [key for key, canary in SITE_CANARIES.items() if canary in text or canary in raw]
        assert not leaked, f"{name}: {leaked}"


def test_no_restricted_paper_or_action_is_named(planted_site: dict[str, Any]) -> None:
    for name, data in planted_site["files"].items():
        text = _text(name, data)
        found = [wanted for wanted in RESTRICTED_IDS if wanted in name or wanted in text]
        assert not found, f"{name}: {found}"


def test_a_restricted_item_keeps_its_title_only(planted_site: dict[str, Any]) -> None:
    page = readable(planted_site["files"]["meetings/2021-09-29/index.html"])
    assert "Stephen Port Inquest" in page
    assert "Crime and Disorder Strategic Assessment" in page
