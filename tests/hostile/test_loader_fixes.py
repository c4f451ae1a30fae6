"""Loader fixes the hostile suite led to, pinned on both parser paths."""

from __future__ import annotations

import pytest

from cspctl.records.yamlio.read import parse
from cspctl.records.yamlio.text import YamlError, decode

BOTH = pytest.mark.parametrize("exact", [False, True], ids=["fast", "exact"])


@BOTH
def test_an_explicit_str_tag_is_honoured_so_a_boolean_cannot_hide_in_it(exact: bool) -> None:
    doc = parse("a: !!str false\nb: !!str 10\nc: false\nd: !!bool true\ne: !!int 7\n", exact=exact)
    assert doc.data == {"a": "false", "b": "10", "c": False, "d": True, "e": 7}


@BOTH
@pytest.mark.parametrize("text", ["!!python/str restricted: true\n", "!!binary aGk=: 1\n",
                                  "!custom a: 1\n"])
def test_keys_take_no_tag_but_str(text: str, exact: bool) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text, exact=exact)
    assert caught.value.code == "CSP002"
    assert parse("!!str a: 1\n", exact=exact).data == {"a": 1}


@BOTH
@pytest.mark.parametrize(
    ("text", "column", "code"),
    [('a: "x\\e[2J"\n', 4, "U+001B"), ('a: "x\\0"\n', 4, "U+0000"), ('a: "x\\N"\n', 4, "U+0085"),
     ('a: "x\\L"\n', 4, "U+2028"), ('a: "x\\uFEFF"\n', 4, "U+FEFF"), ('"a\\eb": 1\n', 1, "U+001B")],
    ids=["escape", "nul", "nel", "line-separator", "bom", "in-a-key"],
)
def test_escapes_cannot_produce_characters_the_raw_text_may_not_hold(
    text: str, column: int, code: str, exact: bool
) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text, exact=exact)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("CSP004", 1, column)
    assert code in caught.value.message


@BOTH
def test_a_tab_inside_unquoted_text_is_refused_on_both_paths(exact: bool) -> None:
    with pytest.raises(YamlError) as caught:
        parse("title: a\tb\n", exact=exact)
    assert (caught.value.code, caught.value.line) == ("CSP001", 1)
    assert parse('title: "a\tb"\nminutes: |\n  a\tb\n', exact=exact).data == {
        "title": "a\tb", "minutes": "a\tb\n"}


@BOTH
def test_an_integer_too_long_for_python_is_a_located_error(exact: bool) -> None:
    with pytest.raises(YamlError) as caught:
        parse("a: 1\nb: " + "9" * 5_000 + "\n", exact=exact)
    assert (caught.value.code, caught.value.line) == ("CSP004", 2)


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [(b"a: 1\rb: \x01\r", 2, 4), (b"a: 1\r\nb: \x01\r\n", 2, 4), (b"a: 1\nb: x\xe2\x80\xa8y\n", 2, 5),
     (b"a: \xc2\x85\n", 1, 4)],
    ids=["cr-only", "crlf", "line-separator", "nel"],
)
def test_bad_characters_are_located_whatever_the_line_endings(raw: bytes, line: int, column: int) -> None:
    with pytest.raises(YamlError) as caught:
        parse(decode(raw))
    assert (caught.value.code, caught.value.line, caught.value.column) == ("CSP004", line, column)
