"""`cspctl attendance` and lint CSP310: who came, for whom, and who did not."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PARTNERSHIP

PEOPLE = """\
people:
  - {id: pat-chair, name: Pat Chair, organisation: District Council}
  - {id: sam-lead, name: Sam Lead, aliases: [Samuel Lead], organisation: Police}
  - {id: jo-officer, name: Jo Officer, organisation: District Council}
  - {id: kim-deputy, name: Kim Deputy, organisation: Police}
  - {id: lee-health, name: Lee Health, organisation: Health}
groups:
  - {id: chair, name: Chair, members: [pat-chair]}
"""

def _meeting(date: str, present: str, apologies: str = "[]", status: str = "drafted") -> str:
    return f"date: {date}\nstatus: {status}\nattendance:\n  present: {present}\n  apologies: {apologies}\n"


MEETINGS = {
    "meetings/2022-01-12.yaml": _meeting("2022-01-12", "[Pat Chair, Sam Lead, Lee Health]"),
    "meetings/2022-03-09.yaml": _meeting(
        "2022-03-09", "[Pat Chair, {name: Kim Deputy, organisation: Police, for: Samuel Lead}]", "[Lee Health]"),
    "meetings/2022-06-08.yaml": _meeting("2022-06-08", "[Pat Chair]", "[Jo Officer]"),
    "meetings/2022-09-14.yaml": _meeting("2022-09-14", "[Pat Chair, Sam Lead]", status="cancelled"),
}


@pytest.fixture
def roll(board: Callable[..., Path]) -> Path:
    partnership = PARTNERSHIP + (
        "membership:\n  - Pat Chair\n  - {name: Sam Lead, organisation: Police}\n"
        "  - {name: Lee Health, organisation: Health}\n  - {name: Jo Officer, from: 2022-04-01}\n"
        "attendance_threshold: {min_percent: 50, last_meetings: 3}\n")
    return board(**{"partnership.yaml": partnership, "people.yaml": PEOPLE, "meetings/2022-03-30.yaml": None,
                    **MEETINGS})


def _rows(cli, root: Path, *args: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    result = cli("--records", root, "attendance", "--format", "json", *args)
    assert result.code == 0, result.err
    return {r["name"]: r for r in json.loads(result.out)["rows"]}


def test_members_with_a_declared_membership(cli, roll: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(cli, roll)
    counts = {name: (r["expected"], r["present"], r["substitute"], r["apologies"], r["absent"])
              for name, r in rows.items()}
    assert counts == {
        "Pat Chair": (3, 3, 0, 0, 0),
        "Sam Lead": (3, 1, 1, 0, 1),  # represented in March by Kim Deputy, for "Samuel Lead"; the roll's name
        "Lee Health": (3, 1, 0, 1, 1),
        "Jo Officer": (1, 0, 0, 1, 0),  # a member from April only; the cancelled meeting never counts
    }
    assert rows["Lee Health"]["attended_percent"] == 33


def test_organisations_are_represented_by_any_member_or_substitute(cli, roll: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(cli, roll, "--by", "organisation")
    assert {n: (r["expected"], r["present"], r["substitute"], r["absent"]) for n, r in rows.items()} == {
        "District Council": (3, 3, 0, 0), "Police": (3, 1, 1, 1), "Health": (3, 1, 0, 1)}


def test_without_membership_absence_is_not_claimed(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    root = board(**{"people.yaml": PEOPLE, "meetings/2022-03-30.yaml": None, **MEETINGS})
    result = cli("--records", root, "attendance", "--format", "json")
    data = json.loads(result.out)
    assert data["membership_declared"] is False
    rows = {r["name"]: r for r in data["rows"]}
    assert all(r["absent"] == 0 for r in rows.values())
    assert rows["Kim Deputy"]["as_substitute"] == 1 and rows["Kim Deputy"]["expected"] == 0
    plain = cli("--records", root, "attendance").out
    assert plain.startswith("3 meetings held (no membership declared in partnership.yaml: absence is not known)")


def test_since_until_csv_and_markdown(cli, roll: Path) -> None:  # type: ignore[no-untyped-def]
    assert _rows(cli, roll, "--since", "2022-03-01", "--until", "2022-03-31")["Pat Chair"]["expected"] == 1
    out = cli("--records", roll, "attendance", "--format", "csv").out
    table = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert out.startswith("\ufeff") and table[0][:3] == ["name", "organisation", "expected"]
    md = cli("--records", roll, "attendance", "--format", "markdown", "--by", "organisation").out
    assert "| Police | 3 | 1 | 1 | 0 | 1 | 67% |" in md


def test_lint_warns_below_the_threshold(cli, roll: Path) -> None:  # type: ignore[no-untyped-def]
    found = [f for f in json.loads(cli("--records", roll, "lint", "--format", "json").out) if f["code"] == "CSP310"]
    assert sorted((f["message"], f["level"]) for f in found) == [
        ("Jo Officer attended 0 of the 1 meetings expected among the last 3 held (0%), below 50%", "warning"),
        ("Lee Health attended 1 of the 3 meetings expected among the last 3 held (33%), below 50%", "warning")]
    assert found[0]["path"].endswith("partnership.yaml")
