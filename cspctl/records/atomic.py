"""The one way any command replaces a file: atomically, in place, never through a link."""

from __future__ import annotations

from pathlib import Path

from cspctl.records.yamlio.text import YamlError


def atomic_write(path: Path, text: str | bytes, *, root: Path | None = None) -> bool:
    """Replace `path` with `text` (or bytes) atomically; False when the bytes would not change.

    The new content goes to a temporary file in the same folder (never named like a record),
    is flushed to disk, takes the old file's permissions, and replaces the file in one rename.
    A symlink, or a path that resolves outside `root`, is refused rather than followed.
    """
    import os
    import tempfile

    if path.is_symlink():
        raise YamlError(1, 1, "CSP007", "refusing to write through a symbolic link")
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise YamlError(1, 1, "CSP007", "refusing to write outside the records folder")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644 & ~_umask()
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return True
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)
    return True


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current
