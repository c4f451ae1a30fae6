"""`cspctl fmt`: canonical, value-preserving, comment-keeping, idempotent, atomic."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from cspctl.authoring.fmt import canonical_text, comment_lines
from cspctl.models.registry import kind_of
from cspctl.records.yamlio.read import parse
from tests.conftest import SEED_RECORDS

SEED_FILES = sorted(p for p in SEED_RECORDS.rglob("*.yaml"))

UNORDERED = """\
# Minutes of the test board
status: drafted  # not yet approved
# the date of the meeting
date: 2022-03-30
start: "10:00"
items:
  - kind: report  # a report item
    presenters: [Sam Lead]  # as printed
    # the title as the agenda words it
    title: Violence performance
    duration: 20
  # the next item
  - title: Introductions
    kind: standing
attendance:
  # those who sent apologies
  apologies: [Jo Officer]
  present: [Pat Chair, Sam Lead]
# end of the record
"""


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.relative_to(SEED_RECORDS).as_posix())
def test_every_seed_record_keeps_its_values_and_is_stable(path: Path) -> None:
    kind = kind_of(PurePosixPath(path.relative_to(SEED_RECORDS).as_posix()))
    assert kind is not None
    before = path.read_text(encoding="utf-8")
    once = canonical_text(kind, before)
    assert parse(once).data == parse(before).data
    assert comment_lines(once) == comment_lines(before)
    assert canonical_text(kind, once) == once


def test_seed_records_are_canonical(cli: Callable[..., object]) -> None:
    result = cli("--records", SEED_RECORDS, "fmt", "--check")
    assert result.code == 0, result.out  # type: ignore[attr-defined]


def test_keys_move_in_model_order_with_their_comments() -> None:
    out = canonical_text("meeting", UNORDERED)
    assert out == """\
# Minutes of the test board
# the date of the meeting
date: 2022-03-30
start: "10:00"
status: drafted  # not yet approved
attendance:
  present: [Pat Chair, Sam Lead]
  # those who sent apologies
  apologies: [Jo Officer]
items:
    # the title as the agenda words it
  - title: Violence performance
    kind: report  # a report item
    presenters: [Sam Lead]  # as printed
    duration: 20
  # the next item
  - title: Introductions
    kind: standing
