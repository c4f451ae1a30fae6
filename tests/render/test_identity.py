"""The board's identity and words come from its records: markings from the security
vocabulary or the paper's own, labels a board overrides, the logo in HTML, PDF and Word, the
contact officer on agendas, reports and packs."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PARTNERSHIP, Result

Cli = Callable[..., Result]

# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def report(marking: str | None = None, restricted: bool = False, kind: str = "report") -> str:
    text = (f"id: paper\nkind: {kind}\nmeeting: 2022-03-30\nsubject: Street survey\n"
            f"authors: [Sam Lead]\nrestricted: {'true' if restricted else 'false'}\n")
    if marking is not None:
        text += f"marking: {marking}\n"
    if kind == "presentation":
        return text + "slides:\n  - {title: First slide, body: Hello}\n  - {title: Second, body: Bye}\n"
    return text + "sections:\n  - {kind: overview, heading: Overview, paragraphs: [Done.]}\n"


def security_line(out: str) -> str | None:
    lines = [line for line in out.splitlines() if line.startswith("**Security:**")]
    return lines[0] if lines else None


@pytest.mark.parametrize(("partnership", "marking", "restricted", "expected"), [
    ("", None, False, "**Security:** OFFICIAL"),
    ("", None, True, "**Security:** OFFICIAL-SENSITIVE"),
    ("security: {public: '[Unprotected]', restricted: PROTECT}\n", None, False, "**Security:** [Unprotected]"),
    ("security: {public: '[Unprotected]', restricted: PROTECT}\n", None, True, "**Security:** PROTECT"),
    ("", '"[UNPROTECTED]"', False, "**Security:** [UNPROTECTED]"),
    ("", '""', False, "**Security:**"),          # the paper printed no marking (seed L3862)
    ("", '"[UNPROTECTED]"', True, "**Security:** OFFICIAL-SENSITIVE"),  # restricted wins
])
def test_markings_come_from_the_vocabulary_or_the_paper(
        cli: Cli, board: Callable[..., Path], partnership: str, marking: str | None,
        restricted: bool, expected: str) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + partnership,
                    "reports/2022-03-30/paper.yaml": report(marking, restricted)})
    assert cli("--records", root, "lint").code == 0
    args = ["--include-restricted"] if restricted else []
    result = cli("--records", root, "render", "report", "paper", *args)
    assert result.code == 0, result.err
    assert security_line(result.out) == expected


def test_slides_carry_no_marking_date_or_numbers_they_do_not_state(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"reports/2022-03-30/paper.yaml": report(kind="presentation")})
    result = cli("--records", root, "render", "report", "paper")
    assert result.code == 0, result.err
    assert result.out.startswith("# Street survey\n\n**Presenter:** Sam Lead\n\n## First slide\n")
    assert "Security" not in result.out and "2022" not in result.out and "## 2." not in result.out
    marked = board(**{"reports/2022-03-30/paper.yaml": report("OFFICIAL", kind="presentation")})
    assert security_line(cli("--records", marked, "render", "report", "paper").out) == "**Security:** OFFICIAL"


def test_a_byline_shows_without_a_presenter(cli: Cli, board: Callable[..., Path]) -> None:
    deck = report(kind="presentation").replace("authors: [Sam Lead]\n", "byline: Borough Council\n")
    root = board(**{"reports/2022-03-30/paper.yaml": deck})
    out = cli("--records", root, "render", "report", "paper").out
    assert out.startswith("# Street survey\n\nBorough Council\n\n## First slide")


def test_labels_override_the_words_papers_print(cli: Cli, board: Callable[..., Path]) -> None:
    labels = ("labels: {pack_title: Agenda pack for, subject: Title, paper_heading: SAFER BOROUGH BOARD,"
              " report: BRIEFING, contents: In this pack, item: Agenda item, mandated: Home Office mandated,"
              " rag_not_stated: no rating given}\n")
    plan = ("id: plan\ntitle: Plan\nthemes:\n  - id: t\n    title: Theme\n    actions:\n"
            "      - {number: 1, action: Act, mandated: true}\n")
    meeting = ("date: 2022-03-30\nstatus: planned\nitems:\n"
               "  - {title: Paper, papers: [paper]}\n  - {title: Plan, papers: [plan]}\n")
    root = board(**{"partnership.yaml": PARTNERSHIP + labels, "reports/2022-03-30/paper.yaml": report(),
                    "plans/plan.yaml": plan, "meetings/2022-03-30.yaml": meeting})
    lint = cli("--records", root, "lint")
    assert lint.code == 0 and "CSP104" not in lint.out
    out = cli("--records", root, "render", "pack", "2022-03-30").out
    assert "## Agenda pack for Wednesday 30 March 2022" in out
    assert "### In this pack" in out and "Agenda item 1 — Street survey" in out
    assert "# SAFER BOROUGH BOARD — BRIEFING" in out and "**Title:** Street survey" in out
    assert "### 1.1 (Home Office mandated)" in out and "| no rating given |" in out
    html = cli("--records", root, "render", "pack", "2022-03-30", "--format", "html").out
    assert "<title>Agenda pack for 30 March 2022 — Test Community Safety Partnership</title>" in html
    assert "<small>Home Office mandated</small>" in html


def test_neutral_defaults_without_labels(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"reports/2022-03-30/paper.yaml": report()})
    out = cli("--records", root, "render", "report", "paper").out
    assert out.startswith("# TEST COMMUNITY SAFETY PARTNERSHIP — REPORT\n\n**Subject:** Street survey")
    pack = cli("--records", root, "render", "pack", "2022-03-30").out
    assert "## Papers for Wednesday 30 March 2022" in pack


def logo_board(board: Callable[..., Path], extra: str = "") -> Path:
    root = board(**{"partnership.yaml": PARTNERSHIP + "logo: identity/logo.png\n" + extra,
                    "reports/2022-03-30/paper.yaml": report()})
    (root / "identity").mkdir()
    (root / "identity" / "logo.png").write_bytes(PNG)
    return root


def test_logo_is_embedded_in_html_with_the_board_name_as_alt_text(cli: Cli, board: Callable[..., Path]) -> None:
    root = logo_board(board)
    assert cli("--records", root, "lint").code == 0
    encoded = base64.b64encode(PNG).decode()
    expected = f'<img src="data:image/png;base64,{encoded}" alt="Test Community Safety Partnership">'
    for args in (["report", "paper"], ["pack", "2022-03-30"], ["agenda", "2022-03-30"]):
        result = cli("--records", root, "render", *args, "--format", "html")
        assert result.code == 0, result.err
        assert expected in result.out
        assert "identity/logo.png" not in result.out  # embedded, not linked
    assert "data:image" not in cli("--records", root, "render", "report", "paper").out  # not in Markdown


def test_logo_is_shown_in_pdf_and_word(cli: Cli, board: Callable[..., Path], tmp_path: Path) -> None:
    import docx
    import pypdf

    root = logo_board(board)
    pdf, word = tmp_path / "paper.pdf", tmp_path / "paper.docx"
    assert cli("--records", root, "render", "report", "paper", "--format", "pdf", "--output", pdf).code == 0
    images = [image for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages for image in page.images]
    assert len(images) == 1
    assert cli("--records", root, "render", "report", "paper", "--format", "docx", "--output", word).code == 0
    document = docx.Document(str(word))
    assert len(document.inline_shapes) == 0  # the logo heads every page, in the header
    header = document.sections[0].header._element.xml
    assert header.count("<pic:pic") == 1 and "Test Community Safety Partnership" in header


def test_render_refuses_a_logo_outside_the_folder(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + "logo: ../logo.png\n",
                    "reports/2022-03-30/paper.yaml": report()})
    result = cli("--records", root, "render", "report", "paper", "--format", "html")
    assert result.code == 1 and result.out == ""
    assert "partnership.yaml:9:7: CSP503 logo climbs out of the records folder with '..'" in result.err
    assert "Traceback" not in result.err


CONTACT = "contact: {name: Jo Officer, role: Partnership Officer, email: jo@example.org, phone: 01234 567890}\n"


def test_contact_officer_on_agendas_reports_and_packs(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + CONTACT, "reports/2022-03-30/paper.yaml": report()})
    line = "Contact officer: Jo Officer, Partnership Officer, jo@example.org, 01234 567890"
    for args in (["agenda", "2022-03-30"], ["report", "paper"], ["pack", "2022-03-30"]):
        for fmt in ("markdown", "html"):
            result = cli("--records", root, "render", *args, "--format", fmt)
            assert result.code == 0, result.err
            assert result.out.count(line) == 1, (args, fmt)
    assert line not in cli("--records", root, "render", "minutes", "2022-03-30").out


def test_authority_heads_the_pack(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + "authority: Borough Council\n"})
    out = cli("--records", root, "render", "pack", "2022-03-30").out
    assert out.startswith("# TEST COMMUNITY SAFETY PARTNERSHIP\n\nBorough Council\n\n## Papers for")


def test_every_label_a_template_prints_has_a_default_and_is_documented() -> None:
    import re

    from cspctl.render.labels import DEFAULTS
    from tests.conftest import REPO

    used: set[str] = set()
    for template in (REPO / "cspctl" / "templates").rglob("*.j2"):
        used |= set(re.findall(r"label\('([a-z_]+)'\)", template.read_text(encoding="utf-8")))
    assert used - set(DEFAULTS) == set()
    assert {"confidential", "pack_title", "mandated", "file_paper"} <= used
    documented = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    assert [key for key in DEFAULTS if f"| `{key}` |" not in documented] == []
