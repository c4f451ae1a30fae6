"""The progress bar is drawn for a person at a terminal only, never into pipes or CI logs."""

from __future__ import annotations

import io
import sys

import pytest

from cspctl import progress


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress.reading_files() as on_loaded:
        assert on_loaded is None


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_for_many_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("CI", raising=False)
    with progress.reading_files() as on_loaded:
        assert on_loaded is not None
        on_loaded(1, 10)
    assert fake.getvalue() == ""
    with progress.reading_files() as on_loaded:
        assert on_loaded is not None
        for done in range(1, 301):
            on_loaded(done, 300)
    assert "Reading records" in fake.getvalue()


def test_ci_and_dumb_terminals_get_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Tty())
    monkeypatch.setenv("CI", "true")
    with progress.reading_files() as on_loaded:
        assert on_loaded is None
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    with progress.reading_files() as on_loaded:
        assert on_loaded is None
