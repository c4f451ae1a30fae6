"""Lint's "did you mean": fields of the model at that place only, never the rejected name, and
where a field of another kind of mapping is allowed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cspctl.models.forward_plan import PlannedItem
from cspctl.models.meeting import Attendee, Item, Meeting
from cspctl.records.field_places import described, model_at, places_of
from cspctl.records.schema_errors import unknown_field_message
from tests.conftest import MEETING, Result

Cli = Callable[..., Result]


def _messages(cli: Cli, root: Path) -> list[str]:
    result = cli("--records", root, "lint", "--format", "json")
    assert result.code == 1 and "Traceback" not in result.err
    return [f["message"] for f in json.loads(result.out) if f["code"] == "CSP101"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a typo of a field of the same model
        (("    presenters: [Sam Lead]\n", "    presentres: [Sam Lead]\n"),
         "unknown field 'presentres' (did you mean 'presenters'?)"),
        (("status: drafted\n", "stauts: drafted\n"), "unknown field 'stauts' (did you mean 'status'?)"),
        # a field of another model: where it is allowed, never the name itself
        (("    minutes: |\n", "    notes: |\n"),
         "unknown field 'notes': it is not a field of an item; it is allowed on a planned item, "
         "a planned meeting and a meeting"),
        (("  apologies: [Jo Officer]\n", "  apologies: [Jo Officer]\n  note: by video\n"),
         "unknown field 'note': it is not a field of an attendance; it is allowed on a progress update, "
         "an attendee and a plan progress"),
        # nothing close and nowhere else
        (("status: drafted\n", "status: drafted\nweather: sunny\n"), "unknown field 'weather'"),
        # a typo inside a mapping of a union (an attendee entry)
        (("  present: [Pat Chair, Sam Lead]\n", "  present: [Pat Chair, {name: Sam Lead, organistion: Police}]\n"),
         "unknown field 'organistion' (did you mean 'organisation'?)"),
    ],
)
def test_unknown_fields_are_explained(cli: Cli, board: Callable[..., Path], change: tuple[str, str],
                                      message: str) -> None:
    assert change[0] in MEETING
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace(*change)})
    assert _messages(cli, root) == [message]


def test_a_report_field_is_suggested_within_its_paper_kind(cli: Cli, board: Callable[..., Path]) -> None:
    report = ("id: a-paper\nkind: report\nmeeting: 2022-03-30\nsubject: A paper\n"
              "sections:\n  - {kind: purpose, heading: Purpose, paragrahps: []}\n")
    root = board(**{"reports/2022-03-30/a-paper.yaml": report})
    assert _messages(cli, root) == ["unknown field 'paragrahps' (did you mean 'paragraphs'?)"]


def test_the_rejected_name_is_never_suggested() -> None:
    for model in (Item, Meeting, Attendee, PlannedItem):
        for key in ("notes", "note", "minutes", "title", "for", "from"):
            if key in {f.alias or n for n, f in model.model_fields.items()}:
                continue
            assert f"did you mean '{key}'" not in unknown_field_message(key, model)


def test_the_model_at_a_place() -> None:
    assert model_at("meeting", ("items", 0, "items", 2)) is Item
    assert model_at("meeting", ("attendance", "present", 0, "Attendee")) is Attendee
    assert model_at("meeting", ("attendance", "present", 0)) is Attendee  # the one mapping allowed
    assert model_at("forward-plan", ("meetings", 0, "items", 1)) is PlannedItem
    assert model_at("meeting", ("nowhere", 0)) is None
    assert described(PlannedItem) == "a planned item" and described(Item) == "an item"
    assert places_of("weather", None) is None
