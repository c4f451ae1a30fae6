"""The site's search index: the visible text of every page's main content, written at build
time as a script (`search-index.js`) that `search.js` reads, so search works from `file://`
(where a page may not fetch a JSON file) and on any static host, with no server.

The index is made from the pages as built, so it can only hold what the public pages hold.
"""

from __future__ import annotations

import html
import json
import re

_SPACE = re.compile(r"\s+")


_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|li|td|th|h[1-6]|dt|dd|br|tr|div|section|ul|ol|table|dl|header|footer)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")


def page_text(page: str) -> str:
    """The visible text of the page's `<main>`: the site's own output, so its markup is regular
    (tags never hold a raw `>`: attribute values are escaped)."""
    found = _MAIN.search(page)
    if found is None:
        return ""
    text = _TAG.sub("", _BLOCK.sub(" ", _HIDDEN.sub(" ", found.group(1))))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def index_script(entries: list[tuple[str, str, str]]) -> bytes:
    """`entries` are (site path, title, page html); the script defines `window.cspctlSearch`."""
    documents = [{"url": path, "title": title, "text": page_text(html)} for path, title, html in entries]
    data = json.dumps(documents, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.cspctlSearch = {data};\n".encode()
