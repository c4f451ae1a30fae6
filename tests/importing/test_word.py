"""Word drafts: heading styles, numbered headings in the text, attendance tables, notes by paragraph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cspctl.records.yamlio.read import load


def _draft(target: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Test Board", style="Title")
    document.add_paragraph("Thursday 5 May 2022, 2.00pm - 4.00pm")
    document.add_paragraph("Venue: Room 1")
    document.add_paragraph("Present:")
    table = document.add_table(rows=2, cols=2)
    for row, (name, organisation) in zip(table.rows, [("Pat Chair", "Council"), ("Sam Lead", "Police")], strict=True):
        row.cells[0].text, row.cells[1].text = name, organisation
    document.add_paragraph("Apologies: Jo Officer")
    document.add_paragraph("1. Welcome", style="Heading 2")
    document.add_paragraph("Pat Chair welcomed the board.")
    document.add_paragraph("2. Knife crime", style="Heading 2")
    document.add_paragraph("The board discussed:")
    document.add_paragraph("one thing", style="List Bullet")
    document.add_paragraph("another thing", style="List Bullet")
    document.add_paragraph("ACTION: Samuel Lead to share the figures (COMPLETED)")
    actions = document.add_table(rows=2, cols=3)
    for row, cells in zip(actions.rows, [("Action", "Owner", "Status"), ("To book the hall", "Jo Officer", "Open")],
                          strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(target))
    return target


def test_a_word_draft(tmp_path: Path, cli: Callable[..., Any]) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", "Test Board").code == 0
    (root / "people.yaml").write_text(
        "people:\n  - {id: pat-chair, name: Pat Chair}\n  - {id: sam-lead, name: Sam Lead}\n"
        "  - {id: jo-officer, name: Jo Officer}\n", encoding="utf-8")
    result = cli("--records", root, "import", "minutes", _draft(tmp_path / "draft.docx"), "--date", "2022-05-05")
    assert result.code == 0, result.err
    got = load(root / "meetings" / "2022-05-05.yaml").data
    assert (got["start"], got["end"], got["venue"]) == ("14:00", "16:00", "Room 1")
    assert got["attendance"]["present"] == [{"name": "Pat Chair", "organisation": "Council"},
                                            {"name": "Sam Lead", "organisation": "Police"}]
    assert got["attendance"]["apologies"] == ["Jo Officer"]
    assert [i["title"] for i in got["items"]] == ["Welcome", "Knife crime"]
    assert got["items"][1]["minutes"] == "The board discussed:\n\n- one thing\n- another thing\n"
    action, booked = got["items"][1]["actions"]
    assert (action["owners"], action["status"]) == (["Sam Lead"], "completed")
    assert (booked["owners"], booked["description"], booked["status"]) == (["Jo Officer"], "book the hall", "open")
    # the close spelling is reported by paragraph, the unit of a Word document
    assert "draft.docx: paragraph" in result.err and "'Samuel Lead' taken for 'Sam Lead'" in result.err
