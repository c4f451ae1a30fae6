"""The page of a Word paper: A4 and margins, styles, the header and footer, and reproducible bytes.

A board that keeps `templates/reference.docx` (in `--templates DIR` or the records folder)
gets its styles and page setup, as pandoc's `--reference-doc` does: its body is emptied and
only its styles, numbering and section settings are kept. Without one the built-in default
is A4 with 20 mm margins and one typeface (Arial), headings bold and black rather than
python-docx's blue theme styles.

Page numbers are real Word fields (PAGE, NUMPAGES), so Word numbers the pages as it lays
them out; `settings.xml` asks Word to update fields on opening, which also fills the pack's
contents page numbers (PAGEREF). The zip is written with fixed timestamps and the core
properties are dated from `date`, so the same records give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

REFERENCE = "reference.docx"
FONT = "Arial"
HEADING_SIZES = {"Title": 18, "Heading 1": 16, "Heading 2": 14, "Heading 3": 12, "Heading 4": 11}
LOGO_HEIGHT_MM = 14
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Page:
    """What every page of the paper carries: the header names the board (and its council)
    beside its logo, the footer the security marking, "Page X of Y" and where it came from."""

    board: str
    authority: str | None = None
    marking: str | None = None
    logo: tuple[str, bytes] | None = None
    provenance: str | None = None
    date: dt.date | None = None
    title: str | None = None


def page_of(meta: Any) -> Page:
    """The header and footer facts of a paper from its `render.common.Meta`: the restricted
    marking when the paper carries restricted content, else the public one."""
    if meta is None:
        return Page("")
    security = getattr(meta, "security", None)
    marking = None
    if security is not None:
        marking = security.restricted if getattr(meta, "confidential", False) else security.public
    logo_type, logo_bytes = getattr(meta, "logo_type", None), getattr(meta, "logo_bytes", None)
    provenance = getattr(meta, "provenance", None)
    return Page(
        getattr(meta, "partnership", ""), getattr(meta, "authority", None), marking,
        (logo_type, logo_bytes) if logo_type and logo_bytes else None,
        getattr(provenance, "line", None) if provenance is not None else None,
        getattr(provenance, "date", None) if provenance is not None else None,
        getattr(meta, "title", None),
    )


def reference_doc(env: Environment) -> Path | None:
    """`reference.docx` in the first template folder that has one (`--templates DIR`, then
    the records' `templates/`); the bundled templates have none."""
    from jinja2 import ChoiceLoader, FileSystemLoader

    loader = env.loader
    loaders = loader.loaders if isinstance(loader, ChoiceLoader) else [loader]
    for each in loaders:
        if isinstance(each, FileSystemLoader):
            for folder in each.searchpath:
                candidate = Path(folder) / REFERENCE
                if candidate.is_file():
                    return candidate
    return None


def new_document(reference: Path | None) -> Any:
    """A document to build on: the board's reference document emptied of its body, or the
    built-in default set up for A4 with plain styles."""
    from docx import Document

    if reference is None:
        document = Document()
        _default_setup(document)
        return document
    try:
        document = Document(str(reference))
    except Exception as exc:  # python-docx raises several kinds for a file that is not Word's
        from cspctl.errors import CspError

        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise CspError(f"{reference}:1:1: cannot use it as the reference document for Word "
                       f"output: not a readable .docx ({reason})") from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _default_setup(document: Any) -> None:
    from docx.shared import Mm, Pt, RGBColor

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(20)
        section.header_distance = section.footer_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _plain_fonts(normal)
    for name, size in HEADING_SIZES.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        _plain_fonts(style)
        if name == "Title":
            _no_title_border(style)
    for name in ("Header", "Footer"):
        document.styles[name].font.name = FONT
        document.styles[name].font.size = Pt(9)


def _plain_fonts(style: Any) -> None:
    """Drop the theme font references that would override the named typeface."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)


def _no_title_border(style: Any) -> None:
    from docx.oxml.ns import qn

    ppr = style.element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def dress(document: Any, page: Page) -> None:
    """Header, footer, field updating and core properties."""
    for section in document.sections:
        _header(section, page)
        _footer(section, page)
    _update_fields_on_open(document)
    props = document.core_properties
    props.title = page.title or ""
    props.author = page.board
    props.comments = ""
    props.last_modified_by = page.board
    props.revision = 1
    when = dt.datetime.combine(page.date or dt.date(2000, 1, 1), dt.time(0, 0))
    props.created = props.modified = when


def _clear(part: Any) -> Any:
    """The header or footer emptied to one paragraph, unlinked from the previous section."""
    part.is_linked_to_previous = False
    paragraphs = part.paragraphs
    for extra in paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for table in part.tables:
        table._element.getparent().remove(table._element)
    first = part.paragraphs[0]
    for child in list(first._element):
        if not child.tag.endswith("}pPr"):
            first._element.remove(child)
    return first


def right_tab(paragraph: Any, section: Any, leader: Any = None) -> None:
    """One right-aligned tab stop at the right margin, clearing the tab stops the paragraph's
    style sets (Word's Header and Footer styles have a centre tab that would come first)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    stops = paragraph.paragraph_format.tab_stops
    style = paragraph.style
    while style is not None:
        for stop in style.paragraph_format.tab_stops:
            stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        style = style.base_style
    stops.add_tab_stop(_text_width(section), WD_TAB_ALIGNMENT.RIGHT, leader or WD_TAB_LEADER.SPACES)


def _text_width(section: Any) -> int:
    return int(section.page_width - section.left_margin - section.right_margin)


def _header(section: Any, page: Page) -> None:
    from docx.shared import Mm

    paragraph = _clear(section.header)
    if page.logo is not None:
        paragraph.add_run().add_picture(io.BytesIO(page.logo[1]), height=Mm(LOGO_HEIGHT_MM))
        paragraph.add_run("  ")
    paragraph.add_run(page.board).bold = True
    if page.marking:
        right_tab(paragraph, section)
        paragraph.add_run("\t" + page.marking).bold = True
    if page.authority:
        section.header.add_paragraph(page.authority)


def _footer(section: Any, page: Page) -> None:
    from docx.shared import Pt

    paragraph = _clear(section.footer)
    right_tab(paragraph, section)
    if page.marking:
        paragraph.add_run(page.marking).bold = True
    paragraph.add_run("\tPage ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES", "1")
    if page.provenance:
        note = section.footer.add_paragraph()
        note.add_run(page.provenance).font.size = Pt(8)


def add_field(paragraph: Any, code: str, shown: str) -> None:
    """A complex field (`PAGE`, `NUMPAGES`, `PAGEREF bookmark \\h`) showing `shown` until
    Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        run = paragraph.add_run()
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            mark.set(qn("w:dirty"), "true")
        run._r.append(mark)
        return run

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _update_fields_on_open(document: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        later = next((child for child in settings if child.tag.rpartition("}")[2] in _AFTER_UPDATE_FIELDS),
                     None)
        if later is None:
            settings.append(existing)
        else:
            later.addprevious(existing)
    existing.set(qn("w:val"), "true")


_AFTER_UPDATE_FIELDS = frozenset({
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
})
"""The elements of settings.xml that the schema puts after `updateFields` (Word keeps order)."""


def save(document: Any, date: dt.date | None) -> bytes:
    """The document's bytes, every zip entry stamped with one fixed time."""
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = (date.year, date.month, date.day, 0, 0, 0) if date and date.year >= 1980 else FIXED_ZIP_TIME
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
