"""A board's own templates fail as one located message, never a Jinja traceback.

Templates in the records' `templates/` folder (or `--templates DIR`) are the board's code: a
syntax error, an unknown variable or a filter given the wrong thing there is the user's to
fix, so it is reported as `path:line:1: CSP011 message` with the template file and line.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from cspctl.errors import CspError

T = TypeVar("T")


@contextmanager
def template_errors() -> Iterator[None]:
    """Turn what loading or rendering a template raises into one located `CspError`."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    try:
        yield
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name or "a template"
        raise CspError(_located(where, exc.lineno, f"template syntax error: {exc.message}")) from None
    except TemplateNotFound as exc:
        raise CspError(f"CSP011 template not found: {exc.name}") from None
    except (TemplateError, Exception) as exc:  # noqa: BLE001 - only when a template raised it
        frame = _template_frame(exc)
        if frame is None:
            raise
        what = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise CspError(_located(frame[0], frame[1], f"template error: {what}")) from None


def rendered(function: Callable[[], T]) -> T:
    """`function()` inside `template_errors`."""
    with template_errors():
        return function()


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost frame of a template (Jinja rewrites them to the template file's lines)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2") and frame.lineno is not None:
            found = (frame.filename, frame.lineno)
    return found


def _located(path: str, line: int | None, message: str) -> str:
    from pathlib import Path

    from cspctl.records.discovery import display_path

    shown = display_path(Path(path)) if "/" in path else path
    first = message.strip().splitlines()[0] if message.strip() else "error"
    return f"{shown}:{line or 1}:1: CSP011 {first[:200]}"
