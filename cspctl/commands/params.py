"""Parameter types that keep `--help` readable: an argument is shown by its name alone.

typer prints a type placeholder beside every argument (`ID <str>`, `DATE <%Y-%m-%d>`); the
help text already says what to give, so these types ask for no placeholder. They extend the
types typer itself picks for `str` and for dates, from whichever click typer runs on (recent
typer releases carry their own copy of click).
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from typing import Any

import typer
from typer.main import get_click_type
from typer.models import ArgumentInfo

_String: Any = type(get_click_type(annotation=str, parameter_info=ArgumentInfo()))
_DateTime: Any = type(get_click_type(annotation=dt.datetime, parameter_info=ArgumentInfo(formats=["%Y-%m-%d"])))


class _Text(_String):  # type: ignore[misc]
    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return ""


class _Day(_DateTime):  # type: ignore[misc]
    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return ""


TEXT: Any = _Text()
"""Plain text (an id, a date as written, a title)."""

DAY: Any = _Day(["%Y-%m-%d"])
"""A date written YYYY-MM-DD, parsed to a datetime."""


_LIST_LINE = re.compile(r"\s*(?:[-*•]|\d+\.)\s")


def reflow(text: str) -> str:
    """Help text with each paragraph on one line, so the terminal wraps it, not the source.

    typer keeps a docstring's line breaks after its first paragraph (and in the list of
    commands, in the first one too), so sentences broke wherever the source wrapped. A
    paragraph that is a list, or marked with `\\b` as typer's verbatim blocks are, is kept."""
    paragraphs = inspect.cleandoc(text).partition("\f")[0].split("\n\n")
    return "\n\n".join(
        p if p.startswith("\b") or any(_LIST_LINE.match(line) for line in p.splitlines())
        else " ".join(line.strip() for line in p.splitlines())
        for p in paragraphs)


def reflow_help(app: typer.Typer) -> None:
    """Reflow the help of every command of `app` and of its groups (see `reflow`)."""
    callback = app.registered_callback
    if isinstance(app.info.help, str):  # help given to typer.Typer() wins over the callback's
        app.info.help = reflow(app.info.help)
    elif callback is not None and callback.callback is not None:
        text = callback.help if isinstance(callback.help, str) else inspect.getdoc(callback.callback)
        if text:
            callback.help = reflow(text)
    for info in app.registered_commands:
        text = info.help or (inspect.getdoc(info.callback) if info.callback else None)
        if text:
            info.help = reflow(text)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            reflow_help(group.typer_instance)
