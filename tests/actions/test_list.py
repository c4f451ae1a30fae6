"""`cspctl actions` on the seed board and on small boards built inline, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MEETING, SEED_RECORDS, Result

Cli = Callable[..., Result]

SEPTEMBER_OPEN = {"2021-09-29/3.1", "2021-09-29/3.3", "2021-09-29/3.4", "2021-09-29/4.2",
                  "2021-09-29/6.1", "2021-09-29/6.3", "2021-09-29/12.1", "2021-09-29/12.2"}
CANARY = "CANARY-restricted-action-7f3a"


def actions(cli: Cli, *args: str, records: Path = SEED_RECORDS) -> list[dict[str, Any]]:
    result = cli("--records", records, "actions", "--format", "json", *args)
    assert result.code == 0, result.err
    data: list[dict[str, Any]] = json.loads(result.out)
    return data


def test_overdue_as_of_new_year_is_the_eight_open_september_actions(cli: Cli) -> None:
    rows = actions(cli, "--overdue", "--as-of", "2022-01-01")
    assert [r["id"] for r in rows] == [  # equally late: in id order, 12.x after 6.x
        "2021-09-29/3.1", "2021-09-29/3.3", "2021-09-29/3.4", "2021-09-29/4.2",
        "2021-09-29/6.1", "2021-09-29/6.3", "2021-09-29/12.1", "2021-09-29/12.2"]
    assert {(r["due"], r["days_overdue"], r["status"], r["source"], r["raised"])
            for r in rows} == {("2021-12-08", 24, "open", "minutes", "2021-09-29")}


def test_actions_carried_from_june_are_due_at_the_next_meeting_too(cli: Cli) -> None:
    rows = {r["id"]: r for r in actions(cli, "--as-of", "2022-01-01", "--source", "minutes")}
    assert rows["2021-09-29/3.1"]["carried_from"] == "2021-06"
    assert rows["2021-09-29/3.1"]["due"] == "2021-12-08"


def test_plan_actions_are_listed_but_not_overdue_before_their_end_date(cli: Cli) -> None:
    rows = actions(cli, "--as-of", "2022-01-01", "--source", "plan")
    assert len(rows) == 71
    assert rows[0]["id"].startswith("vru-2021-22/")
    assert {(r["due"], r["days_overdue"], r["raised"], r["source"]) for r in rows} == {
        ("2022-12-10", 0, None, "vru-2021-22")}
    assert "vru-2021-22/governance.1" in {r["id"] for r in rows}


def test_plan_actions_are_overdue_after_their_end_date(cli: Cli) -> None:
    rows = actions(cli, "--overdue", "--as-of", "2023-01-01")
    plan = [r for r in rows if r["source"] == "vru-2021-22"]
    assert len(plan) == 71 and {r["days_overdue"] for r in plan} == {22}
    # most overdue first: the September actions (due 2021-12-08) lead
    assert {r["id"] for r in rows[:8]} == SEPTEMBER_OPEN


def test_before_the_next_meeting_nothing_from_the_minutes_is_overdue(cli: Cli) -> None:
    assert actions(cli, "--overdue", "--as-of", "2021-12-01") == []
    assert actions(cli, "--overdue", "--as-of", "2021-12-08") == []  # due on the day: not late
    rows = actions(cli, "--as-of", "2021-12-01", "--source", "minutes")
    assert {r["id"] for r in rows} == SEPTEMBER_OPEN
    assert {r["days_overdue"] for r in rows} == {0}
    assert [r["days_overdue"] for r in actions(cli, "--overdue", "--as-of", "2021-12-09")] == [1] * 8


def test_status_filters(cli: Cli) -> None:
    everything = actions(cli, "--all", "--source", "minutes", "--as-of", "2022-01-01")
    assert len(everything) == 12
    completed = actions(cli, "--status", "completed", "--source", "minutes")
    assert {r["id"] for r in completed} == {"2021-09-29/3.2", "2021-09-29/4.1",
                                            "2021-09-29/6.2", "2021-09-29/10.1"}
    result = cli("--records", SEED_RECORDS, "actions", "--all", "--status", "open")
    assert result.code == 2 and "--all or --status" in result.err


def test_owner_by_alias(cli: Cli) -> None:
    rows = actions(cli, "--owner", "Dan James", "--source", "minutes", "--as-of", "2022-01-01")
    assert [r["id"] for r in rows] == ["2021-09-29/3.4"]
    assert rows[0]["owners"] == ["Andy Opie", "Dan James"]  # as the minutes write them
    assert rows[0]["owner_ids"] == ["andy-opie", "daniel-james"]  # identity from the register


def test_a_persons_actions_include_their_groups(cli: Cli) -> None:
    for name in ("Paul Trevers", "paul-trevers", "PAUL  trevers"):
        rows = actions(cli, "--owner", name, "--source", "minutes", "--as-of", "2022-01-01")
        assert [r["id"] for r in rows] == ["2021-09-29/3.1", "2021-09-29/12.2"]
        assert rows[0]["owners"] == ["CSP Board Chairs"]
    group = actions(cli, "--owner", "CSP Board Chairs", "--source", "minutes")
    assert [r["id"] for r in group] == ["2021-09-29/3.1"]


def test_unknown_owner_suggests_the_closest_name(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--owner", "Paul Trever")
    assert result.code == 1
    assert "unknown owner 'Paul Trever'; did you mean 'Paul Trevers'?" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_json_has_the_contract_fields(cli: Cli) -> None:
    row = actions(cli, "--overdue", "--as-of", "2022-01-01")[0]
    assert {"id", "description", "owners", "due", "status", "source", "raised",
            "days_overdue"} <= set(row)
    assert isinstance(row["days_overdue"], int) and isinstance(row["owners"], list)


def test_csv_reads_back(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--overdue", "--as-of", "2022-01-01",
                 "--format", "csv")
    assert result.out.startswith("\ufeffid,description,")  # the BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(result.out.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert {r["id"] for r in rows} == SEPTEMBER_OPEN
    by_id = {r["id"]: r for r in rows}
    assert by_id["2021-09-29/3.4"]["owners"] == "Andy Opie; Dan James"
    assert by_id["2021-09-29/3.4"]["owner_ids"] == "andy-opie; daniel-james"
    assert by_id["2021-09-29/3.4"]["days_overdue"] == "24"
    assert by_id["2021-09-29/3.4"]["due"] == "2021-12-08"
    assert {r["overdue"] for r in rows} == {"yes"}


def test_csv_file_opens_in_a_spreadsheet_as_written(tmp_path: Path) -> None:
    """Bytes as a spreadsheet gets them: UTF-8 with a BOM, yes/no, no live formulas, one
    line per row whatever control characters the record holds."""
    meeting = """\
