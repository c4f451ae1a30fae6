"""Loading in worker processes gives exactly what loading in one process gives."""

from __future__ import annotations

from pathlib import Path

from cspctl.records.store import Records, load_records


def snapshot(records: Records) -> list[object]:
    return [(loaded.display, loaded.model, loaded.document.data, loaded.document.values,
             loaded.document.keys) for loaded in records.all_loaded()]


def test_parallel_and_serial_loads_agree(corpus: Path) -> None:
    serial, parallel = load_records(corpus, workers=1), load_records(corpus, workers=2)
    assert len(serial.meetings) == 4 and serial.problems == []
    assert snapshot(parallel) == snapshot(serial)
    assert parallel.files == serial.files


def test_parallel_and_serial_report_the_same_problems(corpus: Path) -> None:
    meetings = sorted((corpus / "meetings").glob("*.yaml"))
    meetings[0].write_text(meetings[0].read_text().replace("duration: 15", "duration: long", 1))
    meetings[1].write_text("date: [unclosed\n")
    (corpus / "notes.yaml").write_text("just: a note\n")
    (corpus / "plans" / "empty.yaml").write_text("# nothing\n")
    serial, parallel = load_records(corpus, workers=1), load_records(corpus, workers=2)
    codes = sorted(p.code for p in serial.problems)
    assert codes == ["CSP001", "CSP005", "CSP102", "CSP103"]
    assert parallel.problems == serial.problems
    assert snapshot(parallel) == snapshot(serial)


def test_the_exact_path_loads_in_parallel_too(corpus: Path) -> None:
    assert snapshot(load_records(corpus, exact=True, workers=2)) == snapshot(load_records(corpus, workers=1))
