"""Fixtures for the authoring commands: a writable copy of the seed board."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_RECORDS


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of records/ that the test may write to."""
    root = tmp_path / "records"
    shutil.copytree(SEED_RECORDS, root)
    return root


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines removed and lines added between two texts (every other line is byte-identical)."""
    import difflib

    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added
