"""Papers (`reports/<meeting>/<id>.yaml`): board reports, subgroup updates, presentations.

Reports follow the board's standard template: numbered sections whose paragraphs are
numbered on render (1.1, 1.2 ...). Subgroup updates use the shorter subgroup template;
presentations are slides of bullets.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from cspctl.models.base import IsoDate, PersonRef, Record, Slug, Text

SectionKind = Literal[
    "purpose",
    "recommendations",
    "overview",
    "update",
    "key_challenges",
    "emerging_trends",
    "support_required",
    "appendices",
    "other",
]


class Appendix(Record):
    """An appendix: a paper in the records (`report`), a file beside the records (`path`),
    or just a title."""

    title: str = Field(min_length=1)
    report: Slug | None = None
    path: str | None = None


class Section(Record):
    """A numbered section. `heading` is the text as the paper words it. Its paragraphs are
    numbered on render (1.1, 1.2 ...) unless `numbered: false`, for a paper that prints them
    without numbers ("List of Appendices: N/A")."""

    kind: SectionKind
    heading: str = Field(min_length=1)
    numbered: bool = True
    paragraphs: list[Text] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)


class Slide(Record):
    """One slide of a presentation: a title and Markdown body."""

    title: str
    body: Text = ""


class _Paper(Record):
    id: Slug
    kind: str  # narrowed to one literal by each paper kind; declared here so it reads second
    meeting: IsoDate
    subject: str = Field(min_length=1)
    authors: list[PersonRef] = Field(default_factory=list)
    contact: str | None = None
    restricted: bool = False
    marking: str | None = Field(default=None, max_length=200)
    """The security marking as the paper prints it ("[Unprotected]"), empty when it prints
    none; without it the board's `security` words are printed. A restricted paper always
    carries the board's restricted marking."""
    filed: IsoDate | None = None
    """The day the paper reached the board's officer; lint warns when after the papers deadline."""


class BoardReport(_Paper):
    """A report on the board's standard template."""

    kind: Literal["report"]
    sections: list[Section] = Field(default_factory=list)


class SubgroupUpdate(_Paper):
    """A subgroup's quarterly update on the subgroup template."""

    kind: Literal["subgroup_update"]
    subgroup: Slug
    sections: list[Section] = Field(default_factory=list)


class Presentation(_Paper):
    """Slides presented to the board, kept as text."""

    kind: Literal["presentation"]
    byline: str | None = None
    date_line: str | None = None
    slides: list[Slide] = Field(default_factory=list)


Report = Annotated[BoardReport | SubgroupUpdate | Presentation, Field(discriminator="kind")]
