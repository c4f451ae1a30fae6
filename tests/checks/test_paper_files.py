"""Lint of what papers and the partnership name (CSP502, CSP503, CSP104) through the CLI:
file papers and the logo missing, outside the folder, through a symbolic link, not a file;
paper ids of every kind; unknown label keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.records import files
from tests.conftest import PARTNERSHIP, Result

Cli = Callable[..., Result]

MEETING = """\
date: 2022-03-30
status: planned
items:
  - title: Data
    papers: [{path: PATH, title: Police data}]
"""


def meeting_with(path: str) -> str:
    return MEETING.replace("PATH", path)


@pytest.mark.parametrize(("path", "code", "message"), [
    ("papers/missing.pdf", "CSP502", "paper path names no file in the records folder"),
    ("papers", "CSP502", "paper path is not a regular file"),
    ("../outside.pdf", "CSP503", "paper path climbs out of the records folder with '..'"),
    ("/etc/passwd", "CSP503", "paper path is absolute; write it relative to the records folder"),
    ("https://example.org/x.pdf", "CSP503", "paper path is a URL; name a file inside the records folder"),
    ("papers/link.pdf", "CSP503", "paper path leads outside the records folder through a symbolic link"),
])
def test_file_paper_refused_at_its_path(cli: Cli, board: Callable[..., Path], tmp_path: Path,
                                        path: str, code: str, message: str) -> None:
    root = board(**{"meetings/2022-03-30.yaml": meeting_with(path)})
    (root / "papers").mkdir()
    outside = tmp_path / "secret.pdf"
    outside.write_text("secret")
    os.symlink(outside, root / "papers" / "link.pdf")
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert f"meetings/2022-03-30.yaml:5:21: {code} {message}" in result.out
    assert path not in result.out.replace(str(root), "")  # the message names the problem, not the path
    assert "Traceback" not in result.out + result.err


def test_file_paper_inside_the_folder_is_clean(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": meeting_with("papers/data.pdf")})
    (root / "papers").mkdir()
    (root / "papers" / "data.pdf").write_bytes(b"%PDF")
    os.symlink("data.pdf", root / "papers" / "alias.pdf")  # a link that stays inside is fine
    assert cli("--records", root, "lint").code == 0
    (root / "meetings" / "2022-03-30.yaml").write_text(meeting_with("papers/alias.pdf"))
    assert cli("--records", root, "lint").code == 0


def test_paper_ids_of_every_kind(cli: Cli, board: Callable[..., Path]) -> None:
    meeting = ("date: 2022-03-30\nstatus: planned\nitems:\n"
               "  - {title: A, papers: [actions, forward-plan, the-plan, no-such-paper]}\n"
               "  - {title: Secret, restricted: true, papers: [secret-missing-paper]}\n")
    plan = "id: the-plan\ntitle: The plan\n"
    root = board(**{"meetings/2022-03-30.yaml": meeting, "plans/the-plan.yaml": plan})
    result = cli("--records", root, "lint")
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if "CSP502" in line]
    assert len(lines) == 3, lines
    text = "\n".join(lines)
    assert "4:34: CSP502 names the forward plan, but there is no forward-plan.yaml" in text
    assert "4:58: CSP502 no report or action plan with id 'no-such-paper'" in text
    assert "5:48: CSP502 no report or action plan with id" in text
    assert "secret-missing-paper" not in result.out  # a restricted item's paper id is not repeated
    assert "the-plan" not in text and "actions" not in text


def test_a_report_may_not_take_a_reserved_id(cli: Cli, board: Callable[..., Path]) -> None:
    plan = "id: actions\ntitle: Our actions\n"
    result = cli("--records", board(**{"plans/actions.yaml": plan}), "lint")
    assert result.code == 1
    assert "plans/actions.yaml:1:5: CSP502 the id 'actions' is reserved: papers use it for the action log" \
        in result.out


@pytest.mark.parametrize(("logo", "code", "message"), [
    ("logo.png", None, None),
    ("missing.png", "CSP502", "logo names no file in the records folder"),
    ("../logo.png", "CSP503", "logo climbs out of the records folder with '..'"),
    ("link.png", "CSP503", "logo leads outside the records folder through a symbolic link"),
    ("notes.txt", "CSP503", "logo is not an image a paper can embed"),
])
def test_logo_is_checked_like_a_paper_file(cli: Cli, board: Callable[..., Path], tmp_path: Path,
                                           logo: str, code: str | None, message: str | None) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + f"logo: {logo}\n"})
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes.txt").write_text("not an image")
    (tmp_path / "elsewhere.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    os.symlink(tmp_path / "elsewhere.png", root / "link.png")
    result = cli("--records", root, "lint")
    if code is None:
        assert result.code == 0, result.out
        return
    assert result.code == 1
    assert f"partnership.yaml:9:7: {code} {message}" in result.out


def test_unknown_label_key_is_a_warning_with_a_suggestion(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"partnership.yaml": PARTNERSHIP + "labels: {mandatd: VRU mandated, pack_title: Papers}\n"})
    result = cli("--records", root, "lint")
    assert result.code == 0
    assert "partnership.yaml:9:10: CSP104 unknown label 'mandatd' (did you mean 'mandated'?) (warning)" \
        in result.out
    assert "pack_title" not in result.out
    assert cli("--records", root, "lint", "--strict").code == 1


def test_read_logo_refuses_a_big_file(tmp_path: Path) -> None:
    (tmp_path / "big.png").write_bytes(b"\0" * (files.LOGO_LIMIT + 1))
    with pytest.raises(files.FileRefused) as refused:
        files.read_logo("big.png", tmp_path)
    assert refused.value.code == "CSP503" and "larger than 2 MiB" in refused.value.reason
