"""The one finding type every check yields and every reporter prints."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

Level = Literal["error", "warning"]

_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with every control character escaped (`\\n`, `\\x1b`, `\\u2028`): a newline in a
    file name or a person's name must not start a line of its own, which could forge a finding
    or a GitHub workflow command (`::error ...`) in text output."""
    if text.isprintable():
        return text
    return _BREAKING.sub(_escaped, text)


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    return named or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at `path:line:column` (1-based), sortable by position."""

    path: str
    line: int
    column: int
    code: str
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.code} {one_line(self.message)}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
