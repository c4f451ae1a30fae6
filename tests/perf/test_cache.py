"""The lint cache: used when nothing changed, invalidated by content, version and schema,
bypassed by --no-cache, and never trusted when damaged or planted."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from cspctl.lint import lint_all
from cspctl.records.cache import Cache, cache_folder
from cspctl.records.discovery import discover
from cspctl.records.store import load_records
from tests.conftest import MEETING

KEY = b"k" * 32


def cache_of(root: Path, **options: object) -> Cache:
    return Cache(root, key=KEY, **options)  # type: ignore[arg-type]


def record_files(root: Path) -> int:
    return len(discover(root))


def test_a_warm_run_answers_from_the_cache(corpus: Path) -> None:
    cold = lint_all(corpus, cache_of(corpus))
    warm_cache = cache_of(corpus)
    key = warm_cache.tree_key("lint", warm_cache.hashes(discover(corpus)))
    assert warm_cache.result("lint", key) is not None
    assert lint_all(corpus, warm_cache) == cold
    assert warm_cache.hits == warm_cache.misses == 0  # not a single file was loaded


def test_unchanged_files_are_not_parsed_again(corpus: Path) -> None:
    load_records(corpus, cache=cache_of(corpus))
    again = cache_of(corpus)
    records = load_records(corpus, cache=again)
    assert again.hits == record_files(corpus) and again.misses == 0
    fresh = load_records(corpus)
    assert [m.model for m in records.meetings] == [m.model for m in fresh.meetings]
    assert [m.document.values for m in records.meetings] == [m.document.values for m in fresh.meetings]
    assert records.problems == fresh.problems


def test_a_changed_file_is_read_again_even_within_the_same_second(board: Callable[..., Path]) -> None:
    root = board()
    meeting = root / "meetings" / "2022-03-30.yaml"
    assert lint_all(root, cache_of(root))[0] == []
    meeting.write_text(MEETING.replace("status: drafted", "status: draftes"))  # same size
    problems, _ = lint_all(root, cache_of(root))
    assert [p.code for p in problems] == ["CSP103"]
    meeting.write_text(MEETING)
    assert lint_all(root, cache_of(root))[0] == []


def test_a_new_version_or_schema_drops_every_entry(corpus: Path) -> None:
    load_records(corpus, cache=cache_of(corpus))
    for options in ({"version": "99.0"}, {"schema": "another-schema"}):
        changed = cache_of(corpus, **options)
        assert changed.files == {} and changed.results == {}
        load_records(corpus, cache=changed)
        assert changed.hits == 0 and changed.misses == record_files(corpus)


def test_entries_follow_content_not_names(corpus: Path) -> None:
    load_records(corpus, cache=cache_of(corpus))
    first = sorted((corpus / "meetings").glob("*.yaml"))[0]
    first.write_text(first.read_text() + "# a comment changes the hash\n")
    again = cache_of(corpus)
    load_records(corpus, cache=again)
    assert again.misses == 1 and again.hits == record_files(corpus) - 1


def entry_names(cache: Cache) -> set[str]:
    with closing(sqlite3.connect(cache.entries)) as db:
        return {name for (name,) in db.execute("SELECT name FROM entries")}


def test_entries_for_content_no_file_has_are_pruned(corpus: Path) -> None:
    cache = cache_of(corpus)
    load_records(corpus, cache=cache)
    before = entry_names(cache)
    assert len(before) == record_files(corpus)
    meeting = sorted((corpus / "meetings").glob("*.yaml"))[0]
    meeting.write_text(meeting.read_text() + "# edited\n")
    load_records(corpus, cache=cache_of(corpus))
    after = entry_names(cache)
    assert len(after) == len(before) and len(after - before) == 1


def test_entries_go_in_one_database_not_a_file_each(corpus: Path) -> None:
    """Creating thousands of small files costs more than parsing them (module docstring)."""
    cache = cache_of(corpus)
    load_records(corpus, cache=cache)
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(["index", cache.entries.name])


def test_no_cache_bypasses_it(cli: Callable[..., object], board: Callable[..., Path]) -> None:
    root = board()
    folder = cache_folder(root)
    result = cli("--records", root, "lint", "--no-cache")
    assert result.code == 0  # type: ignore[attr-defined]
    assert not folder.parent.exists()
    assert cli("--records", root, "lint").code == 0  # type: ignore[attr-defined]
    assert (folder / "index").is_file()


def test_a_damaged_cache_is_ignored(cli: Callable[..., object], board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("duration: 20", "duration: lots")})
    expected = cli("--records", root, "lint", "--format", "json")
    folder = cache_folder(root)
    for garbage in (b"", b"\x00" * 7, b"garbage" * 50, b"SQLite format 3\x00" + b"\xff" * 4000):
        damaged = [p for p in folder.rglob("*") if p.is_file()]
        assert len(damaged) >= 2  # the index and the entries
        for path in damaged:
            path.write_bytes(garbage)
        again = cli("--records", root, "lint", "--format", "json")
        assert (again.code, again.out) == (expected.code, expected.out)  # type: ignore[attr-defined]
        assert json.loads(again.out)[0]["code"] == "CSP103"  # type: ignore[attr-defined]


def test_a_signed_but_unreadable_entry_is_ignored(corpus: Path) -> None:
    cache = cache_of(corpus)
    load_records(corpus, cache=cache)
    garbage = b"\xff not marshal data"
    with closing(sqlite3.connect(cache.entries)) as db, db:
        db.execute("UPDATE entries SET blob = ?", (cache._sign(garbage) + garbage,))
    again = cache_of(corpus)
    records = load_records(corpus, cache=again)
    assert again.hits == 0 and len(records.meetings) == 4 and records.problems == []


def test_a_planted_cache_is_not_trusted(board: Callable[..., Path]) -> None:
    """A cache that arrives with a checkout is signed with someone else's key: ignored."""
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("duration: 20", "duration: lots")})
    planted = Cache(root, key=b"attacker" * 4)
    lint_all(root, planted)
    planted.store_result("lint", planted.tree_key("lint", planted.hashes(discover(root))), ([], []))
    planted.dirty = True
    planted.save()
    problems, _ = lint_all(root, cache_of(root))
    assert [p.code for p in problems] == ["CSP103"]
