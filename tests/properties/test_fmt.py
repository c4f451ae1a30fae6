"""`cspctl fmt` on valid records written in varied styles: every value and comment kept, and a
second run changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from cspctl.records.yamlio.read import parse
from tests.hostile.safety import command_exists
from tests.properties.helpers import examples, fresh_board, run
from tests.properties.strategies import meeting_record

MEETING_FILE = "meetings/2022-03-30.yaml"


@pytest.fixture(autouse=True)
def _needs_fmt() -> None:
    if not command_exists("fmt"):
        pytest.skip("cspctl fmt is not built yet")


@settings(max_examples=examples(15))
@given(record=meeting_record())
def test_fmt_keeps_values_and_comments_and_is_idempotent(record: tuple[str, list[str]]) -> None:
    text, comments = record
    with fresh_board({MEETING_FILE: text}) as root:
        path = root / MEETING_FILE
        first = run("--records", root, "fmt")
        assert first.code == 0, first.err  # an error here may be the generator's: see the text
        after = path.read_text("utf-8")
        assert parse(after).data == parse(text).data
        assert parse(after, exact=True).data == parse(text, exact=True).data
        for comment in comments:
            assert comment.strip() in after, comment
        assert run("--records", root, "fmt", "--check").code == 0
        assert run("--records", root, "fmt").code == 0
        assert path.read_text("utf-8") == after
