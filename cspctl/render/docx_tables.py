"""Tables in Word papers, with column widths from their content.

Every column is at least as wide as its longest word (so Word never breaks "Governance"
inside a cell), and the width left over goes to the columns with the most text: a "No." or
RAG column stays narrow and the title column takes the room. The header row repeats on
every page a table runs over. Widths are fixed in the document (`tblLayout fixed`), so Word
and LibreOffice lay the table out the same.
"""

from __future__ import annotations

from typing import Any

CHAR_MM = 1.8
"""The width of an average character of 10 pt Arial, a little generous."""
BOLD = 1.1
PADDING_MM = 4.0
"""Word's default cell margins (1.9 mm each side) and a little air."""
TABLE_FONT_PT = 10
WEIGHT = 0.75
"""How the spare width follows the text: 1 strictly in proportion, 0 evenly; between keeps
short columns such as dates on one line while the long text takes most of the room."""


def column_widths(rows: list[list[str]], available_mm: float) -> list[float]:
    """Widths in millimetres, summing to `available_mm`; the first row is the header."""
    count = max(len(r) for r in rows)
    need: list[float] = []
    text: list[float] = []
    for c in range(count):
        cells = [(r, row[c]) for r, row in enumerate(rows) if c < len(row)]
        longest = max((len(word) * (BOLD if r == 0 else 1.0)
                       for r, cell in cells for word in cell.split()), default=1.0)
        need.append(longest * CHAR_MM + PADDING_MM)
        body = [len(cell) for r, cell in cells if r > 0] or [len(cells[0][1]) if cells else 1]
        text.append(max(1.0, sum(body) / len(body) + max(body) / 4))
    total_need = sum(need)
    if total_need >= available_mm:
        return [w * available_mm / total_need for w in need]
    widths = list(need)
    spare = available_mm - total_need
    # Hand the spare room out in proportion to how much text each column holds beyond
    # what its minimum width already shows on one line, repeating while some column would
    # get more than its text needs on one line.
    wanted = [max(0.0, t * CHAR_MM + PADDING_MM - n) for t, n in zip(text, need, strict=True)]
    open_columns = [c for c in range(count) if wanted[c] > 0]
    while spare > 0.01 and open_columns:
        weight = sum(wanted[c] ** WEIGHT for c in open_columns)
        share = {c: spare * wanted[c] ** WEIGHT / weight for c in open_columns}
        capped = [c for c in open_columns if share[c] >= wanted[c]]
        if not capped:
            for c in open_columns:
                widths[c] += share[c]
            spare = 0
            break
        for c in capped:
            widths[c] += wanted[c]
            spare -= wanted[c]
            wanted[c] = 0
        open_columns = [c for c in open_columns if c not in capped]
    if spare > 0.01:
        # Every column shows its text on one line: what is left goes where the text is.
        widths = [w + spare * t / sum(text) for w, t in zip(widths, text, strict=True)]
    return widths


def add_table(document: Any, rows: list[list[str]]) -> Any:
    """A table of `rows` (the first is the header) with content-based column widths."""
    from docx.shared import Mm, Pt

    section = document.sections[-1]
    available = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    widths = column_widths(rows, float(available))
    count = len(widths)
    table = document.add_table(rows=len(rows), cols=count)
    try:
        table.style = "Table Grid"
    except KeyError:  # a reference document without the built-in table style
        pass
    table.autofit = False  # tblLayout fixed: the widths below hold
    for c, width in enumerate(widths):
        table.columns[c].width = Mm(width)
    for r, cells in enumerate(rows):
        row = table.rows[r]
        _keep_row_whole(row, header=r == 0)
        for c in range(count):
            cell = row.cells[c]
            cell.width = Mm(widths[c])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(cells[c] if c < len(cells) else "")
            run.font.size = Pt(TABLE_FONT_PT)
            if r == 0:
                run.bold = True
    return table


def _keep_row_whole(row: Any, *, header: bool) -> None:
    """A row never splits across a page; the header row repeats on every page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
