"""Test boards under tests/boards/<name>/, each with its reviewed golden renders in
`<name>/golden/`. Regenerate them with `pytest tests/boards --update-golden` (or
`CSPCTL_UPDATE_GOLDEN=1 pytest`; the option is tests/conftest.py's), then review the diff
like code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render.conftest import golden_files

BOARDS = Path(__file__).resolve().parent


@pytest.fixture
def board_golden(request: pytest.FixtureRequest) -> Callable[[Path, str, bytes], None]:
    """Compare bytes with `<board>/golden/<name>` byte for byte, or rewrite it when updating."""

    def check(board: Path, name: str, data: bytes) -> None:
        golden_files(request, board / "golden")(name, data)

    return check
