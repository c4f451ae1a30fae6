"""Column names on every data cell, so that a table stacked one block per row on a phone
still says what each value is (`td[data-label]`, shown by site.css).

Only the site's own output passes through here (rendered by trusted templates, user text
escaped), so its tables have a regular shape; a table whose rows do not line up with its
header row is left as it is.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_TAGS = re.compile(r"<[^>]+>")


def label_cells(page: str) -> str:
    return _TABLE.sub(_labelled, page)


def _labelled(found: re.Match[str]) -> str:
    table = found.group(1)
    head = _HEAD.search(table)
    if head is None:
        return found.group(0)
    names = [html.unescape(_TAGS.sub("", h)).strip() for h in _HEADER.findall(head.group(1))]
    before, body = table[:head.end()], table[head.end():]

    def row(match: re.Match[str]) -> str:
        cells = _CELL.findall(match.group(1))
        if len(cells) != len(names) or "colspan" in match.group(1):
            return match.group(0)
        names_left = iter(names)

        def cell(tag: re.Match[str]) -> str:
            name = html.escape(next(names_left), quote=True)
            return f'<{tag.group(1)}{tag.group(2)} data-label="{name}">'

        return f"<tr>{_CELL.sub(cell, match.group(1))}</tr>"

    return f"<table>{before}{_ROW.sub(row, body)}</table>"
