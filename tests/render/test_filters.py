"""The environment's filters and its safety settings."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import UndefinedError

from cspctl.records.register import Register
from cspctl.render import filters
from cspctl.render.environment import make_environment
from cspctl.render.loader import bundled_dir


def test_dates_are_written_uk_style_without_a_leading_zero() -> None:
    assert filters.long_date(dt.date(2021, 12, 8)) == "Wednesday 8 December 2021"
    assert filters.short_date(dt.date(2021, 12, 8)) == "8 December 2021"
    assert filters.short_date("2021-12-08") == "8 December 2021"
    assert filters.short_date(dt.date(2021, 12, 18)) == "18 December 2021"
    assert filters.short_date("2021-11") == "November 2021"
    assert filters.clock("10:00") == "10:00"


def test_markdown_to_html_is_safe() -> None:
    out = filters.markdown_to_html("<b>x</b> [a](javascript:alert(1)) [b](https://example.org)")
    assert "&lt;b&gt;" in out and 'href="javascript' not in out
    assert '<a href="https://example.org">b</a>' in out


def test_markdown_cell_keeps_one_line_and_escapes_pipes() -> None:
    assert filters.markdown_cell("a | b\n\nc") == "a \\| b c"


def test_join_names() -> None:
    assert filters.join_names(["A", "B", "C"]) == "A, B and C"
    assert filters.join_names(["A"]) == "A"


def test_environment_is_strict_and_autoescapes_html_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "t.html.j2").write_text("{{ x }}{{ x | md }}", encoding="utf-8")
    (tmp_path / "t.md.j2").write_text("{{ x }}|{{ missing }}", encoding="utf-8")
    env = make_environment(Register(None), templates=tmp_path, records_root=tmp_path)
    html = env.get_template("t.html.j2").render(x="<i>")
    assert html == "&lt;i&gt;<p>&lt;i&gt;</p>"
    with pytest.raises(UndefinedError):
        env.get_template("t.md.j2").render(x="<i>")


def test_bundled_templates_are_found_through_the_package() -> None:
    from importlib.resources import files

    folder = bundled_dir()
    assert (folder / "agenda.md.j2").is_file()
    assert (files("cspctl") / "templates" / "base.html.j2").is_file()
    env = make_environment(Register(None), templates=None, records_root=folder)
    assert env.get_template("pack.html.j2") is not None
