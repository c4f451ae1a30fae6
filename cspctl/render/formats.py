"""Output formats by name. Each turns (template kind, context) into the bytes of a file.

Markdown and HTML render their own templates (`<kind>.md.j2`, `<kind>.html.j2`). Word is
built from the Markdown rendering's structure, PDF is laid out from the HTML rendering.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    produce: Callable[[Environment, str, dict[str, Any]], bytes]
    binary: bool = False


def template_text(env: Environment, kind: str, suffix: str, context: dict[str, Any]) -> str:
    """Render `<kind>.<suffix>.j2` and tidy it: no trailing spaces, no runs of blank lines."""
    from cspctl.render.template_errors import template_errors

    with template_errors():
        text = env.get_template(f"{kind}.{suffix}.j2").render(context)
    text = _BLANK_RUNS.sub("\n\n", _TRAILING.sub("", text)).strip("\n")
    return text + "\n"


def _markdown(env: Environment, kind: str, context: dict[str, Any]) -> bytes:
    return template_text(env, kind, "md", context).encode("utf-8")


def _html(env: Environment, kind: str, context: dict[str, Any]) -> bytes:
    return template_text(env, kind, "html", context).encode("utf-8")


WIDE_KINDS = ("actions",)
"""The papers whose tables have too many columns for a portrait page: Word lays them out
in landscape."""


def _docx(env: Environment, kind: str, context: dict[str, Any]) -> bytes:
    from cspctl.render.docx import markdown_to_docx
    from cspctl.render.docx_page import page_of, reference_doc

    page = page_of(context.get("meta"), context.get("provenance"))
    parts = getattr(context.get("doc"), "parts", None) if kind == "pack" else None
    return markdown_to_docx(template_text(env, kind, "md", context), page,
                            reference=reference_doc(env), contents=len(parts or []),
                            landscape=kind in WIDE_KINDS)


def _pdf(env: Environment, kind: str, context: dict[str, Any]) -> bytes:
    from cspctl.render.pdf import html_to_pdf

    meta = context.get("meta")
    paged = {**context, "paged": True}  # templates add what only pages have (page references)
    origin = context.get("provenance")
    return html_to_pdf(template_text(env, kind, "html", paged), kind, getattr(meta, "title", None),
                       getattr(origin, "date", None), getattr(meta, "source", ""))


FORMATS: dict[str, Format] = {
    "markdown": Format("markdown", "md", _markdown),
    "html": Format("html", "html", _html),
    "docx": Format("docx", "docx", _docx, binary=True),
    "pdf": Format("pdf", "pdf", _pdf, binary=True),
}
