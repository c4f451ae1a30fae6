"""Word documents from the Markdown rendering of a paper.

Councils circulate Word files. The Markdown rendering already carries the document's
structure (headings, numbered paragraphs, bullet lists, tables of actions), so this module
walks markdown-it-py's token stream and builds the same structure with python-docx: real
heading styles, list styles and tables, not a picture of the text. Nothing here interprets
user text as markup beyond Markdown itself; raw HTML in the source is written out literally.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cspctl.render.docx_page import Page

WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")
"""The logo types Word documents embed (python-docx reads no SVG or WebP)."""


def markdown_to_docx(markdown: str, page: Page, *, reference: Path | None = None,
                     contents: int = 0) -> bytes:
    """Build a .docx from Markdown text and return its bytes. `page` is what every page's
    header and footer carry (a logo Word cannot show is left out); `reference` the board's
    reference document, if any. With `contents` (a pack of that many papers) the first
    ordered list of that length is the contents: each entry gains a PAGEREF field to the
    bookmark on its paper's heading, the first heading after each page break."""
    from markdown_it import MarkdownIt

    from cspctl.render import docx_page

    if page.logo is not None and page.logo[0] not in WORD_IMAGES:
        page = Page(page.board, page.authority, page.marking, None, page.provenance, page.date, page.title)
    parser = MarkdownIt("js-default").enable("table")
    tokens = parser.parse(markdown)
    document = docx_page.new_document(reference)
    _Builder(document, contents).run(tokens)
    docx_page.dress(document, page)
    return docx_page.save(document, page.date)


class _Builder:
    """Turns a flat markdown-it token stream into python-docx blocks."""

    def __init__(self, document: Any, contents: int = 0) -> None:
        self.document = document
        self.contents = contents
        self.contents_list: int | None = None  # token index of the contents' ordered list
        self.entry = 0  # contents entries written so far
        self.in_contents = False
        self.breaks = 0  # page breaks so far: paper k follows the k-th
        self.marked = 0  # papers whose heading has its bookmark
        self.lists: list[str] = []  # "bullet" / "ordered", innermost last
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.heading: int | None = None
        self.in_item_paragraph = False

    def run(self, tokens: list[Any]) -> None:
        if self.contents:
            self.contents_list = _contents_list(tokens, self.contents)
        for index, token in enumerate(tokens):
            if index == self.contents_list:
                self.in_contents = True
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
        if not self.lists:
            self.in_contents = False

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
        from cspctl.render.docx_tables import add_table

        rows, self.table = self.table or [], None
        if rows:
            add_table(self.document, rows)
            self.document.add_paragraph()

    def _hr(self, token: Any) -> None:
        self.document.add_page_break()
        self.breaks += 1

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
            if self.contents and self.marked < self.breaks <= self.contents:
                self.marked = self.breaks
                _runs(paragraph, token.children or [])
                _bookmark(paragraph, self.marked, bookmark_name(self.marked))
                return
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
        if self.in_contents and len(self.lists) == 1:
            self.entry += 1
            _page_number(self.document, paragraph, bookmark_name(self.entry))


def bookmark_name(number: int) -> str:
    """The bookmark on the heading of the pack's paper `number` (Word allows letters,
    digits and underscores)."""
    return f"paper_{number}"


def _contents_list(tokens: list[Any], entries: int) -> int | None:
    """The index of the first top-level ordered list with `entries` items."""
    for index, token in enumerate(tokens):
        if token.type != "ordered_list_open" or token.level != 0:
            continue
        count = 0
        for later in tokens[index + 1:]:
            if later.type == "ordered_list_close" and later.level == 0:
                break
            if later.type == "list_item_open" and later.level == 1:
                count += 1
        if count == entries:
            return index
    return None


def _bookmark(paragraph: Any, number: int, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    element = paragraph._p
    ppr = element.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        element.insert(0, start)
    element.append(end)


def _page_number(document: Any, paragraph: Any, bookmark: str) -> None:
    """A dot leader to the right margin and the page of `bookmark` as a PAGEREF field."""
    from docx.enum.text import WD_TAB_LEADER

    from cspctl.render.docx_page import add_field, right_tab

    right_tab(paragraph, document.sections[-1], WD_TAB_LEADER.DOTS)
    paragraph.add_run("\t")
    add_field(paragraph, f"PAGEREF {bookmark} \\h", "")


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
