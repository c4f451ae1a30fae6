"""Working days that are real: bank holidays of the partnership's nation, closure days, clear days."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.authoring.workdays import WorkingCalendar
from cspctl.models.partnership import PapersDeadline
from tests.conftest import PARTNERSHIP

D = dt.date.fromisoformat


def test_the_platinum_jubilee_holidays_are_not_working_days() -> None:
    england = WorkingCalendar()
    assert england.holiday(D("2022-06-02")) and england.holiday(D("2022-06-03"))
    # 8 June 2022: five working days back skips Thursday 2 and Friday 3 June.
    assert england.working_days_before(D("2022-06-08"), 5) == D("2022-05-30")
    assert WorkingCalendar(bank_holidays="none").working_days_before(D("2022-06-08"), 5) == D("2022-06-01")


def test_scotland_keeps_the_second_of_january() -> None:
    meeting = D("2023-01-05")
    assert WorkingCalendar().working_days_before(meeting, 2) == D("2023-01-03")
    assert WorkingCalendar(bank_holidays="scotland").working_days_before(meeting, 2) == D("2022-12-30")


def test_closure_days_count_out_like_holidays() -> None:
    closed = WorkingCalendar(closures=frozenset({D("2021-12-29"), D("2021-12-30"), D("2021-12-31")}))
    assert closed.holiday(D("2021-12-30")) == "closure day"
    # 5 January 2022: back over 4 and 3 January (a bank holiday), then the closure, to 24 December.
    assert closed.working_days_before(D("2022-01-05"), 2) == D("2021-12-24")
    assert closed.working_days_between(D("2021-12-24"), D("2022-01-05")) == 2


def test_clear_working_days_leave_whole_days_between() -> None:
    england = WorkingCalendar()
    # Wednesday 8 December 2021, five clear working days: 1 to 7 December are the clear days.
    assert england.deadline(D("2021-12-08"), PapersDeadline(clear_working_days=5)) == D("2021-11-30")
    assert england.deadline(D("2021-12-08"), PapersDeadline(working_days_before=5)) == D("2021-12-01")


def _partnership(extra: str) -> str:
    return PARTNERSHIP + extra


def test_a_deadline_needs_exactly_one_rule(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    root = board(**{"partnership.yaml": _partnership("papers_deadline: {}\n")})
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert "give one of working_days_before or clear_working_days" in result.out


def test_status_counts_out_bank_holidays(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    root = board(**{
        "partnership.yaml": _partnership("papers_deadline: {clear_working_days: 5}\n"),
        "meetings/2022-03-30.yaml": None,
        "forward-plan.yaml": "meetings:\n  - date: 2022-06-08\n    items: []\n",
    })
    result = cli("--records", root, "status", "2022-06-08", "--as-of", "2022-05-20", "--format", "json")
    data = json.loads(result.out)
    assert data["deadline"] == "2022-05-27"  # six working days back, over the Jubilee holidays
    assert data["working_days_to_deadline"] == 5


@pytest.mark.parametrize(("filed", "finding"), [
    ("2021-12-01", None),
    ("2021-12-02", "filed 2 December 2021, 1 working day after the papers deadline of 1 December 2021"),
    ("2021-12-06", "filed 6 December 2021, 3 working days after the papers deadline of 1 December 2021"),
])
def test_lint_reports_a_late_paper(cli, board: Callable[..., Path], filed: str,  # type: ignore[no-untyped-def]
                                   finding: str | None) -> None:
    root = board(**{
        "partnership.yaml": _partnership("papers_deadline: {working_days_before: 5}\n"),
        "forward-plan.yaml": "meetings:\n  - date: 2021-12-08\n    items: []\n",
        "reports/2021-12-08/update.yaml": f"""\
            id: update
            kind: report
            meeting: 2021-12-08
            subject: An update
            filed: {filed}
            """,
    })
    result = cli("--records", root, "lint", "--format", "json")
    late = [f for f in json.loads(result.out) if f["code"] == "CSP505"]
    if finding is None:
        assert late == []
    else:
        assert [(f["message"], f["level"], f["line"]) for f in late] == [(finding, "warning", 5)]
