"""Field definitions shared by the kinds of document, each written once.

Every factory returns a fresh `pydantic.Field` with the description and
example the JSON Schema and the docs show.  A model declares its attributes in
the order real files write their keys, so that ``model_dump()`` follows it.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

__all__ = [
    "HEAT_MAX",
    "HEAT_MIN",
    "IMAGE_URL_PATTERN",
    "IMAGE_URL_SCHEMA",
    "URL_PATTERN",
    "URL_SCHEMA",
    "bool_field",
    "excerpt_field",
    "heat_field",
    "images_field",
    "length_field",
    "levels_field",
    "price_field",
    "quality_field",
    "secured_field",
    "topics_field",
    "url_field",
]

HEAT_MIN = -(2**31)
"""The smallest ``heat``: the signed 32-bit minimum, -2147483648 (real courses and collections have it)."""
HEAT_MAX = 2**31 - 1
"""The largest ``heat``: the signed 32-bit maximum, 2147483647."""

# What the URL rules accept, as a JSON Schema pattern (ECMA 262; no flags, so the
# scheme's letters are listed in both cases): http or https in any case, `//`, a
# host that starts at once, and no whitespace or control character anywhere
# (AK701 for webUrl/originalUrl/ampWebUrl/cdnAmpWebUrl, AK909 for website and
# actions[].url, AK906 and AK907 for twitter.url and linkedin.url).  The rules
# check more (a valid host name, a port); the pattern is what JSON Schema can say.
# `(?![\s\S])` ends the text where `$` would not: in Python's `re`, `$` also
# matches before a final line break.
_END = "(?![\\s\\S])"
_NO_SPACE = "[^\\s\\u0000-\\u001f\\u007f]"
_HTTP = "[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\u0000-\\u001f\\u007f/?#]"
URL_PATTERN = f"^{_HTTP}{_NO_SPACE}*{_END}"
"""The JSON Schema pattern of an absolute http(s) URL, as the URL rules accept it."""
IMAGE_URL_PATTERN = f"^(?:{_HTTP}|/(?!/)){_NO_SPACE}*{_END}"
"""The JSON Schema pattern of an image URL (AK402): an http(s) URL or a site path starting with one `/`."""

URL_SCHEMA: dict[str, Any] = {"format": "uri", "pattern": URL_PATTERN}
"""The JSON Schema keywords of a URL field."""
IMAGE_URL_SCHEMA: dict[str, Any] = {"format": "uri-reference", "pattern": IMAGE_URL_PATTERN}
"""The JSON Schema keywords of an image URL field."""


def url_field(description: str, example: str) -> Any:
    """An optional absolute http(s) URL (JSON Schema: `format: uri` and the `^https?://` pattern)."""
    return Field(
        default=None, description=description, examples=[example], json_schema_extra=dict(URL_SCHEMA)
    )


def excerpt_field(what: str) -> Any:
    """The optional ``excerpt``: opening text or summary of ``what``."""
    return Field(
        default=None,
        description=f"A short description of the {what}; may end in ` ...`.",
        examples=["Learn how to administer Power Apps portals."],
    )


def heat_field(example: int = 51) -> Any:
    """The optional `heat` popularity score: a signed 32-bit integer, negative values included."""
    return Field(
        default=None,
        ge=HEAT_MIN,
        le=HEAT_MAX,
        description="Popularity score: a signed 32-bit integer, from -2147483648 to 2147483647 "
        "(real courses and collections have negative heat).",
        examples=[example],
    )


def quality_field() -> Any:
    """The optional ``quality`` score (an integer of 0 or more)."""
    return Field(default=None, ge=0, description="Quality score, an integer of 0 or more.", examples=[18])


def bool_field(description: str) -> Any:
    """An optional ``true``/``false`` flag (``yes``/``no`` and quoted text are type errors)."""
    return Field(default=None, description=description, examples=[True])


def price_field() -> Any:
    """The optional ``price``: text, never a number."""
    return Field(
        default=None,
        min_length=1,
        description='The price as text, e.g. `Free` or `"$9.99"`. A bare number is an error '
        "(AK302): write it in quotes, with its currency.",
        examples=["Free"],
    )


def length_field() -> Any:
    """The optional ``length``: an ISO 8601 duration (checked by rule AK902)."""
    return Field(
        default=None,
        description="How long it takes to watch or follow: an ISO 8601 duration such as "
        "`PT13M34S` or `PT1H17M` (rule AK902).",
        examples=["PT13M34S"],
        json_schema_extra={"format": "duration"},
    )


def levels_field() -> Any:
    """The optional ``levels`` list (known values checked by rule AK903)."""
    return Field(
        default=None,
        description="Who it is for: `Beginner`, `Intermediate` and/or `Advanced` "
        "(other values are warned about, rule AK903).",
        examples=[["Beginner", "Intermediate"]],
    )


def topics_field() -> Any:
    """The optional ``topics`` list."""
    return Field(default=None, description="Topics it is filed under.", examples=[["Power Apps"]])


def images_field(what: str) -> Any:
    """The optional ``images`` list."""
    return Field(default=None, description=f"Pictures of the {what}.")


def secured_field(*, required: bool = True) -> Any:
    """The `secured` value: required (news, video, collection, download) or optional (course, profile)."""
    description = (
        '`"<base64>;<base64>"`: an AES-CBC ciphertext (a non-empty multiple of 16 bytes) and its 16-byte IV.'
    )
    examples = ["AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="]
    if required:
        return Field(description=description, examples=examples)
    return Field(default=None, description="Optional: " + description, examples=examples)
