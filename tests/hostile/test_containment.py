"""One containment rule for every file read: links leading outside the records folder, loops
of links, FIFOs and devices are refused with a located CSP007, by every command, never a
hang (a FIFO blocks whoever opens it) or a crash (`/dev/zero` says it holds 0 bytes).

Links travel in pull requests, so each of these can arrive in a checkout CI lints. Commands
run in a real process with a time limit: a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING

HOSTILE: dict[str, Callable[[Path, Path], None]] = {
    "link-outside": lambda p, outside: p.symlink_to(outside),
    "link-to-dev-zero": lambda p, _: p.symlink_to("/dev/zero"),
    "link-loop": lambda p, _: p.symlink_to(p.name),
    "link-pair-loop": lambda p, _: (p.symlink_to("other.yaml"),
                                    (p.parent / "other.yaml").symlink_to(p.name)),
    "dangling-link": lambda p, _: p.symlink_to("missing.yaml"),
    "fifo": lambda p, _: os.mkfifo(p),
}
COMMANDS = {
    "lint": ["lint"],
    "fmt": ["fmt"],
    "render": ["render", "minutes", "2022-06-29"],
    "done": ["actions", "done", "2022-06-29/2.1"],
}


def _run(root: Path, words: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TERM": "dumb", "XDG_CACHE_HOME": str(tmp / "xdg")}
    return subprocess.run([sys.executable, "-m", "cspctl", "--records", str(root), *words],
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_every_command_refuses_what_is_no_plain_file_inside(
        hostile: str, board: Callable[..., Path], tmp_path: Path) -> None:
    root = board()
    outside = tmp_path / "secret.yaml"
    secret = MEETING.replace("2022-03-30", "2022-06-29").replace("circulate the figures", "SECRET-7Y")
    outside.write_text(secret, "utf-8")
    record = root / "meetings" / "2022-06-29.yaml"
    HOSTILE[hostile](record, outside)
    for name, words in COMMANDS.items():
        result = _run(root, words, tmp_path)
        shown = result.stdout
        assert "Traceback" not in shown + result.stderr, (name, result.stderr)
        assert "SECRET-7Y" not in shown + result.stderr, name  # never read, never shown
        assert result.returncode in (0, 1), (name, result.stderr)
        if name.startswith("lint"):
            assert result.returncode == 1 and "2022-06-29.yaml" in shown and "CSP007" in shown, shown
    assert outside.read_text("utf-8") == secret
