"""Odd drafts never crash the importer and never leave an invalid record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ODD = {
    "only-headings": "1. ONE\n2. TWO\n3. THREE\n",
    "bad-times": "Date: 1 May 2024 (25.70-99.99)\n\n1. ITEM\n\nText.\n",
    "bad-date": "31 February 2024\n\n1. ITEM\n\nText.\n",
    "empty-action": "1. ITEM\n\nACTION:\nACTION: to\nACTION: (COMPLETED)\n",
    "restricted-only": "1. RESTRICTED:\n\nRESTRICTED: \n",
    "long-list": "Present: " + "word " * 300 + "\n\n1. ITEM\n",
    "huge-number": "999. ITEM\n\n1000. OTHER\n\nText\n",
    "two-fours": "4. ONE\n\nACTION: Pat to a\n\n4. TWO\n\nACTION: Pat to b\n",
    "control-chars": "1. ITEM\x07\x1b[31m\n\nText \u202e with bidi.\n",
    "markdown-only-title": "# Title only\n",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_drafts(name: str, tmp_path: Path, cli: Callable[..., Any]) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", "Test Board").code == 0
    source = tmp_path / (f"{name}.md" if name.startswith("markdown") else f"{name}.txt")
    source.write_text(ODD[name], encoding="utf-8")
    result = cli("--records", root, "import", "minutes", source, "--date", "2024-05-01")
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if result.code == 0:
        assert cli("--records", root, "fmt", "--check").code == 0
    else:
        assert result.err.count("cspctl:") == 1, result.err