date: 2022-03-30
status: drafted
items:
  - title: Women’s safety
    actions:
      - id: 2022-03-30/1.1
        owners: [Sam Lead]
        description: "=HYPERLINK(\\"http://example.org\\") women’s\\tsafety\\r\\nsurvey"
        due: 2022-04-01
      - id: 2022-03-30/1.2
        owners: ["@Sam Lead"]
        description: "-1+1 \\u202eevil"
        due: 2022-07-01
      - id: 2022-03-30/1.3
        owners: [Sam Lead]
        description: plain
        due: 2022-07-01
        status: completed
        completed_on: 2022-04-02
"""
    root = tmp_path / "records"
    (root / "meetings").mkdir(parents=True)
    (root / "people.yaml").write_text("people:\n  - {id: sam-lead, name: Sam Lead, aliases: ['@Sam Lead']}\n",
                                      encoding="utf-8")
    (root / "meetings" / "2022-03-30.yaml").write_text(meeting, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cspctl", "--records", str(root), "actions", "--all",
                           "--as-of", "2022-06-01", "--format", "csv"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    out = tmp_path / "actions.csv"
    out.write_bytes(done.stdout)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert len(done.stdout.splitlines()) == 4  # header and three rows: no line breaks inside cells
    first = rows["2022-03-30/1.1"]
    assert first["description"] == "'=HYPERLINK(\"http://example.org\") women’s safety survey"
    assert (first["overdue"], first["days_overdue"]) == ("yes", "61")
    second = rows["2022-03-30/1.2"]
    assert second["description"] == "'-1+1 evil" and second["owners"] == "'@Sam Lead"
    assert second["overdue"] == "no" and rows["2022-03-30/1.3"]["overdue"] == "no"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows.values() for cell in r.values())


def test_markdown_is_a_pipe_table(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--overdue", "--as-of", "2022-01-01",
                 "--format", "markdown")
    lines = result.out.splitlines()
    assert lines[0] == "## Overdue actions as of 2022-01-01: 8 listed, 8 overdue"
    assert "| ID | Owners | Action | Due | Days overdue | Status | Source |" in lines
    body = [line for line in lines if line.startswith("| 2021-09-29/")]
    assert len(body) == 8 and all(line.count(" | ") == 6 for line in body)
    assert "| 2021-09-29/3.4 | Andy Opie, Dan James |" in result.out


def test_table_shows_owners_source_and_lateness(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--as-of", "2022-01-01")
    assert result.code == 0
    assert "Open actions as of 2022-01-01: 79 listed, 8 overdue" in result.out
    assert "24 days late" in result.out and "CSP Board Chairs" in result.out
    assert "vru-2021-22" in result.out and "minutes" in result.out
    # most overdue first
    assert result.out.index("2021-09-29/3.1") < result.out.index("vru-2021-22/governance.1")


def test_by_owner_groups_people_and_expands_groups(cli: Cli) -> None:
    rows = actions(cli, "--by-owner", "--source", "minutes", "--as-of", "2022-01-01")
    groups: dict[str, set[str]] = {}
    for row in rows:
        groups.setdefault(row["owner"], set()).add(row["id"])
    assert groups["Paul Trevers"] == {"2021-09-29/3.1", "2021-09-29/12.2"}
    assert groups["Councillor Margaret Mullane"] == {"2021-09-29/3.1"}
    assert groups["Daniel James"] == groups["Andy Opie"] == {"2021-09-29/3.4"}
    table = cli("--records", SEED_RECORDS, "actions", "--by-owner", "--source", "minutes",
                "--as-of", "2022-01-01")
    assert "Paul Trevers — 2 actions, 2 overdue" in table.out


def test_nothing_matches(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--overdue", "--as-of", "2021-10-01")
    assert result.code == 0 and "No actions match." in result.out


@pytest.mark.parametrize("bad", ["2022-13-01", "tomorrow", "01/01/2022"])
def test_a_bad_date_is_a_usage_error(cli: Cli, bad: str) -> None:
    result = cli("--records", SEED_RECORDS, "actions", "--as-of", bad)
    assert result.code == 2 and "Traceback" not in result.err


def test_sorted_most_overdue_first_with_explicit_due_dates(cli: Cli, board: Callable[..., Path]) -> None:
    meeting = MEETING + (
        "      - id: 2022-03-30/2.2\n        owners: [Pat Chair]\n        description: later\n"
        "        due: 2022-05-01\n"
        "      - id: 2022-03-30/2.10\n        owners: [Pat Chair]\n        description: early\n"
        "        due: 2022-04-01\n"
    )
    root = board(**{"meetings/2022-03-30.yaml": meeting})
    rows = actions(cli, "--as-of", "2022-06-01", records=root)
    assert [(r["id"], r["days_overdue"]) for r in rows] == [
        ("2022-03-30/2.10", 61), ("2022-03-30/2.2", 31), ("2022-03-30/2.1", 0)]
    # no later meeting is known: due stays open, never overdue
    assert rows[2]["due"] is None


RESTRICTED_MEETING = MEETING + f"""\
  - title: Prevent Update
    restricted: true
    minutes: secret
    actions:
      - id: 2022-03-30/3.1
        owners: [Jo Officer]
        description: {CANARY}
