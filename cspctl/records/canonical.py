"""Canonical key order: the order of the record model's fields, applied to round-trip data.

ruamel keeps a full-line comment with the entry *above* it (as the tail of that entry's
deepest last value). People mean it for the key *below*, so before keys move their comments
are detached ("leads") and re-attached in front of the same key after the move; comments
after a mapping's last entry stay at its end. The caller checks that no comment was lost.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from functools import partial
from typing import Any

from pydantic import BaseModel


def model_for(kind: str) -> Any:
    """The model (or union of models) that validates a record kind."""
    from cspctl.models.forward_plan import ForwardPlan
    from cspctl.models.meeting import Meeting
    from cspctl.models.partnership import Partnership
    from cspctl.models.people import PeopleRegister
    from cspctl.models.plan import ActionPlan
    from cspctl.models.report import Report

    return {"partnership": Partnership, "people": PeopleRegister, "forward-plan": ForwardPlan,
            "meeting": Meeting, "report": Report, "plan": ActionPlan}[kind]


def reorder(data: Any, model: Any, before: Callable[[str], None] | None = None) -> None:
    """Put every mapping's keys in model field order, recursively, in place.

    `before` attaches comment lines in front of `data` (used when a key with comments of
    its own becomes a mapping's first key); the root's slot is the file's header.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if before is None:
        before = partial(_attach_header, data)
    if isinstance(data, CommentedMap) and not _is_block(data):
        before = _nowhere
    cls = _pick(model, data)
    if isinstance(data, CommentedMap) and cls is not None:
        fields = {field.alias or name: field for name, field in cls.model_fields.items()}  # `for:` is an alias
        wanted = [k for k in fields if k in data] + [k for k in data if k not in fields]
        if list(data) != wanted:
            _permute(data, wanted, before)
        for key in list(data):
            if key in fields:
                reorder(data[key], fields[key].annotation, KeyLine(data, key))
    elif isinstance(data, CommentedSeq):
        for index, item in enumerate(data):
            slot = before if index == 0 else partial(attach_after, data, index - 1)
            reorder(item, model, slot)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation can hold (through lists, unions, Optional, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is None:
        return []
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        args = args[:1]
    elif origin not in (list, typing.Union, types.UnionType):
        return []
    found: list[type[BaseModel]] = []
    for arg in args:
        found.extend(_models_in(arg))
    return found


def _pick(annotation: Any, data: Any) -> type[BaseModel] | None:
    """The one model for `data`; a union is told apart by its `kind` literal."""
    candidates = _models_in(annotation)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    kind = data.get("kind") if isinstance(data, dict) else None
    for cls in candidates:
        field = cls.model_fields.get("kind")
        if field is not None and kind in typing.get_args(field.annotation):
            return cls
    return None


# --- moving keys with their comments -------------------------------------------------------


def _is_block(node: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail_slot(container: Any, key: Any) -> tuple[list[Any], int, bool]:
    """Where ruamel keeps the comments that follow the entry `key` of `container`, and
    whether that entry ends in a block scalar (`|`), after which no comment shares a line."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    value = container[key]
    if _is_block(value):
        last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        return _tail_slot(value, last)
    slot = 2 if isinstance(container, CommentedMap) else 0
    entry = container.ca.items.get(key)
    if entry is None:
        entry = container.ca.items[key] = [None, None, None, None]
    return entry, slot, isinstance(value, (LiteralScalarString, FoldedScalarString))


def detach_after(container: Any, key: Any) -> str:
    """Cut the full-line comments (and blank lines) that follow `key`'s entry; return them."""
    entry, slot, block = _tail_slot(container, key)
    token = entry[slot]
    if token is None:
        return ""
    if block:
        # After a block scalar the first comment line is stored without its indentation.
        entry[slot] = None
        value = str(token.value)
        column = getattr(token.start_mark, "column", 0) or 0
        return " " * column + value if value.startswith("#") else value
    if "\n" not in token.value:
        return ""
    head, _, rest = str(token.value).partition("\n")
    token.value = head + "\n"
    if head == "":
        entry[slot] = None
    return rest


def attach_after(container: Any, key: Any, lines: str) -> None:
    """Append full-line comments after `key`'s entry."""
    if not lines:
        return
    entry, slot, block = _tail_slot(container, key)
    token = entry[slot]
    if token is None:
        entry[slot] = _token(lines if block else "\n" + lines)
    else:
        token.value = token.value + lines if token.value.endswith("\n") else token.value + "\n" + lines


def _attach_header(root: Any, lines: str) -> None:
    """Comment lines at the top of the file, after any header comments."""
    if not root or not hasattr(root, "ca") or not lines:
        return
    comment = root.ca.comment
    if comment is None:
        comment = root.ca.comment = [None, []]
    if comment[1] is None:
        comment[1] = []
    comment[1].append(_token(lines))


def _nowhere(lines: str) -> None:
    """A flow mapping holds no comment lines of its own."""


class KeyLine:
    """The comment lines right below `key:` whose value is a block collection: they belong
    to the collection's first key, so they move with it."""

    def __init__(self, mapping: Any, key: Any) -> None:
        self.mapping, self.key = mapping, key

    def __call__(self, lines: str) -> None:
        if not lines:
            return
        entry = self.mapping.ca.items.get(self.key)
        if entry is None:
            entry = self.mapping.ca.items[self.key] = [None, None, None, None]
        token = entry[2]
        if token is None:
            entry[2] = _token("\n" + lines)
        else:
            token.value = token.value + lines if token.value.endswith("\n") else token.value + "\n" + lines

    def detach(self) -> str:
        entry = self.mapping.ca.items.get(self.key)
        if not entry:
            return ""
        rest = ""
        token = entry[2]
        if token is not None and "\n" in token.value:
            head, _, rest = token.value.partition("\n")
            token.value = head + "\n"
            if head == "":
                entry[2] = None
        if entry[3]:
            # Without a comment on the key line, ruamel keeps these as separate tokens,
            # listed both here and on the child collection.
            rest += "".join((" " * t.start_mark.column if t.value.strip() else "") + t.value
                            for t in entry[3])
            entry[3] = None
            child = self.mapping[self.key]
            comment = getattr(getattr(child, "ca", None), "comment", None)
            if comment and len(comment) > 1 and comment[1]:
                comment[1] = None
        return rest


def _token(value: str) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(value, CommentMark(0), None)


def _permute(mapping: Any, wanted: list[Any], before: Callable[[str], None]) -> None:
    old = list(mapping)
    leads = {old[i]: detach_after(mapping, old[i - 1]) for i in range(1, len(old))}
    if isinstance(before, KeyLine):
        leads[old[0]] = before.detach()
    trailer = detach_after(mapping, old[-1])
    for key in wanted:
        mapping.move_to_end(key)
    before(leads.pop(wanted[0], ""))
    for previous, key in zip(wanted, wanted[1:], strict=False):
        attach_after(mapping, previous, leads.get(key, ""))
    attach_after(mapping, wanted[-1], trailer)
