"""PDF from the HTML rendering of a paper, through WeasyPrint.

The HTML templates carry the paper; `render.paged` adds the print stylesheet (footer, page
breaks, landscape plans, bookmarks). The PDF is tagged PDF/UA-1: a structure tree in
reading order, `/Lang` from the document's `lang`, its `<title>` shown as the title. Its
dates are the `SOURCE_DATE_EPOCH` time when that is set (as `cspctl publish` does, from
the records commit) and absent otherwise, so the same records make the same file.
WeasyPrint is imported here only, so no other command pays for it.
"""

from __future__ import annotations

import datetime as dt
import os

from cspctl.errors import CspError

VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, kind: str = "", title: str | None = None) -> bytes:
    """Lay out `html` (a document of template `kind`) on A4 pages and return the PDF bytes."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise CspError(
            f"PDF output needs WeasyPrint and its system libraries (run `make install`): {exc}"
        ) from None
    from cspctl.render.paged import stylesheet

    # after the document's own styles, as an author style sheet (user style sheets lose to them)
    css = f"<style>{stylesheet(kind, title)}</style>"
    paged = html.replace("</head>", css + "</head>", 1) if "</head>" in html else css + html
    document = HTML(string=paged, base_url=None).render()
    stamp = source_date()
    if stamp is not None:
        document.metadata.created = document.metadata.modified = stamp
    pdf: bytes | None = document.write_pdf(pdf_variant=VARIANT)
    if pdf is None:
        raise CspError("PDF output failed: WeasyPrint returned no document")
    return pdf


def source_date() -> str | None:
    """`SOURCE_DATE_EPOCH` as a W3C date-time in UTC, or None when it is unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    moment = dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
