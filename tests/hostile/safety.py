"""Helpers the reliability suites share: is a command there yet, is an HTML render safe, and
what a reader of a render actually sees."""

from __future__ import annotations

import contextlib
import html
import io
import re
from functools import cache
from html.parser import HTMLParser

from cspctl.cli import main

_SPACE = re.compile(r"\s+")
_ACTIVE_TAGS = {"script", "iframe", "object", "embed", "base", "form", "frame", "frameset"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


@cache
def command_exists(*words: str) -> bool:
    """True when `cspctl WORDS --help` exits 0 (another helper may not have built it yet)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return main([*words, "--help"]) == 0
        except SystemExit as exc:  # pragma: no cover - main() turns these into codes
            return exc.code == 0


def normalise(text: str) -> str:
    """What a reader sees: entities decoded, whitespace runs as one space, case folded."""
    return _SPACE.sub(" ", html.unescape(text)).strip().casefold()


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def html_problems(page: str) -> list[str]:
    """Everything in `page` that would run code or fetch something a record put there."""
    parser = _Page()
    parser.feed(page)
    found = []
    for tag, attrs in parser.tags:
        if tag in _ACTIVE_TAGS or (tag == "meta" and any(n == "http-equiv" for n, _ in attrs)):
            found.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"{name}= handler on <{tag}>")
            squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value or "")).lower()
            if name in _URL_ATTRS and squeezed.startswith(_BAD_SCHEMES):
                found.append(f"{name}={squeezed[:20]}… on <{tag}>")
            if name == "style" and ("expression(" in squeezed or "url(" in squeezed):
                found.append(f"style with code or a URL on <{tag}>")
    return found


def visible_text(page: str) -> str:
    """The text an HTML page shows (comments and tags excluded), normalised."""
    parser = _Page()
    parser.feed(page)
    return normalise(" ".join(parser.text))


def markdown_as_html(text: str) -> str:
    """Markdown output as a permissive downstream renderer (raw HTML allowed) would show it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)
