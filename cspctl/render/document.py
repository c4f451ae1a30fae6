"""One render from start to finish: records -> public view -> view model -> format -> bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cspctl.errors import CspError
from cspctl.records.store import Records
from cspctl.render.filters import uk_date

if TYPE_CHECKING:
    from cspctl.render.provenance import Provenance

KINDS = ("agenda", "minutes", "report", "forward-plan", "actions", "plan", "pack", "decisions")
CONTACT_KINDS = ("agenda", "report", "pack")
"""The papers that print the board's contact officer."""


@dataclass(frozen=True)
class Request:
    """What the user asked for. `target` is a date or an id, depending on the kind."""

    kind: str
    target: str | None = None
    format: str = "markdown"
    include_restricted: bool = False
    templates: Path | None = None
    as_of: dt.date | None = None
    since: dt.date | None = None
    provenance: Provenance | None = None
    """Where the records came from; None: the working tree's git state at the records folder."""


def render(records: Records, request: Request) -> bytes:
    """The document's bytes. Restricted content is removed before any view model is built
    unless the request includes it."""
    from cspctl.records.public import public
    from cspctl.render.common import meta
    from cspctl.render.environment import make_environment
    from cspctl.render.formats import FORMATS
    from cspctl.render.labels import labels_for
    from cspctl.render.provenance import of_folder

    fmt = FORMATS.get(request.format)
    if fmt is None:
        raise CspError(f"unknown format '{request.format}'; formats: {', '.join(FORMATS)}", 2)
    source = records if request.include_restricted else public(records)
    doc, title = _BUILDERS[request.kind](source, request)
    partnership = source.partnership.model if source.partnership else None
    labels = labels_for(partnership)
    env = make_environment(source.register, templates=request.templates, records_root=records.root,
                           labels=labels, names=partnership.names if partnership else "as_written")
    origin = request.provenance or of_folder(records.root)
    context = {"doc": doc, "meta": meta(source, title, request.include_restricted,
                                        contact=request.kind in CONTACT_KINDS,
                                        source=origin.sentence(labels)),
               "provenance": origin}
    template = request.kind.replace("-", "_")
    return fmt.produce(env, template, context)


def build_view(records: Records, request: Request) -> tuple[Any, str]:
    """The view model and title of `request`'s document, built from `records` as given (the
    caller has already chosen the public view or not): the site renders its pages from these."""
    return _BUILDERS[request.kind](records, request)


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> dt.date:
    raise CspError("expected a date such as 2022-03-30", exit_code=2)


def _agenda(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import agenda

    date = parse_date(request.target or "")
    return agenda.build(records, date), f"Agenda — {uk_date(date)}"


def _minutes(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import minutes

    date = parse_date(request.target or "")
    return minutes.build(records, date), f"Minutes — {uk_date(date)}"


def _report(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import report

    view = report.build(records, request.target or "")
    return view, view.subject


def _forward_plan(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import forward_plan

    view = forward_plan.build(records)
    return view, view.title


def _actions(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import actions

    as_of = request.as_of or dt.date.today()
    return actions.build(records, as_of), f"Action log — {uk_date(as_of)}"


def _plan(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import plan

    view = plan.build(records, request.target or "", _labels(records))
    return view, view.title


def _pack(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import pack

    date = parse_date(request.target or "")
    labels = _labels(records)
    return pack.build(records, date, labels), f"{labels['pack_title']} {uk_date(date)}"


def _labels(records: Records) -> dict[str, str]:
    from cspctl.render.labels import labels_for

    return labels_for(records.partnership.model if records.partnership else None)


def _decisions(records: Records, request: Request) -> tuple[Any, str]:
    from cspctl.render import decisions

    return decisions.build(records, request.since, request.as_of), "Decisions register"


_BUILDERS: dict[str, Callable[[Records, Request], tuple[Any, str]]] = {
    "agenda": _agenda,
    "minutes": _minutes,
    "report": _report,
    "forward-plan": _forward_plan,
    "actions": _actions,
    "plan": _plan,
    "pack": _pack,
    "decisions": _decisions,
}
