"""The print stylesheet PDF output adds to the HTML rendering: what only a paged medium has.

Page numbers in the footer, in the body's typeface; page-break rules (no table row split,
no heading left at the foot of a page, paragraphs with their numbers, orphans and widows);
action plans on landscape pages (the named page `plan`); and the PDF's bookmarks: the
document's title, then each paper of a pack, then each item of a paper, by the element
that starts it (`ITEM_SELECTORS`). Bookmark labels come from the rendering's own text.
"""

from __future__ import annotations

FONT = 'Arial, Helvetica, "Liberation Sans", sans-serif'
"""The body's family (base.html.j2), named again for the page boxes, which do not inherit it."""

TEXT = "content(text)"
ITEM_SELECTORS: dict[str, tuple[tuple[str, int, str], ...]] = {
    "agenda": (("tr[data-bookmark]", 0, "attr(data-bookmark)"),),
    "minutes": (("section.item > h3", 0, TEXT), ("section.item > h4", 1, TEXT)),
    "report": (("h2", 0, TEXT),),
    "plan": (("h2", 0, TEXT),),
    "forward_plan": (("h3", 0, TEXT),),
    "actions": (("h3", 0, TEXT),),
    "decisions": (("h3", 0, TEXT),),
    "paper_file": (),
}
"""Per template kind, the elements that start an item: selector, depth below the paper, label."""

BASE_CSS = f"""
@page {{
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages);
                    font: 9pt {FONT}; color: #444; }}
}}
@page plan {{ size: A4 landscape; margin: 14mm 14mm 18mm; }}
html, body {{ font-family: {FONT}; }}
body {{ max-width: none; padding: 0; }}
h1 {{ font-size: 14pt; }}
h2 {{ font-size: 12.5pt; }}
h3 {{ font-size: 11.5pt; }}
.fields {{ margin: .4em 0 .8em; }}
h1, h2, h3, h4, h5, h6 {{ bookmark-level: none; break-after: avoid; break-inside: avoid; }}
p, li, dd {{ orphans: 3; widows: 3; }}
tr, li, dt, dd, .fields, .action, .restricted-note, .confidential {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
.para {{ display: block; padding-left: 3em; break-inside: auto; }}
.para > .n {{ display: block; height: 0; width: 3em; margin-left: -3em; padding-top: 0;
              break-after: avoid; }}
.para > .n + div > :first-child {{ margin-top: 0; }}
.para > div > p {{ margin-top: 0; }}
table.agenda ul {{ margin: .15em 0; }}
table.agenda li {{ margin: 0; }}
table.agenda ul ul {{ columns: 2; column-gap: 1.5em; padding-left: 1em; }}
table.agenda td {{ padding: 2pt 4pt; line-height: 1.3; }}
table.agenda .title {{ width: 62%; }}
nav.contents a::after, ol.contents a::after, .toc a::after, a.part-b-link::after {{
  content: leader('.') " " target-counter(attr(href), page);
}}
.page-ref::after {{ content: target-counter(attr(data-ref), page); }}
.pages {{ white-space: nowrap; }}
section.paper {{ bookmark-level: 2; bookmark-label: attr(data-bookmark); }}
section.paper-plan {{ page: plan; }}
table.plan-actions {{ table-layout: fixed; font-size: 9pt; line-height: 1.3; }}
table.plan-actions p {{ margin: .15em 0; }}
table.plan-actions td {{ padding: 2pt 4pt; }}
table.plan-actions col.number {{ width: 8%; }}
table.plan-actions col.action {{ width: 44%; }}
table.plan-actions col.lead {{ width: 13%; }}
table.plan-actions col.dates {{ width: 10%; }}
table.plan-actions col.progress {{ width: 19%; }}
table.plan-actions col.rag {{ width: 6%; }}
"""


def css_string(text: str) -> str:
    """`text` as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")
    return f'"{escaped}"'


def stylesheet(kind: str, title: str | None) -> str:
    """The print stylesheet for a document of template `kind` titled `title`."""
    rules = [BASE_CSS]
    if title:
        rules.append(f"main {{ bookmark-level: 1; bookmark-label: {css_string(title)}; }}")
    if kind == "plan":
        rules.append("html { page: plan; }")
    if kind == "pack":
        for paper, selectors in ITEM_SELECTORS.items():
            for selector, depth, label in selectors:
                rules.append(f"section.paper-{paper} {selector} {{ bookmark-level: {3 + depth}; "
                             f"bookmark-label: {label}; }}")
    else:
        for selector, depth, label in ITEM_SELECTORS.get(kind, ()):
            rules.append(f"main {selector} {{ bookmark-level: {2 + depth}; bookmark-label: {label}; }}")
    return "\n".join(rules)
