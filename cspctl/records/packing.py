"""The bytes a loaded file travels as: from worker processes, and into and out of the cache.

`marshal`, not pickle: it reads plain data back faster and never runs code. A document travels
as its data alone: positions are found again, from the file, only when a finding needs one
(see `yamlio.Document`), so nothing is spent carrying the text or positions of the many files
that have no finding. Models are not included: rebuilding them by validation costs about what
unpickling them would (bench/loading.py).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from pathlib import Path

from cspctl.problem import Problem
from cspctl.records.yamlio.read import Document


def pack(kind: str | None, document: Document | None, problems: Iterable[Problem]) -> bytes:
    """One file's load result (without its model, text or positions) as bytes."""
    doc = None if document is None else (document.data, document.hidden)
    found = [(p.line, p.column, p.code, p.level, p.message) for p in problems]
    return marshal.dumps((kind, doc, found))


def unpack(blob: bytes, shown: str, source: Path) -> tuple[str | None, Document | None, list[Problem]]:
    """The inverse of `pack` for the file at `source`, shown as `shown`: problems are attached
    to it, and positions are found in it when asked for."""
    kind, doc, found = marshal.loads(blob)
    document = None if doc is None else Document(doc[0], source=source, hidden=doc[1])
    return kind, document, [Problem(shown, *p) for p in found]
