"""The subtle parts of reading minutes, one rule at a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cspctl.importing.build import TIME_RANGE, _split_owner, _times
from cspctl.importing.names import markers, split_names
from cspctl.importing.sources import read_source
from cspctl.importing.structure import read_structure, restore_case, restricted_title


@pytest.mark.parametrize(("heading", "title"), [
    ("INTRODUCTIONS AND APOLOGIES FOR ABSENCE", "Introductions and Apologies for Absence"),
    ("UNIFICATION OF NPS AND CRC", "Unification of NPS and CRC"),
    ("ANY OTHER BUSINESS", "Any Other Business"),
    ("CO-COMMISSIONING OF THE HUB", "Co-Commissioning of the Hub"),
    ("Knife crime update", "Knife crime update"),  # mixed case is left alone
])
def test_title_case_is_restored_keeping_acronyms(heading: str, title: str) -> None:
    assert restore_case(heading, {"HUBX"}) == title


def test_acronyms_come_from_the_text() -> None:
    assert restore_case("SAFE HAVEN UPDATE", {"HAVEN"}) == "Safe HAVEN Update"


@pytest.mark.parametrize(("heading", "expected"), [
    ("RESTRICTED: STEPHEN'S CASE", ("STEPHEN'S CASE", True)),
    ("Confidential - Staffing", ("Staffing", True)),
    ("Part 2: Exempt report", ("Exempt report", True)),
    ("Restricted funding streams", ("Restricted funding streams", False)),
])
def test_restricted_prefixes(heading: str, expected: tuple[str, bool]) -> None:
    assert restricted_title(heading) == expected


def test_names_split_on_commas_and() -> None:
    assert split_names("A One, B Two, and C Three.") == ["A One", "B Two", "C Three"]
    assert split_names("A One & B Two; C Three") == ["A One", "B Two", "C Three"]
    assert markers("Pat Chair (CHAIR)") == ("Pat Chair", {"chair"}, None)
    assert markers("Jo Officer (Note Taker)") == ("Jo Officer", {"note_taker"}, None)
    assert markers("Sam Lead (Sussex Police)") == ("Sam Lead", set(), "Sussex Police")


@pytest.mark.parametrize(("text", "owner"), [
    ("Jade Hodgson to link in with Sam to provide an update", "Jade Hodgson"),
    ("CSP Board Chairs to jointly write to the trust", "CSP Board Chairs"),
    ("DO to arrange publication", "DO"),
    ("To include reference to the new duty", None),
    ("Partners agreed to provide quarterly updates", None),
])
def test_the_owner_of_an_action(text: str, owner: str | None) -> None:
    assert _split_owner(text)[0] == owner


@pytest.mark.parametrize(("text", "times"), [
    ("(10.00-13.00pm, MS Teams)", ("10:00", "13:00")),
    ("2-4pm", ("14:00", "16:00")),
    ("9.30am to 12.30pm", ("09:30", "12:30")),
    ("10:00 – 11:30", ("10:00", "11:30")),
])
def test_time_ranges(text: str, times: tuple[str, str]) -> None:
    found = TIME_RANGE.search(text)
    assert found is not None
    assert tuple(str(t) for t in _times(found)) == times


def test_a_year_is_no_time() -> None:
    found = TIME_RANGE.search("Tuesday 24 January 2023 – 2.00pm")
    assert found is None or not re.match(r"2023", found.group(0))


def test_wrapped_lines_and_page_breaks_are_joined(tmp_path: Path) -> None:
    wide = "x" * 60
    source = tmp_path / "m.txt"
    source.write_text(
        f"Date: 1 May 2024\n\n1. FIRST ITEM\n\n{wide} the sentence goes\non here.\n\n"
        f"- a bullet that is cut by a page break {wide}\n\nand goes on.\n\nShort line\nAnother line\n",
        encoding="utf-8")
    draft = read_structure(read_source(source, "m.txt"))
    blocks = [(b.kind, b.text) for b in draft.items[0].blocks]
    assert blocks == [("para", f"{wide} the sentence goes on here."),
                      ("bullet", f"a bullet that is cut by a page break {wide} and goes on."),
                      ("para", "Short line"), ("para", "Another line")]


def test_an_untitled_numbered_item_takes_the_next_line(tmp_path: Path) -> None:
    source = tmp_path / "m.txt"
    source.write_text("1.\n\nApologies\n\nMinutes:\n\nNone.\n\nAgenda item 2\n\nThe chair welcomed all.\n",
                      encoding="utf-8")
    draft = read_structure(read_source(source, "m.txt"))
    assert [i.heading for i in draft.items] == ["Apologies", "Agenda item 2"]
    assert [b.text for b in draft.items[1].blocks] == ["The chair welcomed all."]
    assert any("has no title" in message for _, message in draft.notes)


def test_a_name_with_its_organisation_after_a_dash() -> None:
    assert markers("Pat Chair – Sussex Police") == ("Pat Chair", set(), "Sussex Police")
    assert markers("AB - Cllr. Alan Bee - Chair") == ("Cllr. Alan Bee", {"chair"}, None)
    assert markers("Salvador-Jones") == ("Salvador-Jones", set(), None)


def test_action_tables() -> None:
    from cspctl.importing.sources import table_lines

    rows = [["No.", "Action", "Owner", "Status"], ["1", "To circulate the plan", "Pat Chair", "Complete"],
            ["2", "Write to the trust", "Sam Lead", "Open"], ["3", "", "", ""]]
    assert table_lines(rows) == ["", "ACTION: Pat Chair to circulate the plan (COMPLETED)",
                                 "ACTION: Sam Lead to Write to the trust", ""]
    assert table_lines([["Pat Chair", "Council"]]) == ["Pat Chair – Council"]


def test_a_markdown_action_table(tmp_path: Path) -> None:
    source = tmp_path / "m.md"
    source.write_text("## 1. Plans\n\nText.\n\n| Action | Owner |\n|---|---|\n| To share the plan | Pat Chair |\n",
                      encoding="utf-8")
    draft = read_structure(read_source(source, "m.md"))
    assert [(b.kind, b.text, b.line) for b in draft.items[0].blocks] == [
        ("para", "Text.", 3), ("action", "Pat Chair to share the plan", 7)]
