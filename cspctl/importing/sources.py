"""A source file as numbered lines: plain text and Markdown line by line, Word by paragraph.

A `Line` knows its place in the source (the line number, or for Word the paragraph number),
its text, and what the source marks about it: a heading (Markdown `#`, a Word heading style),
a list entry (bullet or numbered) and, for numbered Word lists, the number Word would print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cspctl.errors import CspError

SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".text")
BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7\uf0b7\uf0a7\uf076\uf0d8*-]|o(?=\s))\s+")
"""A bullet as typed or as a PDF or Word export leaves it (•, ·, the Symbol font's private
characters, -, *, and a lone "o")."""


@dataclass
class Line:
    number: int
    text: str
    heading: int = 0
    """Heading level the source marks (Markdown `#`, Word "Heading N"), 0 for none."""
    bullet: bool = False
    numbered: str | None = None
    """The number a Word numbered list prints before the text ("4"), when it is one."""


@dataclass
class Source:
    path: Path
    shown: str
    lines: list[Line]
    unit: str = "line"
    """What a line number counts: "line", or "paragraph" for Word documents."""
    notes: list[tuple[int, str]] = field(default_factory=list)


HIDDEN = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f-\x9f"
                    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Control characters, terminal escapes, zero-width and bidirectional marks: nothing a reader
sees, and never wanted in a record (lint CSP203 warns of them)."""


def _visible(source: Source) -> Source:
    for line in source.lines:
        cleaned, count = HIDDEN.subn("", line.text)
        if count:
            line.text = cleaned
            source.notes.append((line.number, f"removed {count} hidden or control character(s)"))
    return source


def read_source(path: Path, shown: str) -> Source:
    """The lines of a .docx, .md or .txt file, or one CspError saying why it cannot be read."""
    if not path.is_file():
        raise CspError(f"{shown}: no such file", exit_code=2)
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise CspError(f"{shown}: cannot import a '{path.suffix or 'extensionless'}' file "
                       "(import reads .docx, .md and .txt)", exit_code=2)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CspError(f"{shown}: cannot read the file ({exc.strerror})") from None
    if not raw.strip():
        raise CspError(f"{shown}:1:1: the file is empty")
    if suffix == ".docx":
        source = Source(path, shown, _docx_lines(raw, shown), "paragraph")
    else:
        source = Source(path, shown, _text_lines(raw, shown, markdown=suffix in (".md", ".markdown")))
    if not any(line.text.strip() for line in source.lines):
        raise CspError(f"{shown}:1:1: the file holds no text")
    return _visible(source)


def _text_lines(raw: bytes, shown: str, *, markdown: bool) -> list[Line]:
    if raw.startswith(b"PK\x03\x04") or b"\x00" in raw[:4096]:
        raise CspError(f"{shown}:1:1: this is a binary file, not text (a Word document must be named .docx)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CspError(f"{shown}:{row}:{column}: not UTF-8 text (save the file as UTF-8)") from None
    lines: list[Line] = []
    for number, content in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = Line(number, content.replace("\t", " ").replace("\f", ""))
        if markdown:
            _markdown(line)
        elif BULLET.match(line.text):
            line.bullet = True
            line.text = BULLET.sub("", line.text, count=1)
        lines.append(line)
    return _markdown_tables(lines) if markdown else lines


def _markdown_tables(lines: list[Line]) -> list[Line]:
    """Markdown tables (runs of "| a | b |" lines) as the lines `table_lines` makes of them."""
    out: list[Line] = []
    run: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if line.number and line.text.lstrip().startswith("|"):
            run.append(line)
            continue
        if run:
            rows = [(row.number, [c.strip() for c in row.text.strip().strip("|").split("|")]) for row in run]
            rows = [(n, cells) for n, cells in rows if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c)]
            texts = table_lines([cells for _, cells in rows])
            out.extend(Line(number, text) for (number, _), text in zip(rows, texts, strict=True))
            run = []
        if line.number:
            out.append(line)
    return out


