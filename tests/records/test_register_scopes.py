"""The register's newer lookups: organisations, a meeting's initials, names as written."""

from __future__ import annotations

from cspctl.models.people import PeopleRegister
from cspctl.records.register import Register, looks_like_initials, person_references


def register() -> Register:
    return Register(PeopleRegister.model_validate({
        "people": [{"id": "alison-cooper", "name": "Alison Cooper", "aliases": ["AC"]},
                   {"id": "adam-clarke", "name": "Adam Clarke", "salutation": "Adam"}],
        "groups": [{"id": "partners", "name": "Partners"}],
        "organisations": [{"id": "police", "name": "Vale Police", "aliases": ["Police"]}],
    }))


def test_organisations_resolve_by_id_name_and_alias() -> None:
    found = register()
    assert found.has_organisations and not Register(None).has_organisations
    for name in ("police", "Vale Police", " police "):
        entry = found.resolve(name)
        assert entry is not None and entry.kind == "organisation" and entry.id == "police"
    assert found.organisation("Police") is not None
    assert found.organisation("Partners") is None and found.organisation("Alison Cooper") is None


def test_initials_resolve_for_their_meeting_first() -> None:
    found = register()
    assert found.resolve_in("AC", None).id == "alison-cooper"  # type: ignore[union-attr]
    assert found.resolve_in("AC", {"AC": "Adam Clarke"}).id == "adam-clarke"  # type: ignore[union-attr]
    assert found.resolve_in(" AC ", {"AC": "Adam Clarke"}).id == "adam-clarke"  # type: ignore[union-attr]
    assert found.resolve_in("AC", {"AC": "Nobody Known"}) is None
    assert found.identity("AC", {"AC": "Adam Clarke"}) == found.identity("Adam Clarke")


def test_names_as_written_or_canonical() -> None:
    found = register()
    assert found.shown_name("AC", initials={"AC": "Adam Clarke"}) == "AC"
    assert found.shown_name("AC", canonical=True, initials={"AC": "Adam Clarke"}) == "Adam Clarke"
    assert found.shown_name("Someone Else", canonical=True) == "Someone Else"
    assert found.entries["adam-clarke"].salutation == "Adam"


def test_initials_shape() -> None:
    assert all(looks_like_initials(n) for n in ("AC", "JMK", "ABCD", " AC "))
    assert not any(looks_like_initials(n) for n in ("A", "ABCDE", "Ac", "JMcK", "A C", "Police"))


def test_attendance_mappings_name_people() -> None:
    data = {"attendance": {"present": ["AC", {"name": "Adam Clarke", "for": "Alison Cooper",
                                              "organisation": "Police"}]},
            "declarations": [{"person": "AC", "interest": "x"}]}
    assert person_references(data) == [
        (("attendance", "present", 0), "AC"),
        (("attendance", "present", 1, "name"), "Adam Clarke"),
        (("attendance", "present", 1, "for"), "Alison Cooper"),
        (("declarations", 0, "person"), "AC"),
    ]
