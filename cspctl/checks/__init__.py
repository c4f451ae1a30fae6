"""The lint checks: an explicit registry, one module per rule.

Each module has a `CODE`, a docstring that explains the rule to a user, and a
`check(records)` generator yielding `Problem`s. Checks never print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

from cspctl.checks import (
    action_dates,
    agenda_overrun,
    agenda_rules,
    appendix_paths,
    approval,
    attendance_threshold,
    completed_without_date,
    confusable_names,
    duplicate_ids,
    hidden_characters,
    item_numbers,
    item_status,
    label_keys,
    late_paper,
    meeting_file_name,
    meeting_times,
    ownerless_action,
    paper_references,
    plan_and_record,
    plan_dates,
    quorum,
    red_without_progress,
    report_meeting,
    unknown_person,
    unresolved_initials,
    usual_weekday,
)
from cspctl.problem import Problem
from cspctl.records.store import Records

REGISTRY: tuple[ModuleType, ...] = (
    label_keys,
    unknown_person,
    unresolved_initials,
    duplicate_ids,
    hidden_characters,
    confusable_names,
    meeting_file_name,
    usual_weekday,
    meeting_times,
    agenda_overrun,
    agenda_rules,
    approval,
    quorum,
    item_status,
    item_numbers,
    action_dates,
    completed_without_date,
    ownerless_action,
    report_meeting,
    late_paper,
    paper_references,
    appendix_paths,
    plan_dates,
    plan_and_record,
    red_without_progress,
    attendance_threshold,
)

Check = Callable[[Records], Iterator[Problem]]


def run_all(records: Records) -> list[Problem]:
    """Every check over the loaded records; load problems first."""
    from cspctl.records.redaction import redact

    found = list(records.problems)
    for module in REGISTRY:
        found.extend(module.check(records))
    return sorted(set(redact(found, records.documents())))
