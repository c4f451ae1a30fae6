"""Stacked table cells on a phone keep their column's name."""

from __future__ import annotations

from cspctl.site.tables import label_cells


def test_each_cell_gets_its_column_name() -> None:
    page = ('<table>\n<thead><tr><th scope="col">Due &amp; date</th><th class="n">Days</th></tr></thead>\n'
            '<tbody>\n<tr><td>08 December 2021</td><td class="n">24</td></tr>\n</tbody>\n</table>')
    out = label_cells(page)
    assert '<td data-label="Due &amp; date">08 December 2021</td>' in out
    assert '<td class="n" data-label="Days">24</td>' in out


def test_a_table_that_does_not_line_up_is_left_alone() -> None:
    page = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>"
    assert label_cells(page) == page
    plain = "<table><tr><td>no header</td></tr></table>"
    assert label_cells(plain) == plain
