"""Filters the templates use: dates, times, names, and user text made safe for each format.

User text is Markdown. In HTML it goes through markdown-it-py's `js-default` preset (raw HTML
escaped, `javascript:` and similar links refused). In Markdown output it is passed through,
except where it would break the structure around it: table cells and one-line headings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2.nodes import EvalContext
    from markdown_it import MarkdownIt

    from cspctl.records.register import Register

_SPACE = re.compile(r"\s+")


def uk_date(value: dt.date) -> str:
    """"8 December 2021": UK style, the day without a leading zero."""
    return f"{value.day} {value.strftime('%B %Y')}"


def long_date(value: dt.date | None) -> str:
    """"Wednesday 8 December 2021", the meeting date as a paper heads it."""
    return f"{value.strftime('%A')} {uk_date(value)}" if value else ""


def short_date(value: dt.date | str | None) -> str:
    """"8 December 2021"; a month-only date ("2021-11") becomes "November 2021"."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01").strftime("%B %Y")
        value = dt.date.fromisoformat(value)
    return uk_date(value)


def clock(value: str | dt.time | None) -> str:
    """A 24-hour time, "10:00"."""
    if value is None:
        return ""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


def oneline(value: Any) -> str:
    """Text squeezed onto one line (headings, list entries)."""
    return _SPACE.sub(" ", str(value)).strip()


def markdown_cell(value: Any) -> str:
    """Text fit for a Markdown table cell: one line, pipes escaped."""
    return oneline(value).replace("|", "\\|")


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("js-default")


def markdown_to_html(text: str) -> str:
    """User Markdown as HTML; raw HTML in it is escaped, unsafe links are not linked.

    A table gets `scope="col"` on its header cells (Markdown tables have one header row) and a
    focusable scroll box, so that a wide table scrolls on its own at phone width instead of the
    whole page, and a keyboard user can scroll it (WCAG 1.4.10, 2.1.1)."""
    html: str = _markdown().render(text)
    if "<table>" in html:
        html = (html.replace("<th>", '<th scope="col">').replace("<th style=", '<th scope="col" style=')
                .replace("<table>", '<div class="table-wrap" tabindex="0">\n<table>')
                .replace("</table>", "</table>\n</div>"))
    return html


def md(eval_ctx: EvalContext, value: Any) -> Any:
    """User Markdown in the output's own format: HTML for HTML templates, as written otherwise."""
    from markupsafe import Markup

    text = "" if value is None else str(value).strip("\n")
    if eval_ctx.autoescape:
        return Markup(markdown_to_html(text).rstrip("\n"))
    return text


def cell(eval_ctx: EvalContext, value: Any) -> str:
    """A table cell: escaped by autoescape in HTML, one line with pipes escaped in Markdown."""
    return oneline(value) if eval_ctx.autoescape else markdown_cell(value)


def finalize_markdown(eval_ctx: EvalContext, value: Any) -> Any:
    """Every value printed into a Markdown template: `<` becomes `&lt;` so that user text can
    never turn into live HTML when the Markdown is rendered. HTML templates autoescape instead."""
    if value is None:
        return ""
    if eval_ctx.autoescape:
        return value
    return str(value).replace("<", "&lt;")


def people_filters(register: Register, canonical: bool = False) -> dict[str, Any]:
    """Name filters bound to the board's register. Names print as the record writes them
    ("Councillor Cooper", "AC"); with `names: canonical` (`canonical`) they print as the
    register's names, a meeting's initials (the optional `initials` argument) resolved first."""

    def person(ref: str | None, initials: Mapping[str, str] | None = None) -> str:
        return register.shown_name(ref, canonical=canonical, initials=initials) if ref else ""

    def person_role(ref: str, initials: Mapping[str, str] | None = None) -> str:
        """The name with the register's role, unless the name as written already carries it
        ("T/Detective Superintendent Alex Brown")."""
        shown = person(ref, initials)
        entry = register.resolve_in(ref, initials)
        if entry is None or not entry.role or entry.role.casefold() in shown.casefold():
            return shown
        return f"{shown} – {entry.role}"

    def people(refs: Iterable[str] | None, joiner: str = " and ",
               initials: Mapping[str, str] | None = None) -> str:
        return join_names([person(r, initials) for r in refs or []], joiner)

    def attendance(attendees: Iterable[Any], initials: Mapping[str, str] | None = None) -> str:
        """"A, B (CHAIR) and C": attendees with their marks, as the minutes list them."""
        return join_names([person(a.ref, initials) + "".join(f" ({m})" for m in a.marks)
                           for a in attendees])

    return {"person": person, "person_role": person_role, "people": people,
            "attendance": attendance}


def join_names(names: list[str], last: str = " and ") -> str:
    """"A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + last + names[-1]
