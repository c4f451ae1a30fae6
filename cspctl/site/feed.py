"""The Atom feed of published papers (RFC 4287): agendas, minutes, reports and plans, newest
meeting first, each dated by its meeting (the records say no other date, and the build must
give the same bytes again). Links are relative to the feed unless a base URL is given."""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape, quoteattr

from cspctl.site import paths
from cspctl.site.facts import Facts

ATOM = "http://www.w3.org/2005/Atom"


def feed(facts: Facts, base_url: str | None, commit: str | None) -> bytes:
    base = (base_url.rstrip("/") + "/") if base_url else ""
    slug = re.sub(r"[^a-z0-9]+", "-", facts.board.lower()).strip("-") or "board"
    papers = [p for p in facts.papers() if p.href and p.date is not None]
    updated = _stamp(max((p.date for p in papers if p.date), default=dt.date(1980, 1, 1)))
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM}">',
             f"<title>{escape(facts.board)}: papers</title>",
             f"<id>urn:cspctl:{slug}:papers</id>", f"<updated>{updated}</updated>",
             f"<link rel=\"self\" href={quoteattr(base + paths.FEED)}/>",
             f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + paths.HOME)}/>",
             f"<author><name>{escape(facts.board)}</name></author>",
             f"<generator>cspctl{' (records commit ' + commit + ')' if commit else ''}</generator>"]
    for paper in papers:
        assert paper.href is not None and paper.date is not None
        lines += ["<entry>", f"<title>{escape(paper.title)}</title>",
                  f"<id>urn:cspctl:{slug}:{escape(paper.href)}</id>",
                  f"<updated>{_stamp(paper.date)}</updated>",
                  f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + paper.href)}/>"]
        if paper.pdf:
            lines.append(f"<link rel=\"enclosure\" type=\"application/pdf\" "
                         f"href={quoteattr(base + paths.pdf(paper.href))}/>")
        lines += [f"<summary>{escape(paper.title)}, meeting of {paper.date.isoformat()}</summary>",
                  "</entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
