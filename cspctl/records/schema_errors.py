"""Pydantic validation errors worded for a person and placed at the offending key or value.

Messages never include the offending value: a restricted item's text must not reach a CI log,
and hostile values can be huge.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from cspctl.problem import Problem
from cspctl.records.yamlio.read import Document
from cspctl.records.yamlio.text import Path_

_PLAIN = {
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of fields",
    "model_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "none_required": "must be empty",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


def problems_from(
    error: ValidationError, document: Document, path: str, record_kind: str | None
) -> Iterator[Problem]:
    """One `Problem` per pydantic error, located in `document` (a record of `record_kind`)."""
    for item in error.errors(include_url=False, include_input=False):
        where = _data_path(document.data, item["loc"])
        kind = item["type"]
        field = str(where[-1]) if where else "record"
        if kind == "extra_forbidden":
            line, col = document.position(where, key=True)
            message = unknown_field_message(field, model_at(record_kind, item["loc"][:-1]))
            yield Problem(path, line, col, "CSP101", "error", message)
        elif kind == "missing":
            line, col = document.position(where[:-1])
            yield Problem(path, line, col, "CSP102", "error", f"missing required field '{field}'")
        else:
            line, col = document.position(where)
            yield Problem(path, line, col, "CSP103", "error", f"{_label(where)}: {_explain(item)}")


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """pydantic's `loc` mapped onto the document: union tags and other non-data steps dropped."""
    result: list[str | int] = []
    node = data
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            node = node[step]
            result.append(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            result.append(step)
        elif last and isinstance(step, (str, int)):
            result.append(step)
    return tuple(result)


def _label(where: Path_) -> str:
    parts: list[str] = []
    for step in where:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + _clip(step))
    return "".join(parts) or "record"


def _explain(item: Any) -> str:
    kind = item["type"]
    if kind in _PLAIN:
        return _PLAIN[kind]
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        return f"must be one of {expected}"
    if kind == "union_tag_invalid":
        expected = item.get("ctx", {}).get("expected_tags", "")
        return f"must be one of {expected}"
    if kind == "union_tag_not_found":
        return "needs a 'kind' field"
    if kind == "string_pattern_mismatch":
        return "is not in the expected form (ids are lower-case letters, digits and hyphens)"
    message: str = item["msg"]
    return message[0].lower() + message[1:] if message else kind


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unknown_field_message(field: str, model: type[BaseModel] | None) -> str:
    """`unknown field 'x'`, with the closest field of the model at that place (never `x`
    itself) and, when `x` is a field of other models, where it is allowed."""
    from cspctl.records.field_places import close_field, places_of

    message = f"unknown field '{_clip(field)}'"
    hint = close_field(field, model)
    places = places_of(field, model)
    if hint and places:
        return f"{message} (did you mean '{hint}'? '{_clip(field)}' is allowed on {places})"
    if hint:
        return f"{message} (did you mean '{hint}'?)"
    if places and model is not None:
        from cspctl.records.field_places import described

        return f"{message}: it is not a field of {described(model)}; it is allowed on {places}"
    if places:
        return f"{message}: it is allowed on {places}"
    return message


def model_at(record_kind: str | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the mapping at pydantic's `loc` in a record of `record_kind`."""
    from cspctl.records.field_places import model_at as walk

    return walk(record_kind, loc) if record_kind is not None else None
