"""What lint prints cannot be forged or flooded: a newline or control character in a file name
or a value never starts a line of its own (a finding, or a GitHub workflow command), and one
file's findings are capped with a count of the rest."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, Result

Cli = Callable[..., Result]
FORGED = "::error file=records/people.yaml,line=1::forged"


def _lines_start_only_with_paths(out: str, root: Path) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert line == "" or line.startswith(root.as_posix()) or line[0].isdigit() or \
            line.startswith("No problems"), line


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_newline_in_a_name_forges_no_line(fmt: str, board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace(
        "present: [Pat Chair, Sam Lead]", f'present: [Pat Chair, "Sam\\n{FORGED}"]')})
    result = cli("--records", root, "lint", "--format", fmt)
    assert result.code == 1
    if fmt == "text":
        _lines_start_only_with_paths(result.out, root)
        assert "Sam\\n::error" in result.out
    else:
        assert [line[:8] for line in result.out.splitlines()[:-1]] == ["::error "]
        assert "%0A::error" in result.out


def test_a_newline_in_a_file_name_forges_no_line(board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    (root / "meetings" / "2022-06-29\n::error file=x,line=1::forged.yaml").write_text(
        MEETING.replace("2022-03-30", "2022-06-29"), "utf-8")
    for fmt in ("text", "github"):
        result = cli("--records", root, "lint", "--format", fmt)
        assert "Traceback" not in result.err
        if fmt == "text":
            _lines_start_only_with_paths(result.out, root)
        else:
            assert all(line.startswith(("::error ", "::warning ")) for line in result.out.splitlines()[:-1])
        assert "\\n::error" in result.out or "%0A::error" in result.out


def test_findings_are_capped_per_file_with_a_count_of_the_rest(board: Callable[..., Path], cli: Cli) -> None:
    items = "".join(f"  - {{title: T{i}, presenters: [Nobody {i}]}}\n" for i in range(2000))
    root = board(**{"meetings/2022-03-30.yaml": "date: 2022-03-30\nstatus: drafted\nitems:\n" + items})
    result = cli("--records", root, "lint", "--format", "json")
    found = json.loads(result.out)
    assert result.code == 1 and len(found) == 101
    last = found[-1]
    assert (last["code"], last["level"], last["line"]) == ("CSP010", "error", 104)
    assert last["message"] == "1900 more findings in this file are not shown (1900 errors, 0 warnings)"
    assert len(cli("--records", root, "lint").out) < 20_000


def test_the_summary_counts_the_findings_not_shown(board: Callable[..., Path], cli: Cli) -> None:
    items = "".join(f"  - {{title: T{i}, presenters: [Nobody {i}]}}\n" for i in range(150))
    root = board(**{"meetings/2022-03-30.yaml": "date: 2022-03-30\nstatus: drafted\nitems:\n" + items})
    out = cli("--records", root, "lint").out
    assert "CSP010 50 more findings in this file are not shown" in out
    assert out.rstrip().splitlines()[-1].startswith("150 errors")
