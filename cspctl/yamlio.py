"""The one module that reads YAML.

Records are composed into nodes (which carry line and column) by one of two parsers and then
built into plain Python values by one constructor of our own, so every later stage can point
at `path:line:col` without holding parser objects:

- the fast path composes with libyaml's C parser (PyYAML's `CParser`);
- the exact path composes with ruamel.yaml, the library the writing commands round-trip with.

Both feed `_Builder`, which applies the YAML 1.2 core schema (`no`, `10:00` and `2022-03-30`
stay strings), rejects what records must not contain (anchors, aliases, merge keys, tags
outside the core schema, directives, duplicate keys, several documents) and can record the
position of every key and value. The exact path records them as it builds; the fast path
builds values only and records positions when first asked (`Document`), by building again:
only files with a finding ever need one. A test keeps the two paths in agreement on values,
positions and refusals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and sequence indexes from the root."""

_CORE = "tag:yaml.org,2002:"
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_NULL = re.compile(r"~|null|Null|NULL|")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_BAD = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
_BAD_CHARS = re.compile(f"[{_BAD}]")
"""C0/C1 controls, NEL and the Unicode line separators (parsers disagree on where lines break),
byte-order marks and non-characters: refused in the raw text and in escaped scalars alike."""
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
INVISIBLE = "\u180e\u200b-\u200d\u2060-\u2064\U000e0000-\U000e007f"
HIDDEN_CHARS = re.compile(f"[{BIDI}{INVISIBLE}]")
"""Characters that reorder or hide text: allowed, but lint warns of them (CSP203). Parsing
notes whether a text holds any (`Document.hidden`), in the same pass that refuses `_BAD`."""
_SCANNED = re.compile(f"[{_BAD}{BIDI}{INVISIBLE}]")
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,:?-])&\S")
_PLAIN = "?"
"""The tag both composers give an untagged plain scalar; only those get implicit typing."""
_STR, _SEQ, _MAP = _CORE + "str", _CORE + "seq", _CORE + "map"
_DEFAULT_TAGS = {"ScalarNode": _STR, "SequenceNode": _SEQ, "MappingNode": _MAP}


class YamlError(Exception):
    """A file that cannot be read as a record: where, a stable code, and a message."""

    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.code = code
        self.message = message


Positions = tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]
"""Where each value and each mapping key of a document starts: 1-based line and column."""


class Document:
    """A parsed file: its plain data, and the position of every key and value.

    Positions are found when first asked for. Building values alone is several times faster
    than recording where each one sits, and only files with a finding ever need a position:
    those are parsed once more (by the same builder, recording) on the first question, from
    the text kept, or else from the file at `source` (documents from worker processes and the
    cache travel without their text; a file edited in the meantime gives its new positions).
    """

    def __init__(self, data: Any = None, values: dict[Path_, tuple[int, int]] | None = None,
                 keys: dict[Path_, tuple[int, int]] | None = None, *, text: str | None = None,
                 source: Path | None = None, hidden: bool = True) -> None:
        self.data = data
        self.text = text
        self.source = source
        self.hidden = hidden
        """False when no value can hold a hidden character (`HIDDEN_CHARS`): checks skip it."""
        self._positions: Positions | None = None
        if values is not None or keys is not None or (text is None and source is None):
            self._positions = (values or {}, keys or {})

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        return self._located()[0]

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        return self._located()[1]

    def _located(self) -> Positions:
        if self._positions is None:
            text = self.text
            if text is None and self.source is not None:
                try:
                    text = read_text(self.source)
                except YamlError:
                    text = None
            self._positions = _positions_of(text) if text is not None else ({}, {})
        return self._positions

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        values, keys = self._located()
        table = keys if key else values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in keys:
                return keys[probe]
            probe = probe[:-1]
        return values.get((), (1, 1))


