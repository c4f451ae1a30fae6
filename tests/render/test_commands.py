"""`cspctl render …` as a user runs it: options, errors, overrides and the agenda's clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MEETING, SEED_RECORDS

SUBCOMMANDS = ["agenda", "minutes", "report", "forward-plan", "actions", "plan", "pack", "decisions"]


@pytest.mark.parametrize("sub", SUBCOMMANDS)
def test_every_render_command_has_help(cli, sub: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", sub, "--help")
    assert result.code == 0
    for option in ("--format", "--output", "--include-restricted", "--templates"):
        assert option in result.out


def test_render_group_has_help(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("render", "--help")
    assert result.code == 0 and "pack" in result.out


def test_unknown_meeting_date_lists_the_known_ones(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-04-01")
    assert result.code == 1
    assert "no meeting or forward-plan entry on 2022-04-01" in result.err
    assert "2021-09-29, 2021-12-08, 2022-03-30" in result.err
    assert "Traceback" not in result.err


def test_minutes_of_a_planned_meeting_are_refused(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", "minutes", "2021-12-08")
    assert result.code == 1
    assert "known: 2021-09-29" in result.err


@pytest.mark.parametrize(("args", "listed"), [
    (["report", "nope"], "gps-tagging"),
    (["plan", "nope"], "vru-2021-22"),
])
def test_unknown_ids_list_what_exists(cli, args: list[str], listed: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", *args)
    assert result.code == 1 and listed in result.err


@pytest.mark.parametrize("args", [
    ["agenda", "30/03/2022"],
    ["agenda", "2022-02-30"],
    ["agenda", "2022-03-30", "--format", "docx-please"],
    ["actions", "--as-of", "tomorrow"],
])
def test_bad_values_are_usage_errors(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", *args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_output_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "agenda.html"
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "--format", "html",
                 "--output", target)
    assert result.code == 0 and result.out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page
    assert "RESTRICTED:</strong> Prevent Update" in page


def test_seed_agenda_30_march_2022(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30").out
    assert "**Wednesday 30 March 2022**" in out
    assert "| 13 | 11:59 | RESTRICTED: Prevent Update | Thomas Lewlyn-Jones | 10 |" in out
    assert "| 15 | 12:14 | AOB |" in out
    assert "Timings" not in out and "WARNING" not in out
    assert "Safer Neighbourhood Board Update — Steve Thompson" in out  # as the forward plan writes it


def test_overrun_is_advice_for_status_and_lint_not_the_public_agenda(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    long = MEETING.replace("duration: 20", "duration: 200")
    root = board(**{"meetings/2022-03-30.yaml": long})
    for fmt in ("markdown", "html"):
        out = cli("--records", root, "render", "agenda", "2022-03-30", "--format", fmt).out
        out = out.split("</style>")[-1]  # the stylesheet's own words (overflow-x) are no advice
        assert "over" not in out and "Timings" not in out and "slot" not in out
    status = cli("--records", root, "status", "2022-03-30", "--as-of", "2022-03-01")
    assert "Agenda: 205 of 180 min, 25 min over" in status.out
    lint = cli("--records", root, "lint")
    assert "CSP303 the agenda for 2022-03-30 runs 205 minutes, 25 over its 180-minute slot" in lint.out


def test_include_restricted_marks_the_first_line(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("--records", SEED_RECORDS, "render", "minutes", "2021-09-29", "--include-restricted").out
    assert out.splitlines()[0].startswith("CONFIDENTIAL")
    public = cli("--records", SEED_RECORDS, "render", "minutes", "2021-09-29").out
    assert "CONFIDENTIAL" not in public


def test_templates_option_and_records_templates_override(cli, board: Callable[..., Path],
                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = board(**{"templates/_agenda.md.j2": "Board-own agenda for {{ doc.date | long_date }}\n"})
    out = cli("--records", root, "render", "agenda", "2022-03-30").out
    assert out.startswith("Board-own agenda for Wednesday 30 March 2022\n\n---\n")
    assert out.rstrip().endswith("from records not committed to git.")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md.j2").write_text("Mine: {{ doc.rows | length }} items\n", encoding="utf-8")
    out = cli("--records", root, "render", "agenda", "2022-03-30", "--templates", mine).out
    assert out == "Mine: 2 items\n"
    missing = cli("--records", root, "render", "agenda", "2022-03-30", "--templates", tmp_path / "none")
    assert missing.code == 2


def test_records_templates_folder_is_not_read_as_records(cli, board: Callable[..., Path]) -> None:  # type: ignore[no-untyped-def]
    root = board(**{"templates/notes.yaml": "not: a record\n"})
    result = cli("--records", root, "render", "agenda", "2022-03-30")
    assert result.code == 0 and "warning" not in result.err


def test_every_kind_renders_from_the_seed(cli) -> None:  # type: ignore[no-untyped-def]
    for args in (["forward-plan"], ["actions", "--as-of", "2022-06-01"], ["plan", "vru-2021-22"]):
        for fmt in ("markdown", "html"):
            result = cli("--records", SEED_RECORDS, "render", *args, "--format", fmt)
            assert result.code == 0, (args, result.err)
    actions = cli("--records", SEED_RECORDS, "render", "actions", "--as-of", "2022-06-01").out
    assert "2021-09-29/3.1 | CSP Board Chairs |" in actions
    plan = cli("--records", SEED_RECORDS, "render", "plan", "vru-2021-22").out
    assert "## RAG summary" in plan and "| **Total** |" in plan


@pytest.mark.parametrize(("name", "magic"), [("agenda.pdf", b"%PDF"), ("agenda.docx", b"PK\x03\x04"),
                                             ("agenda.html", b"<!DOCTYPE html>"), ("agenda.md", b"# ")])
def test_output_extension_chooses_the_format(cli, tmp_path: Path, name: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "-o", out)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(magic)


def test_a_format_that_contradicts_the_extension_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "-f", "html", "-o", tmp_path / "a.pdf")
    assert result.code == 2 and "does not match the output file a.pdf" in result.err
    assert not (tmp_path / "a.pdf").exists()
    md = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30", "-f", "md")
    assert md.code == 0 and md.out.startswith("# ")
