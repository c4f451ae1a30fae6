"""Fixtures for the performance machinery: a small generated corpus, and a cache key kept
away from the user's real cache folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache key goes to a temporary folder, never to ~/.cache."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A generated board of a few meetings (the benchmark's generator, scaled down)."""
    sys.path.insert(0, str(BENCH))
    try:
        from gen_corpus import generate
    finally:
        sys.path.remove(str(BENCH))
    root = tmp_path / "records"
    generate(4, root, seed=7)
    return root
