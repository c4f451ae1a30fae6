"""The seed's documents, rendered and compared byte for byte with reviewed golden files."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cspctl.records.store import Records
from cspctl.render.document import Request, render
from tests.conftest import SEED_RECORDS

FORMATS = {"markdown": "md", "html": "html"}
SEED_REPORTS = sorted(p.stem for p in (SEED_RECORDS / "reports" / "2021-12-08").glob("*.yaml"))
DOCUMENTS = [("agenda", "2022-03-30"), ("minutes", "2021-09-29"), ("pack", "2021-12-08")] + [
    ("report", report_id) for report_id in SEED_REPORTS
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("kind", "target"), DOCUMENTS)
def test_seed_document_matches_golden(seed: Records, golden: Callable[[str, bytes], None],
                                      kind: str, target: str, fmt: str) -> None:
    data = render(seed, Request(kind, target, fmt))
    golden(f"{kind}-{target}.{FORMATS[fmt]}", data)


def test_every_seed_report_is_covered() -> None:
    assert len(SEED_REPORTS) >= 10


def test_cli_output_is_the_golden_file(cli, golden: Callable[[str, bytes], None]) -> None:  # type: ignore[no-untyped-def]
    result = cli("--records", SEED_RECORDS, "render", "agenda", "2022-03-30")
    assert result.code == 0, result.err
    golden("agenda-2022-03-30.md", result.out.encode("utf-8"))
