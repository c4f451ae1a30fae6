"""The one lock-and-compare of every command that rewrites or creates a record.

A writer reads the file (`read_for_update`: by the containment rule of every read, its bytes
remembered), works out the new text, and writes it with `write_if_unchanged`: that takes an
advisory lock (`fcntl.flock` on a lock file beside the record), reads the file again and
refuses to write if its bytes are not the ones read. Two commands racing on one file so never
lose an update: the second either sees the first one's result (both apply, in order) or
refuses with a message to run it again.

Under the lock no other cspctl command is writing the file, so temporary files of an
interrupted write (`.NAME.yaml.XXXX.tmp`) are removed there; lint reports them (CSP009).
A file written with CRLF line endings keeps them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cspctl.errors import CspError
from cspctl.records.discovery import display_path, is_leftover_temp
from cspctl.records.yamlio.text import YamlError, decode, read_bytes

LOCK_WAIT = 10.0
"""Seconds a writer waits for another one to finish with the same file."""


@dataclass(frozen=True)
class Snapshot:
    """A record file as a writer read it: `raw` its bytes (None: it did not exist), `text` its
    text with LF line endings (what ruamel edits), `crlf` whether it was written with CRLF."""

    path: Path
    root: Path
    raw: bytes | None
    text: str
    crlf: bool = False

    @property
    def shown(self) -> str:
        return display_path(self.path)


def read_for_update(path: Path, root: Path) -> Snapshot:
    """Read a record to rewrite it (a `YamlError` when it cannot be read)."""
    raw = read_bytes(path, root=root)
    text = decode(raw)
    crlf = "\r\n" in text
    return Snapshot(path, root, raw, text.replace("\r\n", "\n") if crlf else text, crlf)


def absent(path: Path, root: Path) -> Snapshot:
    """A file about to be created: the write refuses if one appears meanwhile."""
    return Snapshot(path, root, None, "")


def write_if_unchanged(snapshot: Snapshot, text: str) -> bool:
    """Write `text` over the file read as `snapshot`, unless it changed since (a `CspError`).

    Returns False when the bytes would not change."""
    from cspctl.records.atomic import atomic_write

    if snapshot.crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    path, shown = snapshot.path, snapshot.shown
    with locked(path):
        if _current(snapshot) != snapshot.raw:
            what = "was created" if snapshot.raw is None else "changed"
            raise CspError(f"{shown} {what} since cspctl read it (another command or an editor "
                           "wrote it); nothing was written: run the command again")
        remove_leftover_temps(path)
        try:
            return atomic_write(path, text, root=snapshot.root)
        except YamlError as exc:
            raise CspError(f"{shown}: {exc.message}") from None
        except OSError as exc:
            raise CspError(f"cannot write {shown}: {exc.strerror}") from None


def _current(snapshot: Snapshot) -> bytes | None:
    if not os.path.lexists(snapshot.path):
        return None
    try:
        return read_bytes(snapshot.path, root=snapshot.root)
    except YamlError as exc:
        raise CspError(f"{snapshot.shown}: {exc.message}; nothing was written") from None


@contextmanager
def locked(path: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the advisory lock of `path`: `fcntl.flock` on `.NAME.lock` beside it.

    The holder removes the lock file before letting go, so none is left behind; a waiter that
    then wins the lock of a removed file notices (the name no longer leads to the file it
    locked) and tries again."""
    import fcntl

    lock = path.parent / f".{path.name}.lock"
    deadline = time.monotonic() + wait
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            fd = os.open(lock, flags, 0o600)
        except OSError as exc:
            raise CspError(f"cannot lock {display_path(path)}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise CspError(f"another command is writing {display_path(path)}; try again") from None
            time.sleep(0.02)
            continue
        if _same_file(fd, lock):
            break
        os.close(fd)
    try:
        yield
    finally:
        try:
            os.unlink(lock)
        except OSError:
            pass
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def remove_leftover_temps(path: Path) -> list[str]:
    """Remove the temporary files an interrupted write of `path` left; their names."""
    removed: list[str] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    prefix = f".{path.name}."
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp") and is_leftover_temp(name):
            try:
                os.unlink(path.parent / name)
                removed.append(name)
            except OSError:
                pass
    return removed


RECORD_FOLDERS = ("meetings", "reports", "plans")


def refuse_output_into_records(root: Path, output: Path, what: str = "--output") -> None:
    """A rendered document or a reminder never lands on a record: refuse an output that is the
    records folder, inside its record folders (meetings/, reports/, plans/), or a YAML file in
    it (rendered text, even confidential, over a meeting record is lost data or a leak)."""
    base = Path(os.path.realpath(root))
    target = Path(os.path.realpath(output))
    if target != base and not target.is_relative_to(base):
        return
    relative = target.relative_to(base)
    if (target == base or (relative.parts and relative.parts[0] in RECORD_FOLDERS)
            or target.suffix in (".yaml", ".yml")):
        raise CspError(f"refusing to write {what} {display_path(output)}: it is inside the records "
                       f"folder {display_path(root)} (its records, or where they go); choose a "
                       "path outside it", 2)
