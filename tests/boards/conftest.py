"""Test boards under tests/boards/<name>/, each with its reviewed golden renders in
`<name>/golden/`. Regenerate them with `pytest tests/boards --update-golden` (or
`CSPCTL_UPDATE_GOLDEN=1 pytest`; the option is tests/conftest.py's), then review the diff
like code."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

BOARDS = Path(__file__).resolve().parent


@pytest.fixture
def board_golden(request: pytest.FixtureRequest) -> Callable[[Path, str, bytes], None]:
    """Compare bytes with `<board>/golden/<name>` byte for byte, or rewrite it when updating."""
    update = bool(request.config.getoption("--update-golden", default=False)) or \
        os.environ.get("CSPCTL_UPDATE_GOLDEN") == "1"

    def check(board: Path, name: str, data: bytes) -> None:
        path = board / "golden" / name
        if update:
            path.parent.mkdir(exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            return
        assert path.exists(), f"no golden file {path}: run `pytest tests/boards --update-golden`"
        expected = path.read_bytes()
        if expected != data:
            diff = "".join(difflib.unified_diff(
                expected.decode().splitlines(keepends=True), data.decode().splitlines(keepends=True),
                f"golden/{name}", "rendered", n=2))
            pytest.fail(f"{name} differs from its golden file:\n{diff[:4000]}")

    return check
