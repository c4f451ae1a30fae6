"""PDF read back as its readers meet it: tags, language, title and bookmarks (pypdf), the
text of each page (pdftotext, else pypdf) for stranded headings and rows, page sizes, fonts,
"(Pages x – y)" against where the papers really are, Part B, and reproducible bytes.

WeasyPrint is slow: each document is rendered once per module, through the CLI.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_RECORDS

FOOTER = re.compile(r"^(\s*Made .*?)?\s*Page \d+ of \d+\s*$")
"""The footer line: the provenance sentence, then the page number."""


def render_pdf(tmp: Path, *args: str, env: dict[str, str] | None = None) -> bytes:
    out = tmp / "out.pdf"
    run = subprocess.run([sys.executable, "-m", "cspctl", "--records", str(SEED_RECORDS), "render", *args,
                          "-o", str(out)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, **(env or {})})
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


def page_texts(data: bytes, footer: bool = False) -> list[str]:
    """The text of every page, in reading order, without the footer line unless asked."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, timeout=60)
        pages = run.stdout.decode("utf-8").split("\f")[:-1]
    else:
        import pypdf

        pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    return ["\n".join(line for line in page.splitlines() if line.strip() and (footer or not FOOTER.match(line)))
            for page in pages]


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every bookmark, in order."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, int]] = []

    def walk(entries: list[Any], level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                found.append((level, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 1)
    return found


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return render_pdf(tmp_path_factory.mktemp("pack"), "pack", "2021-12-08")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return render_pdf(tmp_path_factory.mktemp("plan"), "plan", "vru-2021-22")


def test_pack_is_tagged_pdf_ua_with_language_and_title(pack: bytes) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pack))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == ("Board papers for 8 December 2021 — "
                                     "Barking and Dagenham Community Safety Partnership")
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=pack, capture_output=True, timeout=60).stdout.decode()
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)


def test_pack_bookmarks_every_paper_and_item(pack: bytes) -> None:
    marks = outline(pack)
    assert marks[0] == (1, "Board papers for 8 December 2021", 1)
    papers = [title for level, title, _ in marks if level == 2]
    contents = page_texts(pack)[0]
    assert papers[:3] == ["Agenda", "Minutes of 29 September 2021", "Action log"]
    assert len(papers) == 15
    for title in papers:
        assert title[:40] in re.sub(r"\s+", " ", contents), title
    items = [title for level, title, _ in marks if level == 3]
    assert "4. GPS Tagging for domestic abuse on licence" in items  # an agenda row
    assert "11. AOB" in items
    assert "4. KNIFE CRIME PREVENTION ORDER" in items  # an item of the minutes
    assert "3. Overview" in items  # a section of a report


def test_agenda_gives_the_pages_each_item_really_has(pack: bytes) -> None:
    texts = page_texts(pack)
    marks = [(title, page) for level, title, page in outline(pack) if level == 2]
    starts = [page for _, page in marks] + [len(texts) + 1]
    stated: dict[str, tuple[int, int]] = {}
    row = None
    for line in "\n".join(texts[1:3]).splitlines():  # a row's number starts its first line
        starts_row = re.match(r"^\s{0,6}(\d+)\s", line)
        row = starts_row[1] if starts_row else row
        pages = re.search(r"\(Pages (\d+) – (\d+)\)", line)
        if pages and row is not None:
            stated[row] = (int(pages[1]), int(pages[2]))
    expected: dict[str, tuple[int, int]] = {}
    for n, (title, page) in enumerate(marks):
        found = re.match(r"Item (\S+) — ", title)
        if found:
            first = expected.get(found[1], (page, 0))[0]
            expected[found[1]] = (first, starts[n + 1] - 1)
    assert stated == expected
    assert stated["5"] == (stated["4"][1] + 1, stated["5"][1])
    for item, (first, _) in stated.items():  # the paper named first is on its first page
        title = next(t for t, _ in marks if t.startswith(f"Item {item} — "))
        assert title.split(" — ", 1)[1][:25] in re.sub(r"\s+", " ", texts[first - 1]), item


