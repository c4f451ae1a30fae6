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
