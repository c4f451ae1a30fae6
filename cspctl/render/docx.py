"""Word documents from the Markdown rendering of a paper.

Councils circulate Word files. The Markdown rendering already carries the document's
structure (headings, numbered paragraphs, bullet lists, tables of actions), so this module
walks markdown-it-py's token stream and builds the same structure with python-docx: real
heading styles, list styles and tables, not a picture of the text. Nothing here interprets
user text as markup beyond Markdown itself; raw HTML in the source is written out literally.
"""

from __future__ import annotations

import io
from typing import Any

CONFIDENTIAL = "CONFIDENTIAL"


WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")
"""The logo types Word documents embed (python-docx reads no SVG or WebP)."""


def markdown_to_docx(markdown: str, *, title: str | None = None,
                     logo: tuple[str, bytes] | None = None) -> bytes:
    """Build a .docx from Markdown text and return its bytes; `logo` (media type, bytes)
    heads the document when Word can show its type."""
    from docx import Document
    from docx.shared import Mm, Pt
    from markdown_it import MarkdownIt

    parser = MarkdownIt("js-default").enable("table")
    tokens = parser.parse(markdown)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    if title:
        document.core_properties.title = title
    if logo is not None and logo[0] in WORD_IMAGES:
        document.add_picture(io.BytesIO(logo[1]), height=Mm(20))
    _Builder(document).run(tokens)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Builder:
    """Turns a flat markdown-it token stream into python-docx blocks."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.lists: list[str] = []  # "bullet" / "ordered", innermost last
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.heading: int | None = None
        self.in_item_paragraph = False

    def run(self, tokens: list[Any]) -> None:
        for token in tokens:
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token)

    # blocks
    def _heading_open(self, token: Any) -> None:
        self.heading = int(token.tag[1:])

    def _heading_close(self, token: Any) -> None:
        self.heading = None

    def _bullet_list_open(self, token: Any) -> None:
        self.lists.append("bullet")

    def _ordered_list_open(self, token: Any) -> None:
        self.lists.append("ordered")

    def _bullet_list_close(self, token: Any) -> None:
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _table_open(self, token: Any) -> None:
        self.table = []

    def _tr_open(self, token: Any) -> None:
        self.row = []

    def _tr_close(self, token: Any) -> None:
        if self.table is not None and self.row is not None:
            self.table.append(self.row)
        self.row = None

    def _table_close(self, token: Any) -> None:
        rows, self.table = self.table or [], None
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                cell = table.cell(r, c)
                cell.text = text
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        self.document.add_paragraph()

    def _hr(self, token: Any) -> None:
        self.document.add_page_break()

    def _fence(self, token: Any) -> None:
        self.document.add_paragraph(token.content.rstrip("\n"), style="No Spacing")

    _code_block = _fence

    def _html_block(self, token: Any) -> None:
        self.document.add_paragraph(token.content.rstrip("\n"))

    def _inline(self, token: Any) -> None:
        if self.row is not None:
            self.row.append(_plain(token))
            return
        if self.heading is not None:
            paragraph = self.document.add_heading(level=min(self.heading, 4))
        elif self.lists:
            kind = self.lists[-1]
            depth = len(self.lists)
            name = "List Bullet" if kind == "bullet" else "List Number"
            if depth > 1:
                name += f" {min(depth, 3)}"
            paragraph = self.document.add_paragraph(style=name)
        else:
            paragraph = self.document.add_paragraph()
        _runs(paragraph, token.children or [])


def _plain(token: Any) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _runs(paragraph: Any, children: list[Any]) -> None:
    bold = italic = strike = False
    link: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "s_open":
            strike = True
        elif kind == "s_close":
            strike = False
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            if link and not link.startswith("#"):
                paragraph.add_run(f" ({link})")
            link = None
        elif kind in ("softbreak", "hardbreak"):
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline", "html_inline"):
            run = paragraph.add_run(child.content)
            run.bold, run.italic, run.font.strike = bold or None, italic or None, strike or None
            if kind == "code_inline":
                run.font.name = "Courier New"
