"""The loader against the YAML test suite (yaml/yaml-test-suite, its `data` layout: one folder
per case with `in.yaml`, `in.json` when the case has a value, `error` when it must fail).

Every case, on both loading paths (fast: libyaml; exact: ruamel.yaml), is read to the suite's
value, refused by a documented rule with a located message, or listed in `expected.toml` with
what happens and why. `suite/` is the suite's data (MIT licence in suite/LICENSE); `own/` holds
cases of cspctl's own in the same layout. To update the suite, replace `suite/` with a newer
`data` branch and run this test: it names every case whose outcome changed.
"""

from __future__ import annotations

import json
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cspctl.records.yamlio.read import parse
from cspctl.records.yamlio.text import YamlError, decode

HERE = Path(__file__).parent
CASES = sorted(p.parent.relative_to(HERE).as_posix() for p in HERE.rglob("in.yaml"))
EXPECTED: dict[str, dict[str, str]] = tomllib.loads((HERE / "expected.toml").read_text("utf-8"))
LISTED = {case: outcome for outcome, cases in EXPECTED.items() for case in cases}
POLICY = {"CSP002", "CSP003", "CSP004"}
"""Refusals documented in docs/lint.md as what records must not use (not parser limits)."""


def _documents(text: str) -> list[Any]:
    """The JSON values of an in.json file (a stream of documents, one after another)."""
    decoder, at, found = json.JSONDecoder(), 0, []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return found
        value, at = decoder.raw_decode(text, at)
        found.append(value)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1, 1.0 and true differ)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _read(case: Path, exact: bool) -> tuple[Any, YamlError | None]:
    try:
        return parse(decode((case / "in.yaml").read_bytes()), exact=exact).data, None
    except YamlError as exc:
        assert exc.line >= 1 and exc.column >= 1 and exc.code.startswith("CSP0"), exc.message
        return None, exc


def test_the_suite_is_here_with_its_licence() -> None:
    assert (HERE / "suite" / "LICENSE").read_text("utf-8").startswith("MIT License")
    assert sum(c.startswith("suite/") for c in CASES) >= 400
    assert set(LISTED) <= set(CASES), set(LISTED) - set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_case(name: str) -> None:
    case = HERE / name
    invalid = (case / "error").exists()
    want = _documents((case / "in.json").read_text("utf-8")) if (case / "in.json").exists() else None
    listed = LISTED.get(name)
    results = [_read(case, exact) for exact in (False, True)]
    for value, error in results:
        if listed == "accepted":
            assert invalid and error is None, "listed as accepted: take it off the list"
        elif listed in ("refused", "messages-differ"):
            assert error is not None, "listed as refused, but it loads: take it off the list"
            assert listed == "messages-differ" or error.code == "CSP001", error.message
        elif listed == "differs":
            assert error is None and want is not None and not _same(value, want[0])
        elif listed == "unchecked":
            assert error is None and want is None
        elif invalid:
            assert error is not None, "an invalid case was accepted: refuse it, or list it"
        elif error is not None:
            assert error.code in POLICY, f"valid YAML refused: {error.code} {error.message}"
        else:
            assert want is not None and len(want) <= 1, "several documents must be refused"
            assert _same(value, want[0] if want else None), (value, want)
    fast, exact = results
    if fast[1] is None or exact[1] is None:
        assert fast[1] is None and exact[1] is None, "one path reads what the other refuses"
        assert _same(fast[0], exact[0])
    elif listed != "messages-differ":
        assert (fast[1].code, fast[1].line) == (exact[1].code, exact[1].line), \
            (fast[1].message, exact[1].message)
