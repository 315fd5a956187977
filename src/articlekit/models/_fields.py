"""Field definitions shared by the kinds of document, each written once.

Every factory returns a fresh :func:`pydantic.Field` with the description and
example the JSON Schema and the docs show.  A model declares its attributes in
the order real files write their keys, so that ``model_dump()`` follows it.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

__all__ = [
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

_URL: dict[str, Any] = {"format": "uri"}


def url_field(description: str, example: str) -> Any:
    """An optional absolute URL."""
    return Field(default=None, description=description, examples=[example], json_schema_extra=_URL)


def excerpt_field(what: str) -> Any:
    """The optional ``excerpt``: opening text or summary of ``what``."""
    return Field(
        default=None,
        description=f"A short description of the {what}; may end in ` ...`.",
        examples=["Learn how to administer Power Apps portals."],
    )


def heat_field() -> Any:
    """The optional ``heat`` popularity score (an integer of 0 or more)."""
    return Field(default=None, ge=0, description="Popularity score, an integer of 0 or more.", examples=[51])


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


def secured_field() -> Any:
    """The required ``secured`` value."""
    return Field(
        description='`"<base64>;<base64>"`: an AES-CBC ciphertext (a non-empty multiple of '
        "16 bytes) and its 16-byte IV.",
        examples=["AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="],
    )
