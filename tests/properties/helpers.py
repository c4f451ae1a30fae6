"""Running the CLI inside a Hypothesis example (function-scoped pytest fixtures cannot be used
there) on a fresh minimal board."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cspctl.cli import main
from tests.conftest import PARTNERSHIP, PEOPLE, Result, write_tree


def run(*args: str | Path) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def fresh_board(files: dict[str, str | bytes]) -> Iterator[Path]:
    """A board with the test partnership and people, plus `files` written as given."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_tree(Path(folder) / "records", {"partnership.yaml": PARTNERSHIP, "people.yaml": PEOPLE})
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        yield root


def examples(quick: int) -> int:
    """`quick` examples in everyday runs; the profile's count under `make fuzz`."""
    import os

    from hypothesis import settings

    return settings.default.max_examples if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else quick
