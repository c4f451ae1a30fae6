"""`cspctl import minutes` on published minutes of two other boards (see README.md here).

Their records are hand-made (`*.expected.yaml`); the figures are printed for docs/import.md and
held here so that a change to the importer that reads them worse fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cspctl.records.yamlio.read import load
from tests.importing.measure import HEADER, compare

HERE = Path(__file__).parent


@pytest.mark.parametrize(("name", "date", "floor"), [
    ("arun-2023-01-24", "2023-01-24", {"items": 4, "header": 4}),
    ("south-cambs-2015-01-21", "2015-01-21", {"items": 5, "header": 5}),
])
def test_minutes_of_another_board(name: str, date: str, floor: dict[str, int], tmp_path: Path,
                                  cli: Callable[..., Any]) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", "Another Board").code == 0
    result = cli("--records", root, "import", "minutes", HERE / f"{name}.txt", "--date", date)
    assert result.code == 0, result.err
    got = load(root / "meetings" / f"{date}.yaml").data
    figures = compare(name, got, load(HERE / f"{name}.expected.yaml").data)
    print(f"\n{HEADER}\n{figures.row()}\n" + "\n".join(figures.wrong))
    assert figures.items[0] >= floor["items"] and figures.header[0] >= floor["header"], figures.wrong
    assert figures.attendees[0] == figures.attendees[1] and figures.extra_attendees == 0, figures.wrong
    assert figures.actions[0] == figures.actions[1], figures.wrong
    assert figures.recall >= 0.98 and figures.precision >= 0.98, figures.wrong
