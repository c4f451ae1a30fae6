"""Loading one record file: read, parse and validate it, collecting its problems.

The store loads a folder through these, in this process or in worker processes (`parallel`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.problem import Problem
from cspctl.records.yamlio.read import Document, load, parse
from cspctl.records.yamlio.text import MAX_BYTES, YamlError, decode


@dataclass
class FileLoad:
    """What loading one file gives: its kind, the document and model when it loaded, and the
    problems found. Worker processes and the cache hand these back."""

    kind: str | None
    document: Document | None = None
    model: Any = None
    problems: list[Problem] = field(default_factory=list)
    packed: bytes | None = None
    """The bytes it came in from a worker process (`packing`): its cache entry as it stands."""


def load_file(path: Path, relative: PurePosixPath, shown: str, *, exact: bool = False,
              raw: bytes | None = None) -> FileLoad:
    """Read, parse and validate one record file; `raw` is its bytes when already read."""
    parsed = parse_file(path, relative, shown, exact=exact, raw=raw)
    if parsed.kind is None or parsed.document is None:
        return parsed
    return validate(parsed.kind, parsed.document, shown)


def parse_file(path: Path, relative: PurePosixPath, shown: str, *, exact: bool = False,
               raw: bytes | None = None) -> FileLoad:
    """Read and parse one record file, without validating it (what worker processes do)."""
    from cspctl.models.registry import kind_of

    kind = kind_of(relative)
    if kind is None:
        return FileLoad(None, problems=[
            Problem(shown, 1, 1, "CSP005", "warning",
                    "not a record file: cspctl reads partnership.yaml, people.yaml, "
                    "forward-plan.yaml, meetings/, reports/ and plans/")])
    try:
        if raw is not None and len(raw) <= MAX_BYTES:
            document = parse(decode(raw), exact=exact)
        else:
            root = path.parents[len(relative.parts) - 1] if relative.parts else path.parent
            document = load(path, exact=exact, root=root)
    except YamlError as exc:
        return FileLoad(kind, problems=[Problem(shown, exc.line, exc.column, exc.code, "error", exc.message)])
    return FileLoad(kind, document)


def validate(kind: str, document: Document, shown: str) -> FileLoad:
    """The model of a parsed document, or the schema problems that stop it."""
    from pydantic import ValidationError

    from cspctl.models.registry import adapter
    from cspctl.records.schema_errors import problems_from

    if document.data is None:
        return FileLoad(kind, problems=[Problem(shown, 1, 1, "CSP102", "error", "the file is empty")])
    try:
        return FileLoad(kind, document, adapter(kind).validate_python(document.data))
    except ValidationError as exc:
        return FileLoad(kind, document, problems=list(problems_from(exc, document, shown, kind)))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading builds millions of objects that all live on; the cyclic collector would scan
    them again and again (about 40% of a large load) and find nothing to free. On the way out
    they are frozen (moved out of the collector's sight) so the first collection after loading
    does not scan them all once more; reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
