"""Where templates come from: --templates DIR, then the records' own templates/, then cspctl's.

A records repository can override any template (or one partial) by dropping a file of the same
name into its `templates/` folder; everything else falls back to the bundled set.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cspctl.errors import CspError

if TYPE_CHECKING:
    from jinja2 import BaseLoader

PACKAGE = "cspctl"
BUNDLED = "templates"


def override_dirs(templates: Path | None, records_root: Path) -> list[Path]:
    """The user folders searched before the bundled templates, first match wins."""
    found: list[Path] = []
    if templates is not None:
        if not templates.is_dir():
            raise CspError(f"templates folder not found: {templates}", exit_code=2)
        found.append(templates)
    own = records_root / "templates"
    if own.is_dir():
        found.append(own)
    return found


def bundled_dir() -> Path:
    """The templates shipped inside the installed package (cspctl/templates)."""
    from importlib.resources import files

    return Path(str(files(PACKAGE) / BUNDLED))


def make_loader(templates: Path | None, records_root: Path) -> BaseLoader:
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader

    loaders: list[BaseLoader] = [FileSystemLoader(str(d)) for d in override_dirs(templates, records_root)]
    loaders.append(PackageLoader(PACKAGE, BUNDLED))
    return ChoiceLoader(loaders)
