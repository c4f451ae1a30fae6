"""docs/records.md is generated from the models: it is current, every field has an example,
and every example is a value its field accepts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import pytest
from pydantic import TypeAdapter, ValidationError

from cspctl.models.meeting import Action, Attendance, Item, Meeting
from cspctl.models.partnership import Partnership
from cspctl.records.reference import (
    COMMAND,
    MAKE,
    describe,
    documented,
    every_field,
    example_key,
    generate,
    missing_examples,
    requirement,
)
from cspctl.records.reference_examples import EXAMPLES
from cspctl.records.yamlio.read import parse
from tests.conftest import REPO


def test_docs_records_md_is_what_the_generator_writes() -> None:
    committed = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    assert committed == generate(), f"docs/records.md is stale: run `{MAKE}` (or .venv/bin/{COMMAND})"


def test_every_field_has_an_example() -> None:
    missing = missing_examples()
    assert missing == [], (
        "add an example for each of these fields to EXAMPLES in cspctl/records/reference_examples.py, "
        f"then run `{MAKE}`: " + ", ".join(missing))


def test_no_example_is_left_over_from_a_field_that_is_gone() -> None:
    used = {example_key(model, name) for model, name in every_field()}
    assert sorted(set(EXAMPLES) - used) == []


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_every_example_is_a_value_its_field_accepts(key: str) -> None:
    fields = {example_key(model, name): model.model_fields[name] for model, name in every_field()}
    info = fields[key]
    field_key = key.split(".", 1)[1]
    value = parse(f"{field_key}: {EXAMPLES[key]}\n").data[field_key]
    target: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    try:
        TypeAdapter(target).validate_python(value, strict=True)
    except ValidationError as exc:
        pytest.fail(f"the example of {key} is not valid: {exc.errors(include_url=False)[0]['msg']}")


def test_types_in_words() -> None:
    words = {name: describe(info.annotation, list(info.metadata)) for name, info in Action.model_fields.items()}
    assert words["due"] == "date (2022-03-30)"
    assert words["owners"] == "list of names (of the register)"
    assert words["status"] == "one of: open, in_progress, ongoing, completed, dropped"
    assert words["description"] == "text (Markdown)"
    assert words["updates"] == "list of [ProgressUpdate](#progressupdate) mappings"
    assert describe(Item.model_fields["number"].annotation) == 'item number ("4a", in quotes)'
    assert describe(Meeting.model_fields["start"].annotation) == 'time ("10:00", in quotes)'
    assert describe(Meeting.model_fields["quorate"].annotation) == "true or false"
    assert describe(dict[str, str]) == "mapping of texts to texts"
    assert describe(dt.date) == "date"


def test_required_and_defaults_in_words() -> None:
    assert requirement(Meeting.model_fields["date"]) == "required"
    assert requirement(Meeting.model_fields["status"]) == "default: planned"
    assert requirement(Meeting.model_fields["attendance"]) == "optional"
    assert requirement(Item.model_fields["restricted"]) == "default: false"
    assert requirement(Attendance.model_fields["present"]) == "optional"
    assert requirement(Partnership.model_fields["security"]) == (
        "default: public: OFFICIAL, restricted: OFFICIAL-SENSITIVE")


def test_every_model_of_a_kind_is_documented_once_with_where_it_is_used() -> None:
    meeting = documented("meeting")
    assert meeting[0].model is Meeting and meeting[0].used_in == []
    item = next(doc for doc in meeting if doc.model is Item)
    assert item.used_in == ["Meeting.items", "Item.items"]
    assert len({doc.model for doc in meeting}) == len(meeting)
    reports = [doc.model.__name__ for doc in documented("report")]
    assert reports[0] == "BoardReport" and "SubgroupUpdate" in reports and "Presentation" in reports
    text = generate()
    assert "### Attendee" in text and "`for: Kate Brown`" in text and "(no example yet)" not in text
