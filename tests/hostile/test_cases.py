"""The hostile-input suite: every file in cases/ placed in a minimal board and linted.

`expected.toml` says what must happen to each: one finding naming the file and line (an
error: exit 1), or accepted. Either way: no traceback, no file rewritten, no long or
restricted text echoed back, and, once `cspctl render` exists, accepted cases render
literally and escaped in every format.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result
from tests.hostile.safety import (
    command_exists,
    html_problems,
    markdown_as_html,
    normalise,
    visible_text,
)

Cli = Callable[..., Result]
HERE = Path(__file__).parent
CASES = HERE / "cases"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((HERE / "expected.toml").read_text("utf-8"))
TARGETS = {
    "meeting": "meetings/2022-03-30.yaml",
    "report": "reports/2022-03-30/prevent.yaml",
    "forward-plan": "forward-plan.yaml",
    "plan": "plans/vru.yaml",
    "people": "people.yaml",
}
SECRETS = ("CANARY", "Names of the people")
"""Text planted in cases that no message may repeat."""


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def place(board: Callable[..., Path], name: str) -> tuple[Path, Path]:
    root = board()
    target = root / TARGETS[EXPECTED[name].get("target", "meeting")]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((CASES / f"{name}.yaml").read_bytes())
    return root, target


def test_every_case_file_has_an_expectation_and_the_reverse() -> None:
    assert {p.stem for p in CASES.glob("*.yaml")} == set(EXPECTED)
    for name, spec in EXPECTED.items():
        assert set(spec) <= {"code", "line", "level", "accepted", "target", "visible"}, name
        assert spec.get("accepted", False) != ("code" in spec), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lint_does_what_the_table_says(name: str, cli: Cli, board: Callable[..., Path]) -> None:
    spec = EXPECTED[name]
    root, target = place(board, name)
    before = snapshot(root)

    result = cli("--records", root, "lint", "--format", "json")

    assert "Traceback" not in result.out + result.err
    assert snapshot(root) == before, "lint must never rewrite a file"
    findings = json.loads(result.out)
    for finding in findings:
        assert len(finding["message"]) <= 160
        assert not any(s.lower() in finding["message"].lower() for s in SECRETS)
    if spec.get("accepted"):
        assert result.code == 0 and findings == []
        return
    level = spec.get("level", "error")
    assert [(f["path"].endswith(TARGETS[spec.get("target", "meeting")]), f["code"], f["line"],
             f["level"]) for f in findings] == [(True, spec["code"], spec["line"], level)]
    assert result.code == (1 if level == "error" else 0)
    if level == "warning":
        assert cli("--records", root, "lint", "--strict").code == 1


@pytest.mark.parametrize("name", [n for n, s in sorted(EXPECTED.items()) if "code" in s][::9])
def test_text_output_is_one_located_line(name: str, cli: Cli, board: Callable[..., Path]) -> None:
    spec = EXPECTED[name]
    root, target = place(board, name)
    result = cli("--records", root, "lint")
    first = result.out.splitlines()[0]
    assert first.startswith(f"{target.as_posix()}:{spec['line']}:")
    assert f" {spec['code']} " in first


ACCEPTED = sorted(n for n, s in EXPECTED.items() if s.get("accepted")
                  and s.get("target", "meeting") in ("meeting", "report"))


@pytest.mark.parametrize("name", ACCEPTED)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_accepted_cases_render_literally_and_escaped(
    name: str, fmt: str, cli: Cli, board: Callable[..., Path]
) -> None:
    if not command_exists("render", "minutes"):
        pytest.skip("cspctl render is not built yet")
    spec = EXPECTED[name]
    root, _ = place(board, name)
    what = ("report", "prevent") if spec.get("target") == "report" else ("minutes", "2022-03-30")
    result = cli("--records", root, "render", *what, "--format", fmt)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    page = result.out if fmt == "html" else markdown_as_html(result.out)
    assert html_problems(page) == []
    shown = visible_text(page) if fmt == "html" else normalise(result.out)
    for text in spec.get("visible", []):
        assert normalise(text) in shown, text
