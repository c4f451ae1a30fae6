"""The district test board (tests/boards/district): a board with none of the bundled board's
conventions — no end times, no durations, lettered items and running minute numbers, sub-items,
an item chair, deferred and withdrawn items, cancelled and postponed meetings, substitutes,
declarations and a quorum — lints clean and renders papers that say only what it records.

Its golden renders live in tests/boards/district/golden/ (`pytest tests/render --update-golden`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.render.conftest import golden_files

DISTRICT = REPO / "tests" / "boards" / "district"
FORMATS = {"markdown": "md", "html": "html"}


@pytest.fixture
def district_golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    return golden_files(request, DISTRICT / "golden")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["agenda", "minutes"])
@pytest.mark.parametrize("date", ["2022-03-15", "2022-07-12"])
def test_district_renders_match_golden(cli, district_golden: Callable[[str, bytes], None],
                                       kind: str, date: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", DISTRICT, "render", kind, date, "--format", fmt)
    assert result.code == 0, result.err
    district_golden(f"{kind}-{date}.{FORMATS[fmt]}", result.out.encode("utf-8"))


def test_district_lints_clean_and_is_canonical(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", DISTRICT, "lint", "--no-cache", "--strict")
    assert result.code == 0, result.out + result.err
    assert "No problems" in result.out
    assert cli("--records", DISTRICT, "fmt", "--check", DISTRICT).code == 0


def test_district_papers_invent_no_timings(cli) -> None:  # type: ignore[no-untyped-def]
    for kind, date in (("agenda", "2022-03-15"), ("minutes", "2022-03-15"), ("agenda", "2022-07-12")):
        for fmt in FORMATS:
            out = cli("--records", DISTRICT, "render", kind, date, "--format", fmt).out
            assert "18:00–" not in out and "18:30–" not in out
            assert "Timings" not in out and "Mins" not in out and "Start" not in out
            assert "to be confirmed" not in out and "13:00" not in out
    plan = cli("--records", DISTRICT, "render", "forward-plan").out
    assert "18:00" not in plan and "Timings" not in plan


def test_district_cancelled_and_postponed_meetings_are_notices(cli) -> None:  # type: ignore[no-untyped-def]
    cancelled = cli("--records", DISTRICT, "render", "agenda", "2022-04-26")
    assert cancelled.code == 0 and "**Meeting cancelled**" in cancelled.out
    assert "pre-election period" in cancelled.out and "| Item |" not in cancelled.out
    postponed = cli("--records", DISTRICT, "render", "minutes", "2022-06-07", "--format", "html")
    assert postponed.code == 0 and "<strong>Meeting postponed</strong>" in postponed.out
    assert "Members Present" not in postponed.out and "18:00" not in postponed.out
    plan = cli("--records", DISTRICT, "render", "forward-plan").out
    assert "### Tuesday 13 December 2022\n\n**Meeting cancelled**\n\n_Replaced by a joint workshop" in plan


def test_district_next_meeting_skips_cancelled_and_postponed(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", DISTRICT, "render", "minutes", "2022-03-15").out
    assert "### 8. DATE OF NEXT MEETING\n\nAnnual meeting\\\nTuesday 12 July 2022, 18:30\\\n" in out
    assert "26 April" not in out and "7 June" not in out


def test_district_calendar_has_no_invented_end(cli) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    result = cli("--records", DISTRICT, "calendar")
    assert result.code == 0, result.err
    assert "Community Safety Partnership" not in result.out
    calendar = Calendar.from_ical(result.out)
    events = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    held = events["2022-03-15"]
    assert held["dtstart"].dt.strftime("%H:%M") == "18:00" and "dtend" not in held
    assert str(events["2022-04-26"]["status"]) == "CANCELLED"
    assert str(events["2022-12-13"]["status"]) == "CANCELLED"
    assert str(events["2022-07-12"]["summary"]) == "Harrowfield Safer Communities Partnership: Annual meeting"


def test_district_quorum_is_checked_when_the_record_is_silent(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    copy = tmp_path / "district"
    shutil.copytree(DISTRICT, copy, ignore=shutil.ignore_patterns("golden"))
    july = copy / "meetings" / "2022-07-12.yaml"
    july.write_text(july.read_text(encoding="utf-8").replace("quorate: false\n", ""), encoding="utf-8")
    result = cli("--records", copy, "lint", "--no-cache")
    assert result.code == 0
    assert ("CSP306 the meeting of 2022-07-12 may not have been quorate: 3 members present, fewer than "
            "the quorum of 4; 2 organisations present, fewer than the quorum of 3") in result.out
    assert "2022-03-15" not in result.out


@pytest.mark.parametrize("fmt", FORMATS)
def test_district_decisions_register_matches_golden(cli, district_golden: Callable[[str, bytes], None],
                                                    fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", DISTRICT, "render", "decisions", "--format", fmt)
    assert result.code == 0, result.err
    district_golden(f"decisions.{FORMATS[fmt]}", result.out.encode("utf-8"))


@pytest.mark.parametrize("by", ["member", "organisation"])
def test_district_attendance_matches_golden(cli, district_golden: Callable[[str, bytes], None],
                                            by: str) -> None:  # type: ignore[no-untyped-def]
    """Substitutes count for the member they stood for, organisations by the register's name;
    without a declared membership nobody is called absent."""
    result = cli("--records", DISTRICT, "attendance", "--by", by, "--format", "markdown")
    assert result.code == 0, result.err
    district_golden(f"attendance-by-{by}.md", result.out.encode("utf-8"))
