"""Shell completion of meeting dates, ids, people and subgroups, as bash asks for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_RECORDS


def complete(words: str, records: Path = SEED_RECORDS, *, by_option: bool = False) -> list[str]:
    env = {**os.environ, "_CSPCTL_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    if by_option:
        env.pop("CSPCTL_RECORDS", None)
    else:
        env["CSPCTL_RECORDS"] = str(records)
    done = subprocess.run([sys.executable, "-m", "cspctl"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert "Traceback" not in done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.parametrize(("words", "expected"), [
    ("cspctl render agenda 2022", ["2022-03-30", "2022-06-30", "2022-09-28"]),
    ("cspctl render minutes 2021", ["2021-09-29", "2021-12-08"]),
    ("cspctl render report gps", ["gps-tagging", "gps-tagging-presentation"]),
    ("cspctl render plan v", ["vru-2021-22"]),
    ("cspctl actions done 2021-09-29/1", ["2021-09-29/10.1", "2021-09-29/12.1", "2021-09-29/12.2"]),
    ("cspctl new report iv", ["ivolt"]),
])
def test_completes_what_the_records_hold(words: str, expected: list[str]) -> None:
    assert complete(words) == expected


def test_completes_people_and_reads_records_given_on_the_line(tmp_path: Path) -> None:
    names = complete(f"cspctl --records {SEED_RECORDS} actions --owner Ja", by_option=True)
    assert names == ["Jade Hodgson", "James Rush"]
    assert complete("cspctl render agenda 20", records=tmp_path / "missing") == []
