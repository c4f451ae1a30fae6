"""A real git repository holding the seed records, for the review commands (no mocks of git)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import GIT_IDENTITY, SEED_RECORDS


@dataclass
class GitRepo:
    """A throwaway repository: the seed records committed on `main`."""

    root: Path

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=True)
        return done.stdout

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str) -> None:
        self.git("checkout", "-q", "-b", name)

    def status(self) -> str:
        """Working tree and index, as `git status` sees them (with untracked files)."""
        return self.git("status", "--porcelain=v1", "--untracked-files=all")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The seed board committed on `main`; the working directory is the repository."""
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    root = tmp_path / "board"
    root.mkdir()
    shutil.copytree(SEED_RECORDS, root / "records")
    (root / ".gitignore").write_text(".cspctl-cache/\n", encoding="utf-8")  # lint's cache, as a board repo has
    made = GitRepo(root)
    made.git("init", "-q", "-b", "main")
    made.commit("seed records")
    monkeypatch.chdir(root)
    return made
