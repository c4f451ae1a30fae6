"""Two writers on one file never lose an update: lock-and-compare (`records.guarded`).

Each writer reads the file, remembers its bytes, and writes only if, under the lock, the file
is still as read. So of two commands racing, either both apply (one after the other) or the
later one refuses with a message and writes nothing. Real processes race here; a second test
makes the interleaving certain by changing the file between a command's read and its write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, Result

Cli = Callable[..., Result]
TWO_ACTIONS = MEETING + """\
      - id: 2022-03-30/2.2
        owners: [Pat Chair]
        description: write to the council
"""
FORWARD_PLAN = """\
meetings:
  - date: 2022-06-29
"""
REFUSALS = ("changed since cspctl read it", "another command is writing")

WRITERS = {
    "done+update": (["actions", "done", "2022-03-30/2.1", "--on", "2022-04-01"],
                    ["actions", "update", "2022-03-30/2.2", "--note", "Letter drafted", "--on", "2022-04-02"]),
    "update+update": (["actions", "update", "2022-03-30/2.1", "--note", "Figures sent", "--on", "2022-04-01"],
                      ["actions", "update", "2022-03-30/2.2", "--note", "Letter drafted", "--on", "2022-04-02"]),
    "approve+done": (["approve", "2022-03-30", "--at", "2022-06-29"],
                     ["actions", "done", "2022-03-30/2.2", "--on", "2022-04-01"]),
}
EFFECTS = {
    "actions done 2022-03-30/2.1": "completed_on: 2022-04-01",
    "actions done 2022-03-30/2.2": "completed_on: 2022-04-01",
    "actions update 2022-03-30/2.1": "Figures sent",
    "actions update 2022-03-30/2.2": "Letter drafted",
    "approve 2022-03-30": "approved_at: 2022-06-29",
}


def _effect(words: list[str]) -> str:
    return EFFECTS[" ".join(words[:3]) if words[0] == "actions" else " ".join(words[:2])]


@pytest.mark.parametrize("pair", sorted(WRITERS))
def test_racing_processes_never_lose_an_update(pair: str, board: Callable[..., Path]) -> None:
    env = {**os.environ, "TERM": "dumb", "XDG_CACHE_HOME": str(Path(board().parent / "xdg"))}
    for _ in range(4):
        root = board(**{"meetings/2022-03-30.yaml": TWO_ACTIONS, "forward-plan.yaml": FORWARD_PLAN})
        first, second = WRITERS[pair]
        children = [subprocess.Popen([sys.executable, "-m", "cspctl", "--records", str(root), *words],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                    for words in (first, second)]
        outcomes = [(child.wait(timeout=120), child.communicate()[1].decode()) for child in children]
        final = (root / "meetings/2022-03-30.yaml").read_text("utf-8")
        for words, (code, err) in zip((first, second), outcomes, strict=True):
            assert "Traceback" not in err
            if code == 0:
                assert _effect(words) in final, (words, final)  # it said it applied: it did
            else:
                assert code == 1 and any(r in err for r in REFUSALS), err
                assert _effect(words) not in final
        assert any(code == 0 for code, _ in outcomes)  # one of them always wins
        assert [p.name for p in root.rglob(".*") if p.is_file()] == []  # no lock or temp left


@pytest.mark.parametrize("pair", sorted(WRITERS))
def test_a_file_changed_between_read_and_write_is_not_overwritten(
        pair: str, board: Callable[..., Path], cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second command reads, the first one writes, then the second one tries to write."""
    import cspctl.records.guarded as guarded

    root = board(**{"meetings/2022-03-30.yaml": TWO_ACTIONS, "forward-plan.yaml": FORWARD_PLAN})
    first, second = WRITERS[pair]
    real = guarded.write_if_unchanged
    path = root / "meetings/2022-03-30.yaml"

    def interleaved(snapshot: guarded.Snapshot, text: str) -> bool:
        monkeypatch.setattr(guarded, "write_if_unchanged", real)
        assert cli("--records", root, *first).code == 0  # the other writer gets in first
        return real(snapshot, text)

    monkeypatch.setattr(guarded, "write_if_unchanged", interleaved)
    result = cli("--records", root, *second)
    assert result.code == 1 and "changed since cspctl read it" in result.err
    assert "nothing was written" in result.err
    final = path.read_text("utf-8")
    assert _effect(first) in final and _effect(second) not in final
    assert cli("--records", root, *second).code == 0  # run again, it applies on top
    final = path.read_text("utf-8")
    assert _effect(first) in final and _effect(second) in final


