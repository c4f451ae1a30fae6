"""The fast path (libyaml) and the exact path (ruamel.yaml) must agree: same values and
positions for what they accept, the same (line, code) for what they refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from cspctl.records.yamlio.read import Document, parse
from cspctl.records.yamlio.text import YamlError, decode

REPO = Path(__file__).resolve().parents[2]
SEED = sorted((REPO / "records").rglob("*.yaml"))
HOSTILE = sorted((REPO / "tests" / "hostile" / "cases").glob("*.yaml"))
INLINE = {
    "yaml-1-1-look-alikes": "a: no\nb: 10:00\nc: 2022-03-30\nd: 0o17\ne: 0x1F\nf: 1e3\ng: .inf\nh: +7\n",
    "quoted-and-block": "a: 'no'\nb: \"x\\ty\"\nc: |\n  one\n\n  two\nd: >-\n  folded\n  text\n",
    "explicit-core-tags": "a: !!str 12\nb: !!int '7'\nc: !!null ''\nd: !!bool 'true'\n",
    "mismatched-tag": "a: !!int seven\n",
    "duplicate-in-flow": "a: {b: 1, b: 2}\n",
    "anchor-on-sequence": "a: &x [1]\n",
    "complex-key": "? [a, b]\n: c\n",
    "unclosed-quote": "a: \"open\nb: 2\n",
    "tab-in-plain": "a: one\ttwo\n",
    "content-after-the-document": "[a]\nb: 1\n",
    "escape-beyond-unicode": "a: \"\\U00110000\"\n",
    "escaped-low-surrogate": "a: \"\\udfff x\"\n",
    "empty-values": "a:\nb: {c: }\nd:\n  - \n  - e\n",
    "tab-after-colon": "a:\tb\n",
    "trailing-tab": "a: b\t\n",
    "tab-before-block": "a:\t\n  - b\n",
    "tab-in-flow": "a: [b,\tc]\n",
    "tab-in-quotes": "a: \"b\tc\"\nd: 'e\tf'\n",
}


def outcome(text: str, exact: bool) -> tuple[str, object]:
    """What a path makes of a text: ("ok", (data, values, keys)) or ("refused", (line, code))."""
    try:
        document: Document = parse(text, exact=exact)
    except YamlError as exc:
        return "refused", (exc.line, exc.code)
    return "ok", (document.data, document.values, document.keys)


def text_of(path: Path) -> str | None:
    try:
        return decode(path.read_bytes())
    except YamlError:
        return None  # refused before either parser runs: nothing to compare


def test_there_is_something_to_compare() -> None:
    assert len(SEED) >= 10 and len(HOSTILE) >= 20


@pytest.mark.parametrize("path", SEED, ids=lambda p: p.relative_to(REPO / "records").as_posix())
def test_paths_agree_on_the_seed_records(path: Path) -> None:
    text = text_of(path)
    assert text is not None
    fast, exact = outcome(text, False), outcome(text, True)
    assert fast[0] == "ok"
    assert fast == exact


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_paths_agree_on_the_hostile_cases(path: Path) -> None:
    text = text_of(path)
    if text is None:
        pytest.skip("refused as bytes, before parsing")
    assert outcome(text, False) == outcome(text, True)


@pytest.mark.parametrize("text", INLINE.values(), ids=INLINE.keys())
def test_paths_agree_on_tricky_snippets(text: str) -> None:
    assert outcome(text, False) == outcome(text, True)
