"""The people register (`people.yaml`): everyone the records name, and named groups."""

from __future__ import annotations

from pydantic import Field

from cspctl.models.base import PersonRef, Record, Slug


class Person(Record):
    """One person. `aliases` absorb the other spellings the board's papers use.

    `salutation` is how a letter greets them (`cspctl chase`): "Councillor Dale" gives
    "Dear Councillor Dale,"; one that brings its own greeting ("Dear Nina", "Hello Nina")
    is used as written. Without it a letter greets them by `name`, as written.
    """

    id: Slug
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    salutation: str | None = None


class Group(Record):
    """A named group that can present or own actions ("Board Chairs", "All Partners").

    `members` lists people (by id, name or alias); a group of everyone, such as
    "All Partners", may leave it empty.
    """

    id: Slug
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    members: list[PersonRef] = Field(default_factory=list)
    description: str | None = None


class Organisation(Record):
    """An organisation (agency) that attends, owns actions or leads work ("Sussex Police").
    A person's `organisation` may name one by id, name or alias."""

    id: Slug
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None


class PeopleRegister(Record):
    """The whole register: people, groups and organisations."""

    people: list[Person] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
