"""Reading a record: its text into a `Document` of plain values that knows where each one sits.

The only place records' YAML is read (`roundtrip` and `atomic` beside this package write).

Records are composed into nodes (which carry line and column) by one of two parsers and then
built into plain Python values by one constructor of our own, so every later stage can point
at `path:line:col` without holding parser objects:

- the fast path composes with libyaml's C parser (PyYAML's `CParser`);
- the exact path composes with ruamel.yaml, the library the writing commands round-trip with.

Both feed `Builder`, which applies the YAML 1.2 core schema (`no`, `10:00` and `2022-03-30`
stay strings), rejects what records must not contain (anchors, aliases, merge keys, tags
outside the core schema, directives, duplicate keys, several documents) and can record the
position of every key and value. The exact path records them as it builds; the fast path
builds values only and records positions when first asked (`Document`), by building again:
only files with a finding ever need one. A test keeps the two paths in agreement on values,
positions and refusals.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cspctl.records.yamlio.build import Builder
from cspctl.records.yamlio.compose import compose, non_specific_tags
from cspctl.records.yamlio.text import MAX_BYTES, Path_, Positions, YamlError, read_text


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
            self._positions = positions_of(text) if text is not None else ({}, {})
        return self._positions

    def keep_text(self) -> None:
        """Read the text of `source` now, for positions asked for after the file is gone."""
        if self._positions is None and self.text is None and self.source is not None:
            try:
                self.text = read_text(self.source)
            except YamlError:
                pass

    def positions_only(self, source: Path) -> Document:
        """A document with no data and no text, only this one's positions: what public records
        carry. Positions already found are copied; otherwise they are found when first asked
        for, from the file at `source` (this document's own source when it has one), so a view
        of thousands of files costs nothing until a finding needs a position."""
        if self._positions is not None:
            values, keys = self._positions
            return Document(None, values, keys, hidden=self.hidden)
        return Document(None, source=self.source or source, hidden=self.hidden)

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


def parse(text: str, *, exact: bool = False) -> Document:
    """Parse one record's text into a `Document`, or raise `YamlError`.

    The fast path (libyaml) leaves positions to be found when first asked for; the exact path
    (ruamel) records them as it builds."""
    hidden, node = compose(text, exact=exact)
    bangs = non_specific_tags(text)
    if exact:
        positions: Positions = ({}, {})
        builder = Builder(exact=True, positions=positions, non_specific=bangs)
        data = None if node is None else builder.build(node, (), 0)
        return Document(data, *positions, text=text, hidden=hidden)
    data = None if node is None else Builder(exact=False, non_specific=bangs).build(node, None, 0)
    return Document(data, text=text, hidden=hidden)


def positions_of(text: str) -> Positions:
    """Where everything in a text the fast path has already read sits (see `Document`)."""
    positions: Positions = ({}, {})
    try:
        node = compose(text, exact=False)[1]
        if node is not None:
            Builder(exact=False, positions=positions,
                    non_specific=non_specific_tags(text)).build(node, (), 0)
    except YamlError:
        pass  # not for a text that parsed; whatever was recorded before the error stands
    return positions


def load(path: Path, *, exact: bool = False, max_bytes: int = MAX_BYTES,
         root: Path | None = None) -> Document:
    """Read and parse one record file (by `text.read_bytes`' containment rule for `root`)."""
    return parse(read_text(path, max_bytes, root=root), exact=exact)


def walk(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) in a document, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*path, index))
