"""The bytes a loaded file travels as: from worker processes, and into and out of the cache.

`marshal`, not pickle: it reads documents back a little faster (0.073 s against 0.092 s for a
400-meeting folder, bench/storage.py), the data without positions in a quarter of that, and
reading bytes back never runs code. Models are not included: rebuilding them by validation
costs about what unpickling them would (0.080 s against 0.055 s for the same folder).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from typing import Any

from cspctl.problem import Problem
from cspctl.yamlio import Document, Path_


class PackedDocument(Document):
    """A document whose positions stay packed (marshal bytes) until something asks for one.

    Checks read the data of every file but the positions of only the values they report, and
    unpacking the positions is most of the cost of reading a document back (measured)."""

    def __init__(self, data: Any, positions: bytes) -> None:  # fields are properties here
        self.data = data
        self._packed = positions
        self._tables: tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]] | None = None

    def _unpack(self) -> tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
        if self._tables is None:
            values, keys = marshal.loads(self._packed)
            self._tables = (values, keys)
        return self._tables

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:  # type: ignore[override]
        return self._unpack()[0]

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:  # type: ignore[override]
        return self._unpack()[1]

    def packed_positions(self) -> bytes:
        return self._packed if self._tables is None else marshal.dumps(self._tables)


def pack(kind: str | None, document: Document | None, problems: Iterable[Problem]) -> bytes:
    """One file's load result (without its model) as bytes."""
    doc: tuple[Any, bytes] | None = None
    if isinstance(document, PackedDocument):
        doc = (document.data, document.packed_positions())
    elif document is not None:
        doc = (document.data, marshal.dumps((document.values, document.keys)))
    found = [(p.line, p.column, p.code, p.level, p.message) for p in problems]
    return marshal.dumps((kind, doc, found))


def unpack(blob: bytes, shown: str) -> tuple[str | None, Document | None, list[Problem]]:
    """The inverse of `pack`; problems are re-attached to the file as it is shown now."""
    kind, doc, found = marshal.loads(blob)
    document = None if doc is None else PackedDocument(doc[0], doc[1])
    return kind, document, [Problem(shown, *p) for p in found]
