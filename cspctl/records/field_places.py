"""Where a field name belongs: the model at a place in a record, and the models a field is
allowed on, in words ("a planned meeting"), for lint's "did you mean" and the records guide.
"""

from __future__ import annotations

import difflib
import re
import types
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel


def root_type(record_kind: str) -> Any:
    """The type that validates a whole record of `record_kind`."""
    from cspctl.models.forward_plan import ForwardPlan
    from cspctl.models.meeting import Meeting
    from cspctl.models.partnership import Partnership
    from cspctl.models.people import PeopleRegister
    from cspctl.models.plan import ActionPlan
    from cspctl.models.report import Report

    roots: dict[str, Any] = {"partnership": Partnership, "people": PeopleRegister, "forward-plan": ForwardPlan,
                             "meeting": Meeting, "report": Report, "plan": ActionPlan}
    return roots.get(record_kind)


def members(annotation: Any) -> list[Any]:
    """The alternatives of a type: a union's members, `Annotated` and `None` stripped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return members(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in members(arg)]
    return [] if annotation is type(None) else [annotation]


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_key(model: type[BaseModel], name: str) -> str:
    """The key a record writes for a model field (its alias, such as `for` or `from`)."""
    return model.model_fields[name].alias or name


def model_at(record_kind: str, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model validating the mapping at pydantic's `loc`, following fields, list items,
    mapping values and union tags (`Attendee`, a report's `kind`)."""
    current = [root_type(record_kind)] if root_type(record_kind) is not None else []
    for step in loc:
        following: list[Any] = []
        for option in (m for c in current for m in members(c)):
            following.extend(_step(option, step))
        current = following
    found = [m for c in current for m in members(c) if is_model(m)]
    return found[0] if len(found) == 1 else None


def _step(option: Any, step: Any) -> list[Any]:
    if is_model(option):
        if isinstance(step, str):
            for name, info in option.model_fields.items():
                if step == (info.alias or name):
                    return [info.annotation]
            if step == option.__name__ or step in _tags(option):
                return [option]
        return []
    origin = get_origin(option)
    if origin is list and isinstance(step, int):
        return list(get_args(option)[:1])
    if origin is dict and isinstance(step, str):
        return list(get_args(option)[1:2])
    return []


def _tags(model: type[BaseModel]) -> tuple[Any, ...]:
    kind = model.model_fields.get("kind")
    if kind is None or get_origin(kind.annotation) is not Literal:
        return ()
    return get_args(kind.annotation)


def close_field(field: str, model: type[BaseModel] | None) -> str | None:
    """The model's field closest to a rejected name (never the name itself)."""
    if model is None:
        return None
    names = [field_key(model, name) for name in model.model_fields if field_key(model, name) != field]
    matches = difflib.get_close_matches(field, names, n=1, cutoff=0.75)
    if not matches:
        folded = {n.casefold(): n for n in names}
        return folded.get(field.casefold().strip().strip("_-"))
    return matches[0]


@cache
def _holders() -> dict[str, tuple[type[BaseModel], ...]]:
    """Every field key, with the public models that have it."""
    from cspctl.models.registry import all_models

    found: dict[str, list[type[BaseModel]]] = {}
    for model in all_models():
        if model.__name__.startswith("_"):
            continue
        for name in model.model_fields:
            found.setdefault(field_key(model, name), []).append(model)
    return {key: tuple(models) for key, models in found.items()}


def places_of(field: str, model: type[BaseModel] | None) -> str | None:
    """"a meeting and a planned meeting": the other models that have `field`, in words."""
    holders = [m for m in _holders().get(field, ()) if m is not model]
    if not holders:
        return None
    words = list(dict.fromkeys(described(m) for m in holders))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def described(model: type[BaseModel]) -> str:
    """A model in words, with its article: `PlannedMeeting` -> "a planned meeting"."""
    words = named(model)
    return ("an " if words[0] in "aeiou" else "a ") + words


def named(model: type[BaseModel]) -> str:
    """A model's name in lower-case words: `PlannedMeeting` -> "planned meeting"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()
