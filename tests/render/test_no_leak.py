"""Restricted content never reaches public output.

A copy of the seed records gets a unique canary string in every restricted field; every
document kind in every format is rendered publicly (none may contain a canary, checked after
HTML-unescaping and whitespace normalisation) and with --include-restricted (all must appear).
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cspctl.errors import CspError
from cspctl.records.roundtrip import rt_dump, rt_load
from cspctl.records.store import Records, load_records
from cspctl.render.document import Request, render
from tests.conftest import SEED_RECORDS

CANARIES = {
    "minutes": "CANARYMINUTES7q",
    "decision": "CANARYDECISION8w",
    "action": "CANARYACTION9e",
    "action_update": "CANARYUPDATE1r",
    "paper_on_restricted_item": "CANARYPAPER2t",
    "paper_subject": "CANARYSUBJECT3y",
    "restricted_report": "CANARYREPORT4u",
    "restricted_report_subject": "CANARYRSUBJECT5i",
    "appendix_of_restricted": "CANARYAPPENDIX6o",
    "plan_action": "CANARYPLAN7p",
    "plan_progress": "CANARYPROGRESS8a",
    "forward_plan_notes": "CANARYNOTES9s",
}
DOCUMENTS = [
    ("agenda", "2021-09-29"), ("agenda", "2021-12-08"), ("agenda", "2022-03-30"),
    ("agenda", "2022-06-30"), ("minutes", "2021-09-29"), ("forward-plan", None),
    ("plan", "vru-2021-22"), ("pack", "2021-12-08"), ("pack", "2022-03-30"), ("decisions", None),
]
AS_OF = ["2021-12-08", "2022-01-01", "2023-06-01"]
REPORT_IDS = sorted(p.stem for p in (SEED_RECORDS / "reports" / "2021-12-08").glob("*.yaml"))
HIDDEN_REPORTS = {"mps-street-violence", "csp-plan-annual-review", "csp-plan-annual-review-appendix-a",
                  "womens-safety-survey"}


def _edit(root: Path, name: str, change: Callable[[Any], None]) -> None:
    path = root / name
    data = rt_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(rt_dump(data), encoding="utf-8")


def plant(root: Path) -> None:
    """Canaries in every restricted field of a copy of the seed."""
    c = CANARIES

    def meeting_0929(data: Any) -> None:
        restricted = [item for item in data["items"] if item["restricted"] is True]
        assert len(restricted) == 3
        for n, item in enumerate(restricted, start=7):
            item["minutes"] = f"The board discussed {c['minutes']} in private.\n"
            item["decisions"] = [f"Agreed {c['decision']}"]
            item["actions"] = [{
                "id": f"2021-09-29/{n}.1", "owners": ["Chris Lyons"],
                "description": f"follow up {c['action']}", "status": "open", "due": "2021-10-01",
                "updates": [{"date": "2021-10", "note": c["action_update"]}],
            }]

    def meeting_1208(data: Any) -> None:
        item = next(i for i in data["items"] if i["title"].startswith("Women"))
        item["restricted"] = True

    def survey(data: Any) -> None:
        data["subject"] = f"Survey {c['paper_subject']}"
        data["slides"][0]["body"] = f"- {c['paper_on_restricted_item']}\n"

    def street_violence(data: Any) -> None:
        data["restricted"] = True
        data["subject"] = f"Street {c['restricted_report_subject']}"
        data["sections"][0]["paragraphs"][0] = f"Sensitive {c['restricted_report']}"

    def annual_review(data: Any) -> None:
        data["restricted"] = True

    def appendix(data: Any) -> None:
        data["sections"][0]["paragraphs"][0] = f"Draft {c['appendix_of_restricted']}"

    def plan(data: Any) -> None:
        action = data["themes"][0]["actions"][0]
        action["restricted"] = True
        action["action"] = f"Covert {c['plan_action']}"
        action["end"] = "2021-06-01"
        action["progress"] = [{"date": "2021-11", "note": c["plan_progress"]}]

    def forward(data: Any) -> None:
        for meeting in data["meetings"]:
            for item in meeting["items"]:
                if item.get("restricted") is True:
                    item["notes"] = f"Briefing {c['forward_plan_notes']}"

    _edit(root, "meetings/2021-09-29.yaml", meeting_0929)
    _edit(root, "meetings/2021-12-08.yaml", meeting_1208)
    _edit(root, "reports/2021-12-08/womens-safety-survey.yaml", survey)
    _edit(root, "reports/2021-12-08/mps-street-violence.yaml", street_violence)
    _edit(root, "reports/2021-12-08/csp-plan-annual-review.yaml", annual_review)
    _edit(root, "reports/2021-12-08/csp-plan-annual-review-appendix-a.yaml", appendix)
    _edit(root, "plans/vru-2021-22.yaml", plan)
    _edit(root, "forward-plan.yaml", forward)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Records:
    root = tmp_path_factory.mktemp("leak") / "records"
    shutil.copytree(SEED_RECORDS, root, ignore=shutil.ignore_patterns("templates"))
    plant(root)
    records = load_records(root)
    errors = [p for p in records.problems if p.level == "error"]
    assert not errors, errors
    return records


def _requests(include: bool, fmt: str) -> list[Request]:
    import datetime as dt

    found = [Request(kind, target, fmt, include) for kind, target in DOCUMENTS]
    found += [Request("report", rid, fmt, include) for rid in REPORT_IDS]
    found += [Request("actions", None, fmt, include, as_of=dt.date.fromisoformat(d)) for d in AS_OF]
    return found


def _readable(data: bytes) -> str:
    return re.sub(r"\s+", " ", html.unescape(data.decode("utf-8")))


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_canary_in_any_public_render(planted: Records, fmt: str) -> None:
    refused = set()
    for request in _requests(False, fmt):
        try:
            text = _readable(render(planted, request))
        except CspError as exc:  # a restricted report does not exist publicly
            assert request.kind == "report", exc.message
            assert "CANARY" not in exc.message
            refused.add(request.target)
            continue
        leaked = [name for name, canary in CANARIES.items() if canary in text]
        assert not leaked, f"{request.kind} {request.target}: {leaked}"
        assert not text.lstrip().startswith("CONFIDENTIAL")
    assert refused == HIDDEN_REPORTS


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_every_canary_present_with_include_restricted(planted: Records, fmt: str) -> None:
    seen = ""
    for request in _requests(True, fmt):
        data = render(planted, request).decode("utf-8")
        if fmt == "markdown":
            assert data.splitlines()[0].startswith("CONFIDENTIAL")
        else:
            assert "<title>CONFIDENTIAL" in data
            # The first thing after the skip link is the banner, in the page's header.
            body = data.split("<body>", 1)[1].lstrip()
            body = body.removeprefix('<a class="skip-link" href="#main">Skip to main content</a>')
            assert body.lstrip().startswith('<header>\n<p class="confidential">CONFIDENTIAL')
        seen += _readable(data.encode())
    missing = [name for name, canary in CANARIES.items() if canary not in seen]
    assert not missing


def test_public_report_error_names_no_restricted_content(planted: Records, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", planted.root, "render", "report", "mps-street-violence")
    assert result.code == 1
    assert "mps-street-violence" in result.err and "--include-restricted" in result.err
    assert "CANARY" not in result.err + result.out
    shown = cli("--records", planted.root, "render", "report", "mps-street-violence",
                "--include-restricted")
    assert shown.code == 0
    assert shown.out.startswith("CONFIDENTIAL")
    assert CANARIES["restricted_report"] in shown.out
