"""CSP203 (hidden characters) and CSP503 (appendix paths), through lint as a user runs it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.checks.appendix_paths import path_problem
from tests.conftest import MEETING, Result

Cli = Callable[..., Result]

REPORT = """\
id: prevent
kind: report
meeting: 2022-03-30
subject: Prevent
sections:
  - kind: appendices
    heading: Appendices
    appendices:
      - title: Data
        path: {path}
"""


def findings(cli: Cli, root: Path, *extra: str) -> list[dict[str, object]]:
    result = cli("--records", root, "lint", "--format", "json", *extra)
    return list(json.loads(result.out))


@pytest.mark.parametrize(
    ("char", "what"),
    [("\u202e", "bidirectional control U+202E"), ("\u2067", "bidirectional control U+2067"),
     ("\u200f", "bidirectional control U+200F"), ("\u200b", "invisible character U+200B"),
     ("\u2060", "invisible character U+2060"), ("\U000e0041", "invisible character U+E0041")],
)
def test_hidden_characters_are_a_warning_naming_the_character(
    char: str, what: str, cli: Cli, board: Callable[..., Path]
) -> None:
    meeting = MEETING.replace("The board noted the figures.",
                              f"The board noted the figures.\n      Names{char} hidden here.")
    root = board(**{"meetings/2022-03-30.yaml": meeting})
    [finding] = findings(cli, root)
    assert (finding["code"], finding["level"], finding["line"]) == ("CSP203", "warning", 18)
    assert what in str(finding["message"]) and "line 2 of the text" in str(finding["message"])
    assert "Names" not in str(finding["message"])
    assert cli("--records", root, "lint").code == 0
    assert cli("--records", root, "lint", "--strict").code == 1


def test_hidden_characters_in_keys_and_in_every_record_kind(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{
        "people.yaml": "people:\n  - {id: pat-chair, name: \"Pat\u200b Chair\"}\n",
        "forward-plan.yaml": "meetings:\n  - date: 2022-06-29\n    \"notes\u200d\": x\n",
    })
    found = {(Path(str(f["path"])).name, f["code"], f["line"]) for f in findings(cli, root)}
    assert ("people.yaml", "CSP203", 2) in found
    assert ("forward-plan.yaml", "CSP101", 3) in found  # the key is also unknown


def test_right_to_left_scripts_and_emoji_are_not_reported(cli: Cli, board: Callable[..., Path]) -> None:
    meeting = MEETING.replace("circulate the figures", "circulate \u0627\u0644\u062a\u062d\u062f\u064a\u062b 🚨 café")
    assert findings(cli, board(**{"meetings/2022-03-30.yaml": meeting})) == []


@pytest.mark.parametrize(
    ("path", "why"),
    [("../../etc/passwd", "climbs out"), ("/etc/passwd", "absolute"), ("'C:\\Windows\\win.ini'", "absolute"),
     ("'\\\\server\\share\\x.pdf'", "absolute"), ("'..\\..\\x.docx'", "climbs out"),
     ("file:///etc/passwd", "URL"), ("https://example.org/x.pdf", "URL"),
     ("a/../../x.pdf", "climbs out"), ("''", "empty")],
)
def test_appendix_paths_outside_the_records_folder_are_errors(
    path: str, why: str, cli: Cli, board: Callable[..., Path]
) -> None:
    root = board(**{"reports/2022-03-30/prevent.yaml": REPORT.format(path=path)})
    [finding] = findings(cli, root)
    assert (finding["code"], finding["level"], finding["line"]) == ("CSP503", "error", 10)
    assert why in str(finding["message"])
    assert "passwd" not in str(finding["message"]) and "win.ini" not in str(finding["message"])


@pytest.mark.parametrize("path", ["appendices/data.pdf", "appendices/./a/../data.pdf", "data.pdf",
                                  "reports/2022-03-30/prevent-data.xlsx"])
def test_appendix_paths_inside_the_records_folder_are_fine(
    path: str, cli: Cli, board: Callable[..., Path]
) -> None:
    root = board(**{"reports/2022-03-30/prevent.yaml": REPORT.format(path=path)})
    assert findings(cli, root) == []


def test_a_symlink_out_of_the_records_folder_is_an_error(
    tmp_path: Path, cli: Cli, board: Callable[..., Path]
) -> None:
    root = board(**{"reports/2022-03-30/prevent.yaml": REPORT.format(path="appendices/secret.txt")})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (root / "appendices").symlink_to(outside, target_is_directory=True)
    [finding] = findings(cli, root)
    assert finding["code"] == "CSP503" and "symbolic link" in str(finding["message"])


def test_path_problem_is_none_for_a_plain_relative_path(tmp_path: Path) -> None:
    assert path_problem("appendices/x.pdf", tmp_path) is None
    assert path_problem("..", tmp_path) is not None
