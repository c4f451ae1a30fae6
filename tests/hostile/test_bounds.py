"""Bounded: size and depth are capped before they can hurt, aliases cannot expand, and
messages stay short whatever the input. Inputs too big to keep as case files are built here."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.records.yamlio import compose
from cspctl.records.yamlio.read import parse
from cspctl.records.yamlio.text import MAX_BYTES, MAX_DEPTH, YamlError
from tests.conftest import Result

Cli = Callable[..., Result]
BOTH = pytest.mark.parametrize("exact", [False, True], ids=["fast", "exact"])

DEEP = {
    "flow-sequence-1000": "items: " + "[" * 1_000 + "]" * 1_000 + "\n",
    "flow-sequence-100000": "items: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "flow-mapping-100000": "items: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
    "flow-unclosed-100000": "items: " + "[" * 100_000 + "\n",
    "block-mapping-1000": "".join(" " * i + "a:\n" for i in range(1_000)),
    "block-sequence-100000": "items:\n" + "- " * 100_000 + "x\n",
    "mixed-100000": "items:\n- " + "{a: [" * 50_000 + "]}" * 50_000 + "\n",
}


@BOTH
@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_is_a_located_error_not_a_recursion_error(name: str, exact: bool) -> None:
    with pytest.raises(YamlError) as caught:
        parse(DEEP[name], exact=exact)
    assert caught.value.code == "CSP004"
    assert "nesting is deeper than 64 levels" in caught.value.message


@BOTH
def test_nesting_up_to_the_limit_is_fine(exact: bool) -> None:
    depth = MAX_DEPTH
    doc = parse("a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n", exact=exact)
    assert doc.data is not None


@BOTH
@pytest.mark.parametrize("levels", [9, 30])
def test_alias_bombs_are_refused_without_expanding(levels: int, exact: bool) -> None:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    with pytest.raises(YamlError) as caught:
        parse("\n".join(lines) + "\n", exact=exact)
    assert caught.value.code == "CSP002"


def test_size_is_capped_before_parsing(
    cli: Cli, board: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = board()
    big = root / "meetings" / "2022-03-30.yaml"
    big.write_bytes(b"date: 2022-03-30\nminutes: |\n" + b"  x" * (MAX_BYTES // 3 + 10) + b"\n")

    for name in ("fast_compose", "exact_compose"):
        real = getattr(compose, name)

        def guarded(text: str, real: Callable[[str], object] = real) -> object:
            assert len(text) <= MAX_BYTES, "parsed a file over the size cap"
            return real(text)

        monkeypatch.setattr(compose, name, guarded)
    result = cli("--records", root, "lint", "--format", "json", big)
    [finding] = json.loads(result.out)
    assert (result.code, finding["code"], finding["line"]) == (1, "CSP004", 1)
    assert "too large" in finding["message"] and len(finding["message"]) < 100


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("date: 2022-03-30\n" + "k" * 1_000 + ": 1\n", "CSP101"),
        ("date: 2022-03-30\n" + "k" * 50_000 + ": 1\n", "CSP001"),
        ("date: 2022-03-30\nstatus: " + "x" * 500_000 + "\n", "CSP103"),
        ("date: 2022-03-30\nitems:\n  - title: t\n    duration: " + "9" * 5_000 + "\n", "CSP004"),
        ("date: 2022-03-30\nitems:\n  - title: t\n    restricted: " + "y" * 500_000 + "\n", "CSP103"),
        ('date: 2022-03-30\nitems: "' + "z" * 500_000 + "\n", "CSP001"),
        ("date: 2022-03-30\ntitle: " + "[a, " * 60 + "]" * 60 + "\n", "CSP103"),
    ],
    ids=["long-key", "huge-key", "huge-enum-value", "huge-number", "huge-boolean", "huge-unclosed-quote",
         "list-for-text"],
)
def test_messages_never_dump_large_values(text: str, code: str, cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": text})
    result = cli("--records", root, "lint", "--format", "json")
    findings = json.loads(result.out)
    assert result.code == 1 and [f["code"] for f in findings] == [code]
    assert len(result.out) < 600 and len(result.err) < 200


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    one_and_a_half_gib = 3 * 1024**3 // 2
    resource.setrlimit(resource.RLIMIT_AS, (one_and_a_half_gib, one_and_a_half_gib))


@pytest.mark.parametrize("name", ["flow-sequence-100000", "block-sequence-100000", "alias-bomb-30"])
def test_the_cli_survives_in_modest_memory(name: str, board: Callable[..., Path]) -> None:
    """A real process with its address space capped; the timeout only stops a hang."""
    bomb = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 30)]
    text = "\n".join(bomb) + "\n" if name.startswith("alias") else DEEP[name]
    root = board(**{"meetings/2022-03-30.yaml": text})
    run = subprocess.run(
        [sys.executable, "-m", "cspctl", "--records", str(root), "lint", "--format", "json"],
        capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory,
        env={**os.environ, "TERM": "dumb"},
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    [finding] = json.loads(run.stdout)
    assert finding["code"] in ("CSP002", "CSP004")
