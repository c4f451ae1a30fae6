"""The agency board (tests/boards/agency/): a fictional partnership whose actions are owned by
an agency, by a group with no members, by nobody, in progress and ongoing, mostly without due
dates, over two meetings at which "AC" means two different people. It lints clean but for the
ownerless warnings, and its action log and minutes render as the reviewed golden files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.boards.conftest import BOARDS
from tests.conftest import Result

AGENCY = BOARDS / "agency"
AS_OF = "2023-05-01"
Cli = Callable[..., Result]
Golden = Callable[[Path, str, bytes], None]
RENDERS = [("actions", None), ("minutes", "2023-01-18"), ("minutes", "2023-04-19")]
FORMATS = {"markdown": "md", "html": "html"}


def test_lints_clean_but_for_the_ownerless_warnings(cli: Cli) -> None:
    result = cli("--records", AGENCY, "lint", "--no-cache")
    assert result.code == 0, result.out
    findings = [line for line in result.out.splitlines() if ": CSP" in line]
    assert [line.split(": ", 1)[1] for line in findings] == [
        "CSP403 action 2023-01-18/2.3 has no owner (warning)",
        "CSP403 action 2023-04-19/1.2 has no owner (warning)",
    ]
    assert cli("--records", AGENCY, "fmt", "--check", AGENCY).code == 0


def test_the_action_log(cli: Cli) -> None:
    result = cli("--records", AGENCY, "actions", "--as-of", AS_OF, "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.out)}
    assert rows["2023-01-18/2.1"]["owner_ids"] == ["police"]
    assert rows["2023-01-18/2.1"]["due"] == "2023-04-19"  # no due date: the next meeting
    assert rows["2023-01-18/2.2"]["owners"] == ["Partners"] and rows["2023-01-18/2.2"]["days_overdue"] == 0
    assert rows["2023-01-18/2.3"]["owners"] == [] and rows["2023-01-18/2.3"]["overdue"]
    assert rows["2023-01-18/3a.1"]["owner_ids"] == ["alison-cooper"]
    assert rows["2023-04-19/1.1"]["owner_ids"] == ["adam-clarke"]
    assert rows["2023-01-18/3a.1"]["owners"] == rows["2023-04-19/1.1"]["owners"] == ["AC"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("kind", "target"), RENDERS)
def test_renders_match_golden(cli: Cli, board_golden: Golden, kind: str, target: str | None,
                              fmt: str) -> None:
    args = [kind] + ([target] if target else ["--as-of", AS_OF])
    result = cli("--records", AGENCY, "render", *args, "--format", fmt)
    assert result.code == 0, result.err
    name = f"{kind}-{target or AS_OF}.{FORMATS[fmt]}"
    board_golden(AGENCY, name, result.out.encode("utf-8"))
