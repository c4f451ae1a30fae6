"""The one Jinja environment every render uses.

`StrictUndefined` makes a typo in a template an error instead of an empty string; HTML
templates (`*.html.j2`) autoescape; Markdown templates pass printed values through
`filters.finalize_markdown`. Templates are trusted files; user text is only ever a variable.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cspctl.render import filters
from cspctl.render.labels import DEFAULTS, label_function
from cspctl.render.loader import make_loader

if TYPE_CHECKING:
    from jinja2 import Environment

    from cspctl.records.register import Register


def make_environment(register: Register, *, templates: Path | None = None,
                     records_root: Path = Path("records"),
                     labels: Mapping[str, str] | None = None,
                     names: str = "as_written") -> Environment:
    """An environment with the template search path, autoescape rules, filters and the
    board's `label(key)` words (`render.labels`); `names` is the partnership's choice of
    names as written or `canonical` (the register's)."""
    from jinja2 import Environment, StrictUndefined, pass_eval_context, select_autoescape

    env = Environment(
        loader=make_loader(templates, records_root),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"),
                                     default_for_string=True, default=False),
        finalize=pass_eval_context(filters.finalize_markdown),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        long_date=filters.long_date,
        short_date=filters.short_date,
        time=filters.clock,
        oneline=filters.oneline,
        join_names=filters.join_names,
        md=pass_eval_context(filters.md),
        cell=pass_eval_context(filters.cell),
        **filters.people_filters(register, canonical=names == "canonical"),
    )
    env.globals["label"] = label_function(labels if labels is not None else DEFAULTS)
    return env
