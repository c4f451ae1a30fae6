"""Writing commands killed mid-write (SIGKILL, in a real process) or failing to replace the
file leave the old record intact; permissions are kept; symlinks out of the records folder
are refused.

The kill uses a `sitecustomize.py` written into the test's own temporary folder and put on
PYTHONPATH for the child only: it stalls the child at a chosen point of the write and
says when it got there.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, Result
from tests.hostile.safety import command_exists

Cli = Callable[..., Result]
MEETING_FILE = "meetings/2022-03-30.yaml"
UNFORMATTED = MEETING.replace("status: drafted\n", "") + "status:    drafted\n"

HOOK = textwrap.dedent('''
    """Test hook: stall the process at one point of a write and signal readiness."""
    import os
    import time

    _ready = os.environ["CSPCTL_TEST_READY"]
    _mode = os.environ["CSPCTL_TEST_STALL"]


    def _stall():
        with open(_ready, "w") as marker:
            marker.write(str(os.getpid()))
        time.sleep(600)


    if _mode == "before-replace":
        def _replace(*args, **kwargs):
            _stall()
        os.replace = _replace
    elif _mode == "torn-write":
        _fdopen = os.fdopen

        class _Torn:
            def __init__(self, handle):
                self.handle = handle
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                self.handle.close()
            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                _stall()

        def _fdopen_hook(fd, mode="r", *args, **kwargs):
            handle = _fdopen(fd, mode, *args, **kwargs)
            return _Torn(handle) if "w" in mode else handle
        os.fdopen = _fdopen_hook
''')

COMMANDS = {
    "fmt": ("fmt",),
    "actions-done": ("actions", "done", "2022-03-30/2.1", "--on", "2022-04-01"),
}
STARTING_TEXT = {"fmt": UNFORMATTED, "actions-done": MEETING}
"""fmt needs something to reformat; `actions done` edits only the action's lines of a file
already in canonical layout."""


def _skip_unless(words: tuple[str, ...]) -> None:
    name = words[:2] if words[0] == "actions" else words[:1]
    if not command_exists(*name):
        pytest.skip(f"cspctl {' '.join(name)} is not built yet")


def _records(board: Callable[..., Path], command: str) -> tuple[Path, Path, bytes]:
    root = board(**{MEETING_FILE: STARTING_TEXT[command]})
    path = root / MEETING_FILE
    path.chmod(0o640)
    return root, path, path.read_bytes()


@pytest.mark.parametrize("stall", ["before-replace", "torn-write"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_sigkill_mid_write_leaves_the_old_file_intact(
    command: str, stall: str, tmp_path: Path, board: Callable[..., Path], cli: Cli
) -> None:
    words = COMMANDS[command]
    _skip_unless(words)
    root, path, before = _records(board, command)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    ready = tmp_path / "ready"
    env = {**os.environ, "PYTHONPATH": str(hook), "CSPCTL_TEST_READY": str(ready),
           "CSPCTL_TEST_STALL": stall, "TERM": "dumb"}
    child = subprocess.Popen([sys.executable, "-m", "cspctl", "--records", str(root), *words],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # the child stalls inside the write; wait for it to get there
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert ready.exists(), child.communicate()[1].decode()
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()

    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    leftovers = sorted(p.name for p in root.rglob(".*") if p.is_file())
    record = ".partnership.yaml." if command == "fmt" else ".2022-03-30.yaml."  # fmt: the first file
    assert leftovers and all(n.startswith(record) and n.endswith((".tmp", ".lock"))
                             for n in leftovers), leftovers
    after = cli("--records", root, "lint", "--format", "json")
    assert after.code == 0 and "CSP005" not in after.out  # a leftover is never read as a record
    # ... but each is reported (CSP009, a warning naming it), and the next write removes them
    warned = sorted(Path(f["path"]).name for f in json.loads(after.out) if f["code"] == "CSP009")
    assert warned == leftovers
    again = cli("--records", root, *words)  # and the command still works afterwards
    assert again.code == 0, again.err
    assert path.read_bytes() != before and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in root.rglob(".*") if p.is_file()] == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_failed_replace_is_one_message_and_changes_nothing(
    command: str, board: Callable[..., Path], cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = COMMANDS[command]
    _skip_unless(words)
    root, path, before = _records(board, command)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = cli("--records", root, *words)
    monkeypatch.undo()
    assert result.code == 1
    assert result.err.startswith("cspctl: ") and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["2022-03-30.yaml"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_writing_commands_keep_permissions(command: str, board: Callable[..., Path], cli: Cli) -> None:
    words = COMMANDS[command]
    _skip_unless(words)
    root, path, before = _records(board, command)
    assert cli("--records", root, *words).code == 0
    assert path.read_bytes() != before
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("layout", ["file-link", "folder-link"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_symlinks_out_of_the_records_folder_are_refused(
    command: str, layout: str, tmp_path: Path, board: Callable[..., Path], cli: Cli
) -> None:
    words = COMMANDS[command]
    _skip_unless(words)
    root = board(**{MEETING_FILE: None})
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "2022-03-30.yaml"
    target.write_text(STARTING_TEXT[command], encoding="utf-8")
    if layout == "file-link":
        (root / "meetings").mkdir()
        (root / MEETING_FILE).symlink_to(target)
    else:
        (root / "meetings").symlink_to(outside, target_is_directory=True)
    explicit = (root / MEETING_FILE,) if command == "fmt" else ()  # named through the link
    result = cli("--records", root, *words, *explicit)
    assert result.code == 1, result.out + result.err
    assert result.err.startswith("cspctl: ") or "CSP007" in result.out
    assert "Traceback" not in result.err
    assert target.read_text("utf-8") == STARTING_TEXT[command]
    assert sorted(p.name for p in outside.iterdir()) == ["2022-03-30.yaml"]
