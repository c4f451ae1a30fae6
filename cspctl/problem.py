"""The one finding type every check yields and every reporter prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Level = Literal["error", "warning"]


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
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
