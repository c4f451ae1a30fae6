"""`cspctl init`: start a board's records repository that lints clean from the first commit.

The folder is the records folder and the top of the board's git repository: the records, the
JSON Schemas editors validate against, a `.gitignore`, pre-commit hooks and a CI workflow.
Nothing in it speaks one board's words: the standing items are the ones most boards open and
close with, without durations, and everything else is left for the board to write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.errors import CspError
from cspctl.records.discovery import discover, display_path

RECORD_FILES = ("partnership.yaml", "people.yaml", "forward-plan.yaml")
RECORD_FOLDERS = ("meetings", "reports", "plans")

PARTNERSHIP_REST = """\
# The chairs, as names or with their terms: {name: Alice Brown, from: 2024-05-01, until: null}.
chairs: []
# When and where the board usually meets; every part is optional, for example
#   meetings: {weekday: Wednesday, start: "10:00", end: "12:00", venue: Town Hall}
# Items on every agenda, before (start) or after (end) the planned ones. Add presenters and
# durations (minutes) only when the board's papers give them.
standing_items:
  - {id: introductions, title: Introductions and Apologies, position: start}
  - {id: declarations-of-interest, title: Declarations of Interest, position: start}
  - {id: minutes-and-actions, title: Minutes of the Last Meeting and Actions, position: start}
  - {id: aob, title: Any Other Business, position: end}
"""

PEOPLE = """\
# Everyone the records name. Names resolve by id, name or alias; for example
#   - id: alice-brown
#     name: Alice Brown
#     aliases: [Councillor Brown]
#     role: Chair
#     organisation: district-council
#     email: alice.brown@example.org
people: []
# Groups can present or own actions; for example
#   - {id: all-partners, name: All Partners, description: Every partner agency on the board}
groups: []
# Organisations (agencies) attend, own actions and lead work; for example
#   - {id: district-council, name: District Council, aliases: [the Council]}
organisations: []
"""

FORWARD_PLAN = """\
# Future meetings and the items planned for each; for example
#   - date: 2025-03-26
#     items:
#       - {title: Strategic Assessment, presenters: [Alice Brown]}
meetings: []
"""

GITIGNORE = """\
# cspctl lint's cache
.cspctl-cache/
"""

LOCAL_HOOKS = """\
# pre-commit (https://pre-commit.com) runs cspctl's hooks on every commit: `pre-commit install`.
# These are the hooks of cspctl's .pre-commit-hooks.yaml, run by the cspctl installed here;
# `cspctl init --hooks-repo URL` writes them as a remote repository instead. The records are at
# the top of this repository, hence `--records .`; dot-files are not records.
repos:
  - repo: local
    hooks:
      - id: cspctl-lint
        name: cspctl lint
        entry: cspctl --records . lint
        language: system
        files: \\.ya?ml$
        exclude: ^\\.
      - id: cspctl-fmt
        name: cspctl fmt
        entry: cspctl --records . fmt
        language: system
        files: \\.ya?ml$
        exclude: ^\\.
"""

REMOTE_HOOKS = """\
# pre-commit (https://pre-commit.com) runs cspctl's hooks on every commit: `pre-commit install`.
# The records are at the top of this repository, hence `--records .`; dot-files are not records.
repos:
  - repo: {repo}
    rev: v{version}
    hooks:
      - id: cspctl-lint
        entry: cspctl --records . lint
        exclude: ^\\.
      - id: cspctl-fmt
        entry: cspctl --records . fmt
        exclude: ^\\.
"""

WORKFLOW = """\
# On every pull request: lint the records with the review rules against the target branch
# (findings appear as annotations on the changed lines), check they are in canonical form, and
# write the change in governance terms to the job summary (public content only).
name: records

on:
  pull_request:

permissions:
  contents: read

jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0          # diff and lint --base read the target branch's commits
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      # cspctl is not on PyPI: install the tagged release from the repository the board uses
      # (set the CSPCTL_REPO variable under Settings > Secrets and variables > Actions).
      - name: Install cspctl
        run: pip install "cspctl @ git+${{{{ vars.CSPCTL_REPO }}}}@v{version}"
      - name: Lint the records (review rules against the target branch)
        run: cspctl --records . lint --format github --base origin/${{{{ github.base_ref }}}}
      - name: Check the canonical form
        run: cspctl --records . fmt --check
      - name: Summarise the changes
        if: always()
        run: cspctl --records . diff origin/${{{{ github.base_ref }}}} HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"
