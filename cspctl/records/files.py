"""Files the records name by path: paper files, appendix files and the board's logo.

A path is relative to the records folder and must stay inside it, so a render or pack can
never be made to read, copy or link a file from elsewhere on the machine that builds it.
Lint (CSP502, CSP503) and the renderers ask the same questions here; the answers name the
problem, never the path (a restricted item's file name is restricted too).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")

LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp"}
"""The image types a logo may be, by file extension, with the media type it embeds as."""

LOGO_LIMIT = 2 * 1024 * 1024
"""The largest logo embedded (bytes): a logo is small, and every HTML paper carries it."""


class FileRefused(Exception):
    """A named file cannot be used; `reason` says why in words that never echo the path."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def unsafe(path: str, root: Path) -> str | None:
    """Why `path` is not a safe path below `root` (lint CSP503), or None when it is."""
    if not path.strip():
        return "is empty"
    if path.startswith(("/", "\\")) or _DRIVE.match(path):
        return "is absolute; write it relative to the records folder"
    if _SCHEME.match(path):
        return "is a URL; name a file inside the records folder"
    depth = 0
    for part in re.split(r"[\\/]", path):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "climbs out of the records folder with '..'"
        elif part not in ("", "."):
            depth += 1
    try:
        inside = (root / path).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        return "cannot be resolved inside the records folder"
    return None if inside else "leads outside the records folder through a symbolic link"


def missing(path: str, root: Path) -> str | None:
    """Why the safe `path` below `root` is not a regular file (lint CSP502), or None."""
    try:
        mode = os.stat(root / path).st_mode
    except FileNotFoundError:
        return "names no file in the records folder"
    except OSError:
        return "cannot be read"
    return None if stat.S_ISREG(mode) else "is not a regular file"


def check(path: str, root: Path) -> None:
    """Raise `FileRefused` unless `path` is a regular file inside `root`."""
    why = unsafe(path, root)
    if why:
        raise FileRefused("CSP503", why)
    why = missing(path, root)
    if why:
        raise FileRefused("CSP502", why)


def logo_problem(path: str) -> str | None:
    """Why `path` cannot be a logo by its kind (lint CSP503), or None."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in LOGO_TYPES:
        return "is not an image a paper can embed (" + ", ".join(sorted(LOGO_TYPES)) + ")"
    return None


def read_logo(path: str, root: Path) -> tuple[str, bytes]:
    """The media type and bytes of the logo at `path`, checked as lint checks it."""
    check(path, root)
    why = logo_problem(path)
    if why:
        raise FileRefused("CSP503", why)
    target = root / path
    if target.stat().st_size > LOGO_LIMIT:
        raise FileRefused("CSP503", f"is larger than {LOGO_LIMIT // (1024 * 1024)} MiB")
    try:
        data = target.read_bytes()
    except OSError:
        raise FileRefused("CSP502", "cannot be read") from None
    return LOGO_TYPES[os.path.splitext(path)[1].lower()], data
