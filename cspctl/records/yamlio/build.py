"""Building plain values from composed nodes: the YAML 1.2 core schema, and the refusals.

`no`, `10:00` and `2022-03-30` stay strings; anchors, aliases, merge keys, tags outside the
core schema and duplicate keys are refused with their position.
"""

from __future__ import annotations

import math
import re
from typing import Any

from cspctl.records.yamlio.text import (
    BAD_CHARS,
    CORE,
    MAP,
    MAX_DEPTH,
    PLAIN,
    SEQ,
    STR,
    Path_,
    Positions,
    YamlError,
    bad_char,
    node_error,
    not_a_character,
    short,
    where,
)

_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")

_NULL = re.compile(r"~|null|Null|NULL|")

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")

_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


class Builder:
    """Builds plain values from composed nodes, refusing the YAML features records must not use.

    With `positions`, it also records where every key and value starts (see `Document`). One
    builder serves both composers: with `exact`, nodes are ruamel's, whose tags are objects,
    whose anchors stay on the node and whose folded scalars carry fold markers. libyaml's nodes
    keep no anchors, so the fast path refuses anchors (and with them aliases) from the text
    before building (`reject_anchors`).
    """

    def __init__(self, *, exact: bool, positions: Positions | None = None,
                 non_specific: frozenset[tuple[int, int]] = frozenset()) -> None:
        self.exact = exact
        self.non_specific = non_specific
        """Where the text holds the tag `!` (see `compose.non_specific_tags`)."""
        self.values: dict[Path_, tuple[int, int]] | None = positions[0] if positions else None
        self.keys: dict[Path_, tuple[int, int]] | None = positions[1] if positions else None
        self.seen: set[int] = set()

    def build(self, node: Any, path: Path_ | None, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise node_error(node, "CSP004", f"nesting is deeper than {MAX_DEPTH} levels")
        if self.exact:
            self._refuse_anchors(node)
        if self.values is not None:
            self.values[path] = where(node)  # type: ignore[index]
        tag = self._tag(node) if self.exact else node.tag
        if self.non_specific and tag == PLAIN and where(node) in self.non_specific:
            tag = "!"  # `! 30` is the string "30": the composers typed it as if untagged
        kind = node.id
        if kind == "scalar":
            value = node.value
            if tag == PLAIN and not node.style and "\t" not in value:  # most values: plain text
                try:
                    return _resolve_plain(value)
                except ValueError:  # Python refuses to read integers of over 4,300 digits
                    raise node_error(node, "CSP004", "number is too long to read") from None
            return self._scalar(node, tag)
        if kind == "mapping":
            if tag != MAP:
                raise _tag_error(tag, node)
            return self._mapping(node, path, depth)
        if tag != SEQ:
            raise _tag_error(tag, node)
        if path is None:
            return [self.build(item, None, depth + 1) for item in node.value]
        return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]

    def _tag(self, node: Any) -> str:
        if self.exact:
            return str(getattr(node.tag, "value", node.tag) or "")
        return node.tag  # type: ignore[no-any-return]

    def _refuse_anchors(self, node: Any) -> None:
        if id(node) in self.seen:
            raise node_error(node, "CSP002", "aliases (*name) are not allowed in records")
        self.seen.add(id(node))
        if getattr(node, "anchor", None):
            raise node_error(node, "CSP002", "anchors (&name) are not allowed in records")

    def _mapping(self, node: Any, path: Path_ | None, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise node_error(key_node, "CSP002", "mapping keys must be plain words")
            key = key_node.value
            if self.exact or key_node.style or key_node.tag != PLAIN or key == "<<" or "\t" in key:
                self._check_key(key_node, key)  # all but a plain word (almost every key)
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise node_error(key_node, "CSP003",
                             f"duplicate key '{short(key)}' (first set on line {where(first)[0]})")
            if path is None:
                result[key] = self.build(value_node, None, depth + 1)
            else:
                self.keys[(*path, key)] = where(key_node)  # type: ignore[index]
                result[key] = self.build(value_node, (*path, key), depth + 1)
                if value_node.id == "scalar" and not value_node.style and value_node.value == "":
                    # The parsers place an empty value apart (after the colon, or on the next
                    # line); a finding about `restricted:` with nothing after it names the key.
                    self.values[(*path, key)] = self.keys[(*path, key)]  # type: ignore[index]
        return result

    def _check_key(self, node: Any, key: str) -> None:
        if self.exact:
            self._refuse_anchors(node)
        _check_scalar(node, key)
        tag = self._tag(node)
        if key == "<<" and (not node.style or tag.endswith("merge")):
            raise node_error(node, "CSP002", "merge keys (<<) are not allowed in records")
        if tag != PLAIN and tag != STR:
            raise _tag_error(tag, node)

    def _scalar(self, node: Any, tag: str) -> Any:
        value: str = node.value
        if self.exact and node.style == ">" and "\a" in value:
            value = value.replace("\a", "")  # ruamel marks fold points with BEL; raw BEL is refused
        _check_scalar(node, value)
        if tag == PLAIN and not node.style:
            try:
                return _resolve_plain(value)
            except ValueError:  # Python refuses to read integers of over 4,300 digits
                raise node_error(node, "CSP004", "number is too long to read") from None
        if tag == STR or tag == "!":
            return value
        if tag == CORE + "int" and _INT.fullmatch(value):
            return _to_int(value)
        if tag == CORE + "float" and _FLOAT.fullmatch(value):
            return _to_float(value)
        if tag == CORE + "bool" and _BOOL.fullmatch(value):
            return value.lower() == "true"
        if tag == CORE + "null" and _NULL.fullmatch(value):
            return None
        if tag in (CORE + "int", CORE + "float", CORE + "bool", CORE + "null"):
            raise node_error(node, "CSP002", f"value does not match its tag !!{tag[len(CORE):]}")
        raise _tag_error(tag, node)


def _check_scalar(node: Any, value: str) -> None:
    """What a scalar's style lets through the check of the whole text.

    Plain, single-quoted and block scalars hold only characters of the text, already checked;
    escapes in double-quoted ones (`"\\e"`, `"\\0"`, `"\\ud800"`) can make anything."""
    style = node.style
    if not style:
        if "\t" in value:  # libyaml accepts it, ruamel (used to rewrite files) does not
            raise node_error(node, "CSP001", "a tab inside unquoted text; quote the value")
    elif style == '"':
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise not_a_character(*where(node)) from None
        bad = BAD_CHARS.search(value)
        if bad:
            line, col = where(node)
            raise bad_char(bad.group(), line, col)


def _tag_error(tag: str, node: Any) -> YamlError:
    shown = "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag
    return node_error(node, "CSP002", f"tag {short(shown)} is not allowed in records")


def _resolve_plain(value: str) -> Any:
    """The YAML 1.2 core schema for an untagged plain scalar."""
    if not value:
        return None
    first = value[0]
    if first in "tTfF" and _BOOL.fullmatch(value):
        return value.lower() == "true"
    if first in "~nN" and _NULL.fullmatch(value):
        return None
    if first in "-+0123456789.":
        if _INT.fullmatch(value):
            return _to_int(value)
        if _FLOAT.fullmatch(value):
            return _to_float(value)
    return value


def _to_int(value: str) -> int:
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value, 10)


def _to_float(value: str) -> float:
    lowered = value.lower()
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(value)