ACTION_HEADING = re.compile(r"(?i)^actions?(?:\s+(?:agreed|required|point))?$")
OWNER_HEADING = re.compile(r"(?i)^(?:owners?|by\s+whom|who|lead|responsible|action\s+(?:owner|by))$")
STATUS_HEADING = re.compile(r"(?i)^(?:status|progress|complete[d]?|done|rag)$")
DONE = re.compile(r"(?i)^(?:complete[d]?|done|closed|yes|green)\b")


def table_lines(rows: list[list[str]]) -> list[str]:
    """The lines a table gives: an action table ("Action | Owner | Status") as "ACTION: OWNER to
    ..." lines, any other table a line a row, its cells joined by dashes."""
    if rows:
        header = [c.strip() for c in rows[0]]
        what = next((i for i, c in enumerate(header) if ACTION_HEADING.match(c)), None)
        who = next((i for i, c in enumerate(header) if OWNER_HEADING.match(c)), None)
        done = next((i for i, c in enumerate(header) if STATUS_HEADING.match(c)), None)
        if what is not None and who is not None:
            out = [""]
            for row in rows[1:]:
                def cell(i: int | None, row: list[str] = row) -> str:
                    return row[i].strip() if i is not None and i < len(row) else ""
                action = re.sub(r"(?i)^to\s+", "", cell(what))
                owner = cell(who)
                mark = " (COMPLETED)" if DONE.match(cell(done)) else ""
                if not action:
                    out.append("")
                else:
                    out.append(f"ACTION: {owner} to {action}{mark}" if owner else f"ACTION: {action}{mark}")
            return out
    lines = []
    for cells in rows:
        unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
        lines.append(" – ".join(unique))
    return lines


def _markdown(line: Line) -> None:
    heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line.text)
    if heading:
        line.heading = len(heading.group(1))
        line.text = heading.group(2)
        return
    if BULLET.match(line.text):
        line.bullet = True
        line.text = BULLET.sub("", line.text, count=1)
    line.text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line.text)  # bold marks are no words
    line.text = re.sub(r"\\([\\`*_{}\[\]()#+.!-])", r"\1", line.text)


def _docx_lines(raw: bytes, shown: str) -> list[Line]:
    import io
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise CspError("reading Word documents needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CspError(f"{shown}:1:1: not a readable Word document ({type(exc).__name__}); "
                       "save it again from Word as .docx") from None
    except Exception as exc:  # noqa: BLE001 - a corrupt package fails in many ways inside lxml
        raise CspError(f"{shown}:1:1: not a readable Word document ({type(exc).__name__}); "
                       "save it again from Word as .docx") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from cspctl.importing.docx_lists import Numbering

    numbering = Numbering(document)
    lines: list[Line] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph(Paragraph(child, document), len(lines) + 1, numbering))
        elif tag == "tbl":
            table = Table(child, document)
            rows = [[" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()) for cell in row.cells]
                    for row in table.rows]
            for text in table_lines(rows):
                lines.append(Line(len(lines) + 1, text))
            lines.append(Line(len(lines) + 1, ""))
    return lines


def _paragraph(paragraph: object, number: int, numbering: object) -> Line:
    from docx.text.paragraph import Paragraph

    from cspctl.importing.docx_lists import Numbering

    assert isinstance(paragraph, Paragraph) and isinstance(numbering, Numbering)
    text = paragraph.text.replace("\t", " ")
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    line = Line(number, text)
    heading = re.fullmatch(r"(?i)heading\s*(\d)", style.strip())
    if heading:
        line.heading = int(heading.group(1))
    elif style.strip().casefold() == "title":
        line.heading = 1
    kind, label = numbering.label(paragraph)
    if kind == "bullet" or (kind is None and style.casefold().startswith("list bullet")):
        line.bullet = True
    elif kind == "number":
        line.numbered = label
    return line
