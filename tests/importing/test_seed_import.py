"""`cspctl import minutes` on the seed's 29 September 2021 minutes, as text and as Word.

The fixture seed-2021-09-29.txt is lines 1-190 of /work/shared/seeds/000_52cf80fff91103ae.txt
(the board pack's first paper, the minutes, as the pack's PDF text gives them). The imported
record is compared with records/meetings/2021-09-29.yaml, the faithful hand transcription.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cspctl.records.yamlio.read import load
from tests.conftest import SEED_RECORDS
from tests.importing.docx_build import build_docx
from tests.importing.measure import HEADER, compare

HERE = Path(__file__).parent
SEED_MINUTES = HERE / "seed-2021-09-29.txt"


@pytest.fixture
def board(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    shutil.copytree(SEED_RECORDS, root)
    (root / "meetings" / "2021-09-29.yaml").unlink()
    return root


def _imported(board: Path, cli: Callable[..., Any], source: Path) -> tuple[dict[str, Any], Any]:
    result = cli("--records", board, "import", "minutes", source, "--date", "2021-09-29")
    assert result.code == 0, result.err
    return load(board / "meetings" / "2021-09-29.yaml").data, result


def _check(name: str, got: dict[str, Any]) -> None:
    figures = compare(name, got, load(SEED_RECORDS / "meetings" / "2021-09-29.yaml").data)
    print(f"\n{HEADER}\n{figures.row()}")
    assert figures.items == (13, 13), figures.wrong
    assert figures.attendees == (33, 33) and figures.extra_attendees == 0, figures.wrong
    assert figures.actions == (12, 12), figures.wrong
    assert figures.restricted == (13, 13)
    assert figures.recall >= 0.98, figures.wrong


def test_the_seed_minutes_as_text(board: Path, cli: Callable[..., Any]) -> None:
    got, result = _imported(board, cli, SEED_MINUTES)
    lint = cli("--records", board, "lint", board / "meetings" / "2021-09-29.yaml")
    assert lint.code == 0 and "error" not in lint.out.replace("0 errors", ""), lint.out
    _check("seed 2021-09-29, text", got)
    assert got["status"] == "drafted"
    assert (got["start"], got["end"], got["venue"]) == ("10:00", "13:00", "MS Teams")
    assert (got["chair"], got["note_taker"]) == ("Paul Trevers", "Jade Hodgson")
    assert "Wrote records/meetings/2021-09-29.yaml" in result.out or "2021-09-29.yaml" in result.out
    # every guess is on stderr with its line: the missing comma in the apologies, the carried actions
    assert "seed-2021-09-29.txt:13: read 'Mel Baker Melody Williams' as two names" in result.err
    assert "seed-2021-09-29.txt:31: action 2021-09-29/3.1 carried from 2021-06" in result.err


def test_the_seed_minutes_as_word(board: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    source = build_docx(SEED_MINUTES.read_text(encoding="utf-8"), tmp_path / "minutes.docx")
    got, result = _imported(board, cli, source)
    _check("seed 2021-09-29, Word", got)
    assert "paragraph" in result.err  # Word notes name paragraphs, not lines


def test_the_written_record_is_canonical(board: Path, cli: Callable[..., Any]) -> None:
    _imported(board, cli, SEED_MINUTES)
    before = (board / "meetings" / "2021-09-29.yaml").read_bytes()
    assert cli("--records", board, "fmt", "--check").code == 0
    assert before.startswith(b"# yaml-language-server: $schema=../schemas/meeting.schema.json\n")
