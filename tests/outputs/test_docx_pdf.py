"""Word and PDF output: read back with python-docx and pypdf, and no restricted canary in public files."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.errors import CspError
from cspctl.records.store import Records, load_records
from cspctl.render.document import Request, render
from tests.conftest import SEED_RECORDS, Result
from tests.render.test_no_leak import CANARIES, HIDDEN_REPORTS, _requests, plant  # noqa: F401

Cli = Callable[..., Result]


def docx_text(data: bytes) -> tuple[str, list[tuple[str, str]], list[list[list[str]]]]:
    """All text, (style, text) of every paragraph, and every table's cells."""
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    text = "\n".join(t for _, t in paragraphs) + "\n" + "\n".join(
        c for table in tables for row in table for c in row)
    return text, paragraphs, tables


def pdf_text(data: bytes) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Records:
    root = tmp_path_factory.mktemp("leak-binary") / "records"
    shutil.copytree(SEED_RECORDS, root, ignore=shutil.ignore_patterns("templates"))
    plant(root)
    return load_records(root)


def test_minutes_as_word_have_real_headings_and_action_lines(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    result = cli("--records", SEED_RECORDS, "render", "minutes", "2021-09-29", "--format", "docx", "--output", out)
    assert result.code == 0, result.err
    text, paragraphs, _ = docx_text(out.read_bytes())
    headings = [t for style, t in paragraphs if style.startswith("Heading")]
    assert "4. KNIFE CRIME PREVENTION ORDER" in headings
    assert "7. RESTRICTED: CRIME AND DISORDER STRATEGIC ASSESSMENT" in headings
    assert "Restricted item due to sensitive information" in text
    assert "ACTION: James Rush to find out whether KCPOs will appear on DBS for young people (COMPLETED)" in text
    assert any(style == "List Bullet" for style, _ in paragraphs)
    assert not text.startswith("CONFIDENTIAL")


def test_reports_number_their_paragraphs_in_word(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    assert cli("--records", SEED_RECORDS, "render", "report", "mps-street-violence", "-f", "docx", "-o", out).code == 0
    text, _, _ = docx_text(out.read_bytes())
    assert re.search(r"3\.4\s+There has been an increase in Robbery offences", text)


def test_action_log_and_plan_are_tables_in_word(cli: Cli, tmp_path: Path) -> None:
    for kind, extra, expected in [("actions", ["--as-of", "2022-01-01"], "NELFT"),
                                  ("plan", ["vru-2021-22"], "Claire Symonds")]:
        out = tmp_path / f"{kind}.docx"
        assert cli("--records", SEED_RECORDS, "render", kind, *extra, "-f", "docx", "-o", out).code == 0
        _, _, tables = docx_text(out.read_bytes())
        assert tables, kind
        assert any(expected in cell for table in tables for row in table for cell in row), kind


def test_word_is_marked_confidential_with_restricted_content(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    cli("--records", SEED_RECORDS, "render", "minutes", "2021-09-29", "-f", "docx", "-o", out, "--include-restricted")
    _, paragraphs, _ = docx_text(out.read_bytes())
    assert paragraphs[0][1].startswith("CONFIDENTIAL")


def test_binary_formats_pipe_to_stdout() -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "cspctl", "--records", str(SEED_RECORDS), "render", "agenda",
                          "2022-03-30", "-f", "docx"], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(b"PK\x03\x04")
    assert "RESTRICTED: Prevent Update" in docx_text(run.stdout)[0]


def _binary_requests(include: bool, fmt: str) -> list[Request]:
    """Every document kind once (the packs carry every paper), plus the restricted reports."""
    wanted = {("agenda", "2022-03-30"), ("minutes", "2021-09-29"), ("forward-plan", None),
              ("plan", "vru-2021-22"), ("pack", "2021-12-08"), ("actions", None)}
    chosen = [r for r in _requests(include, fmt) if (r.kind, r.target) in wanted
              and (r.kind != "actions" or str(r.as_of) == "2022-01-01")]
    return chosen + [Request("report", rid, fmt, include) for rid in sorted(HIDDEN_REPORTS)]


def test_no_canary_in_any_public_word_document(planted: Records) -> None:
    refused = set()
    for request in _binary_requests(False, "docx"):
        try:
            text, _, _ = docx_text(render(planted, request))
        except CspError as exc:
            assert "CANARY" not in exc.message
            refused.add(request.target)
            continue
        leaked = [name for name, canary in CANARIES.items() if canary in text]
        assert not leaked, f"{request.kind} {request.target}: {leaked}"
    assert refused == HIDDEN_REPORTS


def test_every_canary_in_word_with_include_restricted(planted: Records) -> None:
    seen = "".join(docx_text(render(planted, r))[0] for r in _binary_requests(True, "docx"))
    assert [name for name, canary in CANARIES.items() if canary not in seen] == []


def test_public_pdf_pack_has_contents_page_numbers_and_no_canary(planted: Records) -> None:
    text, pages = pdf_text(render(planted, Request("pack", "2021-12-08", "pdf", False)))
    assert pages > 10
    assert "Contents" in text and re.search(r"Item 5 — First Time Entrants Update \.+ *\d+", text)
    assert f"Page 1 of {pages}" in text
    flat = re.sub(r"\s+", "", text)
    assert [name for name, canary in CANARIES.items() if canary in flat] == []
    for kind, target in [("plan", "vru-2021-22"), ("forward-plan", None), ("minutes", "2021-09-29")]:
        other, _ = pdf_text(render(planted, Request(kind, target, "pdf", False)))
        assert [n for n, c in CANARIES.items() if c in re.sub(r"\s+", "", other)] == [], kind
    with pytest.raises(CspError):
        render(planted, Request("report", "mps-street-violence", "pdf", False))


def test_pdf_with_restricted_content_is_confidential(planted: Records) -> None:
    text, _ = pdf_text(render(planted, Request("minutes", "2021-09-29", "pdf", True)))
    assert text.lstrip().startswith("CONFIDENTIAL")
    assert CANARIES["minutes"] in re.sub(r"\s+", "", text)


def test_pdf_agenda_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "agenda.pdf"
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "-f", "pdf", "-o", out)
    assert result.code == 0, result.err
    text, pages = pdf_text(out.read_bytes())
    assert "RESTRICTED: Prevent Update" in text and "Page 1 of" in text
    assert out.read_bytes().startswith(b"%PDF")