def test_no_heading_number_or_lone_row_at_a_page_foot(pack: bytes) -> None:
    texts = page_texts(pack)
    marks = outline(pack)
    headings = {title for level, title, _ in marks if level >= 3}
    last_pages = {page - 1 for level, _, page in marks if level == 2} | {len(texts)}
    for number, text in enumerate(texts, 1):
        if number in last_pages:  # a paper may end on its last heading
            continue
        last = text.splitlines()[-1].strip()
        assert not re.fullmatch(r"\d+\.(\d+\.?)*", last), (number, last)
        assert last not in headings, (number, last)
    agenda = texts[1]
    assert "AOB" in agenda and "Forward Plan" in agenda and "Managing Offenders" in agenda
    assert texts[2].lstrip().startswith("BARKING AND DAGENHAM") and "Minutes" in texts[2]


def test_action_plans_are_landscape_with_several_actions_a_page(pack: bytes, plan: bytes) -> None:
    import pypdf

    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pypdf.PdfReader(io.BytesIO(plan)).pages]
    assert all(w > h for w, h in sizes)
    assert round(sizes[0][0]) == 842 and round(sizes[0][1]) == 595
    assert len(sizes) <= 20  # 31 portrait pages before
    texts = page_texts(plan)
    per_page = [len(re.findall(r"^\s*\d+\.\d+\s", t, re.MULTILINE)) for t in texts[1:-1]]
    assert min(per_page) >= 2 and sum(per_page) / len(per_page) >= 4
    pages = pypdf.PdfReader(io.BytesIO(pack)).pages
    marks = [(title, page) for level, title, page in outline(pack) if level == 2]
    at = next(n for n, (title, _) in enumerate(marks) if title.startswith("Item 9 — "))
    first, after = marks[at][1], marks[at + 1][1]
    assert all(p.mediabox.width > p.mediabox.height for p in pages[first - 1:after - 1])
    assert all(p.mediabox.width < p.mediabox.height for p in pages[:first - 1])


def test_one_typeface_family_and_provenance_in_every_footer(pack: bytes) -> None:
    import pypdf

    families = set()
    for page in pypdf.PdfReader(io.BytesIO(pack)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
            families.add(re.sub(r"-(Bold|Italic|BoldItalic)$", "", name))
    assert families == {"Liberation-Sans"}
    footers = [page.splitlines()[-1] for page in page_texts(pack, footer=True)]
    assert all(re.fullmatch(r"Made .*(commit [0-9a-f]{7,}|not committed to git).*\.\s+Page \d+ of \d+",
                            line.strip()) for line in footers), footers[:2]


def test_public_part_b_names_the_restricted_items_only(tmp_path: Path) -> None:
    data = render_pdf(tmp_path, "pack", "2021-09-29")
    texts = page_texts(data)
    contents = texts[0]
    found = re.search(r"Part B \.+ *(\d+)", contents)
    assert found, contents
    part_b = texts[int(found[1]) - 1]
    assert part_b.splitlines()[0].strip() == "Part B"
    assert "The items below are restricted: their papers are not for publication." in part_b
    for n, title in [(7, "Crime and Disorder Strategic Assessment"), (8, "Unification of NPS and CRC"),
                     (9, "Stephen Port Inquest")]:
        assert f"Item {n} — RESTRICTED: {title}" in part_b
    assert int(found[1]) == len(texts)
    assert (2, "Part B", len(texts)) in outline(data)


def test_same_records_and_epoch_make_the_same_pdf(tmp_path: Path) -> None:
    import pypdf

    epoch = {"SOURCE_DATE_EPOCH": "1638316800"}  # 2021-12-01 00:00 UTC
    first = render_pdf(tmp_path, "agenda", "2022-03-30", env=epoch)
    assert render_pdf(tmp_path, "agenda", "2022-03-30", env=epoch) == first
    metadata = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert metadata is not None and metadata.creation_date is not None
    assert metadata.creation_date.isoformat().startswith("2021-12-01T00:00:00")
