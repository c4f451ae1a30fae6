"""User text is data: never template source, never live HTML, never a structure breaker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING

HOSTILE = MEETING.replace(
    "      The board noted the figures.\n",
    "      The board noted {{ 7*7 }} and {% if true %}yes{% endif %}.\n\n"
    "      <script>alert('x')</script> and [click](javascript:alert(1)) and <img src=x onerror=alert(2)>\n",
).replace("title: Violence performance", "title: \"Violence <b>performance</b> | {{ 6*7 }}\"")


@pytest.fixture
def hostile(board: Callable[..., Path]) -> Path:
    return board(**{"meetings/2022-03-30.yaml": HOSTILE})


def test_template_syntax_in_minutes_prints_as_written(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("markdown", "html"):
        result = cli("--records", hostile, "render", "minutes", "2022-03-30", "--format", fmt)
        assert result.code == 0, result.err
        assert "{{ 7*7 }}" in result.out and "{% if true %}yes{% endif %}" in result.out
        assert "49" not in result.out and "42" not in result.out


def test_html_in_minutes_is_escaped_in_html(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", hostile, "render", "minutes", "2022-03-30", "--format", "html").out
    assert "<script>" not in out and "<img" not in out and "<b>performance" not in out
    assert "&lt;script&gt;alert" in out
    assert "javascript:" not in out.split("</style>")[1].replace("[click](javascript:alert(1))", "")
    assert 'href="javascript' not in out


def test_html_in_minutes_is_inert_in_markdown(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    for kind, target in (("minutes", "2022-03-30"), ("agenda", "2022-03-30")):
        out = cli("--records", hostile, "render", kind, target).out
        assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script>alert" in cli("--records", hostile, "render", "minutes", "2022-03-30").out


def test_pipes_and_newlines_do_not_break_a_markdown_table(cli, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", hostile, "render", "agenda", "2022-03-30").out
    row = next(line for line in out.splitlines() if line.startswith("| 2 |"))
    assert "performance&lt;/b> \\| {{ 6*7 }}" in row
    assert row.count(" | ") == 4  # five columns, the user's pipe escaped
