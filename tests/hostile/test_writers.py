"""Every writing command on every hostile case: never a traceback, and a file that lint
refuses is never rewritten (one message naming it instead). A file lint accepts is one the
writers can edit: fmt, approve and actions done either do their work or say why not."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.hostile.test_cases import EXPECTED, TARGETS, place

Cli = Callable[..., Result]
FORWARD_PLAN = "meetings:\n  - date: 2022-06-29\n"
WRITERS = {
    "fmt": ["fmt"],
    "approve": ["approve", "2022-03-30", "--at", "2022-06-29"],
    "done": ["actions", "done", "2022-03-30/1.1", "--on", "2022-04-01"],
}


def _unreadable(spec: dict[str, object]) -> bool:
    """Lint refuses the file itself (it does not load), not only something it says."""
    return str(spec.get("code", "CSP2"))[:4] in ("CSP0", "CSP1") and spec.get("level", "error") == "error"


MEETING_CASES = sorted(n for n, s in EXPECTED.items() if s.get("target", "meeting") == "meeting")
EVERY_WRITER = (set(MEETING_CASES) if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else
                {n for n in MEETING_CASES if not _unreadable(EXPECTED[n])} | set(MEETING_CASES[::10]))
"""Cases that approve and actions done take too: under `make test` every meeting case lint
accepts and a tenth of those it refuses (writes are slow on a shared disk); `make fuzz` all.
fmt, the writer that reads every kind, takes every case."""


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_writers_never_crash_and_never_rewrite_what_lint_refuses(
        name: str, cli: Cli, board: Callable[..., Path]) -> None:
    spec = EXPECTED[name]
    root, target = place(board, name)
    if not (root / "forward-plan.yaml").exists():
        (root / "forward-plan.yaml").write_text(FORWARD_PLAN, "utf-8")
    refused = _unreadable(spec)
    before = target.read_bytes()
    errors_before = set() if refused else _errors(cli, root)
    writers = sorted(WRITERS) if name in EVERY_WRITER else ["fmt"]
    for writer in writers:
        result = cli("--records", root, *WRITERS[writer])
        assert "Traceback" not in result.out + result.err, writer
        assert result.code in (0, 1), (writer, result.err)
        if refused:
            assert target.read_bytes() == before, f"{writer} rewrote a file lint refuses"
            if writer == "fmt":
                assert result.code == 1 and TARGETS[spec.get("target", "meeting")] in result.out
    if not refused:
        assert _errors(cli, root) <= errors_before  # the writers never make a record worse


def _errors(cli: Cli, root: Path) -> set[str]:
    lint = cli("--records", root, "lint", "--format", "json", "--no-cache")
    return {f["code"] for f in json.loads(lint.out) if f["level"] == "error"}


SHAPES = {
    "comment-before-value": ("venue: MS Teams\n", "venue: # moved online\n  MS Teams\n\n"),
    "block-scalar-opening-spaces-line": ("    minutes: |\n", "    minutes: |\n     \n"),
    "block-scalar-comment-glued": ("    minutes: |\n", "    minutes: |# note\n"),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_writers_on_the_shapes_ruamel_cannot_read_say_where(
        shape: str, writer: str, cli: Cli, board: Callable[..., Path]) -> None:
    """The shapes that crashed fmt, actions done and approve on files that passed lint."""
    from tests.conftest import MEETING

    old, new = SHAPES[shape]
    meeting = MEETING.replace(old, new)
    assert meeting != MEETING
    root = board(**{"forward-plan.yaml": FORWARD_PLAN})
    path = root / "meetings/2022-03-30.yaml"
    path.write_text(meeting, "utf-8")  # as written: the board fixture dedents (and so empties) lines of spaces
    words = WRITERS[writer] if writer != "done" else ["actions", "done", "2022-03-30/2.1"]
    lint = cli("--records", root, "lint")
    assert lint.code == 1 and "2022-03-30.yaml:" in lint.out and " CSP001 " in lint.out
    result = cli("--records", root, *words)
    assert result.code == 1 and "Traceback" not in result.err
    assert "2022-03-30.yaml" in result.out + result.err
    assert path.read_text("utf-8") == meeting
