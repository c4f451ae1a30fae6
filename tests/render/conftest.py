"""Render test helpers: golden files behind --update-golden, and the seed records loaded once.

Regenerate the goldens with `pytest tests/render --update-golden` (or, from any directory,
`CSPCTL_UPDATE_GOLDEN=1 pytest`), then review the diff like code.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.records.store import Records, load_records
from tests.conftest import SEED_RECORDS

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.fixture(scope="session")
def seed() -> Records:
    return load_records(SEED_RECORDS)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    """Compare bytes with tests/golden/<name> byte for byte, or rewrite it when updating."""
    return golden_files(request, GOLDEN)


PROVENANCE = re.compile(rb"Made (?:from the records as committed on|on) [^\n<]*?\.(?=\n|<|$)")


def without_provenance(data: bytes) -> bytes:
    """The document with its footer sentence on which records it was made from (a commit and a
    date that move with every commit of the test boards) in one fixed form, so golden files
    stay the same while the sentence's place and markup are still compared."""
    return PROVENANCE.sub(b"Made from the records as committed on DATE (commit COMMIT).", data)


def golden_files(request: pytest.FixtureRequest, folder: Path) -> Callable[[str, bytes], None]:
    """The golden comparison for the files of `folder` (a test board keeps its own)."""
    update = bool(request.config.getoption("--update-golden", default=False)) or \
        os.environ.get("CSPCTL_UPDATE_GOLDEN") == "1"

    def check(name: str, data: bytes) -> None:
        data = without_provenance(data)
        path = folder / name
        if update:
            folder.mkdir(exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            return
        assert path.exists(), f"no golden file {path}: run `pytest tests/render --update-golden`"
        expected = path.read_bytes()
        if expected != data:
            diff = "".join(difflib.unified_diff(
                expected.decode().splitlines(keepends=True), data.decode().splitlines(keepends=True),
                f"{folder.name}/{name}", "rendered", n=2))
            pytest.fail(f"{name} differs from its golden file:\n{diff[:4000]}")

    return check
