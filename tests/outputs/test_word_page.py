"""Word papers read back with python-docx as Word would show them: A4 pages, the board in the
header, the marking and "Page X of Y" fields in the footer, plain headings, table widths from
the content, the minutes' actions table, the pack's contents page numbers, the board's
reference document, reproducible bytes and no restricted text in any part of the file."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cspctl.records.store import Records
from cspctl.render.document import Request, render
from tests.conftest import SEED_RECORDS, Result
from tests.outputs.test_docx_pdf import _binary_requests, planted  # noqa: F401
from tests.render.test_no_leak import CANARIES

Cli = Callable[..., Result]
BOARD = "Barking and Dagenham Community Safety Partnership"
EVERY_KIND = [
    ("agenda", ["2022-03-30"]), ("minutes", ["2021-09-29"]), ("report", ["first-time-entrants"]),
    ("plan", ["vru-2021-22"]), ("forward-plan", []), ("actions", ["--as-of", "2022-01-01"]),
    ("pack", ["2021-12-08"]), ("decisions", []),
]


def word(cli: Cli, tmp_path: Path, kind: str, *args: str | Path, records: Path = SEED_RECORDS) -> Any:
    import docx

    out = tmp_path / f"{kind}.docx"
    result = cli("--records", records, "render", kind, *args, "-o", out)
    assert result.code == 0, result.err
    return docx.Document(str(out))


def fields(xml: str) -> list[str]:
    return [code.strip() for code in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]


def visible_xml_text(data: bytes) -> str:
    """Every text node of every part of the package (body, headers, footers, properties)."""
    parts = zipfile.ZipFile(io.BytesIO(data))
    return "".join(re.sub(r"<[^>]+>", "", parts.read(name).decode("utf-8"))
                   for name in parts.namelist() if name.endswith((".xml", ".rels")))


@pytest.mark.parametrize(("kind", "args"), EVERY_KIND, ids=[k for k, _ in EVERY_KIND])
def test_every_paper_is_a4_with_header_and_page_x_of_y(cli: Cli, tmp_path: Path, kind: str,
                                                      args: list[str]) -> None:
    document = word(cli, tmp_path, kind, *args)
    for section in document.sections:
        size = (round(section.page_width.mm), round(section.page_height.mm))
        assert size == ((297, 210) if kind == "actions" else (210, 297))  # the log's wide tables
        assert 15 <= round(section.left_margin.mm) <= 25 and 15 <= round(section.top_margin.mm) <= 25
        header = "\n".join(p.text for p in section.header.paragraphs)
        assert BOARD in header and "London Borough of Barking and Dagenham" in header
        footer_xml = section.footer._element.xml
        assert fields(footer_xml) == ["PAGE", "NUMPAGES"]
        footer = section.footer.paragraphs[0].text
        assert footer.startswith("[Unprotected]\tPage ") and " of " in footer
    settings = document.settings.element.xml
    assert '<w:updateFields w:val="true"/>' in settings


def test_headings_are_black_arial_not_the_blue_theme(cli: Cli, tmp_path: Path) -> None:
    document = word(cli, tmp_path, "minutes", "2021-09-29")
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title"):
        style = document.styles[name]
        assert str(style.font.color.rgb) == "000000", name
        assert style.font.name == "Arial", name
        assert "Theme" not in style.element.xml.split("<w:rFonts")[1].split("/>")[0], name
    assert document.styles["Normal"].font.name == "Arial"


def _widths(table: Any) -> list[float]:
    return [column.width.mm for column in table.columns]


def test_table_columns_are_as_wide_as_their_content(cli: Cli, tmp_path: Path) -> None:
    from cspctl.render.docx_tables import PADDING_MM, text_mm

    agenda = word(cli, tmp_path, "agenda", "2022-03-30").tables[0]
    heads = [cell.text for cell in agenda.rows[0].cells]
    widths = dict(zip(heads, _widths(agenda), strict=True))
    assert max(widths, key=widths.__getitem__) == "Title"
    assert widths["Item"] < 20 and widths["Mins"] < 20 and widths["Title"] > 60
    assert 169 <= sum(widths.values()) <= 171
    plan = word(cli, tmp_path, "plan", "vru-2021-22")
    for table in plan.tables:
        for column, width in zip(table.columns, _widths(table), strict=True):
            longest = max(text_mm(word) for cell in column.cells for word in cell.text.split() or [""])
            assert width >= longest + PADDING_MM - 0.5, (longest, width)  # no word breaks in a cell
    rag = plan.tables[0]
    assert rag.rows[0].cells[0].text == "Theme" and _widths(rag)[0] == max(_widths(rag))
    assert len({round(w) for w in _widths(rag)}) > 2


def test_column_widths_unit() -> None:
    from cspctl.render.docx_tables import column_widths

    rows = [["No.", "Title", "RAG"], ["1", "A long title " * 8, "Green"], ["2", "Short", "Red"]]
    widths = column_widths(rows, 170)
    assert abs(sum(widths) - 170) < 0.01
    assert widths[1] > widths[0] and widths[1] > widths[2]
    assert widths[2] >= len("Green") * 1.8
    squeezed = column_widths([["Governance", "Supercalifragilistic"]], 20)
    assert abs(sum(squeezed) - 20) < 0.01  # too narrow a page: scaled down, never wider


def test_minutes_end_with_the_actions_table(cli: Cli, tmp_path: Path) -> None:
    table = word(cli, tmp_path, "minutes", "2021-09-29").tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Ref", "Action", "Owner", "Due", "Status"]
    assert len(rows) == 13  # the 12 actions the minutes raise or carry
    by_ref = {row[0]: row for row in rows[1:]}
    assert by_ref["2021-09-29/4.1"] == ["2021-09-29/4.1", "find out whether KCPOs will appear on DBS for young people",
                                        "James Rush", "8 December 2021", "Completed"]
    assert by_ref["2021-09-29/3.4"][2] == "Andy Opie and Dan James"
    assert [row[4] for row in rows[1:]].count("Completed") == 4
    assert "<w:tblHeader/>" in table._tbl.xml


def test_pack_contents_have_pageref_fields_to_bookmarked_papers(cli: Cli, tmp_path: Path) -> None:
    document = word(cli, tmp_path, "pack", "2021-12-08")
    body = document.element.body.xml
    refs = [code for code in fields(body) if code.startswith("PAGEREF")]
    bookmarks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', body)
    assert len(refs) == 15 and refs[0] == "PAGEREF paper_1 \\h"
    assert sorted(bookmarks) == sorted(code.split()[1] for code in refs)
    contents = [p for p in document.paragraphs if "PAGEREF" in p._p.xml]
    assert contents[0].text.startswith("Agenda\t")
    assert contents[1].text.startswith("Minutes of 29 September 2021\t")
    marked = [p.text for p in document.paragraphs if "<w:bookmarkStart" in p._p.xml]
    assert marked[1].startswith("BARKING AND DAGENHAM") and all(p.style.name.startswith("Heading")
                                                                for p in document.paragraphs
                                                                if "<w:bookmarkStart" in p._p.xml)


def _reference(path: Path) -> None:
    import docx
    from docx.shared import Mm, RGBColor

    reference = docx.Document()
    reference.add_paragraph("This text must not reach the paper")
    heading = reference.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    section = reference.sections[0]
    section.page_width, section.page_height = Mm(216), Mm(279)
    section.left_margin = Mm(30)
    path.parent.mkdir(parents=True, exist_ok=True)
    reference.save(str(path))


def test_a_board_reference_docx_sets_styles_and_page(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(SEED_RECORDS, root)
    _reference(root / "templates" / "reference.docx")
    document = word(cli, tmp_path, "minutes", "2021-09-29", records=root)
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert str(document.styles["Heading 1"].font.color.rgb) == "1F4E79"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.left_margin.mm)) == (216, 30)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "must not reach" not in text and "4. KNIFE CRIME PREVENTION ORDER" in text
    assert fields(section.footer._element.xml) == ["PAGE", "NUMPAGES"]
    # --templates DIR is searched first, as for the Jinja templates
    other = tmp_path / "mine"
    _reference(other / "reference.docx")
    import docx

    out = tmp_path / "theirs.docx"
    assert cli("--records", root, "render", "agenda", "2022-03-30", "--templates", other, "-o", out).code == 0
    assert docx.Document(str(out)).styles["Heading 1"].font.name == "Georgia"


def test_a_broken_reference_docx_is_one_clear_error(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(SEED_RECORDS, root)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "reference.docx").write_text("not a zip", encoding="utf-8")
    result = cli("--records", root, "render", "agenda", "2022-03-30", "-o", tmp_path / "a.docx")
    assert result.code == 1
    assert "reference.docx:1:1: cannot use it as the reference document" in result.err
    assert "Traceback" not in result.err
    assert cli("--records", root, "render", "agenda", "2022-03-30").code == 0  # Markdown needs none


def test_word_is_reproducible_and_dated_from_the_records(cli: Cli, tmp_path: Path) -> None:
    import docx

    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    for out in (first, second):
        assert cli("--records", SEED_RECORDS, "render", "pack", "2021-12-08", "-o", out).code == 0
    assert first.read_bytes() == second.read_bytes()
    props = docx.Document(str(first)).core_properties
    assert props.created == props.modified
    assert props.author == BOARD and props.title.startswith("Board papers for")
    assert "python-docx" not in visible_xml_text(first.read_bytes())


def test_restricted_marking_when_restricted_content_is_included(cli: Cli, tmp_path: Path) -> None:
    document = word(cli, tmp_path, "minutes", "2021-09-29", "--include-restricted")
    assert document.sections[0].footer.paragraphs[0].text.startswith("[Restricted]\tPage ")
    assert "[Restricted]" in document.sections[0].header.paragraphs[0].text


def test_no_canary_in_any_part_of_a_public_word_file(planted: Records) -> None:  # noqa: F811
    from cspctl.errors import CspError

    checked = 0
    for request in _binary_requests(False, "docx"):
        try:
            data = render(planted, request)
        except CspError:
            continue
        text = re.sub(r"\s+", "", visible_xml_text(data))
        assert [n for n, c in CANARIES.items() if c in text] == [], (request.kind, request.target)
        checked += 1
    assert checked >= 6
    minutes = visible_xml_text(render(planted, Request("minutes", "2021-09-29", "docx", True)))
    assert CANARIES["action"] in re.sub(r"\s+", "", minutes)


def test_footer_says_where_the_paper_came_from_and_the_file_is_dated_so(cli: Cli, tmp_path: Path) -> None:
    from cspctl.records.store import load_records
    from cspctl.render.labels import DEFAULTS
    from cspctl.render.provenance import of_folder

    origin = of_folder(SEED_RECORDS)
    sentence = origin.sentence(DEFAULTS)
    document = word(cli, tmp_path, "agenda", "2022-03-30")
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    assert footer[1] == sentence and sentence.startswith("Made ")
    body = [p.text for p in document.paragraphs]
    assert sentence not in body  # once, on every page, not again at the end
    assert document.core_properties.created.date() == origin.date
    assert "<w:br w:type=\"page\"/>" not in document.element.body.xml  # one paper: no page breaks
    data = render(load_records(SEED_RECORDS), Request("pack", "2021-12-08", "docx"))
    assert visible_xml_text(data).count("Contact officer") <= 1


def test_contact_officer_closes_the_paper_under_a_rule(cli: Cli, tmp_path: Path,
                                                      board: Callable[..., Path]) -> None:
    from tests.conftest import PARTNERSHIP

    root = board(**{"partnership.yaml": PARTNERSHIP + "contact: {name: Jo Officer, email: jo@example.org}\n"})
    document = word(cli, tmp_path, "agenda", "2022-03-30", records=root)
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[-1] == "Contact officer: Jo Officer, jo@example.org"
    assert "<w:pBdr>" in document.element.body.xml
    assert 'w:type="page"' not in document.element.body.xml
