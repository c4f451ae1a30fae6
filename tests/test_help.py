"""Every command and command group says what it does in `--help`, and the top-level help
speaks of any partnership board."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import typer

from cspctl.cli import app
from tests.conftest import Result


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():  # a group (typer's own click)
        yield from _commands(sub, (*path, name))


def test_every_command_has_help_text(cli: Callable[..., Result]) -> None:
    found = list(_commands(typer.main.get_command(app)))
    assert len(found) > 15 and ("init",) in dict(found)
    for path, command in found:
        assert (command.help or "").strip(), f"cspctl {' '.join(path)} has no help text"
        result = cli(*path, "--help")
        assert result.code == 0 and "Usage" in result.out, path


def test_the_help_speaks_of_a_partnership_board(cli: Callable[..., Result]) -> None:
    top = cli("--help")
    assert "partnership board" in top.out and "Community Safety" not in top.out


def test_help_shows_names_not_type_placeholders(cli: Callable[..., Result]) -> None:
    """`DATE`, `ID`, `FORMAT`, never typer's `<str>` or a strftime pattern such as `<%Y-%m-%d>`."""
    for path, _command in _commands(typer.main.get_command(app)):
        out = cli(*path, "--help").out
        assert "<str>" not in out and "<%" not in out and "<function>" not in out, path
    pack = cli("render", "pack", "--help").out
    assert "DATE" in pack and "FORMAT" in pack


def test_help_names_every_output_format_and_keeps_its_defaults(cli: Callable[..., Result]) -> None:
    render = cli("render", "--help").out
    assert "Markdown, HTML, Word or PDF" in render and "Markdown or HTML" not in render
    # A "[default: …]" written in help text was eaten as console markup, leaving "pdf ." behind.
    agenda = cli("render", "agenda", "--help").out
    assert "(default: from --output's extension, else markdown)" in agenda and "pdf ." not in agenda
    assert "$CSPCTL_RECORDS" in cli("--help").out


def test_help_sentences_are_not_broken_where_the_source_wrapped(cli: Callable[..., Result]) -> None:
    """Docstrings wrap at the source's width; in help each paragraph flows to the terminal's."""
    for path, command in _commands(typer.main.get_command(app)):
        for paragraph in (command.help or "").split("\n\n"):
            lines = paragraph.splitlines()
            listed = any(line.lstrip()[:2] in ("- ", "* ") for line in lines)
            assert len(lines) <= 1 or listed or paragraph.startswith("\b"), (path, paragraph)
    assert "every item's papers, with a contents list." in cli("render", "--help").out
