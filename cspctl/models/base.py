"""The strict base every record model stands on, and the value types records share.

Records are hand-edited YAML, so the model refuses to guess: unknown fields are errors,
booleans must be real booleans, integers real integers, dates ISO dates and times "HH:MM".
YAML 1.2 loading keeps `no` and `10:00` as strings; strict mode stops pydantic from turning
them back into booleans and numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

# ASCII digits only: Python's `\d` also matches "０" (full-width) and "٣" (Arabic-Indic), which
# the JSON Schemas (ECMAScript regular expressions) refuse.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

_YEAR = r"(?!0000)[0-9]{4}"
_DAY = (r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        r"|02-(?:0[1-9]|1[0-9]|2[0-8]))")
_LEAP_DAY = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
CALENDAR_PARTIAL_DATE = (f"^(?:{_YEAR}-(?:0[1-9]|1[0-2])|{_YEAR}-{_DAY}|(?!0000){_LEAP_DAY})$")
"""A real calendar date or month as a JSON Schema pattern: the schema refuses `2021-02-30`,
`2021-13` and `0000-01` as the model does (a `format` alone is only an annotation)."""


class Record(BaseModel):
    """Base of every record model: strict, closed, and quiet about input values.

    `hide_input_in_errors` keeps restricted text out of error messages and stops pydantic
    from building huge reprs of hostile input.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        hide_input_in_errors=True,
        validate_default=False,
        defer_build=True,
    )


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_impossible", "is not a real calendar date"
            ) from None
    raise PydanticCustomError("date_format", "expected an ISO date such as 2022-03-30")


def _partial_date(value: Any) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and _PARTIAL_DATE.fullmatch(value):
        probe = value if len(value) == 10 else value + "-01"
        try:
            dt.date.fromisoformat(probe)
        except ValueError:
            raise PydanticCustomError(
                "date_impossible", "is not a real calendar date"
            ) from None
        return value
    raise PydanticCustomError(
        "date_format", "expected an ISO date (2022-03-30) or month (2022-03)"
    )


def _time(value: Any) -> str:
    if isinstance(value, str) and _TIME.fullmatch(value):
        return value
    raise PydanticCustomError("time_format", 'expected a 24-hour time in quotes, such as "10:00"')


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    PlainSerializer(dt.date.isoformat),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]
"""A calendar date written as ISO 8601 (`2022-03-30`)."""

PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    WithJsonSchema({"type": "string", "pattern": CALENDAR_PARTIAL_DATE}),
]
"""A date or a month (`2021-11`), for progress notes the seed dates only by month."""

Time = Annotated[
    str, BeforeValidator(_time),
    WithJsonSchema({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"})
]
"""A 24-hour clock time, `"HH:MM"`."""

def _whole_number(value: Any) -> Any:
    """`15.0` is the whole number 15: JSON Schema's "integer" counts it so, and the schema and
    the model must accept the same records. `15.5`, `inf` and `nan` stay floats (refused)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
"""A whole number (`15.0` counts as 15, as JSON Schema's "integer" does)."""

Minutes = Annotated[int, Field(ge=0, le=600), BeforeValidator(_whole_number)]
"""A duration in whole minutes (`15.0` counts as 15, as in the JSON Schema)."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
"""An identifier: lower-case letters, digits and hyphens."""

PersonRef = Annotated[str, Field(min_length=1, max_length=200)]
"""A person, group or organisation, by register id, name or alias (resolved by lint, not by
the model). Papers print it as written; the register gives identity only."""

ItemNumber = Annotated[str, Field(pattern=r"^[0-9A-Za-z]+([.][0-9A-Za-z]+)*$", max_length=12)]
"""An item number as the papers print it, in quotes: `"4a"`, `"31"`, `"2.1"`."""

Initials = Annotated[str, Field(pattern=r"^[A-Z][A-Za-z'-]{0,7}$")]
"""Initials as minutes use them (`AC`, `JMcK`)."""

Text = Annotated[str, Field(max_length=100_000)]
"""Free text; Markdown paragraphs and bullets where it is rendered."""


def minutes_of_day(time: str) -> int:
    """Minutes since midnight of an "HH:MM" time."""
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)
