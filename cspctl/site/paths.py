"""Where each page of the site lives, and relative links between pages.

Links are relative (`../papers/x.html`) and name `index.html` explicitly, so the site works
from `file://` as well as from any static host, under any folder.
"""

from __future__ import annotations

import datetime as dt
import posixpath

HOME = "index.html"
MEETINGS = "meetings/index.html"
FORWARD_PLAN = "forward-plan.html"
ACTIONS = "actions.html"
DECISIONS = "decisions.html"
ATTENDANCE = "attendance.html"
PEOPLE = "people/index.html"
ORGANISATIONS = "organisations/index.html"
SEARCH = "search.html"
STYLE = "site.css"
SEARCH_SCRIPT = "search.js"
SEARCH_INDEX = "search-index.js"
FEED = "feed.atom"
CALENDAR = "meetings.ics"
OPEN_DATA = "open-data.json"


def meeting(date: dt.date) -> str:
    return f"meetings/{date.isoformat()}/index.html"


def agenda(date: dt.date) -> str:
    return f"meetings/{date.isoformat()}/agenda.html"


def minutes(date: dt.date) -> str:
    return f"meetings/{date.isoformat()}/minutes.html"


def report(paper_id: str) -> str:
    return f"papers/{paper_id}.html"


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}.html"


def person(entry_id: str) -> str:
    return f"people/{entry_id}.html"


def organisation(entry_id: str) -> str:
    return f"organisations/{entry_id}.html"


def pdf(page: str) -> str:
    return page.removesuffix(".html") + ".pdf"


def relative(source: str, target: str) -> str:
    """The link from page `source` to `target`, both site paths (a `#fragment` is kept)."""
    path, _, fragment = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(source) or ".") if path else ""
    return link + (f"#{fragment}" if fragment else "")
