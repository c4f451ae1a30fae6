"""`cspctl calendar` read back with vobject, a parser independent of the library that writes it:
Europe/London times on both sides of the clock change, DTSTAMP and SEQUENCE from git, and
`--owner` feeds of action due dates."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import vobject

from tests.actions.test_list import CANARY, RESTRICTED_MEETING
from tests.conftest import GIT_IDENTITY, SEED_RECORDS, Result

Cli = Callable[..., Result]
UTC = dt.UTC
FORWARD_PLAN = """\
meetings:
  - date: 2022-06-29
    items:
      - {title: Violence performance, presenters: [Sam Lead], duration: 20}
"""


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def parse(text: str) -> Any:
    return vobject.readOne(text)


def events(text: str) -> dict[str, Any]:
    return {e.uid.value.split("@")[0]: e for e in parse(text).vevent_list}


def calendar(cli: Cli, *args: str | Path, records: Path = SEED_RECORDS) -> str:
    result = cli("--records", records, "calendar", *args)
    assert result.code == 0, result.err
    return result.out


def test_winter_and_summer_meetings_are_at_their_london_times(cli: Cli) -> None:
    found = events(calendar(cli))
    december = found["2021-12-08"].dtstart.value
    assert december.astimezone(UTC) == dt.datetime(2021, 12, 8, 10, 0, tzinfo=UTC)  # GMT
    june = found["2022-06-30"].dtstart.value
    assert june.astimezone(UTC) == dt.datetime(2022, 6, 30, 9, 0, tzinfo=UTC)  # BST
    assert found["2021-09-29"].dtend.value.astimezone(UTC) == dt.datetime(2021, 9, 29, 12, 0, tzinfo=UTC)
    march = found["2022-03-30"].dtstart.value  # three days after the clocks go forward
    assert march.astimezone(UTC).hour == 9


def test_the_timezone_is_two_rules_not_a_list_of_dates(cli: Cli) -> None:
    text = calendar(cli)
    assert text.count("BEGIN:VTIMEZONE") == 1 and "RDATE" not in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    zone = parse(text).vtimezone
    assert zone.tzid.value == "Europe/London"
    tz = zone.gettzinfo()
    for moment, offset in ((dt.datetime(2030, 3, 31, 0, 30), 0), (dt.datetime(2030, 3, 31, 2, 30), 1),
                           (dt.datetime(2030, 10, 27, 0, 30), 1), (dt.datetime(2030, 10, 27, 2, 30), 0),
                           (dt.datetime(2021, 12, 8, 10), 0), (dt.datetime(2022, 6, 30, 10), 1)):
        assert moment.replace(tzinfo=tz).utcoffset() == dt.timedelta(hours=offset), moment


def test_dtstamp_is_the_records_commit_time_not_the_clock(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "."], cwd=SEED_RECORDS,
                               capture_output=True, text=True, check=True).stdout.strip()
    stamps = {e.dtstamp.value for e in events(calendar(cli)).values()}
    assert stamps == {dt.datetime.fromtimestamp(int(committed), UTC)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    stamps = {e.dtstamp.value for e in events(calendar(cli)).values()}
    assert stamps == {dt.datetime(2022, 1, 1, tzinfo=UTC)}


class Board:
    """A small board in its own git repository, for SEQUENCE."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str) -> None:
        subprocess.run(["git", *args], cwd=self.root, capture_output=True, check=True)

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(board: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Board:
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    made = Board(board(**{"forward-plan.yaml": FORWARD_PLAN}))
    made.git("init", "-q", "-b", "main")
    made.commit("the board")
    return made


def sequences(cli: Cli, root: Path) -> dict[str, int]:
    return {uid: int(e.sequence.value) for uid, e in events(calendar(cli, records=root)).items()}


def test_sequence_counts_the_revisions_of_each_meeting(cli: Cli, repo: Board) -> None:
    assert sequences(cli, repo.root) == {"2022-03-30": 0, "2022-06-29": 0}
    repo.edit("meetings/2022-03-30.yaml", "venue: MS Teams", "venue: Town Hall")
    repo.commit("move the March meeting")
    assert sequences(cli, repo.root) == {"2022-03-30": 1, "2022-06-29": 0}
    repo.edit("forward-plan.yaml", "duration: 20", "duration: 30")
    repo.commit("longer item in June")
    assert sequences(cli, repo.root) == {"2022-03-30": 1, "2022-06-29": 1}
    (repo.root / "meetings" / "2022-06-29.yaml").write_text(
        "date: 2022-06-29\nstart: \"10:00\"\nitems:\n  - title: Violence performance\n", encoding="utf-8")
    assert sequences(cli, repo.root) == {"2022-03-30": 1, "2022-06-29": 2}  # uncommitted counts
    repo.commit("June's record")
    assert sequences(cli, repo.root) == {"2022-03-30": 1, "2022-06-29": 2}  # never goes back
    text = calendar(cli, records=repo.root)
    assert text == calendar(cli, records=repo.root)  # the same commit, the same bytes


def test_outside_git_sequence_is_zero(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": FORWARD_PLAN})
    assert sequences(cli, root) == {"2022-03-30": 0, "2022-06-29": 0}
    found = events(calendar(cli, records=root))
    assert found["2022-03-30"].dtstamp.value.year >= 2024  # the records' own time, not 2000


def test_an_owners_feed_of_action_due_dates(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "angie.ics"
    result = cli("--records", SEED_RECORDS, "calendar", "--owner", "Angie Fuller", "-o", out)
    assert result.code == 0, result.err
    assert "action due dates" in result.err
    feed = parse(out.read_text(encoding="utf-8"))
    assert feed.contents["x-wr-calname"][0].value.endswith(": actions for Angie Fuller")
    found = {e.uid.value.split("@")[0]: e for e in feed.vevent_list}
    kcpo = found["action-2021-09-29-4.2"]
    assert kcpo.dtstart.value == dt.date(2021, 12, 8) and kcpo.dtend.value == dt.date(2021, 12, 9)
    assert kcpo.summary.value.startswith("Action due 2021-09-29/4.2: invite DS James Rush")
    assert "Raised at the meeting of 29 September 2021" in kcpo.description.value
    assert kcpo.transp.value == "TRANSPARENT"
    assert "action-2021-09-29-12.1" in found
    assert all(isinstance(e.dtstart.value, dt.date) and not isinstance(e.dtstart.value, dt.datetime)
               for e in found.values())
    assert not any("completed" in e.description.value.lower() for e in found.values())
    assert b"\r\n" in out.read_bytes()


def test_an_owners_feed_for_a_group_and_for_nobody(cli: Cli) -> None:
    chairs = events(calendar(cli, "--owner", "CSP Board Chairs"))
    assert "action-2021-09-29-3.1" in chairs
    bad = cli("--records", SEED_RECORDS, "calendar", "--owner", "Angie Fullr")
    assert bad.code == 1 and "did you mean 'Angie Fuller'?" in bad.err and "Traceback" not in bad.err
    usage = cli("--records", SEED_RECORDS, "calendar", "--include-restricted")
    assert usage.code == 2 and "--owner" in usage.err


def test_restricted_actions_stay_out_of_the_feed(cli: Cli, board: Callable[..., Path]) -> None:
    meeting = RESTRICTED_MEETING.replace(f"description: {CANARY}\n",
                                         f"description: {CANARY}\n        due: 2022-05-01\n")
    root = board(**{"meetings/2022-03-30.yaml": meeting})
    public = cli("--records", root, "calendar", "--owner", "Jo Officer")
    assert public.code == 0 and CANARY not in public.out + public.err
    assert "2022-03-30-3.1" not in public.out
    meetings = cli("--records", root, "calendar")
    assert CANARY not in meetings.out
    full = calendar(cli, "--owner", "Jo Officer", "--include-restricted", records=root)
    assert CANARY in " ".join(e.description.value for e in parse(full).vevent_list)
