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


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a record file as text, refusing what YAML parsers would mangle or misplace."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
    if size > max_bytes:
        raise YamlError(
            1, 1, "CSP004", f"file is too large ({size} bytes; records are at most {max_bytes})"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
    return decode(raw)


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
