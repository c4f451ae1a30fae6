"""docs/records.md, generated from the models: every record kind, every field with its type in
a clerk's words, whether it is required (or its default) and one example.

The models' docstrings are the prose; the hand-written guidance lives in `reference_intro` and
the examples in `reference_examples`. Regenerate with `make docs`, which runs
`python -m cspctl.records.reference docs/records.md`; a test fails when the file is stale.
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from cspctl.records.field_places import field_key, is_model, members, root_type

MAKE = "make docs"
COMMAND = "python -m cspctl.records.reference docs/records.md"

FILES = {
    "partnership": "partnership.yaml",
    "people": "people.yaml",
    "forward-plan": "forward-plan.yaml",
    "meeting": "meetings/YYYY-MM-DD.yaml",
    "report": "reports/YYYY-MM-DD/ID.yaml",
    "plan": "plans/ID.yaml",
}


@dataclass
class Documented:
    """A model in the guide, with the fields (`Model.field`) that lead to it."""

    model: type[BaseModel]
    used_in: list[str] = field(default_factory=list)


def _words() -> list[tuple[Any, str, str]]:
    """The shared value types of `models/base.py` in words: (type, one, many)."""
    from cspctl.models import base

    return [
        (base.IsoDate, "date (2022-03-30)", "dates (2022-03-30)"),
        (base.PartialDate, "date or month (2022-03-30, 2021-11)", "dates or months (2022-03-30, 2021-11)"),
        (base.Time, 'time ("10:00", in quotes)', 'times ("10:00", in quotes)'),
        (base.Minutes, "minutes (a whole number)", "minutes (whole numbers)"),
        (base.Slug, "id (lower-case letters, digits and hyphens)", "ids (lower-case letters, digits and hyphens)"),
        (base.PersonRef, "name (of the register)", "names (of the register)"),
        (base.ItemNumber, 'item number ("4a", in quotes)', 'item numbers ("4a", in quotes)'),
        (base.Initials, "initials (AC)", "initials (AC)"),
        (base.Text, "text (Markdown)", "texts (Markdown)"),
    ]


def _split(annotation: Any, metadata: list[Any] | None = None) -> tuple[Any, list[Any]]:
    """A type and its constraints, whether written `Annotated[...]` or taken apart by pydantic."""
    if get_origin(annotation) is Annotated:
        info = FieldInfo.from_annotation(annotation)
        return info.annotation, list(info.metadata) + list(metadata or [])
    return annotation, list(metadata or [])


def _known(base: Any, metadata: list[Any]) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for alias, one, many in _words():
        a_base, a_meta = _split(alias)
        if a_base == base and all(m in metadata for m in a_meta):
            if best is None or len(a_meta) > best[0]:
                best = (len(a_meta), one, many)
    return (best[1], best[2]) if best else None


def describe(annotation: Any, metadata: list[Any] | None = None, *, many: bool = False) -> str:
    """A field's type in words: "text", "date (2022-03-30)", "list of names", "one of: …"."""
    base, meta = _split(annotation, metadata)
    origin = get_origin(base)
    if origin in (Union, types.UnionType):
        options = [describe(m, many=many) for m in get_args(base) if m is not type(None)]
        return " or ".join(dict.fromkeys(options))
    if origin is Literal:
        return "one of: " + ", ".join(str(v) for v in get_args(base))
    if origin is list:
        return "list of " + describe(get_args(base)[0], many=True)
    if origin is dict:
        key, value = get_args(base)
        return f"mapping of {describe(key, many=True)} to {describe(value, many=True)}"
    known = _known(base, meta)
    if known:
        return known[1] if many else known[0]
    if is_model(base):
        return f"[{base.__name__}](#{base.__name__.lower()}) mapping" + ("s" if many else "")
    if base is bool:
        return "true or false"
    if base is int:
        low = next((m.ge for m in meta if hasattr(m, "ge")), None)
        high = next((m.le for m in meta if hasattr(m, "le")), None)
        span = f", {low} to {high}" if low is not None and high is not None else f", at least {low}" if low else ""
        return ("whole numbers" if many else "whole number") + span
    if base is str:
        if any(getattr(m, "pattern", None) for m in meta):
            return "texts in a fixed form (as the example)" if many else "text in a fixed form (as the example)"
        return "texts" if many else "text"
    return getattr(base, "__name__", str(base))


