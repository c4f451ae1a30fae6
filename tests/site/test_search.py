"""The search index holds a page's visible main text only."""

from __future__ import annotations

from cspctl.site.search import page_text


def test_page_text_is_the_main_content_without_markup() -> None:
    page = ('<html><head><title>T</title></head><body><nav>Menu</nav><main id="content">'
            '<h1>Minutes</h1><p>The board&nbsp;noted <a href="x.html">the figures</a>.</p>'
            '<script>var x = "<b>";</script><style>p{}</style></main><footer>Built</footer></body></html>')
    assert page_text(page) == "Minutes The board noted the figures."
    assert page_text("<p>no main</p>") == ""