def test_a_file_changed_after_loading_is_refused_before_editing(
        board: Callable[..., Path], cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the command decided on (the loaded records) must still be the file it edits."""
    import cspctl.authoring.fmt as fmt

    root = board(**{"meetings/2022-03-30.yaml": TWO_ACTIONS, "forward-plan.yaml": FORWARD_PLAN})
    path = root / "meetings/2022-03-30.yaml"
    real = fmt._validated

    def edited_meanwhile(*args: object, **kwargs: object) -> object:
        path.write_text(TWO_ACTIONS.replace("status: drafted", "status: held"), "utf-8")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fmt, "_validated", edited_meanwhile)
    result = cli("--records", root, "approve", "2022-03-30", "--at", "2022-06-29")
    assert result.code == 1 and "changed since cspctl read it" in result.err
    assert "status: held" in path.read_text("utf-8") and "approved" not in path.read_text("utf-8")


@pytest.mark.parametrize("words", [
    ["actions", "done", "2022-03-30/2.1", "--on", "2022-04-01"],
    ["actions", "update", "2022-03-30/2.1", "--note", "Figures sent", "--on", "2022-04-01"],
    ["approve", "2022-03-30", "--at", "2022-06-29"],
], ids=["done", "update", "approve"])
def test_crlf_line_endings_are_kept(words: list[str], board: Callable[..., Path], cli: Cli) -> None:
    root = board(**{"forward-plan.yaml": FORWARD_PLAN})
    path = root / "meetings/2022-03-30.yaml"
    path.write_bytes(MEETING.replace("\n", "\r\n").encode())
    result = cli("--records", root, *words)
    assert result.code == 0, result.err
    raw = path.read_bytes()
    assert _effect(words).encode() in raw
    assert raw.count(b"\n") == raw.count(b"\r\n") > MEETING.count("\n")


def test_a_stale_temporary_file_is_reported_then_removed_by_the_next_write(
        board: Callable[..., Path], cli: Cli) -> None:
    root = board()
    stale = root / "meetings" / ".2022-03-30.yaml.k3j2h1.tmp"
    stale.write_text("half a record", "utf-8")
    lint = cli("--records", root, "lint")
    assert f"{stale.as_posix()}:1:1: CSP009 left by an interrupted write" in lint.out
    assert lint.code == 0 and cli("--records", root, "lint", "--strict").code == 1
    assert cli("--records", root, "actions", "done", "2022-03-30/2.1", "--on", "2022-04-01").code == 0
    assert not stale.exists()
    assert "CSP009" not in cli("--records", root, "lint").out


def test_new_refuses_a_file_created_while_it_was_working(
        board: Callable[..., Path], cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import cspctl.records.guarded as guarded

    root = board(**{"forward-plan.yaml": FORWARD_PLAN})
    path = root / "meetings/2022-06-29.yaml"
    theirs = MEETING.replace("2022-03-30", "2022-06-29")
    real = guarded.write_if_unchanged

    def someone_else_first(snapshot: guarded.Snapshot, text: str) -> bool:
        path.write_text(theirs, "utf-8")  # another writer creates the file meanwhile
        return real(snapshot, text)

    monkeypatch.setattr(guarded, "write_if_unchanged", someone_else_first)
    result = cli("--records", root, "new", "meeting", "2022-06-29")
    assert result.code == 1 and "was created since cspctl read it" in result.err
    assert path.read_text("utf-8") == theirs
