"""The loader: YAML 1.2 values, positions, and the YAML features records refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from cspctl.records.yamlio.read import load, parse
from cspctl.records.yamlio.text import YamlError, decode

BOTH = pytest.mark.parametrize("exact", [False, True], ids=["fast", "exact"])


@BOTH
def test_yaml_1_2_keeps_look_alikes_as_strings(exact: bool) -> None:
    doc = parse("a: no\nb: 10:00\nc: 2022-03-30\nd: NO\ne: yes\nf: off\ng: 010\nh: 1.10\n", exact=exact)
    assert doc.data == {"a": "no", "b": "10:00", "c": "2022-03-30", "d": "NO", "e": "yes",
                        "f": "off", "g": 10, "h": 1.1}


@BOTH
def test_booleans_and_nulls_are_the_1_2_core_words_only(exact: bool) -> None:
    doc = parse("a: true\nb: False\nc: ~\nd: null\ne: y\n", exact=exact)
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": "y"}


@BOTH
def test_positions_of_keys_and_values_are_one_based(exact: bool) -> None:
    doc = parse("top:\n  items:\n    - title: x\n      restricted: true\n", exact=exact)
    assert doc.values[("top", "items", 0, "restricted")] == (4, 19)
    assert doc.keys[("top", "items", 0, "restricted")] == (4, 7)
    assert doc.position(("top", "items", 0, "missing")) == (3, 7)


@BOTH
@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("restricted: true\nrestricted: false\n", "CSP003", 2),
        ("a: &x hi\nb: *x\n", "CSP002", 1),
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "CSP002", 1),
        ("a: {b: 1}\nc:\n  <<: {b: 2}\n", "CSP002", 3),
        ("a: !!python/object/apply:os.system [ls]\n", "CSP002", 1),
        ("a: !!binary aGk=\n", "CSP002", 1),
        ("a: !custom x\n", "CSP002", 1),
        ("a: 1\n---\nb: 2\n", "CSP002", 2),
        ("%YAML 1.1\n---\na: no\n", "CSP002", 1),
        ("a: [1, 2\nb: 3\n", "CSP001", 2),
        ("a:\n\tb: 1\n", "CSP001", 2),
        ("a: " + "[" * 80 + "]" * 80 + "\n", "CSP004", 1),
    ],
    ids=["duplicate-key", "alias", "alias-bomb", "merge-key", "python-tag", "binary-tag",
         "custom-tag", "two-documents", "directive", "syntax", "tab-indent", "deep-nesting"],
)
def test_refused_yaml_is_located(text: str, code: str, line: int, exact: bool) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text, exact=exact)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(YamlError, match="first set on line 1"):
        parse("restricted: true\nrestricted: false\n")


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"a: b\nc: caf\xe9\n", 2, 7),
        (b"a: b\x00c\n", 1, 5),
        (b"a: 1\nb: \xef\xbb\xbfx\n", 2, 4),
    ],
    ids=["latin-1", "nul", "bom-inside"],
)
def test_bad_bytes_are_located(raw: bytes, line: int, column: int) -> None:
    with pytest.raises(YamlError) as caught:
        parse(decode(raw))
    assert (caught.value.line, caught.value.column) == (line, column)


def test_utf16_is_refused_and_leading_bom_accepted() -> None:
    with pytest.raises(YamlError, match="UTF-16"):
        decode("a: 1\n".encode("utf-16"))
    assert decode(b"\xef\xbb\xbfa: 1\n") == "a: 1\n"


def test_size_cap_applies_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(YamlError, match="too large"):
        load(big, max_bytes=1000)


@BOTH
def test_empty_and_comment_only_files_have_no_data(exact: bool) -> None:
    assert parse("", exact=exact).data is None
    assert parse("# nothing here\n", exact=exact).data is None


def test_fast_and_exact_paths_agree_on_the_seed_records() -> None:
    from tests.conftest import SEED_RECORDS

    files = sorted(SEED_RECORDS.rglob("*.yaml"))
    assert files
    for path in files:
        fast, exact = load(path), load(path, exact=True)
        assert fast.data == exact.data, path
        assert fast.values == exact.values, path
        assert fast.keys == exact.keys, path
