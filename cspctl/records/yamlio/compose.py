"""Composing a record's text into nodes that carry line and column: one loader, two parsers.

Both paths run libyaml's C parser (PyYAML's `CParser`) first, so a syntax error is found and
worded the same way on both. The exact path then composes with ruamel.yaml, the library the
writing commands round-trip with, and builds from its nodes; the fast path builds from
libyaml's, and runs ruamel too whenever the text holds a shape the two parsers read
differently (`RUAMEL_SHAPES`): what ruamel refuses there, both paths refuse, with one message.
That is the rule "what cspctl could not edit, lint refuses".

Neither types scalars: both mark an untagged plain scalar `PLAIN` and leave typing to `build`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from cspctl.records.yamlio.text import (
    MAP,
    MAX_DEPTH,
    PLAIN,
    SEQ,
    STR,
    YamlError,
    not_a_character,
    offset_position,
    scan_text,
)

_DIRECTIVE = re.compile(r"^%", re.MULTILINE)

_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,:?-])&\S")

_DEFAULT_TAGS = {"ScalarNode": STR, "SequenceNode": SEQ, "MappingNode": MAP}

RUAMEL_SHAPES = re.compile(
    r"\t"  # libyaml takes a tab as a separator where ruamel refuses it, and the reverse
    r"|:[ ]+#"  # a comment after `key:` (ruamel's "overlap in comment" when the value follows)
    r"|[|>][-+0-9]*#"  # `|# note`: invalid, but libyaml reads it
    r"|[|>][-+0-9]*[ ]*(?:#[^\n]*)?\r?\n[ ]+\r?\n"  # a block scalar opening with a line of spaces
    r"|(?<=[\s\[{,])!!?[\w/:.-]*[ ]*[,\]}]"  # a tag with no value in a flow collection (spec 7.2)
)
"""Shapes that libyaml and ruamel read differently: the fast path runs ruamel too on a text
that holds one (a cheap search; few records do)."""

_NON_SPECIFIC = re.compile(r"(?:^|(?<=[\s\[{,?:-]))!(?=[\s\]},]|$)", re.MULTILINE)


def compose(text: str, *, exact: bool) -> tuple[bool, Any]:
    """After the checks of the whole text: whether it may hide characters (see `scan_text`), and
    its root node (None for an empty document)."""
    hidden = scan_text(text)
    directive = _DIRECTIVE.search(text) if text.startswith("%") or "\n%" in text else None
    if directive:
        line, col = offset_position(text, directive.start())
        raise YamlError(line, col, "CSP002", "YAML directives (%YAML, %TAG) are not allowed in records")
    node = fast_compose(text)
    if node is not None and "&" in text and _ANCHOR_HINT.search(text):  # `in` first: the regex is slow
        reject_anchors(text)
    if exact:
        return hidden, exact_compose(text)
    if RUAMEL_SHAPES.search(text):
        exact_compose(text)
    return hidden, node


def non_specific_tags(text: str) -> frozenset[tuple[int, int]]:
    """Where the text holds the non-specific tag `!` (`duration: ! 30`): both composers type
    such a scalar as if untagged, but the spec makes it a string, so the builder asks."""
    if "!" not in text:
        return frozenset()
    return frozenset(offset_position(text, m.start()) for m in _NON_SPECIFIC.finditer(text))


def fast_compose(text: str) -> Any:
    from yaml import MarkedYAMLError, YAMLError

    composer = _libyaml_composer()(text)
    try:
        return composer.get_single_node()
    except MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except YAMLError as exc:
        raise YamlError(1, 1, "CSP001", _first_line(str(exc))) from None
    finally:
        composer.dispose()


@cache
def _libyaml_composer() -> type:
    """libyaml's parser with no implicit typing: the builder types plain scalars."""
    from yaml.cyaml import CParser  # type: ignore[attr-defined]
    from yaml.resolver import BaseResolver

    class Composer(CParser, BaseResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            # BaseResolver has no implicit resolvers, so it always answers the default tag;
            # answering directly saves a Python call chain per node (about 8% of a load).
            name = kind.__name__
            if name == "ScalarNode" and implicit[0]:
                return PLAIN  # untagged plain scalar: told apart from an explicit `!!str true`
            return _DEFAULT_TAGS[name]

    return Composer


def exact_compose(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Resolver = _plain_marking_resolver()
    yaml.max_depth = MAX_DEPTH + 1  # ruamel's composer recurses: stop before RecursionError
    return ruamel_call(yaml.compose, text)


def ruamel_call(function: Any, text: str) -> Any:
    """`function(text)` with whatever ruamel raises turned into one located `YamlError`: the
    exact path and the writers' round-trip load (`roundtrip.rt_load`) share it."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return function(text)
    except MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except NotImplementedError as exc:  # ruamel's comment bookkeeping: "overlap in comment"
        found = _TOKEN_AT.search(str(exc))
        line, col = (int(found[1]) + 1, int(found[2]) + 1) if found else (1, 1)
        raise YamlError(line, col, "CSP001", "a comment between a key and its value on the next "
                        "line, then a blank line: cspctl cannot edit this; move the comment "
                        "above the key") from None
    except ValueError:  # ruamel calls chr() on an escape such as "\U00110000" unchecked
        fast_compose(text)  # libyaml refuses the same escape, with its line and column
        raise not_a_character(1, 1) from None
    except RecursionError:
        raise YamlError(1, 1, "CSP004", f"nesting is deeper than {MAX_DEPTH} levels") from None
    except (YAMLError, AssertionError) as exc:
        raise YamlError(1, 1, "CSP001", _first_line(str(exc)) or "unreadable YAML") from None
    except Exception as exc:  # noqa: BLE001 - any other ruamel failure is a refusal, not a crash
        raise YamlError(1, 1, "CSP001", f"unreadable YAML ({type(exc).__name__})") from None


_TOKEN_AT = re.compile(r"line: (\d+), col: (\d+)")


@cache
def _plain_marking_resolver() -> type:
    """ruamel's resolver, except that untagged plain scalars get the `PLAIN` marker tag."""
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class Resolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                return Tag(suffix=PLAIN)
            return super().resolve(kind, value, implicit)

    return Resolver


def _syntax_error(exc: Any) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    if "maximum depth" in problem or "maximum nesting depth" in problem:
        return YamlError(line, col, "CSP004", f"nesting is deeper than {MAX_DEPTH} levels")
    if "expected a single document" in str(exc) or "but found another document" in str(exc):
        return YamlError(line, col, "CSP002", "a record file holds one YAML document only")
    if "expected <document start>" in problem or "expected '<document start>'" in problem:
        return YamlError(line, col, "CSP002", "content after the end of the document: a record file "
                                              "holds one YAML document only")
    if "invalid Unicode character escape" in problem:  # libyaml; ruamel lets surrogates through
        return not_a_character(line, col)
    if "more indented follow up line than first" in problem:
        problem = "a block scalar opens with a line of only spaces; empty that line"
    if "found character '\\t'" in problem:
        problem = "a tab where YAML needs spaces (to indent, or after a colon); use spaces"
    return YamlError(line, col, "CSP001", f"YAML syntax error: {problem}")


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""


def reject_anchors(text: str) -> None:
    """libyaml's nodes forget anchors; its events do not. Only run when the text hints at one."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        if getattr(event, "anchor", None):
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            raise YamlError(line, col, "CSP002", "anchors (&name) are not allowed in records")
