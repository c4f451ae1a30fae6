"""Outputs that must not damage or misread the records: renders and reminders never land on a
record, the lint cache is git-ignored, record text is never Rich markup, and a board's own
template fails as one located message."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, Result

Cli = Callable[..., Result]


@pytest.mark.parametrize("target", ["meetings/2022-03-30.yaml", "meetings", "people.yaml",
                                    "reports/2022-03-30/new.md", "."])
def test_render_output_into_the_records_is_refused(target: str, board: Callable[..., Path],
                                                   cli: Cli) -> None:
    root = board()
    before = (root / "meetings/2022-03-30.yaml").read_bytes()
    result = cli("--records", root, "render", "minutes", "2022-03-30", "-o", root / target)
    folder = (root / target).is_dir()  # a folder is no file to write (the option says so itself)
    assert result.code == 2 and ("inside the records folder" in result.err or folder)
    assert (root / "meetings/2022-03-30.yaml").read_bytes() == before
    assert not (root / "reports").exists()


def test_chase_into_the_records_is_refused(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    result = cli("--records", root, "chase", "--as-of", "2022-05-01", "--output", root / "meetings")
    assert result.code == 2 and "inside the records folder" in result.err
    assert sorted(p.name for p in (root / "meetings").iterdir()) == ["2022-03-30.yaml"]


def test_render_output_beside_the_records_is_fine(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    out = root.parent / "minutes.md"
    assert cli("--records", root, "render", "minutes", "2022-03-30", "-o", out).code == 0
    assert out.read_text("utf-8").strip()


def test_the_lint_cache_ignores_itself(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    repo = root.parent
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert cli("--records", root, "lint").code == 0
    assert (repo / ".cspctl-cache" / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    status = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=all"],
                            capture_output=True, text=True, check=True).stdout
    assert ".cspctl-cache" not in status and "records/" in status


MARKUP = "[/] then [link=https://evil.example]click[/link] and [bold red]loud[/]"


def test_rich_markup_in_record_text_is_shown_as_written(board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace(
        "description: circulate the figures", f'description: "{MARKUP}"').replace(
        "owners: [Samuel Lead]", 'owners: ["Samuel Lead"]')})
    result = cli("--records", root, "actions", "--as-of", "2022-05-01")
    assert result.code == 0 and "Traceback" not in result.err
    shown = " ".join(result.out.split())
    for piece in ("[/]", "[link=https://evil.example]click[/link]", "[bold red]loud[/]"):
        assert piece in shown or piece.replace(" ", "") in shown.replace(" ", ""), result.out


@pytest.mark.parametrize(("template", "line", "words"), [
    ("Minutes\n{{ doc.title }\n", 2, "template syntax error"),
    ("Minutes\n\n{{ doc.no_such_field }}\n", 3, "no attribute 'no_such_field'"),
    ("Minutes\n{{ 1 // 0 }}\n", 2, "division"),
])
def test_a_broken_template_override_is_one_located_message(
        template: str, line: int, words: str, board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    (root / "templates").mkdir()
    (root / "templates" / "minutes.md.j2").write_text(template, "utf-8")
    result = cli("--records", root, "render", "minutes", "2022-03-30")
    assert result.code == 1 and "Traceback" not in result.err
    message = result.err.strip().splitlines()
    assert len(message) == 1, result.err
    assert f"templates/minutes.md.j2:{line}:1: CSP011 " in message[0] and words in message[0]
