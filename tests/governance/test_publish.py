"""`cspctl publish` and `cspctl verify` in a real git repository, read back as a reader would."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GIT_IDENTITY, MEETING, PARTNERSHIP

RESTRICTED_ITEM = """\
  - title: Prevent case review
    restricted: true
    minutes: |
      The board discussed SECRETCASE7.
"""


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(board: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small board with a restricted item, committed; returns the records folder."""
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    root = board(**{
        "partnership.yaml": PARTNERSHIP + "papers_deadline: {working_days_before: 5}\n",
        "meetings/2022-03-30.yaml": MEETING + RESTRICTED_ITEM,
    })
    top = root.parent
    (top / ".gitignore").write_text(".cspctl-cache/\n", encoding="utf-8")
    _git(top, "init", "-q", "-b", "main")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "records")
    monkeypatch.chdir(top)
    return root


def _commit(root: Path, message: str) -> None:
    _git(root.parent, "add", "-A")
    _git(root.parent, "commit", "-q", "-m", message)


def test_publish_writes_the_public_pack_a_manifest_and_the_record(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    before = (repo / "meetings/2022-03-30.yaml").read_text(encoding="utf-8")
    result = cli("--records", repo, "publish", "2022-03-30", "--on", "2022-03-23")
    assert result.code == 0, result.err
    folder = repo / "published" / "2022-03-30"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["records_commit"] == _git(repo.parent, "rev-parse", "HEAD").strip()
    assert manifest["deadline"] == "2022-03-23" and manifest["late_working_days"] == 0
    assert [f["path"] for f in manifest["files"]] == ["pack.md", "pack.html", "pack.pdf"]
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
        assert b"SECRETCASE7" not in data
    assert (folder / "pack.pdf").read_bytes().startswith(b"%PDF")
    assert "RESTRICTED: Prevent case review" in (folder / "pack.md").read_text(encoding="utf-8")
    short = manifest["records_commit"][:7]
    assert f"(commit {short})." in (folder / "pack.md").read_text(encoding="utf-8")
    assert f"(commit {short}).</p>" in (folder / "pack.html").read_text(encoding="utf-8")
    after = (repo / "meetings/2022-03-30.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # only the publication is added, at the end
    assert after[len(before):] == (f"publications:\n  - on: 2022-03-23\n    commit: {manifest['records_commit']}\n"
                                   "    folder: published/2022-03-30\n")
    assert cli("--records", repo, "lint").code == 0


def test_publishing_twice_from_the_same_commit_changes_nothing(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--records", repo, "publish", "2022-03-30").code == 0
    files = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    again = cli("--records", repo, "publish", "2022-03-30")
    assert again.code == 0 and "already published from this commit" in again.out
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == files


def test_a_second_publication_is_a_supplement(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--records", repo, "publish", "2022-03-30", "--on", "2022-03-22").code == 0
    _commit(repo, "published")
    same = cli("--records", repo, "publish", "2022-03-30")
    assert same.code == 1 and "--supplement" in same.err
    late = cli("--records", repo, "publish", "2022-03-30", "--supplement", "--on", "2022-03-28")
    assert late.code == 0, late.err
    supplement = json.loads((repo / "published/2022-03-30/supplement-1/manifest.json").read_text(encoding="utf-8"))
    assert supplement["supplement"] == 1 and supplement["late_working_days"] == 0
    record = (repo / "meetings/2022-03-30.yaml").read_text(encoding="utf-8")
    assert "folder: published/2022-03-30/supplement-1\n    supplement: true\n" in record


def test_a_late_publication_says_so(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", repo, "publish", "2022-03-30", "--on", "2022-03-25")
    assert result.code == 0
    assert "published 2 working days after the papers deadline (2022-03-23)" in result.err
    assert "late_working_days: 2" in (repo / "meetings/2022-03-30.yaml").read_text(encoding="utf-8")


def test_publish_refuses_what_it_cannot_prove(cli, repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "meetings/2022-03-30.yaml").write_text(MEETING + "# an edit\n", encoding="utf-8")
    dirty = cli("--records", repo, "publish", "2022-03-30")
    assert dirty.code == 1 and "uncommitted changes (records/meetings/2022-03-30.yaml)" in dirty.err
    _commit(repo, "edit")
    missing = cli("--records", repo, "publish", "2022-06-29")
    assert missing.code == 1 and "no meeting record for 2022-06-29" in missing.err
    assert not (repo / "published").exists()


def test_verify_proves_each_published_file(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--records", repo, "publish", "2022-03-30").code == 0
    _commit(repo, "published")
    for name in ("pack.md", "pack.html", "pack.pdf"):
        result = cli("verify", repo / "published/2022-03-30" / name)
        assert result.code == 0, result.out
        assert result.out.count("ok   ") == 3 and "identical" in result.out


def test_verify_names_a_changed_file(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--records", repo, "publish", "2022-03-30").code == 0
    _commit(repo, "published")
    path = repo / "published/2022-03-30/pack.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Violence", "Violent"), encoding="utf-8")
    result = cli("verify", path)
    assert result.code == 1
    assert "FAIL" in result.out and "changed after publication" in result.out
    stray = repo / "published/2022-03-30/notes.txt"
    stray.write_text("x", encoding="utf-8")
    assert "is not listed in manifest.json" in cli("verify", stray).out
    assert cli("verify", repo / "meetings/2022-03-30.yaml").code == 1


def test_review_refuses_changes_to_what_was_published(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--records", repo, "publish", "2022-03-30", "--on", "2022-03-23").code == 0
    _commit(repo, "published")
    base = _git(repo.parent, "rev-parse", "HEAD").strip()
    (repo / "published/2022-03-30/pack.html").write_text("<p>replaced</p>\n", encoding="utf-8")
    (repo / "published/2022-03-30/pack.pdf").unlink()
    record = repo / "meetings/2022-03-30.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[:text.index("publications:")], encoding="utf-8")
    found = json.loads(cli("--records", repo, "lint", "--base", base, "--format", "json").out)
    published = sorted((f["path"].split("/")[-1], f["message"].split(":")[0]) for f in found if f["code"] == "CSP704")
    assert published == [("2022-03-30.yaml", "the publication of 2022-03-23 (entry 1) was changed or removed"),
                         ("pack.html", "a published file was changed"),
                         ("pack.pdf", "a published file was deleted")]


def test_a_new_publication_passes_review(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    base = _git(repo.parent, "rev-parse", "HEAD").strip()
    assert cli("--records", repo, "publish", "2022-03-30").code == 0
    found = json.loads(cli("--records", repo, "lint", "--base", base, "--format", "json").out)
    assert [f for f in found if f["code"] in ("CSP704", "CSP701")] == []
