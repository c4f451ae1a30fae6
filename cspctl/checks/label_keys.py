"""CSP104 — every label in `partnership.yaml` is one a paper prints (warning).

`labels:` sets the board's own words for what papers print (`labels: {members_present:
Members, mandated: Home Office mandated}`); the keys are listed with their default wording in
`docs/records.md`. A key no template prints changes nothing, which is almost always a typo:
it is reported with the nearest known key.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.store import Records
from cspctl.render.labels import DEFAULTS

CODE = "CSP104"


def check(records: Records) -> Iterator[Problem]:
    partnership = records.partnership
    if partnership is None:
        return
    for key in partnership.model.labels:
        if key in DEFAULTS:
            continue
        hint = difflib.get_close_matches(key, list(DEFAULTS), n=1, cutoff=0.6)
        shown = key if len(key) <= 60 else key[:59] + "…"
        message = f"unknown label '{shown}'"
        message += f" (did you mean '{hint[0]}'?)" if hint else " (see the label keys in docs/records.md)"
        yield partnership.problem(["labels", key], CODE, "warning", message, key=True)
