"""A record's text before any parsing: its limits, the characters refused in it, located errors.

Every other reading module raises `YamlError`, with a 1-based line and column, from here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MAX_BYTES = 2 * 1024 * 1024

MAX_DEPTH = 64

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and sequence indexes from the root."""

BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"

BAD_CHARS = re.compile(f"[{BAD}]")
"""C0/C1 controls, NEL and the Unicode line separators (parsers disagree on where lines break),
byte-order marks and non-characters: refused in the raw text and in escaped scalars alike."""

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

INVISIBLE = "\u180e\u200b-\u200d\u2060-\u2064\U000e0000-\U000e007f"

HIDDEN_CHARS = re.compile(f"[{BIDI}{INVISIBLE}]")
"""Characters that reorder or hide text: allowed, but lint warns of them (CSP203). Parsing
notes whether a text holds any (`Document.hidden`), in the same pass that refuses `BAD`."""

_SCANNED = re.compile(f"[{BAD}{BIDI}{INVISIBLE}]")

CORE = "tag:yaml.org,2002:"

PLAIN = "?"
"""The tag both composers give an untagged plain scalar; only those get implicit typing."""

STR, SEQ, MAP = CORE + "str", CORE + "seq", CORE + "map"


class YamlError(Exception):
    """A file that cannot be read as a record: where, a stable code, and a message."""

    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.code = code
        self.message = message


Positions = tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]
"""Where each value and each mapping key of a document starts: 1-based line and column."""


def read_text(path: Path, max_bytes: int = MAX_BYTES, *, root: Path | None = None) -> str:
    """Read a record file as text, refusing what YAML parsers would mangle or misplace."""
    return decode(read_bytes(path, max_bytes, root=root))


def read_bytes(path: Path | str, max_bytes: int = MAX_BYTES, *, root: Path | str | None = None) -> bytes:
    """A record file's bytes, by the one containment rule every read and write follows.

    Only a regular file is read: a FIFO (which would block), a device (`/dev/zero` says it
    holds 0 bytes and never ends) or a folder is refused, and never more than `max_bytes` is
    read whatever its size claims. A symbolic link is followed only to a file inside `root`
    (the records folder); one leading outside it, or a loop of links, is refused. Links travel
    in pull requests, so a proposed change must not be able to hang or crash a check.
    """
    import errno
    import os
    import stat

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
        fd = os.open(contained_target(path, root), flags & ~getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise YamlError(1, 1, "CSP007", "not a regular file (a FIFO, device or folder); "
                                            "records are plain files")
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_bytes)
        chunks, total = [], 0
        while chunk := os.read(fd, max_bytes + 1 - total):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _too_large(total, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
    finally:
        os.close(fd)


def contained_target(path: Path | str, root: Path | str | None) -> str:
    """Where the symbolic link `path` leads, when that is inside `root`; else a `YamlError`."""
    import errno
    import os

    try:
        target = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            raise YamlError(1, 1, "CSP007", "a loop of symbolic links") from None
        raise YamlError(1, 1, "CSP007", "a symbolic link to nothing (its target is missing)") from None
    if root is not None:
        base = os.path.realpath(root)
        if os.path.commonpath([base, target]) != base:
            raise YamlError(1, 1, "CSP007", "a symbolic link to a file outside the records folder; "
                                            "not read")
    return target


def _too_large(size: int, max_bytes: int) -> YamlError:
    return YamlError(1, 1, "CSP004", f"file is too large ({size} bytes; records are at most {max_bytes})")


def decode(raw: bytes) -> str:
    """UTF-8 (an opening byte-order mark allowed) or a located error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(1, 1, "CSP004", "file is UTF-16; records must be UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = offset_position(raw[: exc.start].decode("utf-8", "replace"), None)
        raise YamlError(line, col, "CSP004", "file is not valid UTF-8 text") from None
    return text


def scan_text(text: str) -> bool:
    """Refuse a text with a `BAD` character; tell whether any value may hold a hidden one
    (the text holds one, or a backslash: a double-quoted escape such as `"\\u200b"` makes one)."""
    found = _SCANNED.search(text)
    if found is None:
        return "\\" in text
    bad = found if BAD_CHARS.match(found.group()) else BAD_CHARS.search(text, found.end())
    if bad:
        line, col = offset_position(text, bad.start())
        raise bad_char(bad.group(), line, col)
    return True


def not_a_character(line: int, col: int) -> YamlError:
    return YamlError(line, col, "CSP004", "an escape (\\u or \\U) that is not a Unicode character, such "
                                          "as half of a surrogate pair; write the character itself")


def bad_char(char: str, line: int, col: int) -> YamlError:
    what = "byte-order mark" if char == "\ufeff" else "control character"
    return YamlError(line, col, "CSP004", f"{what} U+{ord(char):04X} is not allowed")


def where(node: Any) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def node_error(node: Any, code: str, message: str) -> YamlError:
    line, col = where(node)
    return YamlError(line, col, code, message)


def offset_position(text: str, offset: int | None) -> tuple[int, int]:
    head = text if offset is None else text[:offset]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1  # as YAML counts lines
    return line, len(head) - (max(head.rfind("\n"), head.rfind("\r")) + 1) + 1


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
