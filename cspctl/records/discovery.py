"""Finding the record files in a records folder, and showing their paths as findings do."""

from __future__ import annotations

import os
from operator import attrgetter
from pathlib import Path

SKIPPED_DIRS = {"templates", "node_modules", "__pycache__"}


def display_path(path: Path) -> str:
    """A path as findings show it: relative to the working directory when below it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def discover(root: Path) -> list[Path]:
    """Every YAML file below the records folder, in a stable order (hidden folders skipped)."""
    return [Path(name) for name in discover_names(root)]


def discover_names(root: Path) -> list[str]:
    """`discover` as plain strings (`root` joined with the path below it)."""
    return [name for name, _, _ in scan(root)]


FileStat = tuple[str, int, int]
"""A record file as found: its path (`root` joined with the path below it), modification time
in nanoseconds and size; -1 for both when it cannot be stat'ed (a broken link)."""


def scan(root: Path, leftovers: list[str] | None = None) -> list[FileStat]:
    """Every YAML file below the records folder with its stat, in `discover`'s order.

    One pass of `os.scandir`: a warm lint of a large folder does nothing else with the files,
    and this is about a third faster than walking, then stat'ing, then making Path objects.
    With `leftovers`, the temporary files of interrupted writes found are added to it."""
    found: list[FileStat] = []
    _scan(os.fspath(root), found, leftovers)
    return found


def is_leftover_temp(name: str) -> bool:
    """A temporary file of `atomic.atomic_write` (`.NAME.yaml.XXXX.tmp`) or the lock file of
    `guarded.locked` (`.NAME.yaml.lock`) that an interrupted write left, by its name."""
    return name.startswith(".") and name.endswith((".tmp", ".lock")) and (
        ".yaml." in name or ".yml." in name)


_NAME = attrgetter("name")


def _scan(folder: str, found: list[FileStat], leftovers: list[str] | None) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=_NAME)
    except OSError:
        return
    subfolders = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            if leftovers is not None and is_leftover_temp(name):
                leftovers.append(entry.path)
            continue
        if entry.is_dir(follow_symlinks=False):  # as os.walk: links to folders not followed
            if name not in SKIPPED_DIRS:
                subfolders.append(entry.path)
        elif name.endswith((".yaml", ".yml")):
            # A link, a FIFO or a device is listed too: reading it (`yamlio.text.read_bytes`)
            # refuses it with a located finding, where skipping it would hide it from review.
            try:
                info = entry.stat()
                found.append((entry.path, info.st_mtime_ns, info.st_size))
            except OSError:
                found.append((entry.path, -1, -1))
    for subfolder in subfolders:
        _scan(subfolder, found, leftovers)
