"""PDF from the HTML rendering of a paper, through WeasyPrint.

The HTML templates already carry print styles for A4; this adds what only a paged medium
has: page numbers in the footer, and page numbers against the entries of a contents list
(links to `#anchors` inside a `nav.contents` or `.toc` block). WeasyPrint is imported here
only, so no other command pays for it.
"""

from __future__ import annotations

from cspctl.errors import CspError

PAGED_CSS = """
@page {
  size: A4;
  margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #444; }
}
nav.contents a::after, ol.contents a::after, .toc a::after {
  content: leader('.') " " target-counter(attr(href), page);
}
"""


def html_to_pdf(html: str) -> bytes:
    """Lay out `html` on A4 pages and return the PDF bytes."""
    try:
        from weasyprint import CSS, HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise CspError(
            f"PDF output needs WeasyPrint and its system libraries (run `make install`): {exc}"
        ) from None
    pdf: bytes | None = HTML(string=html, base_url=None).write_pdf(stylesheets=[CSS(string=PAGED_CSS)])
    if pdf is None:
        raise CspError("PDF output failed: WeasyPrint returned no document")
    return pdf
