"""`cspctl import minutes` as a note taker runs it: sources, refusals, --output, --update, errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cspctl.records.yamlio.read import load
from tests.conftest import SEED_RECORDS

HERE = Path(__file__).parent
SEED_MINUTES = HERE / "seed-2021-09-29.txt"

MARKDOWN = """\
# Test Board

Wednesday 2 March 2022 (14:00-16:00, Town Hall)

Present: Pat Chair (CHAIR), Sam Lead and Jo Officer (NOTE TAKER)

Apologies: Ann Other

## 1. Welcome and apologies

The chair welcomed everyone.

## 2. RESTRICTED: Case review

Secret discussion of the named family.

ACTION: Sam Lead to contact the named family (COMPLETED)

## 3. Knife crime update

The board heard:

- a first point
- a second point that goes on
  over two lines

ACTION: Sam Lead and Jo Officer to circulate the figures.
ACTION: Someone Unknown to write the plan
"""


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    shutil.copytree(SEED_RECORDS, root)
    return root


def _no_traceback(result: Any) -> None:
    assert "Traceback" not in result.err and result.err.count("cspctl:") == 1, result.err


def test_markdown_minutes(tmp_path: Path, cli: Callable[..., Any]) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", "Test Board").code == 0
    source = tmp_path / "draft.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    result = cli("--records", root, "import", "minutes", source, "--date", "2022-03-02")
    assert result.code == 0, result.err
    got = load(root / "meetings" / "2022-03-02.yaml").data
    assert (got["start"], got["end"], got["venue"]) == ("14:00", "16:00", "Town Hall")
    assert (got["chair"], got["note_taker"], got["status"]) == ("Pat Chair", "Jo Officer", "drafted")
    assert got["attendance"]["present"] == ["Pat Chair", "Sam Lead", "Jo Officer"]
    assert got["attendance"]["apologies"] == ["Ann Other"]
    titles = [(i["title"], i["restricted"]) for i in got["items"]]
    assert titles == [("Welcome and apologies", False), ("Case review", True), ("Knife crime update", False)]
    assert got["items"][1]["actions"][0]["status"] == "completed"
    third = got["items"][2]
    assert third["minutes"] == ("The board heard:\n\n- a first point\n- a second point that goes on over two lines\n")
    assert [a["owners"] for a in third["actions"]] == [["Sam Lead", "Jo Officer"], ["Someone Unknown"]]
    assert [a["id"] for a in third["actions"]] == ["2022-03-02/3.1", "2022-03-02/3.2"]
    # canary: the summary on standard output names nothing of the restricted item
    assert "family" not in result.out and "Case review" not in result.out


def test_an_existing_record_is_never_overwritten(seed: Path, cli: Callable[..., Any]) -> None:
    path = seed / "meetings" / "2021-09-29.yaml"
    before = path.read_bytes()
    result = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-29")
    assert result.code == 1 and "already exists; nothing was written" in result.err
    _no_traceback(result)
    assert path.read_bytes() == before


def test_update_keeps_what_the_source_does_not_say(seed: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    path = seed / "meetings" / "2021-09-29.yaml"
    heading = "  - title: Knife Crime Prevention Order\n"
    text = path.read_text(encoding="utf-8")
    text = text.replace(heading, "  # presented by the police\n" + heading)
    text = text.replace("    - Andy Opie\n", "    - {name: Andy Opie, organisation: Police}\n")
    path.write_text(text, encoding="utf-8")
    source = tmp_path / "minutes.txt"
    source.write_text(SEED_MINUTES.read_text(encoding="utf-8").replace(
        "James Rush update the board", "James Rush updated the board"), encoding="utf-8")
    result = cli("--records", seed, "import", "minutes", source, "--date", "2021-09-29", "--update")
    assert result.code == 0, result.err
    assert "Updated" in result.out
    text = path.read_text(encoding="utf-8")
    assert "# presented by the police" in text
    assert load(path).data["attendance"]["present"][0] == {"name": "Andy Opie", "organisation": "Police"}
    item = load(path).data["items"][3]
    assert item["kind"] == "presentation" and item["presenters"] == ["James Rush"]
    assert item["minutes"].startswith("James Rush updated the board")
    assert cli("--records", seed, "fmt", "--check").code == 0


def test_update_refuses_an_approved_record(seed: Path, cli: Callable[..., Any]) -> None:
    path = seed / "meetings" / "2021-09-29.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: drafted", "status: approved"), encoding="utf-8")
    result = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-29", "--update")
    assert result.code == 1 and "only a drafted record is updated" in result.err
    _no_traceback(result)


def test_standard_output_and_another_file(seed: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-29", "-o", "-")
    assert result.code == 0 and result.out.startswith("date: 2021-09-29\n")
    target = tmp_path / "draft.yaml"
    assert cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-29",
               "--output", target).code == 0
    assert load(target).data["items"][0]["title"] == "Introductions and Apologies for Absence"
    again = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-29", "--output", target)
    assert again.code == 1 and "already exists" in again.err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
    ("fake.docx", b"just some text", "not a readable Word document"),
    ("binary.txt", b"\x00\x01\x02\x03 binary", "binary file"),
    ("latin1.txt", "1. CAF\u00c9 MEETING\n".encode("latin-1"), "1:7: not UTF-8 text"),
    ("empty.txt", b"  \n\n", ":1:1: the file is empty"),
    ("plain.txt", b"Some notes with no items at all.\n", "found no numbered item headings"),
    ("minutes.pdf", b"%PDF-1.4", "cannot import a '.pdf' file"),
])
def test_bad_input_is_one_clear_error(name: str, content: bytes, message: str, tmp_path: Path,
                                      seed: Path, cli: Callable[..., Any]) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    (seed / "meetings" / "2021-09-29.yaml").unlink()
    result = cli("--records", seed, "import", "minutes", source, "--date", "2021-09-29")
    assert result.code != 0 and message in result.err, result.err
    _no_traceback(result)
    assert not (seed / "meetings" / "2021-09-29.yaml").exists()


def test_the_wrong_date(seed: Path, cli: Callable[..., Any]) -> None:
    result = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "2021-09-30")
    assert result.code == 1
    assert "seed-2021-09-29.txt:3:1: the minutes are dated 2021-09-29, not 2021-09-30 (--date)" in result.err
    _no_traceback(result)
    bad = cli("--records", seed, "import", "minutes", SEED_MINUTES, "--date", "29/09/2021")
    assert bad.code == 2 and "Traceback" not in bad.err


CARRIED = """\
Wednesday 8 December 2021

1. MINUTES

The September minutes were approved. The following actions remain outstanding.

ACTION: Chris Lyons to link in with MPS to share comms for the Safe Haven rollout.
ACTION: Jade Hodgson to do a brand new thing
"""


def test_carried_actions_match_an_earlier_record(seed: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    (seed / "meetings" / "2021-12-08.yaml").unlink()
    source = tmp_path / "december.txt"
    source.write_text(CARRIED, encoding="utf-8")
    result = cli("--records", seed, "import", "minutes", source, "--date", "2021-12-08")
    assert result.code == 0, result.err
    text = (seed / "meetings" / "2021-12-08.yaml").read_text(encoding="utf-8")
    assert "carried_from: 2021-09-29\n" in text  # a date, as a note taker types it
    actions = load(seed / "meetings" / "2021-12-08.yaml").data["items"][0]["actions"]
    assert [str(a["carried_from"]) for a in actions] == ["2021-09-29", "2021-09"]
    assert "december.txt:7: action 2021-12-08/1.1 carried from 2021-09-29 (matches open action 2021-09-29/3.3)" \
        in result.err
    assert "december.txt:8: action 2021-12-08/1.2 carried from 2021-09 (no open action of an earlier record" \
        in result.err
    assert "lint finds" not in result.err