"""


@dataclass
class Started:
    """What `init` did: the files written and the ones it found and left alone."""

    root: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def init_board(root: Path, name: str, authority: str | None = None,
               hooks_repo: str | None = None) -> Started:
    """Write a new board into `root` (created when missing); refuse a folder holding records."""
    name = plain_text(name, "--name")
    if not name:
        raise CspError("--name must name the board, e.g. --name \"Northtown Safer Communities Partnership\"")
    authority = plain_text(authority, "--authority") or None if authority is not None else None
    if hooks_repo is not None:
        hooks_repo = plain_text(hooks_repo, "--hooks-repo") or None
    _refuse_existing(root)
    records = _records(name, authority)
    support = _support_files(hooks_repo)
    started = Started(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for relative, (kind, text) in records.items():
            _write_record(root, relative, kind, text)
            started.written.append(relative)
        for relative, text in support.items():
            path = root / relative
            if path.exists() or path.is_symlink():
                started.kept.append(relative)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(root, path, text)
            started.written.append(relative)
    except OSError as exc:
        raise CspError(f"cannot write into {display_path(root)}: {exc.strerror}") from None
    return started


def plain_text(value: str, option: str) -> str:
    """An option's text, stripped; one line with no control or invisible characters, which
    lint would report in the record written from it (or which YAML cannot hold)."""
    import unicodedata

    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in value):
        raise CspError(f"{option} must be plain text on one line (no control or invisible characters)")
    return value.strip()


def _refuse_existing(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise CspError(f"{display_path(root)} is a file, not a folder")
    if not root.exists():
        return
    found = [f for f in (*RECORD_FILES, *RECORD_FOLDERS) if (root / f).exists() or (root / f).is_symlink()]
    found += [display_path(p) for p in discover(root)[:3] if p.name not in RECORD_FILES]
    if found:
        raise CspError(f"{display_path(root)} already holds records ({', '.join(found)}); "
                       "init starts a new board in an empty or new folder and overwrites nothing")


def _records(name: str, authority: str | None) -> dict[str, tuple[str, str]]:
    """Every record init writes, by path, in `fmt`'s canonical form with its modeline."""
    from cspctl.authoring.fmt import canonical_text
    from cspctl.records.roundtrip import rt_dump

    head: dict[str, Any] = {"name": name}
    if authority:
        head["authority"] = authority
    texts = {
        "partnership.yaml": ("partnership", rt_dump(head) + PARTNERSHIP_REST),
        "people.yaml": ("people", PEOPLE),
        "forward-plan.yaml": ("forward-plan", FORWARD_PLAN),
    }
    return {relative: (kind, canonical_text(kind, text, PurePosixPath(relative)))
            for relative, (kind, text) in texts.items()}


def _support_files(hooks_repo: str | None) -> dict[str, str]:
    from cspctl import __version__
    from cspctl.records.schema_export import SCHEMA_DIR, schema_files

    files = {f"{folder}/.gitkeep": "" for folder in RECORD_FOLDERS}
    files.update({f"{SCHEMA_DIR}/{file}": text for file, text in schema_files().items()})
    files[".gitignore"] = GITIGNORE
    hooks = REMOTE_HOOKS.format(repo=json.dumps(hooks_repo), version=__version__) if hooks_repo else LOCAL_HOOKS
    files[".pre-commit-config.yaml"] = hooks
    files[".github/workflows/records.yml"] = WORKFLOW.format(version=__version__)
    return files


def _write_record(root: Path, relative: str, kind: str, text: str) -> None:
    from cspctl.authoring.fmt import save_record
    from cspctl.records.guarded import absent

    save_record(absent(root / relative, root), kind, text)


def _write(root: Path, path: Path, text: str) -> None:
    from cspctl.records.atomic import atomic_write
    from cspctl.records.yamlio.text import YamlError

    try:
        atomic_write(path, text, root=root)
    except YamlError as exc:
        raise CspError(f"{display_path(path)}: {exc.message}") from None