def requirement(info: FieldInfo) -> str:
    """"required", or what the field is when left out."""
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        value: Any = info.default_factory()  # type: ignore[call-arg]
    else:
        value = info.default
    if value is None or value in ([], {}):
        return "optional"
    if isinstance(value, bool):
        return f"default: {str(value).lower()}"
    if isinstance(value, BaseModel):
        shown = {k: v for k, v in value.model_dump(by_alias=True).items() if v not in (None, [], {})}
        return "optional" if not shown else "default: " + ", ".join(f"{k}: {v}" for k, v in shown.items())
    return f"default: {value}"


def documented(kind: str) -> list[Documented]:
    """Every model of a record kind, the record itself first, then in the order fields reach them."""
    found: dict[type[BaseModel], Documented] = {}

    def visit(model: type[BaseModel], via: str | None) -> None:
        if model in found:
            if via and via not in found[model].used_in:
                found[model].used_in.append(via)
            return
        found[model] = Documented(model, [via] if via else [])
        for name, info in model.model_fields.items():
            for inner in _models_in(info.annotation):
                visit(inner, f"{model.__name__}.{field_key(model, name)}")

    for root in members(root_type(kind)):
        visit(root, None)
    return list(found.values())


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    base, _ = _split(annotation)
    if is_model(base):
        yield base
    for arg in get_args(base):
        if arg is not type(None) and not isinstance(arg, (str, int, FieldInfo)):
            yield from _models_in(arg)


def owner_of(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The class that declares a field: a report's shared fields belong to its common base."""
    for owner in model.__mro__:
        if isinstance(owner, type) and issubclass(owner, BaseModel) and name in vars(owner).get("__annotations__", {}):
            return owner
    return model


def example_key(model: type[BaseModel], name: str) -> str:
    """The `EXAMPLES` key of a field: `Model.key`, the model that declares it."""
    return f"{owner_of(model, name).__name__}.{field_key(model, name)}"


def every_field() -> list[tuple[type[BaseModel], str]]:
    """Every (model, field name) the guide documents."""
    return [(doc.model, name) for kind in FILES for doc in documented(kind) for name in doc.model.model_fields]


def missing_examples() -> list[str]:
    """`Model.field` of every documented field without an example."""
    from cspctl.records.reference_examples import EXAMPLES

    return sorted({key for model, name in every_field() if (key := example_key(model, name)) not in EXAMPLES})


def generate() -> str:
    """The whole of docs/records.md."""
    from cspctl.records.reference_examples import EXAMPLES
    from cspctl.records.reference_intro import INTRO, KIND_NOTES

    out = [f"<!-- Generated from cspctl/models/ by `{MAKE}`: do not edit here. The prose is the models'",
           "     docstrings, cspctl/records/reference_intro.py and reference_examples.py. -->", "",
           INTRO.strip(), ""]
    for kind, file in FILES.items():
        out += [f"## {file}", ""]
        if kind in KIND_NOTES:
            out += [KIND_NOTES[kind].strip(), ""]
        for doc in documented(kind):
            model = doc.model
            out += [f"### {model.__name__}", ""]
            if doc.used_in:
                out += ["In " + ", ".join(f"`{where}`" for where in doc.used_in) + ".", ""]
            prose = inspect.cleandoc(model.__doc__ or "")
            if prose:
                out += [prose, ""]
            out += ["| field | type | required or default | example |", "|---|---|---|---|"]
            for name, info in model.model_fields.items():
                key = field_key(model, name)
                found = EXAMPLES.get(example_key(model, name))
                example = f"`{key}: {found}`" if found is not None else "(no example yet)"
                row = [f"`{key}`", describe(info.annotation, list(info.metadata)), requirement(info), example]
                out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
            out.append("")
    out += _labels_section()
    return "\n".join(out).rstrip() + "\n"


def _labels_section() -> list[str]:
    """The words templates print, each a `labels:` key with its default (render.labels)."""
    from cspctl.records.reference_intro import LABELS_NOTE
    from cspctl.render.labels import DEFAULTS

    out = ["## The board's identity and words", "", LABELS_NOTE.strip(), "",
           "| label | default |", "|---|---|"]
    for key, default in DEFAULTS.items():
        shown = default.replace("|", "\\|") if default else "(empty)"
        out.append(f"| `{key}` | {shown} |")
    return [*out, ""]


def main(argv: list[str]) -> int:
    """Print the guide, or write it atomically to the file named."""
    text = generate()
    if not argv:
        sys.stdout.write(text)
        return 0
    from cspctl.records.atomic import atomic_write

    atomic_write(Path(argv[0]), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
