"""Shared fixtures: record trees built inline per test, and the CLI as a user runs it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cspctl.cli import main
from tests.browser import browser, browser_page  # noqa: F401  (fixtures for the browser tests)

REPO = Path(__file__).resolve().parent.parent
SEED_RECORDS = REPO / "records"

PARTNERSHIP = """\
name: Test Community Safety Partnership
chairs: [Pat Chair]
meetings: {weekday: Wednesday, start: "10:00", end: "13:00", venue: MS Teams}
standing_items:
  - {id: introductions, title: Introductions and Apologies, presenters: [Chair], duration: 5, position: start}
  - {id: aob, title: AOB, presenters: [Chair], duration: 5, position: end, subgroup_updates: true}
subgroups:
  - {id: ivolt, name: IVOLT, leads: [Sam Lead]}
"""

PEOPLE = """\
people:
  - {id: pat-chair, name: Pat Chair, role: Chair}
  - {id: sam-lead, name: Sam Lead, aliases: [Samuel Lead]}
  - {id: jo-officer, name: Jo Officer, email: jo@example.org}
groups:
  - {id: chair, name: Chair, members: [pat-chair]}
  - {id: board-chairs, name: Board Chairs, members: [pat-chair, sam-lead]}
"""

MEETING = """\
date: 2022-03-30
start: "10:00"
end: "13:00"
venue: MS Teams
chair: Pat Chair
note_taker: Jo Officer
status: drafted
attendance:
  present: [Pat Chair, Sam Lead]
  apologies: [Jo Officer]
items:
  - title: Introductions and Apologies
    kind: standing
    duration: 5
  - title: Violence performance
    presenters: [Sam Lead]
    duration: 20
    minutes: |
      The board noted the figures.
    actions:
      - id: 2022-03-30/2.1
        owners: [Samuel Lead]
        description: circulate the figures
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, not in tests/render/ or tests/boards/: an option may be added only once.
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files (tests/golden/, tests/boards/*/golden/) from the "
                     "current renders instead of comparing.")


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def board(tmp_path: Path) -> Callable[..., Path]:
    """A minimal valid board; keyword files override or add (None removes)."""

    def make(**overrides: str | None) -> Path:
        files: dict[str, str | None] = {
            "partnership.yaml": PARTNERSHIP,
            "people.yaml": PEOPLE,
            "meetings/2022-03-30.yaml": MEETING,
        }
        for key, value in overrides.items():
            files[key.replace("__", "/").replace("_yaml", ".yaml")] = value
        root = tmp_path / "records"
        root.mkdir(exist_ok=True)
        return write_tree(root, {k: v for k, v in files.items() if v is not None})

    return make


# The environment of git commits made by tests: a fixed author, none of the user's git settings.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
    "GIT_COMMITTER_NAME": "Test Officer", "GIT_COMMITTER_EMAIL": "officer@example.org",
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
}


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Result]:
    """Run cspctl in-process through its real entry point."""
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("CSPCTL_RECORDS", raising=False)
    # The lint cache's signing key lives in the user's cache folder: keep tests out of ~/.cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
