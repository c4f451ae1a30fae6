"""`cspctl site`: render every page, the PDFs, search index, feed, calendar and open data
into memory, then put them in the output folder in one move.

Everything comes from the public view of the records (`records.public`), so restricted
content cannot reach any file. Nothing depends on the clock: the default as-of date and the
PDFs' metadata are the records commit's time, so the same commit builds the same bytes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cspctl.errors import CspError
from cspctl.site import paths

if TYPE_CHECKING:
    from cspctl.render.provenance import Provenance

MARKER = ".cspctl-site"
"""A file in every built site: the only kind of non-empty folder a rebuild replaces."""
STATIC = (paths.STYLE, paths.SEARCH_SCRIPT)


@dataclass
class Built:
    output: Path
    pages: int
    files: int
    commit: str | None
    dirty: bool

    @property
    def home(self) -> Path:
        return self.output / paths.HOME


def build_site(root: Path, output: Path, *, as_of: dt.date | None = None, pdf: bool = True,
               base_url: str | None = None, templates: Path | None = None) -> Built:
    """Build the site of the records in `root` into `output` (replacing a site built before)."""
    from cspctl.records.guarded import refuse_output_into_records
    from cspctl.records.store import load_records
    from cspctl.render.provenance import of_folder

    refuse_output_into_records(root, output)
    _check_output(output, root)
    records = load_records(root)
    from cspctl.records.redaction import redact

    errors = redact([p for p in records.problems if p.level == "error"], records.documents())
    if errors:
        raise CspError(f"{len(errors)} problem{'s' if len(errors) > 1 else ''} in the records, "
                       f"first {errors[0]}; a site built now would leave records out (run cspctl lint)")
    if records.partnership is None and not records.meetings:
        raise CspError(f"no records to build a site from in {root} (no partnership.yaml, no meetings)")
    made = of_folder(records.root)
    files = site_files(records, as_of or made.date, made, pdf=pdf,
                       base_url=base_url, templates=templates)
    _replace(output, files)
    return Built(output, sum(1 for name in files if name.endswith(".html")), len(files),
                 made.commit, made.dirty)


def site_files(records: Any, as_of: dt.date, made: Provenance, *, pdf: bool = True,
               base_url: str | None = None, templates: Path | None = None) -> dict[str, bytes]:
    """Every file of the site by its path in the site. `made` says which records commit it is
    built from, on every page and in every PDF; its date fixes the PDFs' metadata."""
    from dataclasses import replace

    from cspctl.governance.publish import fixed_time
    from cspctl.records.public import public
    from cspctl.render.calendar import build_calendar
    from cspctl.render.common import meta
    from cspctl.render.document import CONTACT_KINDS, render
    from cspctl.render.environment import make_environment
    from cspctl.render.labels import labels_for
    from cspctl.site.facts import gather
    from cspctl.site.feed import feed
    from cspctl.site.opendata import open_data
    from cspctl.site.pages import pages
    from cspctl.site.search import index_script

    source = public(records)
    partnership = source.partnership.model if source.partnership else None
    facts = gather(source, as_of)
    labels = labels_for(partnership)
    env = make_environment(source.register, templates=templates, records_root=records.root,
                           labels=labels, names=partnership.names if partnership else "as_written")
    sentence = made.sentence(labels)
    epoch = int(dt.datetime(made.date.year, made.date.month, made.date.day, tzinfo=dt.UTC).timestamp())
    env.globals.update(site_nav=_nav(facts, source), provenance=sentence, as_of=as_of, with_pdf=pdf,
                       board=facts.board, paths=paths, link=facts.directory.link)
    files: dict[str, bytes] = {}
    entries: list[tuple[str, str, str]] = []
    from cspctl.render.template_errors import template_errors

    for page in pages(source, facts):
        document_kind = page.pdf.kind if page.pdf else None
        context = {**page.context, "page": page, "title": page.title,
                   "url": _linker(page.path),
                   "meta": meta(source, page.title, False, contact=document_kind in CONTACT_KINDS,
                                source=sentence)}
        with template_errors():
            html = env.get_template(f"site/{page.template}.html.j2").render(context)
        files[page.path] = html.encode("utf-8")
        if page.kind != "search":
            entries.append((page.path, page.title, html))
        if pdf and page.pdf is not None:
            with fixed_time(epoch):
                files[paths.pdf(page.path)] = render(records, replace(page.pdf, provenance=made))
    for name in STATIC:
        files[name] = _static(name)
    files[paths.SEARCH_INDEX] = index_script(entries)
    files[paths.FEED] = feed(facts, base_url, made.commit)
    files[paths.CALENDAR] = build_calendar(records)
    files[paths.OPEN_DATA] = open_data(facts, partnership.authority if partnership else None,
                                       made.commit, made.dirty)
    files[MARKER] = b"A public website built by cspctl site; a rebuild replaces this folder.\n"
    return files


def _linker(source: str) -> Any:
    def url(target: str) -> str:
        return paths.relative(source, target)

    return url


def _nav(facts: Any, records: Any) -> list[tuple[str, str]]:
    nav = [("Home", paths.HOME), ("Meetings", paths.MEETINGS)]
    if records.forward_plan is not None:
        nav.append(("Forward plan", paths.FORWARD_PLAN))
    nav += [("Actions", paths.ACTIONS), ("Decisions", paths.DECISIONS), ("Attendance", paths.ATTENDANCE),
            ("People", paths.PEOPLE)]
    if facts.organisations:
        nav.append(("Organisations", paths.ORGANISATIONS))
    nav.append(("Search", paths.SEARCH))
    return nav


def _static(name: str) -> bytes:
    from cspctl.render.loader import bundled_dir

    return (bundled_dir() / "site" / name).read_bytes()


def _check_output(output: Path, root: Path) -> None:
    import os

    site, records = Path(os.path.realpath(output)), Path(os.path.realpath(root))
    if site == records or site.is_relative_to(records) or records.is_relative_to(site):
        raise CspError(f"refusing to build the site in {output}: it holds or is inside the records "
                       f"folder {root}; choose a folder outside it", 2)
    if output.exists() and not output.is_dir():
        raise CspError(f"--output {output} is a file: name a folder for the site", 2)
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise CspError(f"--output {output} is a folder with other files in it: name an empty or new "
                       "folder (a folder cspctl site built before is replaced)", 2)


def _replace(output: Path, files: dict[str, bytes]) -> None:
    """Write the site beside `output`, then swap it in: a reader never sees half a site."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    staging.chmod(0o755)
    try:
        for name in sorted(files):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        old = None
        if output.exists():
            old = output.with_name(f".{output.name}-old-{staging.name[-8:]}")
            output.rename(old)
        staging.rename(output)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
