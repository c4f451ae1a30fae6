"""Whatever a meeting file holds, `cspctl lint` exits 0 or 1 with well-formed findings and
never a traceback, and never rewrites the file."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties.helpers import examples, fresh_board, run
from tests.properties.strategies import mutated_meeting, yamlish

MEETING_FILE = "meetings/2022-03-30.yaml"


def _lint_survives(raw: bytes) -> None:
    with fresh_board({MEETING_FILE: raw}) as root:
        result = run("--records", root, "lint", "--format", "json")
        assert result.code in (0, 1), result.err
        assert "Traceback" not in result.out + result.err
        for finding in json.loads(result.out):
            assert finding["line"] >= 1 and finding["column"] >= 1
            assert finding["level"] in ("error", "warning")
            assert len(finding["message"]) <= 200
        assert (root / MEETING_FILE).read_bytes() == raw


@settings(max_examples=examples(30))
@given(raw=st.binary(max_size=1_000))
def test_lint_on_arbitrary_bytes(raw: bytes) -> None:
    _lint_survives(raw)


@settings(max_examples=examples(30))
@given(text=yamlish | mutated_meeting())
def test_lint_on_mutated_records(text: str) -> None:
    _lint_survives(text.encode("utf-8", "surrogatepass"))
