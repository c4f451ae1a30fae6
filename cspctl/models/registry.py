"""Which model validates which record file, decided by the file's place in the folder."""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, TypeAdapter

KINDS = ("partnership", "people", "forward-plan", "meeting", "report", "plan")


def kind_of(relative: PurePosixPath) -> str | None:
    """The record kind of a file, from its path relative to the records folder."""
    parts = relative.parts
    if relative.suffix not in (".yaml", ".yml"):
        return None
    if len(parts) == 1:
        return {"partnership": "partnership", "people": "people", "forward-plan": "forward-plan"}.get(
            relative.stem
        )
    if parts[0] == "meetings" and len(parts) == 2:
        return "meeting"
    if parts[0] == "reports" and len(parts) in (2, 3):
        return "report"
    if parts[0] == "plans" and len(parts) == 2:
        return "plan"
    return None


@cache
def adapter(kind: str) -> TypeAdapter[Any]:
    """The (cached) validator for a record kind."""
    from cspctl.models.forward_plan import ForwardPlan
    from cspctl.models.meeting import Meeting
    from cspctl.models.partnership import Partnership
    from cspctl.models.people import PeopleRegister
    from cspctl.models.plan import ActionPlan
    from cspctl.models.report import Report

    target: Any = {
        "partnership": Partnership,
        "people": PeopleRegister,
        "forward-plan": ForwardPlan,
        "meeting": Meeting,
        "report": Report,
        "plan": ActionPlan,
    }[kind]
    return TypeAdapter(target)


def all_models() -> list[type[BaseModel]]:
    """Every model class, for field-name suggestions and schema export."""
    from cspctl.models import forward_plan, meeting, partnership, people, plan, report

    found: list[type[BaseModel]] = []
    for module in (partnership, people, forward_plan, meeting, report, plan):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__:
                found.append(value)
    return found
