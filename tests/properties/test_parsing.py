"""Whatever the bytes, the loader answers with a document or a located YamlError, never
anything else, on both parser paths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cspctl.records.yamlio.read import Document, parse
from cspctl.records.yamlio.text import YamlError, decode
from tests.properties.strategies import mutated_meeting, yamlish

BOTH = pytest.mark.parametrize("exact", [False, True], ids=["fast", "exact"])


def _parse_or_located_error(raw: bytes, exact: bool) -> None:
    try:
        document = parse(decode(raw), exact=exact)
    except YamlError as exc:
        assert exc.line >= 1 and exc.column >= 1
        assert exc.code.startswith("CSP00") and len(exc.message) <= 160
    else:
        assert isinstance(document, Document)


@BOTH
@given(raw=st.binary(max_size=2_000))
def test_arbitrary_bytes(raw: bytes, exact: bool) -> None:
    _parse_or_located_error(raw, exact)


@BOTH
@given(text=yamlish)
def test_yaml_ish_text(text: str, exact: bool) -> None:
    _parse_or_located_error(text.encode("utf-8", "surrogatepass"), exact)


@BOTH
@given(text=st.text(max_size=500))
def test_arbitrary_text(text: str, exact: bool) -> None:
    _parse_or_located_error(text.encode("utf-8", "surrogatepass"), exact)


@BOTH
@given(text=mutated_meeting())
def test_mutated_records(text: str, exact: bool) -> None:
    _parse_or_located_error(text.encode("utf-8", "surrogatepass"), exact)