"""

RESTRICTED_PLAN = f"""\
id: test-plan
title: Test plan
themes:
  - id: governance
    title: Governance
    actions:
      - number: 1
        action: public plan action
        leads: [Sam Lead]
        end: 2022-04-01
      - number: 2
        action: {CANARY} plan
        leads: [Sam Lead]
        end: 2022-04-01
        restricted: true
"""


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_restricted_actions_need_include_restricted(cli: Cli, board: Callable[..., Path],
                                                     fmt: str) -> None:
    root = board(**{"meetings/2022-03-30.yaml": RESTRICTED_MEETING,
                    "plans/test-plan.yaml": RESTRICTED_PLAN})
    args = ("--records", root, "actions", "--all", "--as-of", "2022-06-01", "--format", fmt)
    public = cli(*args)
    assert public.code == 0 and "public plan action" in public.out
    assert CANARY not in public.out and CANARY not in public.err
    for extra in (("--by-owner",), ("--owner", "Jo Officer")):
        assert CANARY not in cli(*args, *extra).out
    full = cli(*args, "--include-restricted")
    assert full.out.count(CANARY) == 2


def test_help_for_every_subcommand(cli: Cli) -> None:
    for args in (("actions",), ("actions", "done"), ("actions", "update"), ("chase",)):
        result = cli(*args, "--help")
        assert result.code == 0 and "Usage" in result.out


def test_listing_does_not_import_the_rendering_stack() -> None:
    script = (
        "import sys\n"
        "from cspctl.cli import main\n"
        f"code = main(['--records', {str(SEED_RECORDS)!r}, 'actions', '--overdue'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markdown_it', 'ruamel')"
        " or m.startswith('cspctl.render'))\n"
        "print('HEAVY', heavy, code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "HEAVY [] 0" in done.stderr


@pytest.mark.parametrize("columns", ["80", "120", "200"])
def test_ids_and_dates_never_wrap_at_any_width(cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    out = cli("--records", SEED_RECORDS, "actions", "--overdue", "--as-of", "2023-01-01").out
    assert max(len(line) for line in out.splitlines()) <= int(columns)
    for action_id in ("2021-09-29/12.1", "vru-2021-22/analysis-and-enforcement.1",
                      "vru-2021-22/working-with-communities.10"):
        assert action_id in out  # whole, on one line
    assert "2022-12-10" in out and "2021-12-08" in out


def test_long_actions_show_their_first_sentence_unless_full(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    args = ("--records", SEED_RECORDS, "actions", "--overdue", "--as-of", "2023-01-01")
    short, full = cli(*args).out, cli(*args, "--full").out
    assert len(short.splitlines()) < len(full.splitlines()) * 0.8
    assert "The Community Safety Strategic Assessment" in full and "The Community Safety Strategic" not in short
    assert "…" in short and "…" not in full
