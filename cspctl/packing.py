"""The bytes a loaded file travels as: from worker processes, and into and out of the cache.

`marshal`, not pickle: it reads plain data back faster and never runs code. A document travels
as its data and its text; positions are found again from the text only when a finding needs
one (see `yamlio.Document`), so nothing is spent carrying the positions of the many files
that have no finding. Models are not included: rebuilding them by validation costs about what
unpickling them would (bench/loading.py).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from typing import Any

from cspctl.problem import Problem
from cspctl.yamlio import Document


def pack(kind: str | None, document: Document | None, problems: Iterable[Problem]) -> bytes:
    """One file's load result (without its model) as bytes."""
    doc: tuple[Any, ...] | None = None
    if document is not None:
        # A document made without text (none is, when loading) keeps its positions instead.
        doc = (document.data, document.hidden, document.text) if document.text is not None else (
            document.data, document.hidden, None, document.values, document.keys)
    found = [(p.line, p.column, p.code, p.level, p.message) for p in problems]
    return marshal.dumps((kind, doc, found))


def unpack(blob: bytes, shown: str) -> tuple[str | None, Document | None, list[Problem]]:
    """The inverse of `pack`; problems are re-attached to the file as it is shown now."""
    kind, doc, found = marshal.loads(blob)
    document = None
    if doc is not None:
        data, hidden, text = doc[:3]
        document = (Document(data, text=text, hidden=hidden) if text is not None
                    else Document(data, *doc[3:], hidden=hidden))
    return kind, document, [Problem(shown, *p) for p in found]