# end of the record
"""
    assert canonical_text("meeting", out) == out
    assert parse(out).data == parse(UNORDERED).data


def test_strings_that_look_like_other_types_stay_as_authored() -> None:
    text = ('people:\n  - id: a\n    name: "no"\n    role: off\n    organisation: "2022-03-30"\n'
            "    aliases: ['10:00', yes, 1.10]\n")
    out = canonical_text("people", text)
    assert out == 'people:\n  - id: a\n    name: "no"\n    aliases: [\'10:00\', yes, 1.10]\n' \
        '    role: off\n    organisation: "2022-03-30"\n'
    assert parse(out).data == parse(text).data


def test_crlf_and_missing_final_newline_are_normalised() -> None:
    out = canonical_text("people", "people:\r\n  - name: A\r\n    id: a")
    assert out == "people:\n  - id: a\n    name: A\n"


def test_check_lists_without_writing_then_fmt_rewrites_once(
        board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": UNORDERED.replace("Introductions", "Introductions and Apologies")})
    meeting = root / "meetings" / "2022-03-30.yaml"
    before = meeting.read_bytes()
    check = cli("--records", root, "fmt", "--check")
    assert check.code == 1  # type: ignore[attr-defined]
    assert "would reformat" in check.out and "2022-03-30.yaml" in check.out  # type: ignore[attr-defined]
    assert meeting.read_bytes() == before
    done = cli("--records", root, "fmt")
    assert done.code == 0  # type: ignore[attr-defined]
    assert meeting.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/meeting.schema.json\n"
        "# Minutes of the test board\n# the date of the meeting\ndate:")
    again = cli("--records", root, "fmt", "--check")
    assert again.code == 0, again.out  # type: ignore[attr-defined]
    after = meeting.read_bytes()
    assert cli("--records", root, "fmt").code == 0  # type: ignore[attr-defined]
    assert meeting.read_bytes() == after


def test_an_invalid_file_stops_every_write(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": UNORDERED,
                    "meetings/2022-06-29.yaml": "date: 2022-06-29\nitems:\n  - title: x\n    restricted: maybe\n"})
    good, bad = root / "meetings" / "2022-03-30.yaml", root / "meetings" / "2022-06-29.yaml"
    before_good, before_bad = good.read_bytes(), bad.read_bytes()
    result = cli("--records", root, "fmt")
    assert result.code == 1  # type: ignore[attr-defined]
    assert "2022-06-29.yaml:4:17: CSP" in result.out  # type: ignore[attr-defined]
    assert (good.read_bytes(), bad.read_bytes()) == (before_good, before_bad)


def test_a_comment_fmt_cannot_keep_blocks_the_file(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(people_yaml="# register\n---\npeople:\n  - name: Pat Chair\n    id: pat-chair\n")
    before = (root / "people.yaml").read_bytes()
    result = cli("--records", root, "fmt")
    assert result.code == 1 and "CSP008" in result.out  # type: ignore[attr-defined]
    assert (root / "people.yaml").read_bytes() == before


def test_permissions_are_kept(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": UNORDERED})
    meeting = root / "meetings" / "2022-03-30.yaml"
    meeting.chmod(0o640)
    assert cli("--records", root, "fmt").code == 0  # type: ignore[attr-defined]
    assert stat.S_IMODE(meeting.stat().st_mode) == 0o640
    assert "# Minutes of the test board" in meeting.read_text()


def test_a_failed_replace_leaves_the_old_file_and_no_temp_file(
        board: Callable[..., Path], cli: Callable[..., object], monkeypatch: pytest.MonkeyPatch) -> None:
    root = board(**{"meetings/2022-03-30.yaml": UNORDERED})
    meeting = root / "meetings" / "2022-03-30.yaml"
    before = meeting.read_bytes()

    def broken(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken)
    result = cli("--records", root, "fmt")
    assert result.code == 1  # type: ignore[attr-defined]
    assert "Traceback" not in result.err  # type: ignore[attr-defined]
    assert meeting.read_bytes() == before
    assert sorted(p.name for p in meeting.parent.iterdir()) == ["2022-03-30.yaml"]


def test_a_symlink_out_of_the_records_folder_is_not_written(
        board: Callable[..., Path], cli: Callable[..., object], tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(UNORDERED)
    root = board(**{"meetings/2022-03-30.yaml": None})
    (root / "meetings").mkdir(exist_ok=True)
    (root / "meetings" / "2022-03-30.yaml").symlink_to(outside)
    result = cli("--records", root, "fmt")
    assert result.code == 1 and "symbolic link" in result.out  # type: ignore[attr-defined]
    assert outside.read_text() == UNORDERED
    assert (root / "meetings" / "2022-03-30.yaml").is_symlink()


def test_paths_outside_the_records_folder_are_skipped(
        board: Callable[..., Path], cli: Callable[..., object], tmp_path: Path) -> None:
    root = board()
    outside = tmp_path / "other.yaml"
    outside.write_text(UNORDERED)
    result = cli("--records", root, "fmt", outside)
    assert result.code == 0 and "not in the records folder" in result.err  # type: ignore[attr-defined]
    assert outside.read_text() == UNORDERED


def test_a_path_that_leads_out_through_a_link_is_refused(
        board: Callable[..., Path], cli: Callable[..., object], tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2022-06-29.yaml").write_text(UNORDERED.replace("2022-03-30", "2022-06-29"))
    root = board()
    (root / "archive").symlink_to(outside, target_is_directory=True)
    result = cli("--records", root, "fmt", root / "archive" / "2022-06-29.yaml")
    assert result.code == 1 and "leads outside the records folder" in result.err  # type: ignore[attr-defined]
    assert (outside / "2022-06-29.yaml").read_text() == UNORDERED.replace("2022-03-30", "2022-06-29")


def test_paths_limit_what_is_formatted(board: Callable[..., Path], cli: Callable[..., object]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": UNORDERED,
                    "people.yaml": "people:\n  - name: Pat Chair\n    id: pat-chair\n"})
    result = cli("--records", root, "fmt", "--check", root / "people.yaml")
    assert result.code == 1  # type: ignore[attr-defined]
    assert "people.yaml" in result.out and "2022-03-30" not in result.out  # type: ignore[attr-defined]


def test_comment_lines_ignore_block_scalars() -> None:
    assert comment_lines("a: |\n  # not a comment\nb: 1  # yes\n") == ["# yes"]


def test_help(cli: Callable[..., object]) -> None:
    result = cli("fmt", "--help")
    assert result.code == 0 and "--check" in result.out  # type: ignore[attr-defined]


def test_comments_after_a_block_scalar_move_with_the_next_key() -> None:
    text = ("items:\n  - minutes: |\n      text here\n      # part of the minutes\n"
            "    # about the title\n    title: X\n    kind: report\n")
    out = canonical_text("meeting", text)
    assert out == ("items:\n    # about the title\n  - title: X\n    kind: report\n"
                   "    minutes: |\n      text here\n      # part of the minutes\n")
    assert parse(out).data == parse(text).data
    assert canonical_text("meeting", out) == out
