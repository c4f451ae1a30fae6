"""`cspctl lint` as a user runs it: exit codes, formats, paths, help, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, SEED_RECORDS, Result

Cli = Callable[..., Result]


def test_clean_board_exits_0(cli: Cli, board: Callable[..., Path]) -> None:
    result = cli("--records", board(), "lint")
    assert result.code == 0
    assert "No problems in 3 files." in result.out


def test_errors_exit_1_with_located_findings(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING.replace("Sam Lead]", "Nobody]")})
    result = cli("--records", root, "lint")
    assert result.code == 1
    assert "meetings/2022-03-30.yaml:9:24: CSP201 'Nobody' is not in the people register" in result.out
    assert "2 errors in 3 files." in result.out


def test_warnings_pass_unless_strict(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": "meetings:\n  - date: 2022-06-30\n"})
    assert cli("--records", root, "lint").code == 0
    strict = cli("--records", root, "lint", "--strict")
    assert strict.code == 1
    assert "CSP302" in strict.out and "(warning)" in strict.out


def test_usage_errors_exit_2(cli: Cli, board: Callable[..., Path]) -> None:
    root = board()
    assert cli("--records", root, "lint", "--format", "xml").code == 2
    assert cli("--records", root, "lint", "--no-such-option").code == 2
    missing = cli("--records", root, "lint", root / "nope.yaml")
    assert missing.code == 2 and "no such file" in missing.err


def test_missing_records_folder_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("--records", tmp_path / "absent", "lint")
    assert result.code == 1
    assert result.err.startswith("cspctl: records folder not found")


def test_records_from_environment(cli: Cli, board: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSPCTL_RECORDS", str(board()))
    assert cli("lint").code == 0


def test_json_format(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING + "  - {title: X, restricted: maybe}\n"})
    result = cli("--records", root, "lint", "--format", "json")
    assert result.code == 1
    [finding] = json.loads(result.out)
    assert set(finding) == {"path", "line", "column", "level", "code", "message"}
    assert (finding["line"], finding["code"], finding["level"]) == (24, "CSP103", "error")


def test_github_format(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"meetings/2022-03-30.yaml": MEETING + "  - {title: X, restricted: maybe}\n"})
    result = cli("--records", root, "lint", "--format", "github")
    first = result.out.splitlines()[0]
    assert first.startswith("::error file=") and ",line=24,col=" in first
    assert "title=CSP103::items[3].restricted: must be true or false" in first


def test_paths_limit_the_findings(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": "meetings:\n  - date: 2022-06-30\n",
                    "meetings/2022-03-30.yaml": MEETING.replace("Sam Lead]", "Nobody]")})
    only_plan = cli("--records", root, "lint", "--format", "json", root / "forward-plan.yaml")
    assert {f["code"] for f in json.loads(only_plan.out)} == {"CSP302"}
    only_meetings = cli("--records", root, "lint", "--format", "json", root / "meetings")
    assert {f["code"] for f in json.loads(only_meetings.out)} == {"CSP201"}


def test_stray_yaml_file_is_a_warning(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"notes/todo.yaml": "a: 1\n"})
    result = cli("--records", root, "lint", "--format", "json")
    assert [f["code"] for f in json.loads(result.out)] == ["CSP005"]


def test_help_for_every_command(cli: Cli) -> None:
    top = cli("--help")
    assert top.code == 0 and "lint" in top.out
    lint = cli("lint", "--help")
    assert lint.code == 0 and "--strict" in lint.out


@pytest.mark.parametrize(
    "text",
    [
        b"date: [unclosed\n",
        b"date: 2022-03-30\ndate: 2022-03-31\n",
        b"\xff\xfe\x00\x00garbage",
        b"a: &x 1\nb: *x\n",
        b"- just\n- a list\n",
        b"date: !!python/object/apply:os.system [echo hi]\n",
        b"\x00\x01\x02",
        b"items: " + b"[" * 500 + b"]" * 500 + b"\n",
    ],
    ids=["syntax", "duplicate", "utf32", "alias", "not-a-mapping", "python-tag", "control", "deep"],
)
def test_bad_input_never_prints_a_traceback(tmp_path: Path, board: Callable[..., Path], text: bytes) -> None:
    root = board()
    target = root / "meetings" / "2022-03-30.yaml"
    target.write_bytes(text)
    env = {**os.environ, "TERM": "dumb"}
    run = subprocess.run([sys.executable, "-m", "cspctl", "--records", str(root), "lint"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "meetings/2022-03-30.yaml:" in run.stdout
    assert target.read_bytes() == text


def test_seed_records_lint_clean_through_the_cli(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "lint")
    assert result.code == 0, result.out


def test_every_check_is_documented() -> None:
    from cspctl.checks import REGISTRY
    from tests.conftest import REPO

    documented = (REPO / "docs" / "lint.md").read_text(encoding="utf-8")
    for module in REGISTRY:
        assert module.__doc__ and module.CODE in module.__doc__
        assert f"### {module.CODE}" in documented, module.CODE


def test_records_option_after_the_command(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    root = board()
    before = cli("--records", root, "lint")
    after = cli("lint", "--records", root)
    equals = cli("lint", f"--records={root}")
    assert after.code == before.code == equals.code
    assert after.out == before.out == equals.out
    assert "No such option" not in after.err


def test_hoisting_leaves_values_after_a_double_dash_alone() -> None:
    from cspctl.commands.context import hoist_records

    assert hoist_records(["lint", "--records", "b"]) == ["--records", "b", "lint"]
    assert hoist_records(["--records", "a", "lint"]) == ["--records", "a", "lint"]
    assert hoist_records(["actions", "update", "x", "--", "--records", "b"]) == \
        ["actions", "update", "x", "--", "--records", "b"]
    assert hoist_records(["render", "agenda", "2022-03-30", "--records=r"]) == \
        ["--records=r", "render", "agenda", "2022-03-30"]


def test_github_errors_first_and_a_notice_past_what_github_shows(cli: Cli, board: Callable[..., Path]) -> None:
    items = "".join(f"  - {{title: T{i}, presenters: [Nobody {i}]}}\n" for i in range(12))
    root = board(**{"meetings/2022-03-30.yaml": "date: 2022-03-30\nstatus: drafted\nitems:\n" + items,
                    "forward-plan.yaml": "meetings:\n  - date: 2022-06-30\n"})
    lines = cli("--records", root, "lint", "--format", "github").out.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds == ["::error"] * 12 + ["::warning", "::notice"]
    assert lines[13].startswith("::notice title=cspctl lint::2 more findings than GitHub shows")
    assert sum(" CSP201 " in line for line in lines[14:]) == 12  # every finding, plain, in the log
    assert lines[-1] == "12 errors and 1 warning in 4 files."


def test_json_summary_counts(cli: Cli, board: Callable[..., Path]) -> None:
    root = board(**{"forward-plan.yaml": "meetings:\n  - date: 2022-06-30\n"})
    data = json.loads(cli("--records", root, "lint", "--format", "json-summary").out)
    assert (data["files"], data["errors"], data["warnings"]) == (4, 0, 1)
    assert [f["code"] for f in data["findings"]] == ["CSP302"]
