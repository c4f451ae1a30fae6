"""The site's search index: the visible text of every page's main content, written at build
time as a script (`search-index.js`) that `search.js` reads, so search works from `file://`
(where a page may not fetch a JSON file) and on any static host, with no server.

The index is made from the pages as built, so it can only hold what the public pages hold.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")


class _MainText(HTMLParser):
    """The text inside `<main>`, without scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1
        elif self.depth and tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "br", "tr"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth = max(0, self.depth - 1)
        elif tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return _SPACE.sub(" ", "".join(parser.parts)).strip()


def index_script(entries: list[tuple[str, str, str]]) -> bytes:
    """`entries` are (site path, title, page html); the script defines `window.cspctlSearch`."""
    documents = [{"url": path, "title": title, "text": page_text(html)} for path, title, html in entries]
    data = json.dumps(documents, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.cspctlSearch = {data};\n".encode()
