"""`cspctl init` as a user runs it: a new board that lints clean, refused over existing records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from cspctl.records.schema_export import all_schemas
from cspctl.records.yamlio.read import load, parse
from tests.conftest import Result

Cli = Callable[..., Result]
NAME = "Northtown Safer Neighbourhood Board"


def test_init_writes_a_board_that_lints_clean(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "boards" / "northtown"  # created, parents too
    result = cli("init", root, "--name", NAME, "--authority", "Northtown: Borough Council")
    assert result.code == 0, result.err
    for relative in ("partnership.yaml", "people.yaml", "forward-plan.yaml", "meetings/.gitkeep",
                     "reports/.gitkeep", "plans/.gitkeep", "schemas/meeting.schema.json", ".gitignore",
                     ".pre-commit-config.yaml", ".github/workflows/records.yml"):
        assert (root / relative).is_file(), relative
        assert f"wrote {relative}" in result.out
    assert "Next:" in result.out
    assert [line.split("#")[0].split()[3] for line in result.out.splitlines() if "cspctl --records" in line] == [
        "lint", "new", "render"]
    partnership = load(root / "partnership.yaml").data
    assert (partnership["name"], partnership["authority"]) == (NAME, "Northtown: Borough Council")
    assert "meetings" not in partnership
    assert [s["title"] for s in partnership["standing_items"]] == [
        "Introductions and Apologies", "Declarations of Interest", "Minutes of the Last Meeting and Actions",
        "Any Other Business"]
    assert all("duration" not in s and "presenters" not in s for s in partnership["standing_items"])
    assert load(root / "people.yaml").data == {"people": [], "groups": [], "organisations": []}
    assert load(root / "forward-plan.yaml").data == {"meetings": []}
    for record in ("partnership", "people", "forward-plan"):
        first = (root / f"{record}.yaml").read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{record}.schema.json"
    assert ".cspctl-cache/" in (root / ".gitignore").read_text().splitlines()
    lint = cli("--records", root, "lint", "--strict")
    assert lint.code == 0 and "No problems in 3 files" in lint.out, lint.out
    assert cli("--records", root, "fmt", "--check").code == 0


def test_the_commented_examples_are_real_records(cli: Cli, tmp_path: Path) -> None:
    """Uncommenting people.yaml's examples gives a register that validates."""
    root = tmp_path / "board"
    assert cli("init", root, "--name", NAME).code == 0
    text = (root / "people.yaml").read_text()
    assert "authority" not in (root / "partnership.yaml").read_text()
    lines = text.splitlines()
    person = "\n".join(line[3:] for line in lines[2:8])
    group = lines[10][3:]
    organisation = lines[13][3:]
    filled = f"people:\n{person}\ngroups:\n{group}\norganisations:\n{organisation}\n"
    (root / "people.yaml").write_text(filled)
    assert cli("--records", root, "lint", "--strict").code == 0
    assert [p["id"] for p in parse(filled).data["people"]] == ["alice-brown"]


def test_the_schemas_are_those_cspctl_schema_writes(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", NAME).code == 0
    exported = tmp_path / "exported"
    assert cli("schema", "-o", exported).code == 0
    written = sorted(p.name for p in (root / "schemas").iterdir())
    assert written == sorted(p.name for p in exported.iterdir()) == sorted(f"{k}.schema.json" for k in all_schemas())
    for name in written:
        assert (root / "schemas" / name).read_bytes() == (exported / name).read_bytes()
        json.loads((root / "schemas" / name).read_text())


def test_the_hooks_and_workflow_point_at_the_board(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", NAME).code == 0
    hooks = parse((root / ".pre-commit-config.yaml").read_text()).data
    local = hooks["repos"][0]
    assert local["repo"] == "local"
    assert [(h["id"], h["entry"]) for h in local["hooks"]] == [
        ("cspctl-lint", "cspctl --records . lint"), ("cspctl-fmt", "cspctl --records . fmt")]
    workflow = parse((root / ".github" / "workflows" / "records.yml").read_text()).data
    runs = [step.get("run", "") for step in workflow["jobs"]["review"]["steps"]]
    assert "cspctl --records . lint --format github --base origin/${{ github.base_ref }}" in runs
    assert "cspctl --records . fmt --check" in runs
    remote = tmp_path / "remote"
    assert cli("init", remote, "--name", NAME, "--hooks-repo", "https://git.example.org/cspctl").code == 0
    repo = parse((remote / ".pre-commit-config.yaml").read_text()).data["repos"][0]
    assert repo["repo"] == "https://git.example.org/cspctl" and repo["rev"].startswith("v")
    assert [h["id"] for h in repo["hooks"]] == ["cspctl-lint", "cspctl-fmt"]


def test_init_refuses_a_folder_that_holds_records(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", NAME).code == 0
    (root / "partnership.yaml").write_text((root / "partnership.yaml").read_text() + "# my edits\n")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    again = cli("init", root, "--name", "Another Board")
    assert again.code == 1 and "already holds records" in again.err and "Traceback" not in again.err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    stray = tmp_path / "stray"
    (stray / "meetings").mkdir(parents=True)
    (stray / "meetings" / "2022-03-30.yaml").write_text("date: 2022-03-30\n")
    assert cli("init", stray, "--name", NAME).code == 1
    assert not (stray / "partnership.yaml").exists()


def test_init_keeps_files_already_in_a_new_repository(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "board"
    root.mkdir()
    (root / ".gitignore").write_text("*.pdf\n")
    result = cli("init", root, "--name", NAME)
    assert result.code == 0 and "kept .gitignore" in result.out
    assert (root / ".gitignore").read_text() == "*.pdf\n"


def test_init_defaults_to_the_records_folder_and_needs_a_name(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "records-here"
    assert cli("--records", root, "init", "--name", NAME).code == 0
    assert (root / "partnership.yaml").is_file()
    missing = cli("init", tmp_path / "other")
    assert missing.code == 2 and not (tmp_path / "other").exists()
    blank = cli("init", tmp_path / "blank", "--name", "  ")
    assert blank.code == 1 and "--name" in blank.err and not (tmp_path / "blank").exists()
    file = tmp_path / "a-file"
    file.write_text("x")
    assert cli("init", file, "--name", NAME).code in (1, 2)


def test_a_new_board_takes_its_first_meetings(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "board"
    assert cli("init", root, "--name", NAME).code == 0
    first = cli("--records", root, "new", "meeting", "2025-01-15")
    assert first.code == 0 and "standing items only" in first.out, first.err
    data = load(root / "meetings" / "2025-01-15.yaml").data
    assert "chair" not in data and "start" not in data and data["attendance"]["present"] == []
    assert all("duration" not in item for item in data["items"])
    assert cli("--records", root, "lint", "--strict").code == 0
    assert cli("--records", root, "fmt", "--check").code == 0
    agenda = cli("--records", root, "render", "agenda", "2025-01-15")
    assert agenda.code == 0 and "Declarations of Interest" in agenda.out


def test_init_help(cli: Cli) -> None:
    result = cli("init", "--help")
    assert result.code == 0 and "--name" in result.out and "--authority" in result.out


def test_init_refuses_names_lint_would_reject(cli: Cli, tmp_path: Path) -> None:
    for option, value in (("--name", "A\x01B"), ("--name", "A\u202eB"), ("--authority", "Line\nbreak")):
        args = ["init", tmp_path / "board", "--name", NAME, option, value]
        result = cli(*args)
        assert result.code == 1 and option in result.err and "Traceback" not in result.err
        assert not (tmp_path / "board").exists()
