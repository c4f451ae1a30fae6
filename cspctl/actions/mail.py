"""A reminder as an e-mail: one Markdown text rendered twice, as plain text and as HTML.

Mail clients show either part of a `multipart/alternative` message, so neither may show
Markdown source: the plain part is the text a person would type (headings underlined, `-`
bullets, no `**`), the HTML part the same document through the papers' Markdown renderer
(raw HTML in record text escaped). Both are UTF-8.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from typing import Any

WIDTH = 72
NO_ADDRESS = "board@invalid"


@dataclass
class Envelope:
    """Who a reminder is from and to, what it is about and when it is dated."""

    sender: str
    sender_email: str | None
    to_name: str
    to: str
    subject: str
    date: dt.datetime
    message_id: str


def message_bytes(envelope: Envelope, markdown: str) -> bytes:
    """An unsent RFC 5322 draft (`X-Unsent: 1`) with a text/plain and a text/html part."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, formataddr

    message = EmailMessage()
    message["From"] = formataddr((envelope.sender, envelope.sender_email or NO_ADDRESS))
    message["To"] = formataddr((envelope.to_name, envelope.to))
    message["Subject"] = envelope.subject
    message["Date"] = format_datetime(envelope.date)
    message["Message-ID"] = envelope.message_id
    message["X-Unsent"] = "1"
    message.set_content(markdown_to_text(markdown), charset="utf-8")
    message.add_alternative(html_document(envelope.subject, markdown), subtype="html", charset="utf-8")
    return message.as_bytes(policy=SMTP)


def html_document(title: str, markdown: str) -> str:
    """The HTML part: a small complete document, in British English, styled by the reader."""
    from markupsafe import escape

    from cspctl.render.filters import markdown_to_html

    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n</head>\n<body>\n{markdown_to_html(markdown, below=0)}</body>\n</html>\n")


def markdown_to_text(markdown: str) -> str:
    """Markdown as plain text: paragraphs wrapped at 72 columns, headings underlined, list
    items with `-` or their number, emphasis and code marks dropped, links as "text <url>"."""
    from cspctl.render.filters import _markdown

    blocks: list[str] = []
    lists: list[list[Any]] = []  # per open list: [ordered, next number]
    quote = 0
    marker = ""
    heading = ""
    for token in _markdown().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            marker = f"{number}. " if ordered else "- "
            lists[-1][1] = number + 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "hr":
            blocks.append("-" * 20)
        elif kind in ("fence", "code_block"):
            blocks.append(textwrap.indent(token.content.rstrip("\n"), "    "))
        elif kind == "inline":
            text = _inline(token.children or [])
            depth = max(len(lists) - 1, 0) * 2
            if heading:
                rule = "=" if heading == "h1" else "-"
                blocks.append(text + "\n" + rule * min(len(text), WIDTH))
                heading = ""
            else:
                lead = " " * depth + marker
                blocks.append(_fill(text, lead, " " * (depth + (len(marker) if lists else 0))))
                marker = ""
            if quote:
                blocks[-1] = textwrap.indent(blocks[-1], "> " * quote, lambda _: True)
    return _join(blocks)


def _inline(children: list[Any]) -> str:
    parts: list[str] = []
    href: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content or "")
        elif kind == "link_open":
            href.append(str(child.attrs.get("href", "")))
            parts.append("\0")  # where the link text starts
        elif kind == "link_close" and href:
            url = href.pop()
            start = len(parts) - 1 - parts[::-1].index("\0")
            label = "".join(parts[start + 1:])
            del parts[start:]
            parts.append(label if url in ("", label, f"mailto:{label}") else f"{label} <{url}>")
    return "".join(parts)


def _fill(text: str, first: str, rest: str) -> str:
    lines = []
    for number, line in enumerate(text.split("\n")):
        lines.append(textwrap.fill(" ".join(line.split()), WIDTH, initial_indent=first if number == 0 else rest,
                                   subsequent_indent=rest, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def _join(blocks: list[str]) -> str:
    """Blocks apart by a blank line: an action in a list is several lines, and reads best so."""
    return "\n\n".join(blocks).strip("\n") + "\n"
