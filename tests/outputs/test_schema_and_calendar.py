"""`cspctl schema` and `cspctl calendar` as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from cspctl.models.registry import kind_of
from cspctl.records.schema_export import all_schemas, modeline
from cspctl.records.yamlio.read import load
from tests.conftest import MEETING, SEED_RECORDS, Result

Cli = Callable[..., Result]


def _validator(kind: str, schemas: dict[str, dict]) -> jsonschema.protocols.Validator:
    schema = schemas[kind]
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_every_seed_record_validates_against_the_exported_schemas(cli: Cli, tmp_path: Path) -> None:
    result = cli("schema", "--output", tmp_path)
    assert result.code == 0
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text()) for p in tmp_path.glob("*.json")}
    assert set(schemas) == {"partnership", "people", "forward-plan", "meeting", "report", "plan"}
    checked = 0
    for path in SEED_RECORDS.rglob("*.yaml"):
        kind = kind_of(__import__("pathlib").PurePosixPath(path.relative_to(SEED_RECORDS).as_posix()))
        assert kind is not None, path
        errors = list(_validator(kind, schemas).iter_errors(load(path).data))
        assert errors == [], (path, errors[0].message if errors else None)
        checked += 1
    assert checked >= 15


def test_committed_schemas_are_up_to_date() -> None:
    for kind, schema in all_schemas().items():
        committed = json.loads((SEED_RECORDS / "schemas" / f"{kind}.schema.json").read_text())
        assert committed == schema, f"run: cspctl schema --output records/schemas ({kind})"


@pytest.mark.parametrize(
    "change",
    [
        ("restricted: false", "restricted: yes"),
        ("duration: 20", "duration: 'twenty'"),
        ('start: "10:00"', "start: 10.00"),
        ("status: drafted", "status: finished"),
        ("    presenters: [Sam Lead]", "    presentres: [Sam Lead]"),
        ("date: 2022-03-30", "date: 30/03/2022"),
    ],
)
def test_schema_and_lint_agree_on_bad_records(cli: Cli, board: Callable[..., Path], change: tuple[str, str]) -> None:
    meeting = MEETING.replace("    kind: standing\n", "    kind: standing\n    restricted: false\n")
    bad = meeting.replace(*change)
    assert bad != meeting
    root = board(**{"meetings/2022-03-30.yaml": bad})
    lint = cli("--records", root, "lint", "--format", "json")
    assert lint.code == 1
    errors = list(_validator("meeting", all_schemas()).iter_errors(load(root / "meetings/2022-03-30.yaml").data))
    assert errors


def test_schema_to_stdout(cli: Cli) -> None:
    result = cli("schema")
    assert result.code == 0
    assert json.loads(result.out)["meeting"]["additionalProperties"] is False


def test_modeline_points_at_the_schema_folder() -> None:
    from pathlib import PurePosixPath

    assert modeline(PurePosixPath("meetings/2021-09-29.yaml")) == \
        "# yaml-language-server: $schema=../schemas/meeting.schema.json"
    assert modeline(PurePosixPath("reports/2021-12-08/x.yaml")) == \
        "# yaml-language-server: $schema=../../schemas/report.schema.json"
    assert modeline(PurePosixPath("people.yaml")) == "# yaml-language-server: $schema=schemas/people.schema.json"


def test_calendar_parses_back(cli: Cli, tmp_path: Path) -> None:
    from icalendar import Calendar

    out = tmp_path / "board.ics"
    result = cli("--records", SEED_RECORDS, "calendar", "--output", out)
    assert result.code == 0
    calendar = Calendar.from_ical(out.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 5
    sept = next(e for uid, e in events.items() if uid.startswith("2021-09-29@"))
    start = sept.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (10, 0, "Europe/London")
    assert str(sept["location"]) == "MS Teams"
    assert "7. RESTRICTED: Crime and Disorder Strategic Assessment" in str(sept["description"])
    march = next(e for uid, e in events.items() if uid.startswith("2022-03-30@"))
    assert str(march["status"]) == "TENTATIVE" and "Prevent Update" in str(march["description"])
    assert calendar.walk("VTIMEZONE")


def test_calendar_uids_are_stable(cli: Cli) -> None:
    first = cli("--records", SEED_RECORDS, "calendar").out
    assert first == cli("--records", SEED_RECORDS, "calendar").out
    assert "UID:2021-12-08@barking-and-dagenham-community-safety-partnership.cspctl" in first


def test_every_seed_record_names_its_schema_for_editors() -> None:
    from pathlib import PurePosixPath

    for path in SEED_RECORDS.rglob("*.yaml"):
        relative = PurePosixPath(path.relative_to(SEED_RECORDS).as_posix())
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(relative), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), target


def test_fmt_and_new_write_the_modeline(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": "meetings:\n  - date: 2022-06-29\n    items: []\n"})
    assert cli("--records", root, "fmt").code == 0
    assert (root / "people.yaml").read_text().startswith("# yaml-language-server: $schema=schemas/people.schema.json\n")
    assert cli("--records", root, "new", "meeting", "2022-06-29").code == 0
    created = (root / "meetings" / "2022-06-29.yaml").read_text()
    assert created.startswith("# yaml-language-server: $schema=../schemas/meeting.schema.json\n")
    assert cli("--records", root, "fmt", "--check").code == 0