# --- reading bytes -------------------------------------------------------------------------


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a record file as text, refusing what YAML parsers would mangle or misplace."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
    if size > max_bytes:
        raise YamlError(
            1, 1, "CSP004", f"file is too large ({size} bytes; records are at most {max_bytes})"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(1, 1, "CSP004", f"cannot read file: {exc.strerror}") from None
    return decode(raw)


def decode(raw: bytes) -> str:
    """UTF-8 (an opening byte-order mark allowed) or a located error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(1, 1, "CSP004", "file is UTF-16; records must be UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _offset_position(raw[: exc.start].decode("utf-8", "replace"), None)
        raise YamlError(line, col, "CSP004", "file is not valid UTF-8 text") from None
    return text


def _scan(text: str) -> bool:
    """Refuse a text with a `_BAD` character; tell whether any value may hold a hidden one
    (the text holds one, or a backslash: a double-quoted escape such as `"\\u200b"` makes one)."""
    found = _SCANNED.search(text)
    if found is None:
        return "\\" in text
    bad = found if _BAD_CHARS.match(found.group()) else _BAD_CHARS.search(text, found.end())
    if bad:
        line, col = _offset_position(text, bad.start())
        raise _bad_char(bad.group(), line, col)
    return True


def _not_a_character(line: int, col: int) -> YamlError:
    return YamlError(line, col, "CSP004", "an escape (\\u or \\U) that is not a Unicode character, such "
                                          "as half of a surrogate pair; write the character itself")


def _bad_char(char: str, line: int, col: int) -> YamlError:
    what = "byte-order mark" if char == "\ufeff" else "control character"
    return YamlError(line, col, "CSP004", f"{what} U+{ord(char):04X} is not allowed")


def _check_scalar(node: Any, value: str) -> None:
    """What a scalar's style lets through the check of the whole text.

    Plain, single-quoted and block scalars hold only characters of the text, already checked;
    escapes in double-quoted ones (`"\\e"`, `"\\0"`, `"\\ud800"`) can make anything."""
    style = node.style
    if not style:
        if "\t" in value:  # libyaml accepts it, ruamel (used to rewrite files) does not
            raise _error(node, "CSP001", "a tab inside unquoted text; quote the value")
    elif style == '"':
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise _not_a_character(*_where(node)) from None
        bad = _BAD_CHARS.search(value)
        if bad:
            line, col = _where(node)
            raise _bad_char(bad.group(), line, col)


def _where(node: Any) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _error(node: Any, code: str, message: str) -> YamlError:
    line, col = _where(node)
    return YamlError(line, col, code, message)


def _offset_position(text: str, offset: int | None) -> tuple[int, int]:
    head = text if offset is None else text[:offset]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1  # as YAML counts lines
    return line, len(head) - (max(head.rfind("\n"), head.rfind("\r")) + 1) + 1


# --- composing -----------------------------------------------------------------------------


def _fast_compose(text: str) -> Any:
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
                return _PLAIN  # untagged plain scalar: told apart from an explicit `!!str true`
            return _DEFAULT_TAGS[name]

    return Composer


def _exact_compose(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.Resolver = _plain_marking_resolver()
    yaml.max_depth = MAX_DEPTH + 1  # ruamel's composer recurses: stop before RecursionError
    try:
        return yaml.compose(text)
    except MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except ValueError:  # ruamel calls chr() on an escape such as "\U00110000" unchecked
        _fast_compose(text)  # libyaml refuses the same escape, with its line and column
        raise _not_a_character(1, 1) from None
    except (YAMLError, AssertionError) as exc:
        raise YamlError(1, 1, "CSP001", _first_line(str(exc)) or "unreadable YAML") from None


@cache
def _plain_marking_resolver() -> type:
    """ruamel's resolver, except that untagged plain scalars get the `_PLAIN` marker tag."""
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class Resolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                return Tag(suffix=_PLAIN)
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
        return _not_a_character(line, col)
    if "found character '\\t'" in problem:
        problem = "a tab where YAML needs spaces (to indent, or after a colon); use spaces"
    return YamlError(line, col, "CSP001", f"YAML syntax error: {problem}")


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""


# --- building values -----------------------------------------------------------------------


class _Builder:
    """Builds plain values from composed nodes, refusing the YAML features records must not use.

    With `positions`, it also records where every key and value starts (see `Document`). One
    builder serves both composers: with `exact`, nodes are ruamel's, whose tags are objects,
    whose anchors stay on the node and whose folded scalars carry fold markers. libyaml's nodes
    keep no anchors, so the fast path refuses anchors (and with them aliases) from the text
    before building (`_reject_anchors`).
    """

    def __init__(self, *, exact: bool, positions: Positions | None = None) -> None:
        self.exact = exact
        self.values: dict[Path_, tuple[int, int]] | None = positions[0] if positions else None
        self.keys: dict[Path_, tuple[int, int]] | None = positions[1] if positions else None
        self.seen: set[int] = set()

    def build(self, node: Any, path: Path_ | None, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _error(node, "CSP004", f"nesting is deeper than {MAX_DEPTH} levels")
        if self.exact:
            self._refuse_anchors(node)
        if self.values is not None:
            self.values[path] = _where(node)  # type: ignore[index]
        tag = self._tag(node) if self.exact else node.tag
        kind = node.id
        if kind == "scalar":
            value = node.value
            if tag == _PLAIN and not node.style and "\t" not in value:  # most values: plain text
                try:
                    return _resolve_plain(value)
                except ValueError:  # Python refuses to read integers of over 4,300 digits
                    raise _error(node, "CSP004", "number is too long to read") from None
            return self._scalar(node, tag)
        if kind == "mapping":
            if tag != _MAP:
                raise _tag_error(tag, node)
            return self._mapping(node, path, depth)
        if tag != _SEQ:
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
            raise _error(node, "CSP002", "aliases (*name) are not allowed in records")
        self.seen.add(id(node))
        if getattr(node, "anchor", None):
            raise _error(node, "CSP002", "anchors (&name) are not allowed in records")

    def _mapping(self, node: Any, path: Path_ | None, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise _error(key_node, "CSP002", "mapping keys must be plain words")
            key = key_node.value
            if self.exact or key_node.style or key_node.tag != _PLAIN or key == "<<" or "\t" in key:
                self._check_key(key_node, key)  # all but a plain word (almost every key)
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise _error(key_node, "CSP003",
                             f"duplicate key '{_short(key)}' (first set on line {_where(first)[0]})")
            if path is None:
                result[key] = self.build(value_node, None, depth + 1)
            else:
                self.keys[(*path, key)] = _where(key_node)  # type: ignore[index]
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
            raise _error(node, "CSP002", "merge keys (<<) are not allowed in records")
        if tag != _PLAIN and tag != _STR:
            raise _tag_error(tag, node)

    def _scalar(self, node: Any, tag: str) -> Any:
        value: str = node.value
        if self.exact and node.style == ">" and "\a" in value:
            value = value.replace("\a", "")  # ruamel marks fold points with BEL; raw BEL is refused
        _check_scalar(node, value)
        if tag == _PLAIN and not node.style:
            try:
                return _resolve_plain(value)
            except ValueError:  # Python refuses to read integers of over 4,300 digits
                raise _error(node, "CSP004", "number is too long to read") from None
        if tag == _STR or tag == _CORE + "timestamp" or tag == "!":
            return value
        if tag == _CORE + "int" and _INT.fullmatch(value):
            return _to_int(value)
        if tag == _CORE + "float" and _FLOAT.fullmatch(value):
            return _to_float(value)
        if tag == _CORE + "bool" and _BOOL.fullmatch(value):
            return value.lower() == "true"
        if tag == _CORE + "null" and _NULL.fullmatch(value):
            return None
        if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
            raise _error(node, "CSP002", f"value does not match its tag !!{tag[len(_CORE):]}")
        raise _tag_error(tag, node)


def _tag_error(tag: str, node: Any) -> YamlError:
    shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
    return _error(node, "CSP002", f"tag {_short(shown)} is not allowed in records")


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


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the public entry points ---------------------------------------------------------------


def parse(text: str, *, exact: bool = False) -> Document:
    """Parse one record's text into a `Document`, or raise `YamlError`.

    The fast path (libyaml) leaves positions to be found when first asked for; the exact path
    (ruamel) records them as it builds."""
    hidden, node = _compose(text, exact=exact)
    if exact:
        positions: Positions = ({}, {})
        data = None if node is None else _Builder(exact=True, positions=positions).build(node, (), 0)
        return Document(data, *positions, text=text, hidden=hidden)
    data = None if node is None else _Builder(exact=False).build(node, None, 0)
    return Document(data, text=text, hidden=hidden)


def _compose(text: str, *, exact: bool) -> tuple[bool, Any]:
    """After the checks of the whole text: whether it may hide characters (see `_scan`), and
    its root node (None for an empty document)."""
    hidden = _scan(text)
    directive = _DIRECTIVE.search(text) if text.startswith("%") or "\n%" in text else None
    if directive:
        line, col = _offset_position(text, directive.start())
        raise YamlError(line, col, "CSP002", "YAML directives (%YAML, %TAG) are not allowed in records")
    if exact:
        return hidden, _exact_compose(text)
    node = _fast_compose(text)
    if node is not None and "&" in text and _ANCHOR_HINT.search(text):  # `in` first: the regex is slow
        _reject_anchors(text)
    if "\t" in text:
        # libyaml takes a tab as a separator (`key:<tab>value`, a trailing tab) where ruamel,
        # which rewrites records, refuses the file: what cspctl could not edit, lint refuses.
        _exact_compose(text)
    return hidden, node


def _positions_of(text: str) -> Positions:
    """Where everything in a text the fast path has already read sits (see `Document`)."""
    positions: Positions = ({}, {})
    try:
        node = _compose(text, exact=False)[1]
        if node is not None:
            _Builder(exact=False, positions=positions).build(node, (), 0)
    except YamlError:
        pass  # not for a text that parsed; whatever was recorded before the error stands
    return positions


def _reject_anchors(text: str) -> None:
    """libyaml's nodes forget anchors; its events do not. Only run when the text hints at one."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        if getattr(event, "anchor", None):
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            raise YamlError(line, col, "CSP002", "anchors (&name) are not allowed in records")


def load(path: Path, *, exact: bool = False, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse one record file."""
    return parse(read_text(path, max_bytes), exact=exact)


def walk(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) in a document, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*path, index))


# --- round-trip writing ----------------------------------------------------------------------


def _rt_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar(_CORE + "null", "null")
    )
    return yaml


def rt_load(text: str) -> Any:
    """Load text for editing: ruamel's round-trip objects keep comments, order and quoting.

    Callers validate with `parse` first; this is only for files already known to be records.
    """
    return _rt_yaml().load(text)


def rt_dump(data: Any) -> str:
    """Serialise round-trip data back to text."""
    import io

    stream = io.StringIO()
    _rt_yaml().dump(data, stream)
    return stream.getvalue()


def atomic_write(path: Path, text: str | bytes, *, root: Path | None = None) -> bool:
    """Replace `path` with `text` (or bytes) atomically; False when the bytes would not change.

    The new content goes to a temporary file in the same folder (never named like a record),
    is flushed to disk, takes the old file's permissions, and replaces the file in one rename.
    A symlink, or a path that resolves outside `root`, is refused rather than followed.
    """
    import os
    import tempfile

    if path.is_symlink():
        raise YamlError(1, 1, "CSP007", "refusing to write through a symbolic link")
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise YamlError(1, 1, "CSP007", "refusing to write outside the records folder")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644 & ~_umask()
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return True
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)
    return True


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current
