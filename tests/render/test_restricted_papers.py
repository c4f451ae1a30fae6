"""A paper of a restricted item — a report, an action plan, a file, a sub-item's paper — never
reaches a public pack in any format, wherever else it is named; --include-restricted shows it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

Cli = Callable[..., Result]

MEETING = """\
date: 2022-03-30
start: "10:00"
status: planned
items:
  - title: Violence performance
    papers: [public-report, {path: papers/canaryfilepath-shared.pdf, title: Shared data}]
  - title: Prevent update
    restricted: true
    papers: [canaryreport-r1, canaryplan-r2, {path: papers/canaryfilepath-r3.pdf, title: CANARYFILETITLE}]
    items:
      - title: Channel panel
        papers: [canarysubreport-r4, {path: papers/canaryfilepath-shared.pdf, title: Shared data}]
"""


def report(report_id: str, subject: str, body: str) -> str:
    return (f"id: {report_id}\nkind: report\nmeeting: 2022-03-30\nsubject: {subject}\n"
            f"authors: [Sam Lead]\nsections:\n  - kind: overview\n    heading: Overview\n"
            f"    paragraphs: [{body}]\n")


PLAN = """\
id: canaryplan-r2
title: CANARYPLANTITLE
themes:
  - id: prevent
    title: CANARYTHEME
    actions:
      - {number: 1, action: CANARYPLANACTION}
"""

APPENDIX = """\
  - kind: appendices
    heading: Appendices
    appendices: [{title: Data, report: canaryappendix-r5}]
"""

CANARIES = ("canaryappendix", "CANARYAPPSUBJECT", "CANARYAPPBODY",
            "canaryreport", "CANARYREPORTSUBJECT", "CANARYREPORTBODY", "canaryplan", "CANARYPLANTITLE",
            "CANARYPLANACTION", "CANARYTHEME", "canaryfilepath", "CANARYFILETITLE", "canarysubreport",
            "CANARYSUBSUBJECT", "CANARYSUBBODY")


@pytest.fixture
def restricted_board(board: Callable[..., Path]) -> Path:
    root = board(**{
        "meetings/2022-03-30.yaml": MEETING,
        "reports/2022-03-30/public-report.yaml": report("public-report", "Public figures", "All public."),
        "reports/2022-03-30/canaryreport-r1.yaml": report("canaryreport-r1", "CANARYREPORTSUBJECT",
                                                          "CANARYREPORTBODY"),
        "reports/2022-03-30/canarysubreport-r4.yaml": report("canarysubreport-r4", "CANARYSUBSUBJECT",
                                                             "CANARYSUBBODY") + APPENDIX,
        "reports/2022-03-30/canaryappendix-r5.yaml": report("canaryappendix-r5", "CANARYAPPSUBJECT",
                                                            "CANARYAPPBODY"),
        "plans/canaryplan-r2.yaml": PLAN,
    })
    (root / "papers").mkdir()
    for name in ("canaryfilepath-r3.pdf", "canaryfilepath-shared.pdf"):
        (root / "papers" / name).write_bytes(b"CANARYFILECONTENT")
    return root


def as_text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "pdf":
        import pypdf

        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


def test_the_board_lints_clean(cli: Cli, restricted_board: Path) -> None:
    result = cli("--records", restricted_board, "lint")
    assert result.code == 0, result.out


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx", "pdf"])
def test_public_pack_has_no_paper_of_a_restricted_item(cli: Cli, restricted_board: Path, tmp_path: Path,
                                                       fmt: str) -> None:
    out = tmp_path / f"pack.{fmt}"
    result = cli("--records", restricted_board, "render", "pack", "2022-03-30", "--format", fmt,
                 "--output", out)
    assert result.code == 0, result.err
    text = as_text(fmt, out.read_bytes())
    assert "Public figures" in text and "All public." in text
    folded = text.casefold()
    for canary in CANARIES:
        assert canary.casefold() not in folded, canary
    # fail-closed: the file a restricted sub-item names is left out of the public item too
    assert "Shared data" not in text
    for shown in (result.out, result.err):
        assert "canary" not in shown.casefold()


def test_include_restricted_pack_has_them_all(cli: Cli, restricted_board: Path) -> None:
    result = cli("--records", restricted_board, "render", "pack", "2022-03-30", "--include-restricted")
    assert result.code == 0, result.err
    for canary in ("CANARYREPORTBODY", "CANARYPLANACTION", "CANARYFILETITLE", "papers/canaryfilepath-r3.pdf",
                   "CANARYSUBBODY", "CANARYAPPBODY", "Shared data"):
        assert canary in result.out, canary
    assert "CANARYFILECONTENT" not in result.out


def test_public_plan_of_a_restricted_item_is_not_rendered(cli: Cli, restricted_board: Path) -> None:
    result = cli("--records", restricted_board, "render", "plan", "canaryplan-r2")
    assert result.code == 1 and "CANARYPLANTITLE" not in result.out + result.err
    assert "known: none" in result.err
    assert cli("--records", restricted_board, "render", "plan", "canaryplan-r2",
               "--include-restricted").code == 0


@pytest.mark.parametrize("report_id", ["canaryreport-r1", "canarysubreport-r4", "canaryappendix-r5"])
def test_public_report_of_a_restricted_item_its_sub_item_or_their_appendix_is_not_rendered(
        cli: Cli, restricted_board: Path, report_id: str) -> None:
    result = cli("--records", restricted_board, "render", "report", report_id)
    assert result.code == 1 and "CANARY" not in result.out + result.err
    assert "known: public-report;" in result.err
